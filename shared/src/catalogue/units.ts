/**
 * The responsible units (承办单位) of the hotline system: the kinds of unit the whole model knows, and
 * the catalogue of city-level units that own appeal categories: municipal departments (委办局) and the
 * four utilities (水电气热). Streets, districts, agents and grid workers are built from the city's
 * division data elsewhere; only their kinds are named here.
 *
 * Capacities and working hours are defaults a scenario can override, never constants the model relies
 * on. DOMAIN.md gives no per-unit figure for either, so every number below is assumed.
 */

/** Every kind of unit an appeal can meet, from the hotline agent to the grid worker (DOMAIN.md §1). */
export const UNIT_KINDS = ['agent', 'district', 'street', 'department', 'utility', 'grid'] as const;

/** A kind of unit: hotline agent, district government, street/township, city department, utility, grid. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The unit kinds that can own an appeal category (承办单位 in the dispatch catalogue). */
export type OwnerKind = Extract<UnitKind, 'street' | 'district' | 'department' | 'utility'>;

/**
 * When a unit signs (签收) a dispatched order: around the clock, or only in its working hours.
 * DOMAIN.md §2.4: streets and utilities sign 24/7.
 */
export type SigningPolicy = 'always' | 'working-hours';

/** Labels of each unit kind for the bilingual UI, and when units of that kind sign orders. */
export const UNIT_KIND_INFO = {
  agent: { zh: '12345热线话务员', en: 'Hotline agent', signing: 'always' },
  district: { zh: '区政府', en: 'District government', signing: 'working-hours' }, // assumed: DOMAIN.md gives no figure
  street: { zh: '街道（乡镇）', en: 'Street office / township', signing: 'always' },
  department: { zh: '市级部门（委办局）', en: 'City department', signing: 'working-hours' }, // assumed: DOMAIN.md gives no figure
  utility: { zh: '公共服务企业（水电气热）', en: 'Utility (water, power, gas, heat)', signing: 'always' },
  grid: { zh: '网格员', en: 'Grid worker', signing: 'always' }, // assumed: DOMAIN.md gives no figure
} as const satisfies Record<UnitKind, { zh: string; en: string; signing: SigningPolicy }>;

/**
 * Hours in which a unit handles orders, in hours of the day (`end` exclusive; 0-24 = all day).
 * `days: 'weekdays'` means Monday to Friday; holidays are the calendar's business, not the catalogue's.
 */
export interface WorkingHours {
  readonly days: 'weekdays' | 'everyday';
  readonly start: number;
  readonly end: number;
}

/** Government office hours, 9:00-17:00 on weekdays. */
// assumed: DOMAIN.md gives no figure (Beijing offices keep roughly these hours, lunch break ignored)
export const OFFICE_HOURS = { days: 'weekdays', start: 9, end: 17 } as const satisfies WorkingHours;

/** Round-the-clock service, as utilities' repair and emergency crews keep. */
export const ROUND_THE_CLOCK = { days: 'everyday', start: 0, end: 24 } as const satisfies WorkingHours;

/**
 * Working hours of the units built from division data (streets and districts); whether they sign
 * outside them follows {@link UNIT_KIND_INFO}. Staffing is not catalogue data: the model sizes every
 * unit for its expected load (lifecycle.units.targetUtilisation).
 */
export const UNIT_KIND_DEFAULTS = {
  // assumed: DOMAIN.md gives no figure
  street: { hours: OFFICE_HOURS },
  // assumed: DOMAIN.md gives no figure
  district: { hours: OFFICE_HOURS },
} as const satisfies Partial<Record<UnitKind, { hours: WorkingHours }>>;

/** One city-level unit: a municipal department (委办局) or a utility. */
export interface CityUnit {
  /** Short stable kebab-case id used in scenarios, categories and the API. */
  readonly id: string;
  /** Official Chinese name. */
  readonly zh: string;
  /** English name for the UI. */
  readonly en: string;
  readonly kind: Extract<UnitKind, 'department' | 'utility'>;
  /** Hours in which the unit signs orders (unless its kind signs around the clock). */
  readonly hours: WorkingHours;
}

/**
 * The city departments and utilities that own or assist appeal categories. Names are the official
 * names of the Beijing municipal bodies; hours follow each unit's nature (assumed).
 */
export const CITY_UNITS = [
  // Hours follow the unit's nature (offices vs 24-hour police, emergency and utility services).
  {
    id: 'city-management',
    zh: '北京市城市管理委员会',
    en: 'Beijing Municipal Commission of Urban Management',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'housing',
    zh: '北京市住房和城乡建设委员会',
    en: 'Beijing Municipal Commission of Housing and Urban-Rural Development',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'transport',
    zh: '北京市交通委员会',
    en: 'Beijing Municipal Commission of Transport',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'market',
    zh: '北京市市场监督管理局',
    en: 'Beijing Municipal Administration for Market Regulation',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'ecology',
    zh: '北京市生态环境局',
    en: 'Beijing Municipal Ecology and Environment Bureau',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'water-authority',
    zh: '北京市水务局',
    en: 'Beijing Water Authority',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'health',
    zh: '北京市卫生健康委员会',
    en: 'Beijing Municipal Health Commission',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'education',
    zh: '北京市教育委员会',
    en: 'Beijing Municipal Education Commission',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'hrss',
    zh: '北京市人力资源和社会保障局',
    en: 'Beijing Municipal Human Resources and Social Security Bureau',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'public-security',
    zh: '北京市公安局',
    en: 'Beijing Municipal Public Security Bureau',
    kind: 'department',
    hours: ROUND_THE_CLOCK, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'traffic-police',
    zh: '北京市公安局公安交通管理局',
    en: 'Traffic Management Bureau of the Beijing Public Security Bureau',
    kind: 'department',
    hours: ROUND_THE_CLOCK, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'planning',
    zh: '北京市规划和自然资源委员会',
    en: 'Beijing Municipal Commission of Planning and Natural Resources',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'civil-affairs',
    zh: '北京市民政局',
    en: 'Beijing Municipal Civil Affairs Bureau',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'landscape',
    zh: '北京市园林绿化局',
    en: 'Beijing Municipal Forestry and Parks Bureau',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'culture-tourism',
    zh: '北京市文化和旅游局',
    en: 'Beijing Municipal Bureau of Culture and Tourism',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'emergency',
    zh: '北京市应急管理局',
    en: 'Beijing Municipal Emergency Management Bureau',
    kind: 'department',
    hours: ROUND_THE_CLOCK, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'fire-rescue',
    zh: '北京市消防救援总队',
    en: 'Beijing Fire and Rescue Corps',
    kind: 'department',
    hours: ROUND_THE_CLOCK, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'urban-law-enforcement',
    zh: '北京市城市管理综合行政执法局',
    en: 'Beijing Municipal Urban Management Law Enforcement Bureau',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'commerce',
    zh: '北京市商务局',
    en: 'Beijing Municipal Commerce Bureau',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'medical-insurance',
    zh: '北京市医疗保障局',
    en: 'Beijing Municipal Medical Insurance Bureau',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'veterans',
    zh: '北京市退役军人事务局',
    en: 'Beijing Municipal Veterans Affairs Bureau',
    kind: 'department',
    hours: OFFICE_HOURS, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'water',
    zh: '北京市自来水集团',
    en: 'Beijing Waterworks Group',
    kind: 'utility',
    hours: ROUND_THE_CLOCK, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'power',
    zh: '国网北京市电力公司',
    en: 'State Grid Beijing Electric Power Company',
    kind: 'utility',
    hours: ROUND_THE_CLOCK, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'gas',
    zh: '北京市燃气集团',
    en: 'Beijing Gas Group',
    kind: 'utility',
    hours: ROUND_THE_CLOCK, // assumed: DOMAIN.md gives no figure
  },
  {
    id: 'heat',
    zh: '北京市热力集团',
    en: 'Beijing District Heating Group',
    kind: 'utility',
    hours: ROUND_THE_CLOCK, // assumed: DOMAIN.md gives no figure
  },
] as const satisfies readonly CityUnit[];

/** Id of a city department or utility in {@link CITY_UNITS}. */
export type CityUnitId = (typeof CITY_UNITS)[number]['id'];

/** Id of a city department (委办局). */
export type DepartmentId = Extract<(typeof CITY_UNITS)[number], { kind: 'department' }>['id'];

/** Id of a utility (水电气热). */
export type UtilityId = Extract<(typeof CITY_UNITS)[number], { kind: 'utility' }>['id'];

const unitsById: ReadonlyMap<string, CityUnit> = new Map(CITY_UNITS.map((u) => [u.id, u]));

/** The city unit with this id, or `undefined` when there is none. */
export function cityUnitById(id: string): CityUnit | undefined {
  return unitsById.get(id);
}

/** Whether `id` names a city department or utility. */
export function isCityUnitId(id: string): id is CityUnitId {
  return unitsById.has(id);
}

/**
 * A city unit's names in a city: the Beijing body's official name with 北京 / Beijing replaced by the
 * city's (北京市水务局 → 上海市水务局, Beijing Water Authority → Shanghai Water Authority); Beijing's
 * unchanged. Assumed (docs/ASSUMPTIONS.md): other cities have bodies for the same matters, not always
 * under these names (杭州's water is 杭州市林业水利局, say); the model only needs one per matter.
 */
export function cityUnitNames(
  unit: Pick<CityUnit, 'zh' | 'en'>,
  city: { readonly name: string; readonly nameEn: string },
): { zh: string; en: string } {
  if (city.name === '北京市') return { zh: unit.zh, en: unit.en };
  const stem = city.name.replace(/市$/, '');
  return { zh: unit.zh.replaceAll('北京', stem), en: unit.en.replaceAll('Beijing', city.nameEn) };
}
