import { explainScenarios, validateScenario, type ComparisonStatus } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/** POST /api/comparisons with `explain`: the Shapley split runs on the experiments queue, as in-process. */
describe('a comparison that explains', () => {
  let redis: TestRedis;
  let server: RunningServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('splits each KPI over the levers that differ, exactly as the in-process explanation', async () => {
    const small = liveTestScenario({ hours: 4, arrivals: { perHour: 120 } });
    const lifecycle = small.lifecycle as Record<string, unknown>;
    const b = {
      ...small,
      name: 'no whistle, grid on',
      lifecycle: { ...lifecycle, whistle: { enabled: false }, grid: { enabled: true } },
    };
    const started = await api<ComparisonStatus>(server.url, '/api/comparisons', {
      body: { a: small, b, replications: 2, seed: 7, explain: true },
    });
    expect(started.status).toBe(202);
    const done = await waitFor(
      'the explained comparison',
      async () => {
        const s = (await api<ComparisonStatus>(server.url, `/api/comparisons/${started.body.id}`)).body;
        return s.status === 'running' ? undefined : s;
      },
      120_000,
      50,
    );
    expect(done.error).toBeUndefined();
    const e = done.explanation;
    expect(e?.groups.map((g) => g.name).sort()).toEqual([
      'lifecycle.grid.enabled',
      'lifecycle.whistle.enabled',
    ]);
    // Two groups: 4 combinations × 2 replications.
    expect(done.total).toBe(8);
    const local = explainScenarios(validateScenario(small), validateScenario(b), {
      replications: 2,
      seed: 7,
    });
    expect(e?.kpis).toEqual(local.kpis);
    // The plain comparison rides along: b − a is the explanation's total.
    const row = done.comparison?.rows.find((r) => r.kpi === 'whistles');
    expect(row?.difference).toBeCloseTo(e?.kpis['whistles']?.total.mean ?? NaN, 9);
    expect(row?.difference).toBeLessThan(0);
  });
});
