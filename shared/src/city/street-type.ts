import type { Street } from './types';

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

/** Beijing's old city (首都功能核心区): Dongcheng and Xicheng. */
const CORE_DISTRICTS: ReadonlySet<string> = new Set(['110101', '110102']);
/** Beijing's other urban districts (中心城区): Chaoyang, Fengtai, Shijingshan, Haidian. */
const URBAN_DISTRICTS: ReadonlySet<string> = new Set(['110105', '110106', '110107', '110108']);

/**
 * The type of a street, by a stated rule on data the city already holds (district and name kind):
 * development zones apart; 镇 and 乡 are townships; 街道 of Dongcheng and Xicheng are the core; 街道
 * of the four other urban districts are urban; 地区 offices anywhere and 街道 of the suburban
 * districts are the fringe (城乡结合部: where the city meets the villages). In a city other than
 * Beijing no district is core or urban by code, so its 街道 count as fringe until the rule names them.
 */
export function streetType(street: Pick<Street, 'kind' | 'devZone' | 'districtId'>): StreetType {
  if (street.devZone) return 'devZone';
  if (street.kind === 'town' || street.kind === 'township') return 'township';
  if (street.kind === 'street' && CORE_DISTRICTS.has(street.districtId)) return 'core';
  if (street.kind === 'street' && URBAN_DISTRICTS.has(street.districtId)) return 'urban';
  return 'fringe';
}
