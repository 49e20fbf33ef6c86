import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEntry, RunInfo } from '@hotline-sim/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../src/live/audit';
import { runKeys } from '../src/live/keys';
import { freePort } from '../src/redis/spawn-redis';
import type { RunningServer } from '../src/server';
import {
  MONDAY_DRAIN,
  api,
  liveTestScenario,
  loginInstructor,
  sleep,
  startTestServer,
  TEST_PASSWORD,
  waitFor,
  waitForEnd,
  waitForStill,
} from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

const TICK_MS = 100;

/** Every stored history entry of a run (tests only: reads them all). */
async function histories(redis: Redis, id: string): Promise<HistoryEntry[]> {
  const k = runKeys(id);
  const ids = await redis.zrange(k.all, '0', '-1');
  const pipe = redis.pipeline();
  for (const a of ids) pipe.lrange(k.history(a), 0, -1);
  const out = (await pipe.exec()) ?? [];
  return out.flatMap(([, list]) => (list as string[]).map((h) => JSON.parse(h) as HistoryEntry));
}

describe('the live clock', () => {
  let redis: TestRedis;
  let client: Redis;
  let server: RunningServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    client = new Redis(redis.url, { maxRetriesPerRequest: null });
    server = await startTestServer(redis.url, { TICK_MS: String(TICK_MS) });
  });

  afterAll(async () => {
    client?.disconnect();
    await server?.close();
    await redis?.stop();
  });

  it('pauses (nothing moves for seconds), changes speed at once, stays monotone and fires no timer early or more than a tick late', async () => {
    const { body: run } = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: liveTestScenario(), speed: 600 },
    });
    const get = async () => (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body;
    await waitFor('some transitions', async () => (await get()).transitions > 100);

    // Pause: after the tick in flight settles, nothing happens for three wall seconds.
    expect(
      (await api<RunInfo>(server.url, `/api/runs/${run.id}/pause`, { method: 'POST' })).body.status,
    ).toBe('paused');
    // The tick in flight settles: wait until the clock holds for ten ticks (a loaded machine can take
    // several ticks' time to apply the jobs of the tick in flight).
    const paused = await waitForStill(server.url, run.id, 10 * TICK_MS);
    const pausedWall = Date.now();
    await sleep(3_000);
    const still = await get();
    expect(still.virtualTime).toBe(paused.virtualTime);
    expect(still.transitions).toBe(paused.transitions);
    const applied = await histories(client, run.id);
    expect(applied.filter((h) => h.appliedAt > pausedWall)).toEqual([]);

    // Resume at ×600, then switch to ×3000 mid-run, sampling the clock every 50 ms.
    await api(server.url, `/api/runs/${run.id}/resume`, { method: 'POST' });
    const samples: { wall: number; vt: number }[] = [];
    let switchedAt = 0;
    const until = Date.now() + 4_000;
    while (Date.now() < until) {
      if (!switchedAt && Date.now() > until - 2_000) {
        const switched = await api<RunInfo>(server.url, `/api/runs/${run.id}/speed`, {
          body: { speed: 3000 },
        });
        expect(switched.body.speed).toBe(3000);
        switchedAt = Date.now();
      }
      samples.push({ wall: Date.now(), vt: (await get()).virtualTime });
      await sleep(50);
    }
    for (let i = 1; i < samples.length; i++) {
      const a = samples[i - 1] as { wall: number; vt: number };
      const b = samples[i] as { wall: number; vt: number };
      expect(b.vt).toBeGreaterThanOrEqual(a.vt);
      // Continuous: no jump beyond what the faster speed allows in the gap plus one tick.
      expect(b.vt - a.vt).toBeLessThanOrEqual((3000 * (b.wall - a.wall + 2 * TICK_MS)) / 1000);
    }
    const slope = (from: number, to: number) => {
      const s = samples.filter((x) => x.wall >= from && x.wall <= to);
      const first = s[0] as { wall: number; vt: number };
      const last = s[s.length - 1] as { wall: number; vt: number };
      return ((last.vt - first.vt) / (last.wall - first.wall)) * 1000;
    };
    const before = slope((samples[0]?.wall ?? 0) + 300, switchedAt);
    const after = slope(switchedAt + 300, until);
    // Never faster than asked, and moving at either speed. How close a machine comes to the asked
    // pace is a wall-clock figure, printed, not asserted: a loaded machine holds the clock back
    // rather than run ahead of the workers, by design (issue 19, point 12).
    console.log(
      `virtual seconds per wall second: ${before.toFixed(0)} at ×600, ${after.toFixed(0)} at ×3000`,
    );
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(600 * 1.3);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(3000 * 1.3);
    expect((await get()).speed).toBe(3000);

    // Timers: a transition is applied once the clock has reached its time, within one tick of it.
    // ('received' is dated at the call's arrival; the appeal exists from the end of the call.)
    const entries = (await histories(client, run.id)).filter((h) => h.to !== 'received');
    expect(entries.length).toBeGreaterThan(100);
    for (const h of entries) {
      expect(h.at).toBeLessThanOrEqual(h.clock);
      expect(h.clock - h.at).toBeLessThanOrEqual((3000 * TICK_MS) / 1000);
    }
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
  }, 60_000);

  it('survives a server crash: a second server takes the run over when the lock expires, losing nothing', async () => {
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [join(process.cwd(), 'server/bin/server.js')], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        REDIS_URL: redis.url,
        DEFAULT_RUN: 'none',
        LOG_LEVEL: 'silent',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'hotline-crash-')),
        INSTRUCTOR_PASSWORD: TEST_PASSWORD,
      },
      stdio: 'ignore',
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(
        'the child server',
        async () => (await fetch(`${base}/api/session`).catch(() => undefined))?.status === 401,
        30_000,
      );
      await loginInstructor(base);
      const { body: run } = await api<RunInfo>(base, '/api/runs', {
        body: { scenario: liveTestScenario(MONDAY_DRAIN), speed: 10_000 },
      });
      await waitFor(
        'the child to release work',
        async () => (await api<RunInfo>(base, `/api/runs/${run.id}`)).body.appeals > 200,
      );
      const owner = await client.get(runKeys(run.id).owner);
      expect(owner).not.toBeNull();
      expect(server.manager.ownedRuns()).not.toContain(run.id);
      child.kill('SIGKILL');
      const killedAt = Date.now();
      // The in-process server notices the expired lock and replays the run to its last settled tick.
      await waitFor('the takeover', () => server.manager.ownedRuns().includes(run.id) || undefined, 20_000);
      expect(Date.now() - killedAt).toBeLessThan(10_000);
      const end = await waitForEnd(server.url, run.id, 240_000);
      expect(end.status).toBe('finished');
      const audit = (await api<AuditResult>(server.url, `/api/runs/${run.id}/audit`)).body;
      expect(audit.problems).toEqual([]);
      expect(audit.appeals).toBe(end.appeals);
    } finally {
      child.kill('SIGKILL');
    }
  }, 300_000);
});
