/**
 * The default 每月一题 list: a year of topics, one a month, each a category of the catalogue led by a
 * city department (市级牵头部门). The city picks its topics each year from the past year's appeals;
 * each topic is led by a city-level department with 2–3 problems and its policies (DOMAIN.md §9).
 *
 * Sourced topics (problems named in the published record, mapped to our categories):
 * - 2021, 27 problems, among them 居家养老保障 (home elderly care), 房产证难办 (property certificates:
 *   16.8万 sets settled), 拖欠工资 (wage arrears: 1.78万 workers paid 2.14亿元), 老旧小区改造 (558 old
 *   compounds renovated), 普惠幼儿园学位 (1.3万 kindergarten places): 北京青年报 2021-12-20 (reprinted
 *   hf.eeju.com/guancha/2021/1220/17492.html); 《前线》2025(7) "“小切口”改革撬动超大城市治理"
 *   (www.71.cn/2025/0710/1267011.shtml).
 * - 2022 老楼加装电梯 (lifts in old buildings, 17 problems), 2023 公交线路站点优化 (bus routes and
 *   stops, 18), 2024 医疗秩序管理 (order in hospitals, 13), 2025 新就业形态劳动者社会保障 (social
 *   insurance of gig workers, 13): 《前线》2025(7), as above.
 * Assumed: the month each runs in (not published in what we found), the lead department where the
 * source names none (the department that owns the matter in Beijing), and the topics of July, September,
 * November and December (noise, parking, heating, garbage: top complaints of 2019, DOMAIN.md §4).
 */
export const DEFAULT_MONTHLY_TOPICS = [
  /** 拖欠工资 (2021, sourced), before the Spring Festival when wages are chased. */
  { month: 1, category: 'wage-arrears', leadUnit: 'hrss' },
  /** 居家养老保障 (2021, sourced). */
  { month: 2, category: 'elderly-care', leadUnit: 'civil-affairs' },
  /** 房产证难办 (2021, sourced). */
  { month: 3, category: 'real-estate', leadUnit: 'housing' },
  /** 普惠幼儿园学位 (2021, sourced), in the enrolment season. */
  { month: 4, category: 'school-enrolment', leadUnit: 'education' },
  /** 老旧小区改造 (2021) and 老楼加装电梯 (2022), sourced: the compound's upkeep is property management. */
  { month: 5, category: 'property-management', leadUnit: 'housing' },
  /** 公交线路站点优化 (2023, sourced). */
  { month: 6, category: 'public-transport', leadUnit: 'transport' },
  /** Noise (assumed: a top complaint of 2019), in the summer peak. */
  { month: 7, category: 'noise-nuisance', leadUnit: 'ecology' },
  /** 医疗秩序管理 (2024, sourced). */
  { month: 8, category: 'medical-services', leadUnit: 'health' },
  /** Parking (assumed: a top complaint of 2019). */
  { month: 9, category: 'illegal-parking', leadUnit: 'transport' },
  /** 新就业形态劳动者社会保障 (2025, sourced). */
  { month: 10, category: 'social-insurance', leadUnit: 'hrss' },
  /** Heating (assumed: a top complaint of 2019), led by the city-management commission that oversees heat supply. */
  { month: 11, category: 'heating', leadUnit: 'city-management' },
  /** Garbage sorting (assumed: a top complaint of 2019). */
  { month: 12, category: 'garbage', leadUnit: 'city-management' },
] as const;
