/**
 * The levers catalogue: the scenario knobs a teacher switches, grouped by the seed paper's five
 * drivers (VIOTE: value, institution, organization, technology, environment; DOMAIN.md §7), each with
 * one sentence saying what it does, its kind and the range a sensitivity analysis swings it over.
 * `path` is a dotted path into the scenario that `sweep --set` accepts (switches as 0 / 1).
 *
 * Adding a lever is one entry here. Every entry must pass shared/test/levers-bite.test.ts: swung over
 * its range it changes at least one outcome KPI significantly (add its scenario there if the default
 * small scenario does not exercise it). `hotline levers <scenario>` lists them with their values.
 */
export type VioteDriver = 'value' | 'institution' | 'organization' | 'technology' | 'environment';
export type LeverKind = 'boolean' | 'number' | 'choice';

export interface Lever {
  readonly path: string;
  readonly driver: VioteDriver;
  readonly kind: LeverKind;
  /** Short name. */
  readonly zh: string;
  readonly en: string;
  /**
   * Numbers: the low and high end of a one-at-a-time swing. With `relative`, factors of the
   * scenario's own value (rounded when `integer`).
   */
  readonly range?: readonly [number, number];
  readonly relative?: boolean;
  /** Numbers that must be whole (counts). */
  readonly integer?: boolean;
  /** The lever does nothing, and is left out of the scenario's levers, when the scenario sets this path. */
  readonly overriddenBy?: string;
  /** Choices: every value the field takes. */
  readonly choices?: readonly string[];
  readonly explain: { readonly zh: string; readonly en: string };
}

export const VIOTE_DRIVERS = {
  value: { zh: '价值（为了谁）', en: 'Value (for whom)' },
  institution: { zh: '制度（依何规则）', en: 'Institution (by which rules)' },
  organization: { zh: '组织（由谁来做）', en: 'Organization (by whom)' },
  technology: { zh: '技术（用何手段）', en: 'Technology (with what)' },
  environment: { zh: '环境（为何变革）', en: 'Environment (why)' },
} as const satisfies Record<VioteDriver, { zh: string; en: string }>;

type Explain = Lever['explain'];
const on = (path: string, driver: VioteDriver, zh: string, en: string, explain: Explain): Lever => ({
  path,
  driver,
  kind: 'boolean',
  zh,
  en,
  explain,
});

export const LEVERS: readonly Lever[] = [
  {
    path: 'intake.agents',
    driver: 'value',
    kind: 'number',
    range: [0.8, 1.2],
    relative: true,
    integer: true,
    overriddenBy: 'intake.agentsByHour',
    zh: '话务员人数',
    en: 'Hotline agents',
    explain: {
      zh: '更多话务员，市民等待更短、放弃更少。',
      en: 'More agents: citizens wait less and hang up less.',
    },
  },
  {
    path: 'lifecycle.dispatch.mode',
    driver: 'organization',
    kind: 'choice',
    choices: ['tiered', 'direct', 'smart'],
    zh: '派单方式',
    en: 'Dispatch mode',
    explain: {
      zh: '逐级派单经区转街乡；直派直达街乡；智能派单自动分类。',
      en: 'Tiered goes via the district; direct goes straight to the street; smart classifies automatically.',
    },
  },
  on('lifecycle.dispatch.leadUnit', 'organization', '首接负责', 'First receiver leads', {
    zh: '多部门诉求由首个接单单位牵头，不再相互推诿退单。',
    en: 'The first unit to receive a multi-unit case leads it instead of returning it.',
  }),
  on(
    'lifecycle.whistle.enabled',
    'organization',
    '街乡吹哨、部门报到',
    'Street whistle, departments report',
    {
      zh: '街乡可召集部门到场，跨部门难题更易解决。',
      en: 'Streets can summon departments on site, so cross-department problems get solved.',
    },
  ),
  on('lifecycle.grid.enabled', 'organization', '热线+网格', 'Hotline + grid', {
    zh: '网格员巡查发现问题，进入同一派单流程。',
    en: 'Grid workers find problems on patrol and feed them into the same dispatch pipeline.',
  }),
  {
    path: 'lifecycle.units.targetUtilisation',
    driver: 'organization',
    kind: 'number',
    range: [0.6, 0.95],
    zh: '承办单位负荷',
    en: 'Unit staffing (utilisation)',
    explain: {
      zh: '人手按预期负荷配置；负荷越高，人手越紧，工单排队越久、超期越多。',
      en: 'Units are staffed for their load; the higher the utilisation, the fewer hands and the longer orders wait.',
    },
  },
  on('lifecycle.returns.review', 'institution', '退单审核', 'Return review', {
    zh: '审核退单，驳回推诿，错派重新派发。',
    en: 'Returns are reviewed: dodging is refused, misroutes are re-dispatched.',
  }),
  on('lifecycle.supervision.enabled', 'institution', '督办', 'Supervision of overdue orders', {
    zh: '超期工单被督办，承办单位加力办理。',
    en: 'Overdue orders are supervised, and units try harder on them.',
  }),
  on('lifecycle.assessment.ranking', 'institution', '三率考核排名', '三率 ranking', {
    zh: '每月按三率排名，街乡和部门更快响应、更用心办理。',
    en: 'A monthly 三率 ranking makes streets and departments respond faster and try harder.',
  }),
  on('lifecycle.assessment.governanceList', 'institution', '治理类街乡', 'Governance list', {
    zh: '排名靠后的街乡纳入市级督导，直到连续表现良好。',
    en: 'The worst-ranked streets go under city supervision until they do well for a while.',
  }),
  {
    path: 'lifecycle.timeLimits.7d',
    driver: 'institution',
    kind: 'number',
    range: [24, 168],
    zh: '一般诉求办理时限（小时）',
    en: 'Time limit of ordinary (7-day) orders, hours',
    explain: {
      zh: '时限决定何时回访、何时算超期并被督办。',
      en: 'The limit decides when the callback comes and when an order is overdue and supervised.',
    },
  },
  {
    path: 'lifecycle.proactive.monthlyTopic.topicsInForce',
    driver: 'institution',
    kind: 'number',
    range: [0, 62],
    integer: true,
    zh: '每月一题政策',
    en: 'Monthly-topic policies in force',
    explain: {
      zh: '往年每月一题出台的政策，使同类难题更易解决。',
      en: 'Policies from earlier monthly topics make those hard problems easier to solve.',
    },
  },
  {
    path: 'lifecycle.dispatch.smartAccuracy',
    driver: 'technology',
    kind: 'number',
    range: [0.8, 0.99],
    zh: '智能派单准确率',
    en: 'Smart dispatch accuracy',
    explain: {
      zh: '自动分类越准，错派和退单越少。',
      en: 'The better the auto-classification, the fewer misroutes and returns.',
    },
  },
  {
    path: 'lifecycle.reforms.dataSharing',
    driver: 'technology',
    kind: 'number',
    range: [0, 0.8],
    zh: '最多跑一次（数据共享）',
    en: 'At most one trip (data sharing)',
    explain: {
      zh: '数据多跑路，错派、退单和重复来电减少。',
      en: 'Data travels instead of citizens: fewer misroutes, returns and repeat calls.',
    },
  },
  {
    path: 'lifecycle.reforms.oneNetwork',
    driver: 'technology',
    kind: 'number',
    range: [0, 0.8],
    zh: '一网通办',
    en: 'One network for all services',
    explain: {
      zh: '渠道合并、自助办理，更多咨询当场解答。',
      en: 'Merged channels and self-service: more questions answered on the spot.',
    },
  },
  on('lifecycle.proactive.hotSpots.enabled', 'environment', '未诉先办：热点发现', 'Proactive: hot spots', {
    zh: '同一街乡同类诉求集中时，主动立项治理，减少后续来电。',
    en: 'When one problem recurs in one street, a proactive task cuts the calls that would follow.',
  }),
  on(
    'lifecycle.proactive.seasonal.enabled',
    'environment',
    '未诉先办：季节预防',
    'Proactive: seasonal pre-emption',
    {
      zh: '供暖季前检修、汛期前疏通，季节性诉求提前化解。',
      en: 'Pre-repairs before heating season and drains before the floods pre-empt seasonal calls.',
    },
  ),
  on('lifecycle.proactive.monthlyTopic.enabled', 'environment', '每月一题', 'Monthly topic', {
    zh: '每月选一个高频问题全市攻坚，需投入人力。',
    en: 'Each month the city tackles its top recurring problem, at a cost in staff time.',
  }),
];
