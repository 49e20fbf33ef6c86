import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtInScenario,
  cityByKey,
  pointInGeometry,
  runScenario,
  streetType,
  validateScenario,
  type Report,
} from '@hotline-sim/shared';
import { buildAndCacheCity } from '../src/cities/build-city';
import { loadCachedCities, readCachedCity, type CityMeta } from '../src/cities/cache';
import { hotline } from './run-cli';

// A city the product does not ship (成都市), built from the division data, cached, registered, and a
// short weekday run in it: in process for the model, and through the CLI as a user would.
const dir = mkdtempSync(join(tmpdir(), 'hotline-cities-'));
let meta: CityMeta;
let seconds: number;

beforeAll(() => {
  process.env.HOTLINE_CITY_DIR = dir; // inherited by the CLI processes below
  const started = performance.now();
  meta = buildAndCacheCity('成都市', dir).meta;
  seconds = (performance.now() - started) / 1000;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** beijing-weekday, 3 hours, in `city`; every street with one rated order ranks. */
function shortWeekday(city: string): Report {
  const base = JSON.parse(JSON.stringify(builtInScenario('beijing-weekday'))) as Record<string, never>;
  const lifecycle = base.lifecycle as unknown as { streets: object };
  const scenario = validateScenario({
    ...base,
    city,
    hours: 3,
    lifecycle: { ...lifecycle, streets: { ...lifecycle.streets, minRatedToRank: 1 } },
  });
  return runScenario(scenario);
}

describe('a city built at run time: 成都市', () => {
  it('is built from the division data with its census total, within the time budget', () => {
    expect(meta).toMatchObject({ key: 'chengdu', id: '510100', name: '成都市', nameEn: 'Chengdu' });
    expect(meta.districts).toBe(20);
    expect(meta.streets).toBeGreaterThan(200);
    expect(meta.cells).toBeGreaterThan(2500);
    expect(meta.population).toBe(20_937_757); // 成都市第七次全国人口普查公报
    expect(meta.outlines).toBe('voronoi');
    // 10 s on an idle machine; the tests share two cores with other work.
    expect(seconds).toBeLessThan(60);
  });

  it('is cached with every position inside its district outline', () => {
    const city = readCachedCity(dir, 'chengdu');
    const outline = new Map(city.outline.features.map((f) => [f.id, f.geometry]));
    const inside = (lon: number, lat: number, d: string) => {
      const geometry = outline.get(d);
      return geometry !== undefined && pointInGeometry(lon, lat, geometry);
    };
    for (const d of city.districts) expect(inside(d.lon, d.lat, d.id), d.id).toBe(true);
    for (const s of city.streets) expect(inside(s.lon, s.lat, s.districtId), s.id).toBe(true);
    expect(city.cells.every((c) => inside(c.lon, c.lat, c.districtId))).toBe(true);
  });

  it('is registered from the cache and runs a weekday: appeals land in Chengdu streets', () => {
    expect(loadCachedCities(dir)).toEqual(['chengdu']);
    const chengdu = cityByKey('chengdu');
    expect(chengdu.id).toBe('510100');
    // The stated rule for other cities: the lowest-coded 区 (锦江区 510104) is the core.
    const jinjiang = (chengdu.streetsByDistrict.get('510104') ?? []).filter((s) => s.kind === 'street');
    expect(jinjiang.length).toBeGreaterThan(0);
    expect(jinjiang.every((s) => streetType(s, chengdu) === 'core')).toBe(true);
    const report = shortWeekday('chengdu');
    expect(report.kpis.contacts?.mean).toBeGreaterThan(500);
    const streets = report.streets ?? [];
    expect(streets.length).toBeGreaterThan(20);
    expect(streets.every((s) => s.id.startsWith('5101'))).toBe(true);
    expect(report.departments?.[0]?.name).toMatch(/^成都市/);
  });

  it('hotline city --list shows the built-in cities and the cached one', async () => {
    const { code, stdout } = await hotline('city', '--list', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { key: string; where: string; population: number }[];
    expect(rows.map((r) => r.key)).toEqual(['beijing', 'shanghai', 'hangzhou', 'chengdu']);
    expect(rows[3]).toMatchObject({ where: join(dir, 'chengdu'), population: 20_937_757 });
  }, 120_000);

  it('hotline run --city runs a scenario there; a city that does not exist is a usage error', async () => {
    const file = join(dir, 'short.yaml');
    writeFileSync(file, 'extends: beijing-weekday\nhours: 3\n');
    const ran = await hotline('run', file, '--city', 'chengdu', '--json');
    expect(ran.code, ran.stderr).toBe(0);
    const report = JSON.parse(ran.stdout) as Report;
    expect(report.departments?.[0]?.name).toMatch(/^成都市/);
    const bad = await hotline('run', file, '--city', 'atlantis');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--city atlantis: no such city \(known: beijing, shanghai, hangzhou, chengdu/);
    const unknown = await hotline('city', '纽约');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no prefecture-level city or municipality "纽约"/);
  }, 180_000);
});
