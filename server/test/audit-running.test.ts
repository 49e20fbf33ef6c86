import type { RunInfo } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../src/live/audit';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, sleep, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * The audit of a running run (issue 13, point 7): the run moves while it is read, and the audit
 * reports no mismatch that is only the run moving on (it used to, in 5 calls of 6).
 */
describe('audit of a running run', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    run = (
      await api<RunInfo>(server.url, '/api/runs', { body: { scenario: liveTestScenario(), speed: 900 } })
    ).body;
    await waitFor('a hundred appeals', async () => {
      const info = (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body;
      return info.appeals >= 100;
    });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  const audit = async () => {
    const res = await api<AuditResult>(server.url, `/api/runs/${run.id}/audit`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('finds every call clean while the run moves, each as of one settled tick', async () => {
    const times: number[] = [];
    for (let call = 0; call < 6; call++) {
      const a = await audit();
      expect(a.problems, `call ${call}`).toEqual([]);
      expect(a.ok).toBe(true);
      expect(a.appeals).toBe(a.created);
      expect(Object.values(a.states).reduce((x, n) => x + n, 0)).toBe(a.appeals);
      expect(a.transitions).toBeGreaterThanOrEqual(a.appeals);
      times.push(a.virtualTime);
      await sleep(150);
    }
    expect((await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body.status).toBe('running');
    // The run did move between the calls.
    expect(times[times.length - 1]).toBeGreaterThan(times[0] as number);
  });

  it('matches the run once it is stopped', async () => {
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
    const stopped = await waitFor('the run stopped', async () => {
      const info = (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body;
      return info.status === 'stopped' ? info : undefined;
    });
    const a = await audit();
    expect(a.problems).toEqual([]);
    expect(a.appeals).toBe(stopped.appeals);
    expect(a.transitions).toBe(stopped.transitions);
    expect(a.virtualTime).toBe(stopped.virtualTime);
  });
});
