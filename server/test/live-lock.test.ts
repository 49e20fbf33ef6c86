import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRun } from '../src/live/audit';
import { runKeys } from '../src/live/keys';
import type { RunningServer } from '../src/server';
import { MONDAY_DRAIN, liveTestScenario, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * An owner that finds its lock gone (it expired during a stall, or Redis came back from an AOF a
 * second behind) stops; the run must not be orphaned: a server, this very one included, takes it over
 * from the log and the run finishes as if nothing happened.
 */
describe('losing the run lock', () => {
  let redis: TestRedis;
  let client: Redis;
  let server: RunningServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    client = new Redis(redis.url, { maxRetriesPerRequest: null });
    server = await startTestServer(redis.url);
  });

  afterAll(async () => {
    client?.disconnect();
    await server?.close();
    await redis?.stop();
  });

  it('is taken over by the same server, which finishes the run with a clean audit', async () => {
    const { manager } = server;
    // The top speed and a Monday: the run is waited on to its end, and the drain is most of the wait.
    const run = await manager.create({
      scenario: liveTestScenario(MONDAY_DRAIN),
      speed: 10_000,
      paused: false,
    });
    await waitFor('work released', async () => ((await manager.get(run.id))?.appeals ?? 0) > 200);
    const before = await client.get(runKeys(run.id).owner);
    expect(before).not.toBeNull();
    // Twice: the lock vanishes under the owner, and again under its successor.
    for (let loss = 0; loss < 2; loss++) {
      const at = (await manager.get(run.id))?.transitions ?? 0;
      await client.del(runKeys(run.id).owner);
      await waitFor(
        'the run to move on after losing its lock',
        async () => ((await manager.get(run.id))?.transitions ?? 0) > at + 300,
        30_000,
      );
      expect(manager.ownedRuns()).toContain(run.id);
    }
    const end = await waitFor(
      'the run to finish',
      async () => {
        const info = await manager.get(run.id);
        return info?.status === 'finished' ? info : undefined;
      },
      240_000,
    );
    const audit = await auditRun(manager.redis, run.id);
    expect(audit.problems).toEqual([]);
    expect(audit.appeals).toBe(end.appeals);
  }, 300_000);
});
