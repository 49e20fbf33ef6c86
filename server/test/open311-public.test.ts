import { LiveRun, validateScenario, type RunInfo } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer, waitFor, waitForStill } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * Issue 13, point 5: Open311 reads. Anonymous readers see public fields only (no citizen's words, the
 * place to the street), a far page answers at once from the index, GETs are rate-limited, and the
 * models built for reading ended runs are bounded.
 */

type Req = Record<string, unknown> & {
  service_request_id: string;
  description: string | null;
  address: string | null;
  lat: number;
  long: number;
  media_url: string | null;
  extended_attributes?: Record<string, unknown>;
};

async function getJson(base: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(base + path);
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('Open311 reads (issue 13, point 5)', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let key: string;
  let run: RunInfo;
  let posted: string;
  const scenario = validateScenario(liveTestScenario(), 'live test');
  const cell = new LiveRun(scenario, scenario.seed).model.city.city.cells[200];

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url, {
      OPEN311_RATE_LIMIT: '100000',
      OPEN311_READ_RATE_LIMIT: '40',
      RUN_MODEL_CACHE: '2',
    });
    key = (await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'fixmystreet' } }))
      .body.key;
    run = (
      await api<RunInfo>(server.url, '/api/runs', { body: { scenario: liveTestScenario(), speed: 10_000 } })
    ).body;
    const res = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: key,
        jurisdiction_id: run.id,
        service_code: 'noise-nuisance',
        description: '楼下装修太吵，住在3号楼2单元',
        media_url: 'https://example.org/photo.jpg',
        lat: String(cell?.lat),
        long: String(cell?.lon),
      }).toString(),
    });
    expect(res.status).toBe(201);
    const token = ((await res.json()) as [{ token: string }])[0].token;
    posted = await waitFor('the token to map to a request', async () => {
      const t = await getJson(server.url, `/open311/v2/tokens/${token}.json?api_key=${key}`);
      return (t.body as [{ service_request_id: string | null }])[0].service_request_id ?? undefined;
    });
    // The lists below need the run's own appeals beside the posted one (the POST answers at once).
    await waitFor('the run to create a few dozen appeals', async () => {
      const info = (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body;
      return info.appeals > 30;
    });
    await api(server.url, `/api/runs/${run.id}/pause`, { method: 'POST' });
    await waitForStill(server.url, run.id);
  }, 90_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('shows an anonymous reader no citizen words and no place finer than the street; a key sees them', async () => {
    const path = `/open311/v2/requests/${posted}.json?extensions=true`;
    const anonymous = (await getJson(server.url, path)).body as Req[];
    const keyed = (await getJson(server.url, `${path}&api_key=${key}`)).body as Req[];
    const [pub, full] = [anonymous[0], keyed[0]];
    expect(full?.description).toBe('楼下装修太吵，住在3号楼2单元');
    expect(full?.media_url).toBe('https://example.org/photo.jpg');
    expect(full?.extended_attributes?.community).toBe(cell?.name);
    expect(pub?.description).toBeNull();
    expect(pub?.media_url).toBeNull();
    expect(pub?.extended_attributes?.community).toBeNull();
    expect(pub?.extended_attributes?.rating).toBeNull();
    expect(pub?.address).not.toContain(cell?.name ?? '?');
    expect(pub?.address).toContain(String(full?.extended_attributes?.street));
    // To about 1 km: two decimals, and within 0.005° of the true place.
    for (const k of ['lat', 'long'] as const) {
      expect(Math.round((pub?.[k] ?? 0) * 100) / 100).toBe(pub?.[k]);
      expect(Math.abs((pub?.[k] ?? 0) - (full?.[k] ?? 0))).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    // The list answers the same way: no anonymous row carries a description.
    const list = (
      await getJson(server.url, `/open311/v2/requests.json?jurisdiction_id=${run.id}&page_size=200`)
    ).body as Req[];
    expect(list.length).toBeGreaterThan(10);
    expect(list.every((r) => r.description === null && r.media_url === null)).toBe(true);
    const keyedList = (
      await getJson(
        server.url,
        `/open311/v2/requests.json?jurisdiction_id=${run.id}&page_size=200&api_key=${key}`,
      )
    ).body as Req[];
    expect(keyedList.filter((r) => typeof r.description === 'string').length).toBeGreaterThan(10);
  });

  it('answers a page far beyond the end at once, from the index', async () => {
    const started = performance.now();
    const far = await getJson(
      server.url,
      `/open311/v2/requests.json?jurisdiction_id=${run.id}&page=1000000&page_size=1000&api_key=${key}`,
    );
    expect(far.status).toBe(200);
    expect(far.body).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('builds a bounded number of models for reading runs it does not own', async () => {
    // Runs this server does not own are read through cached models; ended runs are never owned.
    const ended: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = (
        await api<RunInfo>(server.url, '/api/runs', {
          body: { scenario: liveTestScenario(), speed: 10_000 },
        })
      ).body;
      await api(server.url, `/api/runs/${r.id}/stop`, { method: 'POST' });
      ended.push(r.id);
    }
    for (const id of ended) {
      await waitFor(`run ${id} to stop`, async () =>
        (await api<RunInfo>(server.url, `/api/runs/${id}`)).body.status === 'stopped' ? true : undefined,
      );
      const page = await getJson(
        server.url,
        `/open311/v2/requests.json?jurisdiction_id=${id}&api_key=${key}`,
      );
      expect(page.status).toBe(200);
    }
    expect(server.manager.cachedModels).toBeLessThanOrEqual(2);
  }, 60_000);

  it('rate-limits reads per client, with the spec-shaped 429 naming the wait', async () => {
    let limited: { status: number; body: unknown } | undefined;
    for (let i = 0; i < 60 && !limited; i++) {
      const res = await getJson(server.url, '/open311/v2/services.json');
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.body).toEqual([
      {
        code: 429,
        description: expect.stringMatching(/too many Open311 reads; try again in \d+ s/) as string,
      },
    ]);
  });
});
