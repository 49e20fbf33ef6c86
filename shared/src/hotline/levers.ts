/**
 * The scenario knobs a teacher switches, grouped by the seed paper's five drivers (VIOTE: value,
 * institution, organization, technology, environment; DOMAIN.md §7), each with one sentence saying
 * what it does. Paths point into the scenario (`lifecycle.dispatch.mode` …).
 */
export type VioteDriver = 'value' | 'institution' | 'organization' | 'technology' | 'environment';

export interface Lever {
  readonly path: string;
  readonly driver: VioteDriver;
  readonly zh: string;
  readonly en: string;
  readonly explain: { readonly zh: string; readonly en: string };
}

export const VIOTE_DRIVERS = {
  value: { zh: '价值（为了谁）', en: 'Value (for whom)' },
  institution: { zh: '制度（依何规则）', en: 'Institution (by which rules)' },
  organization: { zh: '组织（由谁来做）', en: 'Organization (by whom)' },
  technology: { zh: '技术（用何手段）', en: 'Technology (with what)' },
  environment: { zh: '环境（为何变革）', en: 'Environment (why)' },
} as const satisfies Record<VioteDriver, { zh: string; en: string }>;

export const LEVERS: readonly Lever[] = [
  {
    path: 'intake.agents',
    driver: 'value',
    zh: '话务员人数',
    en: 'Hotline agents',
    explain: {
      zh: '更多话务员，市民等待更短、放弃更少。',
      en: 'More agents: citizens wait less and hang up less.',
    },
  },
  {
    path: 'lifecycle.citizens.callbackReach',
    driver: 'value',
    zh: '回访覆盖',
    en: 'Callback reach',
    explain: {
      zh: '回访到的市民越多，三率越反映真实评价。',
      en: 'The more citizens the callback reaches, the more the 三率 reflect their view.',
    },
  },
  {
    path: 'lifecycle.dispatch.mode',
    driver: 'organization',
    zh: '派单方式',
    en: 'Dispatch mode',
    explain: {
      zh: '逐级派单经区转街乡；直派直达街乡；智能派单自动分类。',
      en: 'Tiered goes via the district; direct goes straight to the street; smart classifies automatically.',
    },
  },
  {
    path: 'lifecycle.dispatch.leadUnit',
    driver: 'organization',
    zh: '首接负责',
    en: 'First receiver leads',
    explain: {
      zh: '多部门诉求由首个接单单位牵头，不再相互推诿退单。',
      en: 'The first unit to receive a multi-unit case leads it instead of returning it.',
    },
  },
  {
    path: 'lifecycle.whistle.enabled',
    driver: 'organization',
    zh: '街乡吹哨、部门报到',
    en: 'Street whistle, departments report',
    explain: {
      zh: '街乡可召集部门到场，跨部门难题更易解决。',
      en: 'Streets can summon departments on site, so cross-department problems get solved.',
    },
  },
  {
    path: 'lifecycle.grid.enabled',
    driver: 'organization',
    zh: '热线+网格',
    en: 'Hotline + grid',
    explain: {
      zh: '网格员巡查发现问题，进入同一派单流程。',
      en: 'Grid workers find problems on patrol and feed them into the same dispatch pipeline.',
    },
  },
  {
    path: 'lifecycle.returns.review',
    driver: 'institution',
    zh: '退单审核',
    en: 'Return review',
    explain: {
      zh: '审核退单，驳回推诿，错派重新派发。',
      en: 'Returns are reviewed: dodging is refused, misroutes are re-dispatched.',
    },
  },
  {
    path: 'lifecycle.supervision.enabled',
    driver: 'institution',
    zh: '督办',
    en: 'Supervision of overdue orders',
    explain: {
      zh: '超期工单被督办，承办单位加力办理。',
      en: 'Overdue orders are supervised, and units try harder on them.',
    },
  },
  {
    path: 'lifecycle.assessment.ranking',
    driver: 'institution',
    zh: '三率考核排名',
    en: '三率 ranking',
    explain: {
      zh: '每月按三率排名，街乡和部门更快响应、更用心办理。',
      en: 'A monthly 三率 ranking makes streets and departments respond faster and try harder.',
    },
  },
  {
    path: 'lifecycle.assessment.governanceList',
    driver: 'institution',
    zh: '治理类街乡',
    en: 'Governance list',
    explain: {
      zh: '排名靠后的街乡纳入市级督导，直到连续表现良好。',
      en: 'The worst-ranked streets go under city supervision until they do well for a while.',
    },
  },
  {
    path: 'lifecycle.timeLimits',
    driver: 'institution',
    zh: '办理时限',
    en: 'Time limits',
    explain: {
      zh: '按类别设定的办理时限，决定回访与超期。',
      en: 'Time limits by class decide when the callback comes and what counts as overdue.',
    },
  },
  {
    path: 'lifecycle.proactive.monthlyTopic.topicsInForce',
    driver: 'institution',
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
    zh: '一网通办',
    en: 'One network for all services',
    explain: {
      zh: '渠道合并、自助办理，更多咨询当场解答。',
      en: 'Merged channels and self-service: more questions answered on the spot.',
    },
  },
  {
    path: 'lifecycle.proactive.hotSpots.enabled',
    driver: 'environment',
    zh: '未诉先办：热点发现',
    en: 'Proactive: hot spots',
    explain: {
      zh: '同一街乡同类诉求集中时，主动立项治理，减少后续来电。',
      en: 'When one problem recurs in one street, a proactive task cuts the calls that would follow.',
    },
  },
  {
    path: 'lifecycle.proactive.seasonal.enabled',
    driver: 'environment',
    zh: '未诉先办：季节预防',
    en: 'Proactive: seasonal pre-emption',
    explain: {
      zh: '供暖季前检修、汛期前疏通，季节性诉求提前化解。',
      en: 'Pre-repairs before heating season and drains before the floods pre-empt seasonal calls.',
    },
  },
  {
    path: 'lifecycle.proactive.monthlyTopic.enabled',
    driver: 'environment',
    zh: '每月一题',
    en: 'Monthly topic',
    explain: {
      zh: '每月选一个高频问题全市攻坚，需投入人力。',
      en: 'Each month the city tackles its top recurring problem, at a cost in staff time.',
    },
  },
  {
    path: 'lifecycle.injects',
    driver: 'environment',
    zh: '突发事件',
    en: 'Injects',
    explain: {
      zh: '暴雨、停运、供暖开始等突发情况改变需求与能力。',
      en: 'Storms, outages and the start of heating change demand and capacity.',
    },
  },
];
