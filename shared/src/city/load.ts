import {
  bboxOf,
  type AreaGeometry,
  type DistrictFeature,
  type DistrictOutlines,
  type LinearRing,
  type Position,
} from './geo';
import type { CellKind, City, District, GridCell, Street, StreetKind } from './types';

/**
 * Build a frozen {@link City} from its two data files (parsed JSON, or its text: the server bundle
 * carries the built-in cities' data as text so that a run parses only the city it uses, see
 * server/scripts/build.mjs): the units document
 * (format `hotline-sim/city@1`: city, districts, streets, and cells as tuples named by `cellFields`)
 * and the district outlines (GeoJSON FeatureCollection, feature id = district id). Everything is
 * checked; an error names the file, the field and the rule. Weights are derived here from the
 * populations, so they add up exactly (to rounding) whatever the file holds.
 */
export function createCity(units: unknown, outline: unknown, source = 'city data'): City {
  const doc = object(parsed(units, source), source);
  const format = string(doc.format, `${source}.format`);
  if (format !== 'hotline-sim/city@1')
    throw new Error(`${source}.format must be 'hotline-sim/city@1', got '${format}'`);
  const city = object(doc.city, `${source}.city`);

  const rawDistricts = array(doc.districts, `${source}.districts`).map((d, i) => {
    const at = `${source}.districts[${i}]`;
    const o = object(d, at);
    return {
      id: string(o.id, `${at}.id`),
      name: string(o.name, `${at}.name`),
      nameEn: string(o.nameEn, `${at}.nameEn`),
      lon: number(o.lon, `${at}.lon`),
      lat: number(o.lat, `${at}.lat`),
      population: count(o.population, `${at}.population`),
    };
  });
  const districtIds = unique(rawDistricts, `${source}.districts`);

  const rawStreets = array(doc.streets, `${source}.streets`).map((s, i) => {
    const at = `${source}.streets[${i}]`;
    const o = object(s, at);
    const districtId = string(o.districtId, `${at}.districtId`);
    if (!districtIds.has(districtId))
      throw new Error(`${at}.districtId must name a district, got '${districtId}'`);
    return {
      id: string(o.id, `${at}.id`),
      name: string(o.name, `${at}.name`),
      nameEn: string(o.nameEn, `${at}.nameEn`),
      kind: oneOf<StreetKind>(o.kind, ['street', 'town', 'township', 'area'], `${at}.kind`),
      devZone: boolean(o.devZone, `${at}.devZone`),
      districtId,
      lon: number(o.lon, `${at}.lon`),
      lat: number(o.lat, `${at}.lat`),
    };
  });
  const streetDistrict = new Map(rawStreets.map((s) => [s.id, s.districtId]));
  unique(rawStreets, `${source}.streets`);

  const fields = array(doc.cellFields, `${source}.cellFields`).map((f, i) =>
    string(f, `${source}.cellFields[${i}]`),
  );
  const column = (name: string): number => {
    const c = fields.indexOf(name);
    if (c < 0) throw new Error(`${source}.cellFields must include '${name}'`);
    return c;
  };
  const col = {
    id: column('id'),
    name: column('name'),
    nameEn: column('nameEn'),
    kind: column('kind'),
    streetId: column('streetId'),
    lon: column('lon'),
    lat: column('lat'),
    population: column('population'),
  };
  const rawCells = array(doc.cells, `${source}.cells`).map((c, i) => {
    const at = `${source}.cells[${i}]`;
    const row = array(c, at);
    const streetId = string(row[col.streetId], `${at}.streetId`);
    const districtId = streetDistrict.get(streetId);
    if (districtId === undefined) throw new Error(`${at}.streetId must name a street, got '${streetId}'`);
    return {
      id: string(row[col.id], `${at}.id`),
      name: string(row[col.name], `${at}.name`),
      nameEn: string(row[col.nameEn], `${at}.nameEn`),
      kind: oneOf<CellKind>(row[col.kind], ['community', 'village'], `${at}.kind`),
      streetId,
      districtId,
      lon: number(row[col.lon], `${at}.lon`),
      lat: number(row[col.lat], `${at}.lat`),
      population: count(row[col.population], `${at}.population`),
    };
  });
  unique(rawCells, `${source}.cells`);

  // Demand weights from populations: cell within street, street (and district) within the city.
  const streetPopulation = sumBy(rawCells, (c) => c.streetId);
  const districtPopulation = sumBy(rawCells, (c) => c.districtId);
  const cityPopulation = rawCells.reduce((n, c) => n + c.population, 0);
  if (cityPopulation <= 0) throw new Error(`${source}.cells must hold a positive population`);

  const districts: District[] = rawDistricts.map((d) => {
    const fromCells = districtPopulation.get(d.id) ?? 0;
    if (fromCells !== d.population) {
      throw new Error(`${source}: district ${d.id} has population ${d.population}, its cells ${fromCells}`);
    }
    return Object.freeze({ ...d, weight: d.population / cityPopulation });
  });
  const streets: Street[] = rawStreets.map((s) => {
    const population = streetPopulation.get(s.id) ?? 0;
    if (population <= 0)
      throw new Error(`${source}: street ${s.id} must have cells with a positive population`);
    return Object.freeze({ ...s, population, weight: population / cityPopulation });
  });
  const cells: GridCell[] = rawCells.map((c) =>
    Object.freeze({ ...c, weight: c.population / (streetPopulation.get(c.streetId) ?? 1) }),
  );

  const outlines = parseOutlines(parsed(outline, `${source} outline`), districtIds, `${source} outline`);
  return Object.freeze({
    id: string(city.id, `${source}.city.id`),
    name: string(city.name, `${source}.city.name`),
    nameEn: string(city.nameEn, `${source}.city.nameEn`),
    population: cityPopulation,
    districts: Object.freeze(districts),
    streets: Object.freeze(streets),
    cells: Object.freeze(cells),
    outline: outlines,
    bbox: Object.freeze(bboxOf(outlines.features.map((f) => f.geometry))),
    districtById: byId(districts),
    streetById: byId(streets),
    cellById: byId(cells),
    streetsByDistrict: groupBy(streets, (s) => s.districtId),
    cellsByStreet: groupBy(cells, (c) => c.streetId),
    cellsByDistrict: groupBy(cells, (c) => c.districtId),
  });
}

function parseOutlines(raw: unknown, districtIds: ReadonlySet<string>, source: string): DistrictOutlines {
  const doc = object(raw, source);
  if (doc.type !== 'FeatureCollection') throw new Error(`${source}.type must be 'FeatureCollection'`);
  const features: DistrictFeature[] = array(doc.features, `${source}.features`).map((f, i) => {
    const at = `${source}.features[${i}]`;
    const o = object(f, at);
    const id = string(o.id, `${at}.id`);
    if (!districtIds.has(id)) throw new Error(`${at}.id must name a district, got '${id}'`);
    const p = object(o.properties, `${at}.properties`);
    return Object.freeze({
      type: 'Feature' as const,
      id,
      properties: Object.freeze({
        id,
        name: string(p.name, `${at}.properties.name`),
        nameEn: string(p.nameEn, `${at}.properties.nameEn`),
      }),
      geometry: geometry(o.geometry, `${at}.geometry`),
    });
  });
  const covered = new Set(features.map((f) => f.id));
  for (const id of districtIds)
    if (!covered.has(id)) throw new Error(`${source} has no outline for district ${id}`);
  const attribution =
    doc.attribution === undefined ? {} : { attribution: string(doc.attribution, `${source}.attribution`) };
  return Object.freeze({
    type: 'FeatureCollection' as const,
    ...attribution,
    features: Object.freeze(features),
  });
}

function geometry(raw: unknown, at: string): AreaGeometry {
  const o = object(raw, at);
  const polygon = (p: unknown, pat: string): readonly LinearRing[] =>
    Object.freeze(array(p, pat).map((r, i) => ring(r, `${pat}[${i}]`)));
  if (o.type === 'Polygon')
    return Object.freeze({ type: 'Polygon', coordinates: polygon(o.coordinates, `${at}.coordinates`) });
  if (o.type === 'MultiPolygon') {
    const polygons = array(o.coordinates, `${at}.coordinates`).map((p, i) =>
      polygon(p, `${at}.coordinates[${i}]`),
    );
    return Object.freeze({ type: 'MultiPolygon', coordinates: Object.freeze(polygons) });
  }
  throw new Error(`${at}.type must be 'Polygon' or 'MultiPolygon', got ${JSON.stringify(o.type)}`);
}

function ring(raw: unknown, at: string): LinearRing {
  const positions = array(raw, at).map((p, i): Position => {
    const pair = array(p, `${at}[${i}]`);
    return Object.freeze([number(pair[0], `${at}[${i}][0]`), number(pair[1], `${at}[${i}][1]`)] as const);
  });
  if (positions.length < 4) throw new Error(`${at} must have at least 4 positions, got ${positions.length}`);
  return Object.freeze(positions);
}

function object(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${at} must be an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function array(value: unknown, at: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new Error(`${at} must be an array, got ${describe(value)}`);
  return value;
}

function string(value: unknown, at: string): string {
  if (typeof value !== 'string' || value === '')
    throw new Error(`${at} must be a non-empty string, got ${describe(value)}`);
  return value;
}

function number(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`${at} must be a number, got ${describe(value)}`);
  return value;
}

function count(value: unknown, at: string): number {
  const n = number(value, at);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${at} must be a non-negative integer, got ${n}`);
  return n;
}

function boolean(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${at} must be true or false, got ${describe(value)}`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], at: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Error(`${at} must be one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function unique(items: readonly { id: string }[], at: string): Set<string> {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new Error(`${at}: id '${id}' appears twice`);
    seen.add(id);
  }
  return seen;
}

function sumBy<T extends { population: number }>(
  items: readonly T[],
  key: (item: T) => string,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + item.population);
  return sums;
}

function byId<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  for (const list of groups.values()) Object.freeze(list);
  return groups;
}

/** A data file's value: JSON text is parsed (an error names the file), anything else is as given. */
function parsed(data: unknown, source: string): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch (e) {
    throw new Error(`${source} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
}
