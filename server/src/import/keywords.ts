import type { CategoryId } from '@hotline-sim/shared';

/**
 * Request types no table knows are matched by keywords, in English and Chinese, against the
 * catalogue's categories. The rules were written from the catalogue's own descriptions and the usual
 * vocabulary of municipal service requests, not from any one city's list; they are tried in order
 * and the first that matches wins, so narrow rules ("construction noise", "street light") come before
 * broad ones ("noise", "street").
 *
 * Each rule's terms are one comma-separated list. English terms match whole words of the normalised
 * text (see {@link keywordText}), plurals in -s and -es included; a trailing `*` matches any ending
 * (`recycl*` matches "recycling"). Chinese terms match anywhere.
 */
const RULES: readonly (readonly [CategoryId, string])[] = [
  [
    'construction-noise',
    'construction noise, after hours work, after hours construction, 施工噪音, 夜间施工',
  ],
  ['noise-nuisance', 'noise, noisy, loud*, music, barking, party, parties, 噪音, 扰民'],
  ['traffic-accident', 'accident*, crash*, collision*, 交通事故'],
  [
    'illegal-parking',
    'parking, parked, blocked driveway, abandoned vehicle*, abandoned auto*, abandoned car*, ' +
      'derelict vehicle*, vehicle*, tow, towing, 停车, 僵尸车',
  ],
  ['public-transport', 'bus, buses, taxi*, transit, subway, for hire, metro, 公交, 出租车, 地铁'],
  ['heating', 'heat, heating, hot water, boiler, radiator*, 供暖, 暖气'],
  ['gas-supply', 'gas leak, gas odor, gas smell, natural gas, 燃气, 天然气, 煤气'],
  ['power-supply', 'power outage, power line*, electric*, outage, 停电, 供电'],
  [
    'municipal-facilities',
    'street light*, streetlight*, light out, lights out, lighting, light pole*, pothole*, ' +
      'pot hole*, pavement, sidewalk repair, sidewalk condition, sidewalk defect, ' +
      'sidewalk damage*, curb*, manhole*, bridge*, street repair, road repair, guard rail*, ' +
      'guardrail*, bench*, graffiti, snow, ice, plow*, plough*, salt*, pavement defect, ' +
      'street defect, alley*, 路灯, 井盖, 坑洼, 路面, 涂鸦, 人行道, 护栏, 市政设施',
  ],
  [
    'road-traffic',
    'traffic, signal*, sign, signs, signage, crosswalk*, marking*, speed*, stop sign*, ' +
      'bike lane*, street and crosswalk, 信号灯, 红绿灯, 交通, 标志, 标线',
  ],
  [
    'pests',
    'rodent*, rat, rats, mice, mouse, pest*, insect*, mosquito*, bed bug*, bedbug*, roach*, ' +
      'cockroach*, bee, bees, wasp*, termite*, vermin, 老鼠, 鼠患, 蚊, 虫, 蟑螂',
  ],
  [
    'waterlogging',
    'sewer*, drain*, flood*, storm water, stormwater, catch basin*, sewage, ponding, ' +
      'standing water, 排水, 积水, 下水道, 内涝',
  ],
  [
    'water-supply',
    'water main*, water leak*, no water, water quality, water pressure, water service, ' +
      'hydrant*, water meter*, water, 供水, 停水, 水质, 水压',
  ],
  ['river-pollution', 'river*, creek*, stream, lake*, canal*, 河道, 河湖, 水体'],
  [
    'air-pollution',
    'air quality, air pollution, smoke, odor*, odour*, smell*, dust, fume*, idling, 空气, 异味, ' +
      '烟尘, 扬尘, 油烟',
  ],
  [
    'garbage',
    'trash, garbage, litter*, dumping, dumped, dump, bulky, bulk item*, rubbish, debris, ' +
      'waste, recycl*, sanitation, cleaning, clean*, sweep*, needle*, syringe*, dead animal*, ' +
      'carcass*, cart*, dumpster*, bin, bins, e waste, appliance*, household item*, mattress*, ' +
      'junk, 垃圾, 清扫, 保洁, 环境卫生, 渣土',
  ],
  [
    'greening',
    'tree*, branch*, limb*, stump*, weed*, grass, overgrown, vegetation, park, parks, ' +
      'landscap*, mowing, brush, shrub*, hedge*, 树, 绿化, 草坪, 绿地, 公园',
  ],
  [
    'illegal-construction',
    'illegal construction, without permit, no permit, unpermitted, building permit*, zoning, ' +
      'illegal conversion, construction, building, demolition, 违建, 违法建设, 私搭乱建',
  ],
  ['group-rental', 'overcrowd*, illegal occupancy, rooming house*, 群租'],
  [
    'property-management',
    'housing, plumbing, leak*, mold, mould, elevator*, lift, landlord, tenant*, unsanitary, ' +
      'living condition*, property, vacant, window*, door*, ceiling*, paint, 物业, 电梯, 漏水, 房屋',
  ],
  ['real-estate', 'short term rental*, rental, rent, mortgage, real estate, 房产, 租房, 中介'],
  [
    'public-security',
    'homeless*, encampment*, panhandl*, drug*, loiter*, disorderly, police, vandal*, ' +
      'fireworks, trespass*, prostitution, drinking, urinat*, weapon*, suspicious, 流浪, 治安, 乞讨',
  ],
  ['fire-hazard', 'fire, fire hazard, smoke detector*, fire code, 消防, 火灾, 火险'],
  ['unlicensed-trading', 'vendor*, peddl*, hawker*, unlicensed, street vend*, 摊贩, 无照经营, 占道经营'],
  ['food-safety', 'food*, restaurant*, grocery, kitchen*, 食品, 餐饮'],
  ['consumer-disputes', 'consumer*, refund*, overcharg*, price*, scam*, fraud*, 消费, 退款, 投诉商家'],
  ['elderly-care', 'senior*, elderly, aging, nursing home*, 养老, 老年'],
  ['wage-arrears', 'wage*, unpaid salary, payroll, 欠薪, 工资'],
  ['social-insurance', 'unemployment, pension*, social security, benefit*, 社保, 医保, 养老金'],
  ['school-enrolment', 'school*, enrol*, enroll*, 入学, 学校'],
  ['off-campus-training', 'tutoring, training centre*, training center*, 培训, 补习'],
  ['medical-services', 'hospital*, clinic*, medical, ambulance, 医院, 就医'],
  ['epidemic-prevention', 'covid*, vaccin*, epidemic, quarantine, 疫情, 防疫, 核酸'],
];

const CJK = /\p{Script=Han}/u;

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One compiled rule: a whole-word pattern for the Latin terms, the Chinese terms as they are. */
interface CompiledRule {
  readonly category: CategoryId;
  readonly words: RegExp | undefined;
  readonly han: readonly string[];
}

const COMPILED: readonly CompiledRule[] = RULES.map(([category, list]) => {
  const terms = list.split(/,\s*/);
  const latin = terms.filter((t) => !CJK.test(t));
  const alternatives = latin.map((t) =>
    t.endsWith('*') ? `${escape(t.slice(0, -1))}\\w*` : `${escape(t)}(?:s|es)?`,
  );
  return {
    category,
    words: latin.length > 0 ? new RegExp(`\\b(?:${alternatives.join('|')})\\b`) : undefined,
    han: terms.filter((t) => CJK.test(t)),
  };
});

/**
 * A source value as keywords see it: camelCase split, underscores and punctuation made spaces,
 * lower case (`Sidewalk_Cleaning` and `SidewalkCleaning` → `sidewalk cleaning`).
 */
export function keywordText(text: string): string {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** The category the keywords give a request type, or `undefined` when no rule matches. */
export function categoryByKeywords(type: string): CategoryId | undefined {
  const text = keywordText(type);
  if (text === '') return undefined;
  return COMPILED.find((r) => r.words?.test(text) || r.han.some((h) => text.includes(h)))?.category;
}

/** Every category the rules can give, to check them against the catalogue. */
export const KEYWORD_CATEGORIES: readonly CategoryId[] = RULES.map(([category]) => category);
