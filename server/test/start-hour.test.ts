import type { RunInfo } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, loginInstructor, sleep, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

const HOUR = 3600;

describe('a run that starts at a given hour', () => {
  let redis: TestRedis;
  let server: RunningServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    await loginInstructor(server.url);
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  const get = async (id: string) => (await api<RunInfo>(server.url, `/api/runs/${id}`)).body;

  it('plays the hours before its start hour at full pace, then keeps its speed', async () => {
    const { status, body: run } = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: liveTestScenario(), speed: 1, startHour: 8 },
    });
    expect(status).toBe(201);
    const at8 = await waitFor('the run to reach 08:00', async () => {
      const info = await get(run.id);
      return info.virtualTime >= 8 * HOUR ? info : undefined;
    });
    // The night happened: its appeals were created, not skipped (~150 contacts an hour).
    expect(at8.appeals).toBeGreaterThan(500);
    await sleep(2_000);
    const later = await get(run.id);
    // At ×1 two wall seconds move the clock a few virtual seconds, not hours.
    expect(later.virtualTime).toBeGreaterThan(at8.virtualTime);
    expect(later.virtualTime - at8.virtualTime).toBeLessThan(60);
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
  });

  it('starts at midnight when no start hour is asked for', async () => {
    const { body: run } = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: liveTestScenario(), speed: 1 },
    });
    await sleep(1_500);
    expect((await get(run.id)).virtualTime).toBeLessThan(60);
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
  });

  it.each([
    [{ startHour: 24 }, 'startHour'],
    [{ startHour: 8, clock: 'wall' }, 'startHour'],
  ])('answers 400 naming the field for %j', async (extra, field) => {
    const { status, body } = await api<{ error: string }>(server.url, '/api/runs', {
      body: { scenario: liveTestScenario(), speed: 1, ...extra },
    });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain(field);
  });
});
