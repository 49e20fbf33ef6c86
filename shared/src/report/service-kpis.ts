import type { ServiceObservation } from '../services/observation';
import { ratio } from '../util/ratio';

/**
 * KPIs of government service matters (事项) in the service-delivery cities: Shanghai's 一网通办 and
 * Zhejiang's 最多跑一次 (DOMAIN.md §10). A scenario with a `services` section reports them beside the
 * hotline's. The model that observes them lives in `shared/src/services/`.
 */
export const SERVICE_KPIS = {
  matters: { en: 'Service matters applied for (cases)', zh: '办件量', unit: 'count' },
  onlineShare: { en: 'Cases applied for online (网办率)', zh: '网办率', unit: 'share' },
  fullyOnlineShare: { en: 'Cases done fully online, no visit (全程网办)', zh: '全程网办率', unit: 'share' },
  atMostOneVisitShare: {
    en: 'Cases done with at most one visit (最多跑一次实现率)',
    zh: '最多跑一次实现率',
    unit: 'share',
  },
  visitsPerMatter: { en: 'Visits to a service hall per case', zh: '件均跑动次数', unit: 'count' },
  materialsPerMatter: { en: 'Materials submitted per case', zh: '件均提交材料数', unit: 'count' },
  daysPerMatter: { en: 'Days from application to result per case', zh: '件均办理天数', unit: 'd' },
  onTimeShare: { en: 'Cases done within the promised time (承诺时限)', zh: '按时办结率', unit: 'share' },
  goodReviewRate: { en: 'Good reviews of rated cases (好差评)', zh: '好评率', unit: 'share' },
  serviceSatisfactionRate: {
    en: 'Applicants satisfied with the case (survey)',
    zh: '办事满意度',
    unit: 'share',
  },
  matterCalls: {
    en: 'Calls to 12345 about service matters in the service sample (questions and complaints)',
    zh: '办事样本中涉及事项的12345来电',
    unit: 'count',
  },
  matterContacts: {
    en: "Contacts the hotline received about service matters (in the hotline's sample)",
    zh: '12345热线受理的办事事项来电',
    unit: 'count',
  },
} as const;

export type ServiceKpiName = keyof typeof SERVICE_KPIS;

/** Service KPI values of one replication's observation (shares NaN when nothing was counted). */
export function serviceKpis(o: ServiceObservation): Record<ServiceKpiName, number> {
  return {
    matters: o.matters,
    onlineShare: ratio(o.online, o.matters),
    fullyOnlineShare: ratio(o.fullyOnline, o.matters),
    atMostOneVisitShare: ratio(o.atMostOneVisit, o.matters),
    visitsPerMatter: ratio(o.visits, o.matters),
    materialsPerMatter: ratio(o.materials, o.matters),
    daysPerMatter: ratio(o.days, o.matters),
    onTimeShare: ratio(o.onTime, o.matters),
    goodReviewRate: ratio(o.goodReviews, o.rated),
    serviceSatisfactionRate: ratio(o.satisfied, o.applications),
    matterCalls: o.matterCalls,
    matterContacts: o.matterContacts,
  };
}
