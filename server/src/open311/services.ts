import { CATEGORIES, CATEGORY_GROUPS, SLA_CLASSES, type AppealCategory } from '@hotline-sim/shared';

/** A GeoReport v2 service: one category of the 12345 catalogue. */
export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

const groupName = (id: string) => {
  const g = CATEGORY_GROUPS.find((x) => x.id === id);
  return g ? `${g.zh} ${g.en}` : id;
};

/** `噪声扰民 Noise nuisance`: both names, Chinese first, as the hotline's own forms show them. */
export const serviceName = (c: Pick<AppealCategory, 'zh' | 'en'>) => `${c.zh} ${c.en}`;

/** The catalogue as Open311 services: `group` is the category group, keywords in Chinese and English. */
export const SERVICES: readonly Service[] = CATEGORIES.map((c) => {
  const sla = SLA_CLASSES[c.slaClass];
  return {
    service_code: c.id,
    service_name: serviceName(c),
    description: `${c.zh}（${sla.zh}，时限 ${sla.hours} 小时） ${c.en} (${sla.en.toLowerCase()}, time limit ${sla.hours} h)`,
    metadata: true,
    type: 'realtime',
    keywords: [...c.keywords.zh, ...c.keywords.en].join(','),
    group: groupName(c.group),
  };
});

/** Levels of the urgency attribute: recorded with the request (the time limit follows the category). */
export const URGENCY = [
  { key: 'normal', name: '一般 Normal' },
  { key: 'urgent', name: '紧急 Urgent' },
] as const;

/** GET services/{code}: the attributes a request of this service may carry. */
export function serviceDefinition(code: string) {
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'urgency',
        datatype: 'singlevaluelist' as const,
        required: false,
        datatype_description: 'normal or urgent',
        order: 1,
        description:
          '紧急程度 How urgent it is for you. Recorded with the request; the time limit (SLA) follows the service.',
        values: URGENCY.map((u) => ({ key: u.key, name: u.name })),
      },
    ],
  };
}
