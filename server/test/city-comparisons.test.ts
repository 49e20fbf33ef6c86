import { compareCities, validateScenario, type CityComparisonStatus } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/** POST /api/comparisons/cities: the three cities side by side, run on the experiments queue. */
describe('a three-city comparison', () => {
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

  // Two levers in use (the grid, data sharing); every switch the defaults turn on is off.
  const tiny = {
    name: 'tiny',
    seed: 7,
    hours: 2,
    arrivals: { perHour: 80 },
    intake: { agents: 16, talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } } },
    lifecycle: {
      dispatch: { mode: 'tiered', leadUnit: false },
      whistle: { enabled: false },
      returns: { review: false },
      supervision: { enabled: false },
      assessment: { ranking: false, governanceList: false },
      grid: { enabled: true },
      reforms: { dataSharing: 0.8 },
    },
  };

  it('runs each lever in use switched off on the queue, exactly as in process; a missing city is listed', async () => {
    const started = await api<CityComparisonStatus>(server.url, '/api/comparisons/cities', {
      body: { scenarios: [tiny, 'wuhan-2030'], replications: 2, hours: 2, seed: 7 },
    });
    expect(started.status).toBe(202);
    // The scenario as it is and with each of its 2 levers off: 3 runs × 2 replications.
    expect(started.body).toMatchObject({ status: 'running', total: 6, replications: 2, hours: 2 });
    const done = await waitFor(
      'the city comparison',
      async () => {
        const s = (await api<CityComparisonStatus>(server.url, `/api/comparisons/cities/${started.body.id}`))
          .body;
        return s.status === 'running' ? undefined : s;
      },
      120_000,
      50,
    );
    expect(done.error).toBeUndefined();
    const c = done.comparison;
    expect(c?.cities.map((x) => [x.city, x.missing === undefined])).toEqual([
      ['beijing', true],
      ['wuhan-2030', false],
    ]);
    const local = compareCities(
      [
        { city: 'beijing', scenario: validateScenario(tiny) },
        {
          city: 'wuhan-2030',
          name: 'wuhan-2030',
          missing: '"wuhan-2030" is not a built-in scenario (yet)',
        },
      ],
      { replications: 2, hours: 2, seed: 7 },
    );
    expect(c).toEqual(JSON.parse(JSON.stringify(local)));
    const paths = c?.drivers.flatMap((d) => d.cities[0]?.levers.map((l) => l.path) ?? []);
    expect(paths?.sort()).toEqual(['lifecycle.grid.enabled', 'lifecycle.reforms.dataSharing']);
  });

  it('refuses a body without scenarios (400), and an observer (403)', async () => {
    const empty = await api<{ error: string }>(server.url, '/api/comparisons/cities', { body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/scenarios/);
    const anonymous = await api(server.url, '/api/comparisons/cities', {
      body: { scenarios: ['stage-2024'] },
      cookie: null,
    });
    expect([401, 403]).toContain(anonymous.status);
    const bad = await api(server.url, '/api/comparisons/cities/not-hex');
    expect(bad.status).toBe(400);
  });
});
