/**
 * The levers catalogue: the scenario knobs a teacher switches, grouped by the seed paper's five
 * drivers (VIOTE: value, institution, organization, technology, environment; DOMAIN.md §7), each with
 * one sentence saying what it does, its kind and the range a sensitivity analysis swings it over.
 * `path` is a dotted path into the scenario that `sweep --set` accepts (switches as 0 / 1).
 *
 * Adding a lever is one entry here. Every entry must pass shared/test/levers-bite/: swung over
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

const num = (
  path: string,
  driver: VioteDriver,
  range: readonly [number, number],
  zh: string,
  en: string,
  explain: Explain,
  more: Partial<Pick<Lever, 'integer' | 'relative' | 'overriddenBy'>> = {},
): Lever => ({ path, driver, kind: 'number', range, ...more, zh, en, explain });

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
  num(
    'lifecycle.whistle.reportLimitMinutes',
    'institution',
    [10, 240],
    '报到时限（分钟）',
    'Report limit, minutes',
    {
      zh: '街乡考核部门报到的时限：时限越紧，部门到场越快，赶上现场联合处置的越多，吹哨案件解决率越高、办理越快。',
      en: 'The report limit streets hold departments to (双考核): a tighter limit brings offices sooner, so more make the joint handling and whistle cases resolve more and close faster.',
    },
  ),
  num('lifecycle.whistle.limitPull', 'institution', [0, 1], '报到时限约束力', 'Pull of the report limit', {
    zh: '考核对报到速度的约束力：0表示时限只是统计口径。',
    en: 'How strongly the streets’ assessment makes the limit bind: 0 means the limit only labels reports on time.',
  }),
  num('lifecycle.whistle.loadPerReport', 'organization', [0, 2], '所队负荷', 'Office load per report', {
    zh: '所队同时处理多起报到时，每多一起，下一次报到就慢这么多。',
    en: 'Each report an office is already on slows its next by this share: busy offices come late.',
  }),
  num(
    'lifecycle.whistle.travelKmh',
    'environment',
    [10, 60],
    '所队车速（公里/时）',
    'Office travel speed, km/h',
    {
      zh: '区级所队从区政府驻地赶到街乡的车速：远郊乡镇报到更慢。',
      en: 'Speed at which district-level offices drive from the district seat: remote townships wait longer.',
    },
  ),
  num(
    'lifecycle.whistle.jointMinutes',
    'organization',
    [15, 240],
    '现场联合处置（分钟）',
    'Joint handling, minutes',
    {
      zh: '街乡现场联合处置持续时长；此后到场的部门错过处置，案件更难解决。',
      en: 'How long the street’s joint handling on site lasts; offices arriving later miss it and the case resolves less often.',
    },
  ),
  num(
    'lifecycle.streets.minRatedToRank',
    'institution',
    [1, 100],
    '参与排名最少评价数',
    'Rated orders to be ranked',
    {
      zh: '街乡当月评价工单少于此数则不参与排名。',
      en: 'A street with fewer rated orders in the month is not ranked.',
    },
    { integer: true },
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
  num('lifecycle.units.capacity.department', 'organization', [0.25, 2], '市级部门人手', 'Department staff', {
    zh: '市级部门人手（相对按负荷配置）：越少排队越长、超时越多。',
    en: 'Department staff relative to load-sized staffing: less capacity means longer queues and more lateness.',
  }),
  num('lifecycle.units.capacity.street', 'organization', [0.25, 2], '街乡人手', 'Street staff', {
    zh: '街乡人手（相对按负荷配置）：越少排队越长、超时越多。',
    en: 'Street staff relative to load-sized staffing: less capacity means longer queues and more lateness.',
  }),
  num('lifecycle.units.capacity.utility', 'organization', [0.25, 2], '公共服务企业人手', 'Utility staff', {
    zh: '公共服务企业人手（相对按负荷配置）：越少排队越长、超时越多。',
    en: 'Utility staff relative to load-sized staffing: less capacity means longer queues and more lateness.',
  }),
  num(
    'lifecycle.streets.fringe.staffing',
    'organization',
    [0.3, 2],
    '城乡结合部人手',
    'Fringe street staffing',
    {
      zh: '城乡结合部街乡人手相对工作量的配置：人手少则工单排队更久。',
      en: 'Staffing of fringe streets relative to their load: fewer handlers, longer queues.',
    },
  ),
  num('lifecycle.adoption.dispatch.share', 'organization', [0, 1], '直派覆盖', 'Direct dispatch adoption', {
    zh: '采用直派（或所选派单方式）的街乡比例；其余街乡经区级转派，响应更慢。',
    en: 'Share of streets using the scenario dispatch mode (direct); the others get orders via their district, a day later.',
  }),
  num('lifecycle.adoption.grid.share', 'organization', [0, 1], '网格覆盖', 'Grid adoption', {
    zh: '开展网格巡查的街乡比例；没有网格的街乡问题只能等市民来电。',
    en: "Share of streets with grid patrols; streets without them learn of problems only from citizens' calls.",
  }),
  num('lifecycle.adoption.whistle.share', 'organization', [0, 1], '吹哨覆盖', 'Whistle adoption', {
    zh: '可以吹哨召集部门的街乡比例（2018 年试点 169 个街乡，约 51 %）；其余街乡跨部门难题更难解决。',
    en: 'Share of streets that can summon departments (the 2018 pilot: 169 streets, 51 %); elsewhere cross-department problems go unsolved more often.',
  }),
  on('lifecycle.returns.review', 'institution', '退单审核', 'Return review', {
    zh: '审核退单，驳回推诿，错派重新派发。',
    en: 'Returns are reviewed: dodging is refused, misroutes are re-dispatched.',
  }),
  on('lifecycle.supervision.enabled', 'institution', '督办', 'Supervision of overdue orders', {
    zh: '督办：超时工单被督办，计入单位扣分并加压下月，不会让工单本身变好。',
    en: '督办: overdue orders are supervised; it counts against the unit and presses it next month, it does not make the order better.',
  }),
  num('lifecycle.supervision.scorePenalty', 'institution', [0, 2], '督办扣分', 'Supervision penalty', {
    zh: '每单位督办率扣减的考核得分。',
    en: 'Score lost per share of orders supervised.',
  }),
  on('lifecycle.assessment.ranking', 'institution', '三率考核排名', '三率 ranking', {
    zh: '每月按三率排名，街乡和部门更快响应、更用心办理。',
    en: 'A monthly 三率 ranking makes streets and departments respond faster and try harder.',
  }),
  on('lifecycle.assessment.governanceList', 'institution', '治理类街乡', 'Governance list', {
    zh: '排名靠后的街乡纳入市级督导，直到连续表现良好。',
    en: 'The worst-ranked streets go under city supervision until they do well for a while.',
  }),
  num(
    'lifecycle.assessment.weights.satisfaction',
    'institution',
    [0, 1],
    '满意率权重',
    'Satisfaction weight',
    {
      zh: '三率权重决定基层把精力放在办事还是联系群众；满意率权重越高，刷分越多。',
      en: 'The 三率 weights split effort between the work and contact with the citizen; more weight on satisfaction means less work effort and more gaming.',
    },
  ),
  num('lifecycle.assessment.weights.resolution', 'institution', [0, 1], '解决率权重', 'Resolution weight', {
    zh: '解决率权重越高，基层越把精力放在把事办成上。',
    en: 'The more weight on resolution, the more effort units put into the work itself.',
  }),
  num('lifecycle.assessment.weights.response', 'institution', [0, 1], '响应率权重', 'Response weight', {
    zh: '响应率权重越高，基层越重视按时联系群众。',
    en: 'The more weight on response, the more units care about contacting the citizen in time.',
  }),
  num('lifecycle.assessment.rankingPressure', 'institution', [0, 1.5], '排名压力', 'Ranking pressure', {
    zh: '排名末位承受的额外压力（榜首为0）。',
    en: 'Extra pressure at the bottom of the league (0 at the top).',
  }),
  num(
    'lifecycle.assessment.governanceListSize',
    'institution',
    [0, 60],
    '治理类街乡数',
    'Governance list size',
    {
      zh: '每月末位N个街乡列入治理类：受督导并获区里增援，次月得分上升。',
      en: 'The bottom N streets each month go on the governance list: pressure plus district help; their scores rise the next month.',
    },
    { integer: true },
  ),
  num(
    'lifecycle.assessment.governanceListExitMonths',
    'institution',
    [1, 12],
    '治理类退出月数',
    'Months to leave the list',
    {
      zh: '治理类街乡须连续表现良好这么多个月才能退出名单。',
      en: 'A listed street must do well this many months in a row to leave the list.',
    },
    { integer: true },
  ),
  num(
    'lifecycle.assessment.governanceListHelp',
    'organization',
    [0, 1],
    '治理类增援',
    'Help for listed streets',
    {
      zh: '区里给治理类街乡增派人手的比例。',
      en: 'Extra staff the district sends to a listed street.',
    },
  ),
  num('lifecycle.assessment.effortHours.paperwork', 'institution', [0, 1], '留痕材料', 'Paperwork', {
    zh: '留痕材料：考核压力越大，每单材料工时越多（基层负担）。',
    en: 'Paperwork hours per unit of pressure (留痕, 基层负担): staff time that solves nothing.',
  }),
  num('lifecycle.assessment.integrity', 'value', [0, 1], '基层诚信', 'Integrity', {
    zh: '基层诚信越低，考核压力下越多刷分（施压求好评、申请剔除、提前办结）。',
    en: 'The lower the integrity, the more units game the rates under pressure (pressing for ratings, exclusions, closing early).',
  }),
  num(
    'lifecycle.assessment.gaming.excludeShare',
    'institution',
    [0, 1],
    '不合理诉求剔除',
    'Exclusions granted',
    {
      zh: '申请剔除不合理诉求时被批准的比例。',
      en: 'Share of requests to exclude an appeal as unreasonable that the review grants.',
    },
  ),
  {
    path: 'lifecycle.timeLimits.7d',
    driver: 'institution',
    kind: 'number',
    range: [24, 168],
    zh: '一般诉求办理时限（小时）',
    en: 'Time limit of ordinary (7-day) orders, hours',
    explain: {
      zh: '时限越短、能力不变，超时越多，解决率满意率下降。',
      en: 'Shorter limits without more capacity mean more late orders: resolution and satisfaction fall.',
    },
  },
  num(
    'lifecycle.timeLimits.2h',
    'institution',
    [2, 8],
    '紧急诉求时限（小时）',
    'Time limit of urgent (2-hour) orders, hours',
    {
      zh: '时限越短、能力不变，超时越多，解决率满意率下降。',
      en: 'Shorter limits without more capacity mean more late orders: resolution and satisfaction fall.',
    },
  ),
  num(
    'lifecycle.timeLimits.24h',
    'institution',
    [8, 72],
    '24小时诉求时限（小时）',
    'Time limit of 24-hour orders, hours',
    {
      zh: '时限越短、能力不变，超时越多，解决率满意率下降。',
      en: 'Shorter limits without more capacity mean more late orders: resolution and satisfaction fall.',
    },
  ),
  num(
    'lifecycle.timeLimits.15d',
    'institution',
    [24, 720],
    '复杂诉求时限（小时）',
    'Time limit of complex (15-day) orders, hours',
    {
      zh: '时限越短、能力不变，超时越多，解决率满意率下降。',
      en: 'Shorter limits without more capacity mean more late orders: resolution and satisfaction fall.',
    },
  ),
  num('lifecycle.response.limitHours', 'institution', [1, 72], '响应时限（小时）', 'Response limit, hours', {
    zh: '签收后须在此时限内联系群众（或工单时限，取较短者）。',
    en: "The unit must contact the citizen within this many hours of signing (or the order's limit if shorter).",
  }),
  {
    path: 'lifecycle.proactive.monthlyTopic.topicsInForce',
    driver: 'institution',
    kind: 'number',
    range: [0, 62],
    integer: true,
    zh: '每月一题政策',
    en: 'Monthly-topic policies in force',
    explain: {
      zh: '往年每月一题中仍然有效的政策数量（60个即全覆盖），提高各类问题的解决率。',
      en: "Earlier years' topic policies still in force (60 = full coverage); they raise resolution.",
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
  num('lifecycle.adoption.dataSharing.share', 'technology', [0, 1], '数据共享覆盖', 'Data sharing adoption', {
    zh: '实现数据共享的街乡比例；只有这些街乡减少错派、重复来电并提高解决率。',
    en: 'Share of streets with shared data; only there are misroutes and repeat calls fewer and resolution higher.',
  }),
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
    zh: '每月一题：市级部门按月牵头治理指定问题，政策持续减少该类诉求并提高解决率。',
    en: '每月一题: each month a city department leads a campaign on a listed problem; its policies keep cutting that problem and help its orders resolve.',
  }),
  num(
    'lifecycle.proactive.monthlyTopic.effect',
    'institution',
    [0, 0.6],
    '每月一题成效',
    'Monthly-topic effect',
    {
      zh: '每月一题政策全面落地后，该类问题的发生率下降比例。',
      en: "How much a topic's policies, once in place, cut the rate of its problem.",
    },
  ),
  num(
    'lifecycle.proactive.monthlyTopic.rampMonths',
    'institution',
    [1, 12],
    '每月一题见效月数',
    'Months to take effect',
    {
      zh: '每月一题政策从出台到全面见效的月数，之后长期有效。',
      en: "Months for a topic's policies to take full effect; they stay afterwards.",
    },
  ),
  num('lifecycle.citizens.callbackReach', 'environment', [0.3, 1], '回访接通率', 'Callback reach', {
    zh: '回访接通率：问题未解决的群众更少接回访，接通率越低测得的满意率越高。',
    en: 'Callback reach: citizens whose problem was not resolved answer less often, so lower reach inflates the measured rates.',
  }),
  num(
    'lifecycle.citizens.unresolvedReachLogit',
    'environment',
    [0, 3],
    '未解决者拒接',
    'Unresolved decline callbacks',
    {
      zh: '问题未解决的群众少接回访的程度。',
      en: 'How much less often citizens with unresolved problems take the callback.',
    },
  ),
  num(
    'lifecycle.streets.fringe.difficulty',
    'environment',
    [-0.3, 0.5],
    '城乡结合部难度',
    'Fringe difficulty',
    {
      zh: '城乡结合部问题的额外难度（群租、违建、权属不清）。',
      en: "Extra difficulty of fringe streets' problems (group rentals, illegal building, unclear jurisdiction).",
    },
  ),
  num(
    'lifecycle.demandYear',
    'environment',
    [2020, 2025],
    '诉求结构年份',
    'Year of the demand mix',
    {
      zh: '诉求结构所属年份：疫情防控类只在2020–2022年出现。',
      en: 'Year of the demand mix: epidemic appeals exist only in 2020–2022.',
    },
    { integer: true },
  ),
];
