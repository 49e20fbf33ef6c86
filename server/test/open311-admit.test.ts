import { LiveRun, validateScenario, type LiveInput, type RunInfo } from '@hotline-sim/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRun } from '../src/live/audit';
import { runKeys } from '../src/live/keys';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer, waitFor, waitForStill } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * Issue 13's acceptance (Open311 POST ≥ 500 requests/s, p99 ≤ 100 ms) with point 9 kept: a POST into
 * a running run answers its service_request_id without waiting for the run's next tick, because the
 * owner takes its inbox when the appeal is filed. The server ticks once a second here (TICK_MS=1000),
 * so a POST that waited for the next tick would take half a second on average.
 */

const scenario = validateScenario(liveTestScenario(), 'live test');
const cells = new LiveRun(scenario, scenario.seed).model.city.city.cells;

interface Filed {
  status: number;
  ms: number;
  token?: string;
  id?: string;
}

describe('Open311 POST admits the appeal at once', () => {
  let redis: TestRedis;
  let client: Redis;
  let server: RunningServer;
  let key: string;

  const post = async (runId: string, i: number): Promise<Filed> => {
    const cell = cells[(i * 97) % cells.length];
    const began = performance.now();
    const res = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: key,
        jurisdiction_id: runId,
        service_code: 'noise-nuisance',
        lat: String(cell?.lat),
        long: String(cell?.lon),
        description: `admit test ${i}`,
      }).toString(),
    });
    const ms = performance.now() - began;
    if (res.status !== 201) return { status: res.status, ms };
    const [answer] = (await res.json()) as [{ token: string; service_request_id?: string }];
    return { status: res.status, ms, token: answer.token, id: answer.service_request_id };
  };

  const runningRun = async (speed = 60) => {
    const run = (
      await api<RunInfo>(server.url, '/api/runs', { body: { scenario: liveTestScenario(), speed } })
    ).body;
    await waitFor('the run to tick', async () => {
      const info = (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body;
      return info.appeals > 0;
    });
    return run;
  };

  beforeAll(async () => {
    redis = await startTestRedis();
    client = new Redis(redis.url, { maxRetriesPerRequest: null });
    server = await startTestServer(redis.url, { OPEN311_RATE_LIMIT: '100000', TICK_MS: '1000' });
    key = (await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'admit' } })).body.key;
  }, 60_000);

  afterAll(async () => {
    client?.disconnect();
    await server?.close();
    await redis?.stop();
  });

  it('answers each POST with its service_request_id well within a tick', async () => {
    const run = await runningRun();
    const filed: Filed[] = [];
    for (let i = 0; i < 11; i++) filed.push(await post(run.id, i));
    expect(filed.map((f) => f.status)).toEqual(Array(11).fill(201));
    expect(filed.filter((f) => f.id === undefined)).toEqual([]);
    // Waiting for the next of one-second ticks would put the median near 500 ms.
    const ms = filed.map((f) => f.ms).sort((a, b) => a - b);
    expect(ms[5], `latencies ${ms.map((m) => m.toFixed(0)).join(', ')} ms`).toBeLessThan(250);
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
  }, 90_000);

  it('gives 200 concurrent POSTs 200 distinct ids, each in the run, with a clean audit', async () => {
    const run = await runningRun();
    const filed = await Promise.all(Array.from({ length: 200 }, (_, i) => post(run.id, i)));
    expect(filed.filter((f) => f.status !== 201)).toEqual([]);
    const ids = filed.map((f) => f.id);
    expect(ids.filter((id) => id === undefined)).toEqual([]);
    expect(new Set(ids).size).toBe(200);
    // Each token maps to the id its POST answered.
    for (const f of filed.slice(0, 20)) {
      const res = await fetch(`${server.url}/open311/v2/tokens/${f.token}.json`);
      expect(await res.json()).toEqual([{ service_request_id: f.id, token: f.token }]);
    }
    // The run logged them in the order of their ids, and each becomes a stored appeal.
    const store = server.manager.appealStore;
    const appealIds = (ids as string[]).map((id) => Number(id.slice(run.id.length + 1)));
    expect(await store.externalIds(run.id)).toEqual([...appealIds].sort((a, b) => a - b));
    // Stored before the POST answered: a client can read the id it was given at once.
    expect((await store.readMany(run.id, appealIds, false)).filter((r) => r === undefined)).toEqual([]);
    await api(server.url, `/api/runs/${run.id}/pause`, { method: 'POST' });
    await waitForStill(server.url, run.id);
    const audit = await auditRun(client, run.id);
    expect(audit.problems).toEqual([]);
    expect(audit.appeals).toBe(audit.created);
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
  }, 120_000);

  it('a successor owner stamps the inbox no earlier than the log it took over (it may run past the settled tick)', async () => {
    const run = await runningRun(600);
    const k = runKeys(run.id);
    await api(server.url, `/api/runs/${run.id}/pause`, { method: 'POST' });
    await waitForStill(server.url, run.id);
    // What a predecessor that died mid-tick leaves: an input logged after the last settled tick…
    const settled = Number(await client.hget(k.meta, 'settledVt'));
    const ahead: LiveInput = {
      at: settled + 600,
      kind: 'inject',
      inject: { kind: 'surge', atHours: 0, hours: 1, factor: 2 },
    };
    await client.rpush(k.inputs, JSON.stringify(ahead));
    // …and an appeal still in the inbox (filed into the paused run: no id yet).
    const paused = await post(run.id, 0);
    expect(paused.status).toBe(201);
    expect(paused.id).toBeUndefined();
    // The owner loses its lock; this server takes the run over from the log.
    await client.del(k.owner);
    await waitFor('the run taken over', async () => (await client.get(k.owner)) !== null, 30_000);
    await api(server.url, `/api/runs/${run.id}/resume`, { method: 'POST' });
    const id = await waitFor(
      'the token to map to an appeal',
      async () => {
        const res = await fetch(`${server.url}/open311/v2/tokens/${paused.token}.json`);
        return (
          ((await res.json()) as [{ service_request_id: string | null }])[0].service_request_id ?? undefined
        );
      },
      30_000,
    );
    const log = (await client.lrange(k.inputs, 0, -1)).map((t) => JSON.parse(t) as LiveInput);
    const filed = log.find((i) => i.kind === 'appeal' && `${run.id}-${i.id}` === id);
    expect(filed?.at).toBe(settled + 600);
    expect(log.map((i) => i.at)).toEqual(log.map((i) => i.at).sort((a, b) => a - b));
    // The successor runs it: the appeal is stored once the clock passes its stamp.
    const appealId = Number(id.slice(run.id.length + 1));
    await waitFor(
      'the appeal stored',
      async () => (await server.manager.appealStore.readMany(run.id, [appealId], false))[0] !== undefined,
      60_000,
    );
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
  }, 120_000);
});
