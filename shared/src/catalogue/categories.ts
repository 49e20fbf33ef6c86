/**
 * The appeal category catalogue (a condensed 派单目录): what citizens call about, who owns it, how long
 * the owner has, and the assumed behavioural parameters the model draws from.
 *
 * What is sourced (DOMAIN.md) and what is assumed:
 * - Sourced: the category mix (2020 top ten, 2019 top complaints, DOMAIN.md §4), the SLA classes
 *   (DB11/T draft, §2), the seasons (heating 15 Nov - 15 Mar spiking in its first week, flood season
 *   Jul-Aug, §4), the mean non-dispatched share (58.5 % consultations 2019-2021, §2.2).
 * - Assumed (scenario parameters, not facts): the split of each 2020 figure across our categories,
 *   the shares of categories outside the 2020 top ten, every per-category `directAnswer`, `whistle`,
 *   `redirect` probability and `difficulty`, and the shapes of the monthly profiles.
 */
import type { CityUnitId, DepartmentId, UtilityId } from './units';
import { CITY_UNITS } from './units';

/** Twelve monthly multipliers, January first, averaging 1. */
export type Monthly = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/**
 * Time-limit classes of the DB11/T 2021-2022 draft (DOMAIN.md §2): emergency 2 h, water/power/gas/heat
 * 24 h, general 7 days, complex 15 days.
 */
export type SlaClass = '2h' | '24h' | '7d' | '15d';

/**
 * The SLA classes with their limits in hours and labels. Days are counted as calendar days (24 h each);
 * the draft's wording does not settle calendar vs working days, so a scenario may choose otherwise.
 */
export const SLA_CLASSES = {
  '2h': { hours: 2, zh: '紧急类', en: 'Emergency' },
  '24h': { hours: 24, zh: '水电气热类', en: 'Water, power, gas, heat' },
  '7d': { hours: 7 * 24, zh: '一般类', en: 'General' },
  '15d': { hours: 15 * 24, zh: '复杂类', en: 'Complex' },
} as const satisfies Record<SlaClass, { hours: number; zh: string; en: string }>;

/** Emergency numbers an agent hands a call over to instead of creating an order (DOMAIN.md §2.2). */
export type RedirectChannel = '110' | '119' | '120' | '122';

/** The emergency channels with their labels. */
export const REDIRECT_CHANNELS = {
  '110': { zh: '110报警', en: 'Police (110)' },
  '119': { zh: '119火警', en: 'Fire (119)' },
  '120': { zh: '120急救', en: 'Ambulance (120)' },
  '122': { zh: '122交通事故报警', en: 'Traffic accidents (122)' },
} as const satisfies Record<RedirectChannel, { zh: string; en: string }>;

/** A group of categories, for the UI and reports. */
export interface CategoryGroup {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * The category groups. The first nine follow the 2020 top categories (DOMAIN.md §4: epidemic sits in
 * health); environment and government services hold the 2019 complaints and consultations outside them.
 */
export const CATEGORY_GROUPS = [
  { id: 'health', zh: '卫生健康', en: 'Health' },
  { id: 'market', zh: '市场管理', en: 'Market regulation' },
  { id: 'public-services', zh: '公共服务', en: 'Public services' },
  { id: 'housing', zh: '住房', en: 'Housing' },
  { id: 'urban-construction', zh: '城乡建设', en: 'Urban construction' },
  { id: 'traffic', zh: '交通管理', en: 'Traffic' },
  { id: 'social-order', zh: '社会秩序', en: 'Social order' },
  { id: 'labour', zh: '劳动和社会保障', en: 'Labour and social security' },
  { id: 'education', zh: '教育', en: 'Education' },
  { id: 'environment', zh: '生态环境', en: 'Environment' },
  { id: 'government-services', zh: '政务服务', en: 'Government services' },
] as const satisfies readonly CategoryGroup[];

/** Id of a category group. */
export type CategoryGroupId = (typeof CATEGORY_GROUPS)[number]['id'];

/**
 * Who owns (承办) a category when it is dispatched: the street or the district of the appeal's place,
 * or a named city department or utility.
 */
export type CategoryOwner =
  | { readonly kind: 'street' }
  | { readonly kind: 'district' }
  | { readonly kind: 'department'; readonly unitId: DepartmentId }
  | { readonly kind: 'utility'; readonly unitId: UtilityId };

/** An emergency hand-over: with `probability`, intake passes the call to `channel` (no order). */
export interface Redirect {
  readonly channel: RedirectChannel;
  readonly probability: number;
}

/**
 * A short burst inside one month, e.g. the first week of the heating season. Days from `day` (1-based)
 * for `days` days weigh `factor` times the other days of that month; the month's mean stays its
 * monthly multiplier (see {@link seasonalMultiplier}).
 */
export interface SeasonalSpike {
  /** Month, 1 = January. */
  readonly month: number;
  /** First day of the burst, 1-based. */
  readonly day: number;
  readonly days: number;
  readonly factor: number;
}

/** One appeal category of the dispatch catalogue. */
export interface AppealCategory {
  /** Stable kebab-case id; also the Open311 `service_code`. */
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly group: CategoryGroupId;
  readonly owner: CategoryOwner;
  readonly slaClass: SlaClass;
  /** Fraction of all contacts in this category; the catalogue's shares sum to 1. */
  readonly share: number;
  /**
   * Probability that the agent answers on the spot (直接答复) when the call is not redirected.
   * Assumed per category; calibrated so the contact-weighted non-dispatched share is near 58.5 %.
   */
  readonly directAnswer: number;
  /**
   * Probability that the owning street (or district) blows the whistle (吹哨) for departments while
   * handling an order. Zero for categories a department or utility owns. Assumed.
   */
  readonly whistle: number;
  /** The departments or utilities that report (报到) when the whistle blows. */
  readonly whistleUnits: readonly CityUnitId[];
  /** Monthly demand multipliers, January first, averaging 1. */
  readonly seasonality: Monthly;
  /** An optional burst within one month, on top of {@link AppealCategory.seasonality}. */
  readonly spike: SeasonalSpike | null;
  /** Emergency hand-over, decided at intake before any direct answer; `null` when never. */
  readonly redirect: Redirect | null;
  /**
   * Probability that the matter is already for a legal channel (a court case, labour arbitration,
   * administrative reconsideration): the agent explains that channel instead of dispatching
   * (依法分类处置; DOMAIN.md §2: "legal matters to their channels"). Assumed; absent means never.
   */
  readonly legalChannel?: number;
  /** Search words for the Open311 services list and for classifying imported traces. */
  readonly keywords: { readonly zh: readonly string[]; readonly en: readonly string[] };
  /**
   * Probability that the first handling does NOT fully resolve the appeal (so `1 - difficulty` is the
   * first-handling resolution probability). An assumed base value that policies (whistle, data sharing,
   * proactive work) modify.
   */
  readonly difficulty: number;
}

/**
 * Contact volumes are given in units of 10,000 items per year on a 2020 basis: 11.04 M contacts =
 * 1,104 units (DOMAIN.md §4). The ten 2020 top categories (epidemic 107.7, market 98, public services
 * 64.8, housing 61.2, health 59.8, urban construction 54.8, traffic 47.2, social order 46.5, labour 35.7,
 * education 35.1) are split across our categories (the split is assumed); the remaining 493.2 units
 * go to categories outside the top ten, with the rest in 'policy-consultation' (assumed).
 * These are 2020's shares; demand-years.ts gives each year's (疫情防控 only in 2020-2022).
 */
const TOTAL_2020 = 1104;

/** Share of all contacts for a yearly volume in 10,000 items (2020 basis). */
function per10k(volume: number): number {
  return volume / TOTAL_2020;
}

// Volumes of the categories outside the 2020 top ten (assumed), and the remainder.
const OUTSIDE_TOP_TEN = {
  'water-supply': 12,
  'power-supply': 11,
  'gas-supply': 6,
  garbage: 40,
  'air-pollution': 18,
  'river-pollution': 5,
  waterlogging: 10,
  pests: 10,
  greening: 16,
  'elderly-care': 18,
} as const;
/** The 2020 top ten in DOMAIN.md §4's order (epidemic … education): 610.8 units together. */
const TOP_TEN_2020 = [107.7, 98, 64.8, 61.2, 59.8, 54.8, 47.2, 46.5, 35.7, 35.1] as const;
const OTHER_2020 = TOTAL_2020 - TOP_TEN_2020.reduce((a, b) => a + b, 0);
const POLICY_CONSULTATION_2020 = OTHER_2020 - Object.values(OUTSIDE_TOP_TEN).reduce((a, b) => a + b, 0);

// Monthly profiles (January first, each sums to 12). Shapes are assumed unless noted.
const FLAT: Monthly = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
/** Heating season 15 Nov - 15 Mar (DOMAIN.md §4); summer calls are pre-repairs and bills. */
const HEATING: Monthly = [2.0, 1.5, 1.0, 0.3, 0.2, 0.2, 0.2, 0.2, 0.4, 1.0, 2.8, 2.2];
/** Flood season July-August (DOMAIN.md §4). */
const FLOOD: Monthly = [0.2, 0.2, 0.3, 0.4, 0.6, 1.4, 3.6, 3.2, 0.9, 0.5, 0.4, 0.3];
const MOSQUITOES: Monthly = [0.2, 0.2, 0.3, 0.6, 1.2, 1.9, 2.4, 2.3, 1.6, 0.7, 0.4, 0.2];
/** Windows open, square dancing and night markets in summer. */
const SUMMER_NOISE: Monthly = [0.7, 0.7, 0.8, 0.9, 1.1, 1.3, 1.4, 1.4, 1.1, 0.9, 0.8, 0.9];
/** Building sites slow down in winter and stop over the Spring Festival. */
const CONSTRUCTION: Monthly = [0.6, 0.5, 0.9, 1.1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.0, 0.7];
/** Air-conditioning load in summer, electric heating (煤改电) in winter. */
const POWER: Monthly = [1.2, 1.0, 0.8, 0.7, 0.8, 1.2, 1.5, 1.4, 0.9, 0.7, 0.8, 1.0];
/** Summer demand peaks, frozen pipes in winter. */
const WATER: Monthly = [1.1, 1.0, 0.8, 0.8, 0.9, 1.1, 1.3, 1.2, 0.9, 0.8, 0.9, 1.2];
const GAS: Monthly = [1.3, 1.2, 1.0, 0.9, 0.8, 0.7, 0.7, 0.7, 0.8, 1.0, 1.3, 1.6];
/** Enrolment information is collected in spring, places are announced in summer. */
const ENROLMENT: Monthly = [0.6, 0.6, 0.9, 1.6, 1.9, 1.5, 1.0, 1.3, 1.0, 0.6, 0.5, 0.5];
/** Migrant workers chase wages before the Spring Festival. */
const WAGES: Monthly = [1.5, 1.1, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1.2, 1.6];
/** Poplar and willow catkins in April-May, storm-damaged trees in summer. */
const GREENING: Monthly = [0.5, 0.5, 0.9, 1.6, 1.5, 1.3, 1.4, 1.3, 1.0, 0.8, 0.7, 0.5];
/** Summer heat makes rubbish smell. */
const SUMMER_MILD: Monthly = [0.9, 1.0, 0.9, 0.9, 1.0, 1.1, 1.2, 1.2, 1.0, 0.9, 0.9, 1.0];
/** Heating-season smog and burning. */
const WINTER_MILD: Monthly = [1.3, 1.2, 1.1, 1.0, 0.9, 0.9, 0.8, 0.8, 0.9, 1.0, 1.0, 1.1];
const RIVER: Monthly = [0.7, 0.7, 0.8, 0.9, 1.1, 1.3, 1.4, 1.3, 1.1, 0.9, 0.9, 0.9];
/** Heaters, dry air and Spring Festival fireworks. */
const FIRE: Monthly = [1.3, 1.3, 1.1, 1.0, 0.9, 0.8, 0.8, 0.8, 0.9, 1.0, 1.0, 1.1];
/** Street vendors and night markets in the warm months. */
const VENDING: Monthly = [0.8, 0.8, 0.9, 1.0, 1.1, 1.2, 1.2, 1.2, 1.1, 1.0, 0.9, 0.8];
/** Online shopping festivals (November) and Spring Festival shopping. */
const SHOPPING: Monthly = [1.1, 1.0, 1.0, 0.9, 1.0, 1.0, 0.9, 0.9, 0.9, 1.0, 1.2, 1.1];
/** Summer holiday classes and the new school year. */
const TRAINING: Monthly = [0.9, 1.0, 1.0, 0.9, 0.9, 1.0, 1.3, 1.2, 1.2, 0.9, 0.8, 0.9];

/**
 * The catalogue. Every `directAnswer`, `whistle`, `redirect.probability` and `difficulty` is assumed
 * (DOMAIN.md gives no per-category figure); owners follow the usual Beijing division of duties.
 */
export const CATEGORIES = [
  // ── health: 2020 epidemic 107.7 + health 59.8 ──
  {
    id: 'epidemic-prevention',
    zh: '疫情防控',
    en: 'Epidemic prevention',
    group: 'health',
    owner: { kind: 'district' },
    slaClass: '7d',
    share: per10k(107.7),
    directAnswer: 0.85,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['疫情', '隔离', '核酸', '健康码', '防控'],
      en: ['epidemic', 'quarantine', 'covid', 'testing'],
    },
    difficulty: 0.3,
  },
  {
    id: 'medical-services',
    zh: '医疗服务',
    en: 'Medical services',
    group: 'health',
    owner: { kind: 'department', unitId: 'health' },
    slaClass: '7d',
    share: per10k(40),
    directAnswer: 0.5,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: { channel: '120', probability: 0.02 },
    keywords: { zh: ['医院', '挂号', '医生', '看病'], en: ['hospital', 'doctor', 'appointment', 'clinic'] },
    difficulty: 0.35,
  },
  {
    id: 'medical-insurance',
    zh: '医疗保障',
    en: 'Medical insurance',
    group: 'health',
    owner: { kind: 'department', unitId: 'medical-insurance' },
    slaClass: '7d',
    share: per10k(19.8),
    directAnswer: 0.8,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['医保', '报销', '医保卡', '异地就医'],
      en: ['medical insurance', 'reimbursement', 'insurance card'],
    },
    difficulty: 0.25,
  },
  // ── market: 2020 market management 98 ──
  {
    id: 'unlicensed-trading',
    zh: '无照经营',
    en: 'Unlicensed trading',
    group: 'market',
    owner: { kind: 'street' },
    slaClass: '7d',
    share: per10k(28),
    directAnswer: 0.1,
    whistle: 0.25,
    whistleUnits: ['market', 'urban-law-enforcement'],
    seasonality: VENDING,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['无照经营', '游商', '占道经营', '摆摊'],
      en: ['unlicensed', 'street vendor', 'stall', 'hawker'],
    },
    difficulty: 0.45,
  },
  {
    id: 'consumer-disputes',
    zh: '消费纠纷',
    en: 'Consumer disputes',
    group: 'market',
    owner: { kind: 'department', unitId: 'market' },
    slaClass: '7d',
    share: per10k(52),
    directAnswer: 0.4,
    whistle: 0,
    whistleUnits: [],
    seasonality: SHOPPING,
    spike: null,
    redirect: null,
    legalChannel: 0.05,
    keywords: {
      zh: ['退费', '预付卡', '商家', '退款', '消费'],
      en: ['refund', 'prepaid card', 'merchant', 'consumer'],
    },
    difficulty: 0.45,
  },
  {
    id: 'food-safety',
    zh: '食品安全',
    en: 'Food safety',
    group: 'market',
    owner: { kind: 'department', unitId: 'market' },
    slaClass: '7d',
    share: per10k(18),
    directAnswer: 0.2,
    whistle: 0,
    whistleUnits: [],
    seasonality: SUMMER_MILD,
    spike: null,
    redirect: null,
    keywords: { zh: ['食品', '过期', '餐馆', '卫生'], en: ['food', 'expired', 'restaurant', 'hygiene'] },
    difficulty: 0.25,
  },
  // ── public services: 2020 public services (heating, buses) 64.8; water, power, gas outside top ten ──
  {
    id: 'heating',
    zh: '供暖',
    en: 'Heating',
    group: 'public-services',
    owner: { kind: 'utility', unitId: 'heat' },
    slaClass: '24h',
    share: per10k(42),
    directAnswer: 0.35,
    whistle: 0,
    whistleUnits: [],
    seasonality: HEATING,
    // First week of the heating season (DOMAIN.md §4); the factor is assumed.
    spike: { month: 11, day: 15, days: 7, factor: 3 },
    redirect: null,
    keywords: {
      zh: ['供暖', '暖气', '不热', '室温', '采暖费'],
      en: ['heating', 'radiator', 'cold', 'room temperature'],
    },
    difficulty: 0.3,
  },
  {
    id: 'public-transport',
    zh: '公共交通',
    en: 'Public transport',
    group: 'public-services',
    owner: { kind: 'department', unitId: 'transport' },
    slaClass: '7d',
    share: per10k(22.8),
    directAnswer: 0.55,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['公交', '地铁', '出租车', '线路', '站点'],
      en: ['bus', 'subway', 'taxi', 'route', 'stop'],
    },
    difficulty: 0.3,
  },
  {
    id: 'water-supply',
    zh: '供水',
    en: 'Water supply',
    group: 'public-services',
    owner: { kind: 'utility', unitId: 'water' },
    slaClass: '24h',
    share: per10k(OUTSIDE_TOP_TEN['water-supply']),
    directAnswer: 0.35,
    whistle: 0,
    whistleUnits: [],
    seasonality: WATER,
    spike: null,
    redirect: null,
    keywords: { zh: ['停水', '水压', '水质', '自来水'], en: ['water outage', 'water pressure', 'tap water'] },
    difficulty: 0.2,
  },
  {
    id: 'power-supply',
    zh: '供电',
    en: 'Power supply',
    group: 'public-services',
    owner: { kind: 'utility', unitId: 'power' },
    slaClass: '24h',
    share: per10k(OUTSIDE_TOP_TEN['power-supply']),
    directAnswer: 0.35,
    whistle: 0,
    whistleUnits: [],
    seasonality: POWER,
    spike: null,
    redirect: null,
    keywords: { zh: ['停电', '电压', '跳闸', '电费'], en: ['power cut', 'outage', 'voltage', 'electricity'] },
    difficulty: 0.2,
  },
  {
    id: 'gas-supply',
    zh: '燃气',
    en: 'Gas supply',
    group: 'public-services',
    owner: { kind: 'utility', unitId: 'gas' },
    slaClass: '24h',
    share: per10k(OUTSIDE_TOP_TEN['gas-supply']),
    directAnswer: 0.35,
    whistle: 0,
    whistleUnits: [],
    seasonality: GAS,
    spike: null,
    // Smell of gas: hand over to the fire brigade.
    redirect: { channel: '119', probability: 0.05 },
    keywords: {
      zh: ['燃气', '天然气', '煤气', '燃气表'],
      en: ['gas', 'natural gas', 'gas meter', 'gas leak'],
    },
    difficulty: 0.2,
  },
  // ── housing: 2020 housing 61.2 ──
  {
    id: 'property-management',
    zh: '物业管理',
    en: 'Property management',
    group: 'housing',
    owner: { kind: 'street' },
    slaClass: '7d',
    share: per10k(33),
    directAnswer: 0.15,
    whistle: 0.15,
    whistleUnits: ['housing'],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    legalChannel: 0.04,
    keywords: {
      zh: ['物业', '电梯', '物业费', '保洁', '门禁'],
      en: ['property management', 'elevator', 'service fee'],
    },
    difficulty: 0.45,
  },
  {
    id: 'group-rental',
    zh: '群租房',
    en: 'Overcrowded group rentals',
    group: 'housing',
    owner: { kind: 'street' },
    slaClass: '15d',
    share: per10k(6),
    directAnswer: 0.05,
    whistle: 0.5,
    whistleUnits: ['housing', 'public-security', 'urban-law-enforcement'],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['群租', '隔断', '出租屋', '住人'],
      en: ['group rental', 'subdivided flat', 'overcrowding'],
    },
    difficulty: 0.55,
  },
  {
    id: 'real-estate',
    zh: '房屋买卖与租赁',
    en: 'Housing sales and rentals',
    group: 'housing',
    owner: { kind: 'department', unitId: 'housing' },
    slaClass: '15d',
    share: per10k(22.2),
    directAnswer: 0.6,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    legalChannel: 0.06,
    keywords: {
      zh: ['房产证', '中介', '租房', '押金', '交房'],
      en: ['property deed', 'estate agent', 'rent', 'deposit'],
    },
    difficulty: 0.5,
  },
  // ── urban construction: 2020 urban construction 54.8 ──
  {
    id: 'illegal-construction',
    zh: '违法建设',
    en: 'Illegal construction',
    group: 'urban-construction',
    owner: { kind: 'street' },
    slaClass: '15d',
    share: per10k(18),
    directAnswer: 0.05,
    whistle: 0.55,
    whistleUnits: ['planning', 'urban-law-enforcement', 'housing'],
    seasonality: CONSTRUCTION,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['违建', '私搭乱建', '加盖', '圈占'],
      en: ['illegal construction', 'unauthorised extension', 'structure'],
    },
    difficulty: 0.6,
  },
  {
    id: 'construction-noise',
    zh: '施工扰民',
    en: 'Construction disturbance',
    group: 'urban-construction',
    owner: { kind: 'street' },
    slaClass: '7d',
    share: per10k(20),
    directAnswer: 0.1,
    whistle: 0.3,
    whistleUnits: ['housing', 'urban-law-enforcement', 'ecology'],
    seasonality: CONSTRUCTION,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['夜间施工', '工地', '施工噪音', '扬尘'],
      en: ['night construction', 'building site', 'construction noise'],
    },
    difficulty: 0.4,
  },
  {
    id: 'municipal-facilities',
    zh: '市政设施',
    en: 'Roads, street lights and manholes',
    group: 'urban-construction',
    owner: { kind: 'district' },
    slaClass: '7d',
    share: per10k(16.8),
    directAnswer: 0.1,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['路灯', '井盖', '路面', '坑洼', '护栏'],
      en: ['street light', 'manhole', 'pothole', 'road surface'],
    },
    difficulty: 0.3,
  },
  // ── traffic: 2020 traffic 47.2 ──
  {
    id: 'illegal-parking',
    zh: '违章停车',
    en: 'Illegal parking',
    group: 'traffic',
    owner: { kind: 'street' },
    slaClass: '7d',
    share: per10k(26),
    directAnswer: 0.1,
    whistle: 0.3,
    whistleUnits: ['traffic-police', 'urban-law-enforcement'],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['乱停车', '占道停车', '消防通道', '僵尸车'],
      en: ['illegal parking', 'blocked lane', 'abandoned car'],
    },
    difficulty: 0.5,
  },
  {
    id: 'traffic-accident',
    zh: '交通事故',
    en: 'Traffic accidents',
    group: 'traffic',
    owner: { kind: 'department', unitId: 'traffic-police' },
    slaClass: '2h',
    share: per10k(7),
    directAnswer: 0.15,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: { channel: '122', probability: 0.7 },
    keywords: { zh: ['交通事故', '撞车', '剐蹭', '肇事'], en: ['traffic accident', 'collision', 'crash'] },
    difficulty: 0.3,
  },
  {
    id: 'road-traffic',
    zh: '道路交通秩序',
    en: 'Road traffic and signals',
    group: 'traffic',
    owner: { kind: 'department', unitId: 'traffic-police' },
    slaClass: '7d',
    share: per10k(14.2),
    directAnswer: 0.25,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['红绿灯', '信号灯', '拥堵', '标线'],
      en: ['traffic light', 'signal', 'congestion', 'road marking'],
    },
    difficulty: 0.35,
  },
  // ── social order: 2020 social order 46.5 ──
  {
    id: 'noise-nuisance',
    zh: '噪声扰民',
    en: 'Noise nuisance',
    group: 'social-order',
    owner: { kind: 'street' },
    slaClass: '7d',
    share: per10k(20),
    directAnswer: 0.1,
    whistle: 0.15,
    whistleUnits: ['ecology', 'public-security'],
    seasonality: SUMMER_NOISE,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['噪音', '扰民', '广场舞', '音响'],
      en: ['noise', 'loud music', 'square dancing', 'disturbance'],
    },
    difficulty: 0.5,
  },
  {
    id: 'public-security',
    zh: '治安问题',
    en: 'Public order and safety',
    group: 'social-order',
    owner: { kind: 'department', unitId: 'public-security' },
    slaClass: '7d',
    share: per10k(16.5),
    directAnswer: 0.2,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: { channel: '110', probability: 0.35 },
    keywords: { zh: ['治安', '盗窃', '诈骗', '打架'], en: ['public order', 'theft', 'fraud', 'fight'] },
    difficulty: 0.35,
  },
  {
    id: 'fire-hazard',
    zh: '消防安全隐患',
    en: 'Fire hazards',
    group: 'social-order',
    owner: { kind: 'street' },
    slaClass: '2h',
    share: per10k(10),
    directAnswer: 0.05,
    whistle: 0.3,
    whistleUnits: ['fire-rescue', 'emergency'],
    seasonality: FIRE,
    spike: null,
    redirect: { channel: '119', probability: 0.15 },
    keywords: {
      zh: ['消防', '堆物', '电动车充电', '飞线', '安全出口'],
      en: ['fire hazard', 'e-bike charging', 'fire exit'],
    },
    difficulty: 0.3,
  },
  // ── labour: 2020 labour and social security 35.7 ──
  {
    id: 'wage-arrears',
    zh: '拖欠工资',
    en: 'Wage arrears',
    group: 'labour',
    owner: { kind: 'department', unitId: 'hrss' },
    slaClass: '15d',
    share: per10k(18),
    directAnswer: 0.25,
    whistle: 0,
    whistleUnits: [],
    seasonality: WAGES,
    spike: null,
    redirect: null,
    legalChannel: 0.08,
    keywords: {
      zh: ['欠薪', '拖欠工资', '劳动合同', '农民工'],
      en: ['unpaid wages', 'wage arrears', 'labour contract'],
    },
    difficulty: 0.55,
  },
  {
    id: 'social-insurance',
    zh: '社会保险',
    en: 'Social insurance and pensions',
    group: 'labour',
    owner: { kind: 'department', unitId: 'hrss' },
    slaClass: '7d',
    share: per10k(17.7),
    directAnswer: 0.85,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['社保', '养老金', '失业金', '缴费'],
      en: ['social insurance', 'pension', 'unemployment benefit'],
    },
    difficulty: 0.25,
  },
  // ── education: 2020 education 35.1 ──
  {
    id: 'school-enrolment',
    zh: '入学入园',
    en: 'School and kindergarten enrolment',
    group: 'education',
    owner: { kind: 'department', unitId: 'education' },
    slaClass: '7d',
    share: per10k(20),
    directAnswer: 0.8,
    whistle: 0,
    whistleUnits: [],
    seasonality: ENROLMENT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['入学', '入园', '学位', '幼儿园', '学区'],
      en: ['enrolment', 'kindergarten', 'school place'],
    },
    difficulty: 0.35,
  },
  {
    id: 'off-campus-training',
    zh: '校外培训',
    en: 'Off-campus tutoring',
    group: 'education',
    owner: { kind: 'department', unitId: 'education' },
    slaClass: '7d',
    share: per10k(15.1),
    directAnswer: 0.45,
    whistle: 0,
    whistleUnits: [],
    seasonality: TRAINING,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['培训机构', '补课', '退费', '辅导班'],
      en: ['tutoring', 'training centre', 'refund', 'classes'],
    },
    difficulty: 0.45,
  },
  // ── environment: outside the 2020 top ten (2019 complaints: garbage, noise) ──
  {
    id: 'garbage',
    zh: '垃圾清运与分类',
    en: 'Garbage collection and sorting',
    group: 'environment',
    owner: { kind: 'street' },
    slaClass: '7d',
    share: per10k(OUTSIDE_TOP_TEN.garbage),
    directAnswer: 0.1,
    whistle: 0.1,
    whistleUnits: ['city-management'],
    seasonality: SUMMER_MILD,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['垃圾', '垃圾桶', '清运', '垃圾分类', '渣土'],
      en: ['garbage', 'rubbish bin', 'waste sorting', 'collection'],
    },
    difficulty: 0.3,
  },
  {
    id: 'air-pollution',
    zh: '大气污染',
    en: 'Air pollution',
    group: 'environment',
    owner: { kind: 'street' },
    slaClass: '7d',
    share: per10k(OUTSIDE_TOP_TEN['air-pollution']),
    directAnswer: 0.15,
    whistle: 0.25,
    whistleUnits: ['ecology', 'urban-law-enforcement'],
    seasonality: WINTER_MILD,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['油烟', '烧烤', '焚烧', '异味', '粉尘'],
      en: ['cooking fumes', 'burning', 'smell', 'dust'],
    },
    difficulty: 0.4,
  },
  {
    id: 'river-pollution',
    zh: '河湖污染',
    en: 'River and lake pollution',
    group: 'environment',
    owner: { kind: 'street' },
    slaClass: '15d',
    share: per10k(OUTSIDE_TOP_TEN['river-pollution']),
    directAnswer: 0.05,
    whistle: 0.55,
    whistleUnits: ['water-authority', 'ecology'],
    seasonality: RIVER,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['河道', '排污', '黑臭水体', '污水'],
      en: ['river', 'sewage discharge', 'polluted water'],
    },
    difficulty: 0.5,
  },
  {
    id: 'waterlogging',
    zh: '积水内涝',
    en: 'Waterlogging and flooding',
    group: 'environment',
    owner: { kind: 'department', unitId: 'water-authority' },
    slaClass: '2h',
    share: per10k(OUTSIDE_TOP_TEN.waterlogging),
    directAnswer: 0.05,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLOOD,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['积水', '内涝', '下水道', '雨水倒灌'],
      en: ['waterlogging', 'flooding', 'drain', 'storm water'],
    },
    difficulty: 0.3,
  },
  {
    id: 'pests',
    zh: '蚊虫鼠害',
    en: 'Mosquitoes and pests',
    group: 'environment',
    owner: { kind: 'street' },
    slaClass: '7d',
    share: per10k(OUTSIDE_TOP_TEN.pests),
    directAnswer: 0.15,
    whistle: 0.05,
    whistleUnits: ['health'],
    seasonality: MOSQUITOES,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['蚊子', '老鼠', '蟑螂', '消杀'],
      en: ['mosquitoes', 'rats', 'cockroaches', 'pest control'],
    },
    difficulty: 0.35,
  },
  {
    id: 'greening',
    zh: '园林绿化',
    en: 'Trees and green space',
    group: 'environment',
    owner: { kind: 'department', unitId: 'landscape' },
    slaClass: '7d',
    share: per10k(OUTSIDE_TOP_TEN.greening),
    directAnswer: 0.2,
    whistle: 0,
    whistleUnits: [],
    seasonality: GREENING,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['树木', '修剪', '杨柳飞絮', '绿地', '倒树'],
      en: ['trees', 'pruning', 'catkins', 'green space'],
    },
    difficulty: 0.3,
  },
  // ── government services: elderly care and the remainder of the 2020 contacts ──
  {
    id: 'elderly-care',
    zh: '养老服务',
    en: 'Elderly care',
    group: 'government-services',
    owner: { kind: 'department', unitId: 'civil-affairs' },
    slaClass: '7d',
    share: per10k(OUTSIDE_TOP_TEN['elderly-care']),
    directAnswer: 0.65,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['养老', '老年人', '养老驿站', '助餐'],
      en: ['elderly care', 'senior citizens', 'meal service'],
    },
    difficulty: 0.4,
  },
  {
    id: 'policy-consultation',
    zh: '政策咨询及其他',
    en: 'Policy consultation and other',
    group: 'government-services',
    // Owner unclear but district known → the district government (DOMAIN.md §2.3).
    owner: { kind: 'district' },
    slaClass: '7d',
    share: per10k(POLICY_CONSULTATION_2020),
    directAnswer: 0.97,
    whistle: 0,
    whistleUnits: [],
    seasonality: FLAT,
    spike: null,
    redirect: null,
    keywords: {
      zh: ['咨询', '政策', '办事', '办理流程'],
      en: ['consultation', 'policy', 'procedure', 'information'],
    },
    difficulty: 0.3,
  },
] as const satisfies readonly AppealCategory[];

/** Id of a category in {@link CATEGORIES}. */
export type CategoryId = (typeof CATEGORIES)[number]['id'];

const categoriesById: ReadonlyMap<string, AppealCategory> = new Map(CATEGORIES.map((c) => [c.id, c]));

/** The category with this id, or `undefined` when there is none (e.g. an unknown Open311 service code). */
/**
 * What a rainstorm brings to the hotline (the July 2023 storm, DOMAIN.md §4): flooding, power, water,
 * municipal facilities and fallen trees. A storm inject is a surge of these categories.
 */
export const STORM_CATEGORY_IDS = [
  'waterlogging',
  'power-supply',
  'water-supply',
  'municipal-facilities',
  'greening',
] as const;

export function categoryById(id: string): AppealCategory | undefined {
  return categoriesById.get(id);
}

/** Whether `id` names a category of the built-in catalogue. */
export function isCategoryId(id: string): id is CategoryId {
  return categoriesById.has(id);
}

/** The categories of one group, in catalogue order. */
export function categoriesInGroup(
  group: CategoryGroupId,
  categories: readonly AppealCategory[] = CATEGORIES,
): readonly AppealCategory[] {
  return categories.filter((c) => c.group === group);
}

/**
 * Demand multiplier of a category on one day: the month's multiplier, redistributed within the month
 * when the category has a spike there (so the month's mean is unchanged).
 * @param month 1 = January
 * @param day day of the month, 1-based
 * @param daysInMonth length of that month (28-31)
 */
export function seasonalMultiplier(
  category: Pick<AppealCategory, 'seasonality' | 'spike'>,
  month: number,
  day: number,
  daysInMonth: number,
): number {
  const monthly = category.seasonality[month - 1];
  if (monthly === undefined) throw new Error(`month must be 1-12, got ${month}`);
  const spike = category.spike;
  if (spike === null || spike.month !== month) return monthly;
  const spikeDays = Math.max(0, Math.min(spike.days, daysInMonth - spike.day + 1));
  const meanWeight = (spikeDays * spike.factor + (daysInMonth - spikeDays)) / daysInMonth;
  const inSpike = day >= spike.day && day < spike.day + spikeDays;
  return (monthly * (inSpike ? spike.factor : 1)) / meanWeight;
}

/** Probability that intake redirects a contact of this category to an emergency channel. */
function redirectProbability(c: AppealCategory): number {
  return c.redirect?.probability ?? 0;
}

/** Contact-weighted mean of the per-category direct-answer probabilities. */
export function meanDirectAnswer(categories: readonly AppealCategory[] = CATEGORIES): number {
  return categories.reduce((sum, c) => sum + c.share * c.directAnswer, 0);
}

/**
 * Share of contacts that intake closes without dispatch: redirected first, else answered directly.
 * DOMAIN.md §2.2 puts consultations at 58.5 % (2019-2021); 2019 and 2020 volumes give 64 % and 59 %.
 */
export function nonDispatchedShare(categories: readonly AppealCategory[] = CATEGORIES): number {
  return categories.reduce((sum, c) => {
    const r = redirectProbability(c);
    return sum + c.share * (r + (1 - r) * c.directAnswer);
  }, 0);
}

/** What {@link validateCatalogue} checks against. */
export interface CatalogueInput {
  readonly categories: readonly AppealCategory[];
  readonly groups: readonly CategoryGroup[];
  readonly units: readonly { readonly id: string; readonly kind: string }[];
}

const isProbability = (p: number): boolean => Number.isFinite(p) && p >= 0 && p <= 1;

/**
 * Checks a catalogue (the built-in one by default, or a scenario's override) and returns every problem
 * found, each naming the category and the rule; an empty list means it is sound. Checks: unique ids,
 * known groups, owners and whistle units that exist with the right kind, valid SLA classes and redirect
 * channels, probabilities in [0, 1], shares summing to 1 (±1e-9), 12 non-negative monthly multipliers
 * averaging 1 (±1e-9), spikes inside their month, non-empty keywords.
 */
export function validateCatalogue(
  input: CatalogueInput = { categories: CATEGORIES, groups: CATEGORY_GROUPS, units: CITY_UNITS },
): string[] {
  const problems: string[] = [];
  const groupIds = new Set(input.groups.map((g) => g.id));
  const unitKinds = new Map(input.units.map((u) => [u.id, u.kind]));
  const seen = new Set<string>();
  let shareSum = 0;

  for (const c of input.categories) {
    const at = `category "${c.id}"`;
    if (seen.has(c.id)) problems.push(`${at}: duplicate id`);
    seen.add(c.id);
    if (!/^[a-z]+(-[a-z]+)*$/.test(c.id)) problems.push(`${at}: id must be kebab-case`);
    if (!groupIds.has(c.group)) problems.push(`${at}: unknown group "${c.group}"`);
    if (!(c.slaClass in SLA_CLASSES)) problems.push(`${at}: unknown SLA class "${c.slaClass}"`);

    const owner = c.owner;
    if (owner.kind === 'department' || owner.kind === 'utility') {
      const kind = unitKinds.get(owner.unitId);
      if (kind === undefined) {
        problems.push(`${at}: owner unit "${owner.unitId}" does not exist`);
      } else if (kind !== owner.kind) {
        problems.push(`${at}: owner unit "${owner.unitId}" is a ${kind}, not a ${owner.kind}`);
      }
    } else if (owner.kind !== 'street' && owner.kind !== 'district') {
      problems.push(`${at}: unknown owner kind "${(owner as { kind: string }).kind}"`);
    }

    if (!(c.share > 0 && c.share < 1)) problems.push(`${at}: share must be in (0, 1), got ${c.share}`);
    shareSum += c.share;
    for (const [name, p] of [
      ['directAnswer', c.directAnswer],
      ['whistle', c.whistle],
      ['difficulty', c.difficulty],
    ] as const) {
      if (!isProbability(p)) problems.push(`${at}: ${name} must be a probability in [0, 1], got ${p}`);
    }

    if (c.whistle > 0 && owner.kind !== 'street' && owner.kind !== 'district') {
      problems.push(`${at}: only street- or district-owned categories blow the whistle`);
    }
    if (c.whistle > 0 && c.whistleUnits.length === 0) problems.push(`${at}: whistle > 0 but no whistleUnits`);
    for (const u of c.whistleUnits) {
      const kind = unitKinds.get(u);
      if (kind === undefined) {
        problems.push(`${at}: whistle unit "${u}" does not exist`);
      } else if (kind !== 'department' && kind !== 'utility') {
        problems.push(`${at}: whistle unit "${u}" is a ${kind}, not a department or utility`);
      }
    }

    if (c.seasonality.length !== 12) {
      problems.push(`${at}: seasonality needs 12 months, got ${c.seasonality.length}`);
    }
    if (c.seasonality.some((m) => !(Number.isFinite(m) && m >= 0))) {
      problems.push(`${at}: seasonality multipliers must be non-negative`);
    }
    const mean = c.seasonality.reduce((a, b) => a + b, 0) / 12;
    if (Math.abs(mean - 1) > 1e-9) problems.push(`${at}: seasonality must average 1, got ${mean}`);
    if (c.spike !== null) {
      const s = c.spike;
      if (!(Number.isInteger(s.month) && s.month >= 1 && s.month <= 12)) {
        problems.push(`${at}: spike month must be 1-12`);
      }
      const inMonth = Number.isInteger(s.day) && Number.isInteger(s.days) && s.day >= 1 && s.days >= 1;
      if (!inMonth || s.day + s.days - 1 > 28) {
        problems.push(`${at}: spike must lie within days 1-28 of its month`);
      }
      if (!(s.factor > 0)) problems.push(`${at}: spike factor must be positive`);
    }

    if (c.redirect !== null) {
      if (!(c.redirect.channel in REDIRECT_CHANNELS)) {
        problems.push(`${at}: unknown redirect channel "${c.redirect.channel}"`);
      }
      if (!isProbability(c.redirect.probability)) {
        problems.push(`${at}: redirect probability must be in [0, 1]`);
      }
    }
    if (c.keywords.zh.length === 0 || c.keywords.en.length === 0) {
      problems.push(`${at}: keywords need zh and en words`);
    }
  }

  if (Math.abs(shareSum - 1) > 1e-9) problems.push(`shares must sum to 1, got ${shareSum}`);
  return problems;
}
