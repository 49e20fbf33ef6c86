import type { City, Street } from './types';

/**
 * Types of street (街乡镇) that differ in staffing, load and difficulty (issue 14, point 6):
 * 老城区 core, 城区 urban, 城乡结合部 fringe, 乡镇 township; development zones (开发区) apart, never
 * ranked with streets. Their figures are scenario fields (`lifecycle.streets`).
 */
export const STREET_TYPES = ['core', 'urban', 'fringe', 'township', 'devZone'] as const;
export type StreetType = (typeof STREET_TYPES)[number];

/** Labels of each street type for the bilingual UI. */
export const STREET_TYPE_INFO = {
  core: { zh: '老城区', en: 'Old-city core' },
  urban: { zh: '城区', en: 'Urban' },
  fringe: { zh: '城乡结合部', en: 'Urban fringe' },
  township: { zh: '乡镇', en: 'Township' },
  devZone: { zh: '开发区', en: 'Development zone' },
} as const satisfies Record<StreetType, { zh: string; en: string }>;

/**
 * Core (old city) and urban districts by code for the built-in cities. Beijing: 首都功能核心区
 * (Dongcheng, Xicheng) and the four other 中心城区 (Chaoyang, Fengtai, Shijingshan, Haidian).
 * Shanghai: the bulletin's 中心城区 (上海市第七次全国人口普查主要数据公报, 2021-05-18: 黄浦, 徐汇, 长宁,
 * 静安, 普陀, 虹口, 杨浦), of which 黄浦 (the walled city and the Bund) is taken as the core, and the
 * 街道 of Pudong (Lujiazui, Huamu …) as urban: an assumption. Hangzhou: the old city's two districts
 * after the 2021 re-division (上城, 拱墅) as the core, 西湖 and 滨江 as urban (主城区): an assumption.
 * Codes are unique across China, so one table serves all three.
 */
const CORE_DISTRICTS: ReadonlySet<string> = new Set(['110101', '110102', '310101', '330102', '330105']);
const URBAN_DISTRICTS: ReadonlySet<string> = new Set([
  ...['110105', '110106', '110107', '110108'],
  ...['310104', '310105', '310106', '310107', '310109', '310110', '310115'],
  ...['330106', '330108'],
]);

type Tier = 'core' | 'urban' | 'other';
const derived = new WeakMap<object, ReadonlyMap<string, Tier>>();

/**
 * Tiers of a city's districts. The built-in cities' by code (above); any other city by a stated rule
 * (an assumption, docs/ASSUMPTIONS.md): its lowest-coded 区 is the core (NBS codes list the old city's
 * district first), and every other 区 whose units are at least half 街道 is urban; counties (县) and
 * county-level cities (市) are neither.
 */
function tiers(city: Pick<City, 'districts' | 'streetsByDistrict'>): ReadonlyMap<string, Tier> {
  const known = derived.get(city);
  if (known !== undefined) return known;
  const map = new Map<string, Tier>();
  const listed = city.districts.some((d) => CORE_DISTRICTS.has(d.id));
  const districts = city.districts.filter((d) => d.name.endsWith('区'));
  const core = listed ? undefined : [...districts].sort((a, b) => (a.id < b.id ? -1 : 1))[0]?.id;
  for (const d of city.districts) {
    if (listed) {
      map.set(d.id, CORE_DISTRICTS.has(d.id) ? 'core' : URBAN_DISTRICTS.has(d.id) ? 'urban' : 'other');
      continue;
    }
    const streets = city.streetsByDistrict.get(d.id) ?? [];
    const urban =
      d.name.endsWith('区') && 2 * streets.filter((s) => s.kind === 'street').length >= streets.length;
    map.set(d.id, d.id === core ? 'core' : urban ? 'urban' : 'other');
  }
  derived.set(city, map);
  return map;
}

/**
 * The type of a street, by a stated rule on data the city already holds (district and name kind):
 * development zones apart; 镇 and 乡 are townships; 街道 of a core district are the core; 街道 of an
 * urban district are urban; 地区 offices anywhere and 街道 of the other districts are the fringe
 * (城乡结合部: where the city meets the villages). Without `city`, only the built-in cities' tables
 * apply (a district not listed there is neither core nor urban).
 */
export function streetType(
  street: Pick<Street, 'kind' | 'devZone' | 'districtId'>,
  city?: Pick<City, 'districts' | 'streetsByDistrict'>,
): StreetType {
  if (street.devZone) return 'devZone';
  if (street.kind === 'town' || street.kind === 'township') return 'township';
  if (street.kind !== 'street') return 'fringe';
  const tier =
    city === undefined
      ? CORE_DISTRICTS.has(street.districtId)
        ? 'core'
        : URBAN_DISTRICTS.has(street.districtId)
          ? 'urban'
          : 'other'
      : tiers(city).get(street.districtId);
  return tier === 'core' ? 'core' : tier === 'urban' ? 'urban' : 'fringe';
}
