import {
  registerCity,
  type AppealDetail,
  type CityList,
  type CityMap,
  type RunInfo,
} from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';
import { TEST_CITY_KEY, testCity } from './helpers/test-city';

const city = testCity();
// Registered before the server reads its config, as `hotline city`'s cached cities are at start-up.
registerCity(TEST_CITY_KEY, city);

/** Open311's form POST (an api key files it). */
async function file(base: string, fields: Record<string, string>) {
  const res = await fetch(`${base}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/**
 * Any loaded city live (issue 17): the city list, a city's map by key, runs in a city other than
 * Beijing (chosen by `city` on POST /api/runs; an unknown one refused), their appeals, league and
 * Open311 requests placed in that city. A made-up two-district city keeps the run small.
 */
describe('live runs in any loaded city', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  let key: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url, { CITY: TEST_CITY_KEY });
    run = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario({ hours: 4 }), speed: 600, city: TEST_CITY_KEY },
      })
    ).body;
    key = (await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'city test' } })).body
      .key;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('lists the known cities with the server CITY as the default', async () => {
    const { status, body } = await api<CityList>(server.url, '/api/cities');
    expect(status).toBe(200);
    expect(body.default).toBe(TEST_CITY_KEY);
    expect(body.cities.map((c) => c.key)).toEqual(expect.arrayContaining(['beijing', TEST_CITY_KEY]));
    expect(body.cities.find((c) => c.key === 'beijing')).toMatchObject({ districts: 16, builtIn: true });
    expect(body.cities.find((c) => c.key === TEST_CITY_KEY)).toEqual({
      key: TEST_CITY_KEY,
      name: '测试市',
      nameEn: 'Testville',
      districts: 2,
      streets: 4,
      builtIn: false,
    });
  });

  it("gives a city's map by key, departments drawn inside it; the default is CITY; an unknown key is 404", async () => {
    const { status, body: map } = await api<CityMap>(server.url, `/api/city?key=${TEST_CITY_KEY}`);
    expect(status).toBe(200);
    expect(map).toMatchObject({ key: TEST_CITY_KEY, name: '测试市', bbox: [...city.bbox] });
    expect(map.districts.map((d) => d.name)).toEqual(['甲区', '乙区']);
    expect(map.streets).toHaveLength(4);
    expect(map.cells.street).toHaveLength(12);
    const [minLon, minLat, maxLon, maxLat] = map.bbox;
    const departments = map.units.filter((u) => u.kind === 'department' || u.kind === 'utility');
    expect(departments.length).toBeGreaterThan(0);
    for (const u of map.units) {
      expect(u.lon, u.id).toBeGreaterThanOrEqual(minLon);
      expect(u.lon, u.id).toBeLessThanOrEqual(maxLon);
      expect(u.lat, u.id).toBeGreaterThanOrEqual(minLat);
      expect(u.lat, u.id).toBeLessThanOrEqual(maxLat);
    }
    expect((await api<CityMap>(server.url, '/api/city')).body.key).toBe(TEST_CITY_KEY);
    expect((await api<CityMap>(server.url, '/api/city?key=beijing')).body.districts).toHaveLength(16);
    const unknown = await api<{ error: string }>(server.url, '/api/city?key=atlantis');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain(`known cities: beijing, shanghai, hangzhou, ${TEST_CITY_KEY}`);
  });

  it('refuses a run in an unknown city with 422 naming the known ones', async () => {
    const viaBody = await api<{ error: string }>(server.url, '/api/runs', {
      body: { scenario: liveTestScenario(), city: 'atlantis', paused: true },
    });
    expect(viaBody.status).toBe(422);
    expect(viaBody.body.error).toBe(
      `city: unknown city "atlantis" (known cities: beijing, shanghai, hangzhou, ${TEST_CITY_KEY})`,
    );
    const viaScenario = await api<{ error: string }>(server.url, '/api/runs', {
      body: { scenario: liveTestScenario({ city: 'atlantis' }), paused: true },
    });
    expect(viaScenario.status).toBe(422);
    expect(viaScenario.body.error).toContain('scenario.city: unknown city "atlantis"');
  });

  it('runs the model in the run city: its appeals and their details name its streets', async () => {
    expect(run.city).toBe(TEST_CITY_KEY);
    const page = await waitFor('appeals with a street', async () => {
      const body = (await api<{ appeals: AppealDetail[] }>(server.url, `/api/runs/${run.id}/appeals`)).body;
      return body.appeals.some((a) => a.place.street !== '') ? body : undefined;
    });
    const streets = city.streets.map((s) => s.name);
    const placed = page.appeals.filter((a) => a.place.street !== '');
    for (const a of placed) {
      expect(['甲区', '乙区']).toContain(a.place.district);
      expect(streets).toContain(a.place.street);
    }
    const detail = (await api<AppealDetail>(server.url, `/api/runs/${run.id}/appeals/${placed[0]?.id}`)).body;
    expect(detail.place).toEqual(placed[0]?.place);
  });

  it("locates an Open311 request by lat/long in the run's city, and says which city a far point is outside", async () => {
    const target = city.cells.find((c) => c.streetId === '990102002');
    const posted = await file(server.url, {
      api_key: key,
      jurisdiction_id: run.id,
      service_code: 'noise-nuisance',
      lat: String(target?.lat),
      long: String(target?.lon),
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const [{ token }] = posted.body as [{ token: string }];
    const id = await waitFor('the token to map to a request', async () => {
      const res = await fetch(`${server.url}/open311/v2/tokens/${token}.json`);
      return (
        ((await res.json()) as [{ service_request_id: string | null }])[0].service_request_id ?? undefined
      );
    });
    const res = await fetch(`${server.url}/open311/v2/requests/${id}.json?extensions=true&api_key=${key}`);
    const [request] = (await res.json()) as [
      { address: string; extended_attributes: Record<string, unknown> },
    ];
    expect(request.address).toBe(
      `乙区乙西街道${target?.name} · ${target?.nameEn}, Yi West Subdistrict, Yi, Testville`,
    );
    const beijing = await file(server.url, {
      api_key: key,
      jurisdiction_id: run.id,
      service_code: 'noise-nuisance',
      lat: '39.9',
      long: '116.4',
    });
    expect(beijing.status).toBe(400);
    expect(beijing.body).toEqual([{ code: 400, description: 'lat 39.9, long 116.4 lies outside Testville' }]);
  });
});
