import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInCityKeys, createCity, registerCity, type City } from '@hotline-sim/shared';

/** What `hotline city` writes beside a cached city's two data files, and `--list` shows. */
export interface CityMeta {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly districts: number;
  readonly streets: number;
  readonly cells: number;
  readonly population: number;
  /** Where the population comes from (census city total or the national proxy). */
  readonly source: string;
  /** How the district outlines were made: ECharts' own, or the Voronoi fallback. */
  readonly outlines: 'echarts' | 'voronoi';
  readonly buildSeconds: number;
}

export const UNITS_FILE = 'units.json';
export const OUTLINE_FILE = 'districts.geo.json';
export const META_FILE = 'meta.json';

/** Write a built city into `<dir>/<key>/`: to a temporary folder first, then renamed, so a reader never sees half. */
export function writeCachedCity(dir: string, meta: CityMeta, units: string, outline: string): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, meta.key);
  const tmp = join(dir, `.${meta.key}.${process.pid}.tmp`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  writeFileSync(join(tmp, UNITS_FILE), units);
  writeFileSync(join(tmp, OUTLINE_FILE), outline);
  writeFileSync(join(tmp, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(tmp, target);
  return target;
}

/** The cities cached in `dir` (folders holding a meta.json), by key; a missing dir holds none. */
export function cachedCityMetas(dir: string): CityMeta[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && existsSync(join(dir, e.name, META_FILE)))
    .map((e) => JSON.parse(readFileSync(join(dir, e.name, META_FILE), 'utf8')) as CityMeta)
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The cached city `key` in `dir`, checked by createCity (an error names the file and the field). */
export function readCachedCity(dir: string, key: string): City {
  const folder = join(dir, key);
  const units = JSON.parse(readFileSync(join(folder, UNITS_FILE), 'utf8')) as unknown;
  const outline = JSON.parse(readFileSync(join(folder, OUTLINE_FILE), 'utf8')) as unknown;
  return createCity(units, outline, join(folder, UNITS_FILE));
}

/**
 * Register every city cached in `dir` (`HOTLINE_CITY_DIR`) with the registry, so a scenario may name
 * it; a built-in key is never shadowed. Called at the start of the CLI, the server and a worker.
 * Returns the keys registered.
 */
export function loadCachedCities(dir: string): string[] {
  const builtIn = new Set(builtInCityKeys());
  const keys: string[] = [];
  for (const meta of cachedCityMetas(dir)) {
    if (builtIn.has(meta.key)) continue;
    registerCity(meta.key, readCachedCity(dir, meta.key));
    keys.push(meta.key);
  }
  return keys;
}
