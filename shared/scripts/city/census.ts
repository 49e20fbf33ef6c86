/**
 * Hand-entered figures for Beijing. Populations: 北京市第七次全国人口普查公报 (2021), resident
 * population (常住人口) on 2020-11-01 by district; the sixteen add up to the published city total.
 */

export const CITY = { id: '110000', name: '北京市', nameEn: 'Beijing' } as const;

export const CITY_POPULATION_2020 = 21_893_095;

/** Urban (城镇) and rural (乡村) resident population, same bulletin: urbanisation 87.5 %. */
export const URBAN_POPULATION_2020 = 19_166_433;
export const RURAL_POPULATION_2020 = 2_726_662;

export interface DistrictFacts {
  readonly nameEn: string;
  readonly population: number;
}

/** By district code (GB/T 2260, as used by the NBS division codes). */
export const DISTRICTS: Readonly<Record<string, DistrictFacts>> = {
  '110101': { nameEn: 'Dongcheng', population: 708_829 },
  '110102': { nameEn: 'Xicheng', population: 1_106_214 },
  '110105': { nameEn: 'Chaoyang', population: 3_452_460 },
  '110106': { nameEn: 'Fengtai', population: 2_019_764 },
  '110107': { nameEn: 'Shijingshan', population: 567_851 },
  '110108': { nameEn: 'Haidian', population: 3_133_469 },
  '110109': { nameEn: 'Mentougou', population: 392_606 },
  '110111': { nameEn: 'Fangshan', population: 1_312_778 },
  '110112': { nameEn: 'Tongzhou', population: 1_840_295 },
  '110113': { nameEn: 'Shunyi', population: 1_324_044 },
  '110114': { nameEn: 'Changping', population: 2_269_487 },
  '110115': { nameEn: 'Daxing', population: 1_993_591 },
  '110116': { nameEn: 'Huairou', population: 441_040 },
  '110117': { nameEn: 'Pinggu', population: 457_313 },
  '110118': { nameEn: 'Miyun', population: 527_683 },
  '110119': { nameEn: 'Yanqing', population: 345_671 },
};

/** Tiananmen: the centre the placement density falls off from. */
export const CITY_CENTRE: readonly [number, number] = [116.3975, 39.9087];
