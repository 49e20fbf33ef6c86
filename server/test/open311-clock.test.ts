import type { RunInfo } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingMidnight, beijingToday } from '../src/live/wall-clock';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * Issue 13, point 8: Open311 on the wall clock. FixMyStreet polls updates from now − 2 h to now; a
 * request POSTed now must be dated now, on a run anchored to the wall clock and on a fast virtual one.
 */

type Req = { service_request_id: string; requested_datetime: string; updated_datetime: string | null };
type Update = { service_request_id: string; updated_datetime: string; status: string };

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('Open311 dates on the wall clock (issue 13, point 8)', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let key: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url, { OPEN311_RATE_LIMIT: '100000' });
    key = (await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'fixmystreet' } }))
      .body.key;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  /** POST a request into `run` (form-encoded, as FixMyStreet does); its service_request_id once admitted. */
  async function post(run: string): Promise<{ id: string; at: number }> {
    const at = Date.now();
    const res = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: key,
        jurisdiction_id: run,
        service_code: 'noise-nuisance',
        lat: '39.9087',
        long: '116.3975',
      }).toString(),
    });
    expect(res.status).toBe(201);
    const token = ((await res.json()) as [{ token: string }])[0].token;
    const id = await waitFor('the token to map to a request', async () => {
      const t = await fetch(`${server.url}/open311/v2/tokens/${token}.json`);
      return ((await t.json()) as [{ service_request_id: string | null }])[0].service_request_id ?? undefined;
    });
    return { id, at };
  }

  const getJson = async <T>(path: string) => (await (await fetch(server.url + path)).json()) as T;

  /** The request once its record is stored (the token maps to its id a moment before). */
  const readRequest = (id: string) =>
    waitFor(`request ${id} to be readable`, async () => {
      const res = await fetch(`${server.url}/open311/v2/requests/${id}.json?api_key=${key}`);
      return res.status === 200 ? ((await res.json()) as Req[])[0] : undefined;
    });

  it('dates a fast virtual run by when it happened, so a poll of the last two hours sees it', async () => {
    const run = (
      await api<RunInfo>(server.url, '/api/runs', { body: { scenario: liveTestScenario(), speed: 2_000 } })
    ).body;
    expect(run.clock).toBe('virtual');
    const { id, at } = await post(run.id);
    const request = await readRequest(id);
    const requested = Date.parse(request?.requested_datetime ?? '');
    // Whole seconds, and the admission takes a tick or two.
    expect(requested).toBeGreaterThanOrEqual(at - 2_000);
    expect(requested).toBeLessThanOrEqual(Date.now() + 1_000);
    // FixMyStreet's window: now − 2 h to now. The request's steps so far are in it; none before.
    const now = Date.now();
    const window = await getJson<Update[]>(
      `/open311/v2/servicerequestupdates.json?jurisdiction_id=${run.id}&start_date=${iso(now - 2 * 3600_000)}&end_date=${iso(now + 1_000)}&api_key=${key}`,
    );
    const mine = window.filter((u) => u.service_request_id === id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]?.status).toBe('OPEN');
    const before = await getJson<Update[]>(
      `/open311/v2/servicerequestupdates.json?jurisdiction_id=${run.id}&start_date=${iso(now - 4 * 3600_000)}&end_date=${iso(at - 5_000)}&api_key=${key}`,
    );
    expect(before.filter((u) => u.service_request_id === id)).toEqual([]);
    // The run's own appeals are dated between its creation and now too, newest first.
    const page = await waitFor('twenty of the run’s appeals', async () => {
      const p = await getJson<Req[]>(`/open311/v2/requests.json?jurisdiction_id=${run.id}&page_size=50`);
      return p.length >= 20 ? p : undefined;
    });
    for (const r of page) {
      expect(Date.parse(r.requested_datetime)).toBeGreaterThanOrEqual(Date.parse(run.createdAt) - 1_000);
      expect(Date.parse(r.requested_datetime)).toBeLessThanOrEqual(Date.now() + 1_000);
    }
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
  }, 60_000);

  it('anchors a run to the wall clock: ×1, today, caught up to Beijing time, dated now', async () => {
    const created = await api<RunInfo>(server.url, '/api/runs', {
      body: {
        scenario: liveTestScenario({ hours: 48, arrivals: { perHour: 20 } }),
        speed: 500,
        clock: 'wall',
      },
    });
    expect(created.status).toBe(201);
    const run = created.body;
    expect(run).toMatchObject({ clock: 'wall', speed: 1, start: beijingToday() });
    // It catches up from midnight at full pace, then keeps Beijing time.
    const caughtUp = await waitFor(
      'the run to catch up with the wall clock',
      async () => {
        const info = (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body;
        const wall = (Date.now() - beijingMidnight(run.start)) / 1000;
        return info.virtualTime >= wall - 5 ? info : undefined;
      },
      45_000,
    );
    expect(caughtUp.virtualTime).toBeLessThanOrEqual((Date.now() - beijingMidnight(run.start)) / 1000 + 1);
    const { id, at } = await post(run.id);
    const request = await readRequest(id);
    expect(Math.abs(Date.parse(request?.requested_datetime ?? '') - at)).toBeLessThan(3_000);
    const speed = await api(server.url, `/api/runs/${run.id}/speed`, { body: { speed: 100 } });
    expect(speed.status).toBe(409);
    expect(JSON.stringify(speed.body)).toContain('wall clock');
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
  }, 90_000);
});
