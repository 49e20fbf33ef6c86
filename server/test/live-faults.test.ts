import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  buildReport,
  runReplication,
  validateScenario,
  type Report,
  type RunInfo,
} from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../src/live/audit';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, sleep, startTestServer, waitFor, waitForEnd } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/** `npm run worker` as a child process against the test Redis. */
function startWorker(redisUrl: string): ChildProcess {
  return spawn(process.execPath, [join(process.cwd(), 'server/bin/worker.js')], {
    env: { ...process.env, REDIS_URL: redisUrl, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
}

const exited = (p: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) resolve(p.exitCode);
    else p.once('exit', (code) => resolve(code));
  });

/**
 * Faults during a run: worker processes killed with SIGKILL three times, Redis killed and restarted
 * from its AOF, a worker stopped with SIGTERM. The run still finishes, the audit is clean, and the
 * results are the engine's: faults change how long it takes, never what happens.
 */
describe('live runtime under faults', () => {
  let redis: TestRedis;
  let server: RunningServer;
  const workers: ChildProcess[] = [];
  const input = liveTestScenario();

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url, { WORKERS: 'external' });
  });

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await server?.close();
    await redis?.stop();
  });

  it('finishes with every appeal once, one state each, gap-free histories and the engine’s results', async () => {
    workers.push(startWorker(redis.url), startWorker(redis.url));
    const { body: run } = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: input, speed: 4000 },
    });
    const progressed = async (n: number) =>
      waitFor(
        `${n} transitions`,
        async () => (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body.transitions >= n,
        60_000,
      );

    let target = 200;
    for (let kill = 0; kill < 3; kill++) {
      await progressed(target);
      const victim = workers[kill % 2] as ChildProcess;
      victim.kill('SIGKILL');
      await exited(victim);
      workers[kill % 2] = startWorker(redis.url);
      target += 400;
    }
    await progressed(target);
    await redis.crashAndRestart();
    target += 400;
    await progressed(target);

    // SIGTERM: the worker finishes the jobs it holds and exits cleanly; its peer carries on.
    const stopping = workers[0] as ChildProcess;
    stopping.kill('SIGTERM');
    expect(await exited(stopping)).toBe(0);
    workers[0] = startWorker(redis.url);
    await sleep(500);

    const end = await waitForEnd(server.url, run.id, 240_000);
    expect(end.status).toBe('finished');
    const audit = (await api<AuditResult>(server.url, `/api/runs/${run.id}/audit`)).body;
    expect(audit.problems).toEqual([]);
    expect(audit.ok).toBe(true);
    expect(audit.appeals).toBe(end.appeals);
    expect(audit.created).toBe(end.appeals);
    const ended = (audit.states.answered ?? 0) + (audit.states.redirected ?? 0) + (audit.states.closed ?? 0);
    expect(ended).toBe(audit.appeals);

    const scenario = validateScenario(input, 'live test scenario');
    const engine = buildReport(scenario, scenario.seed, [runReplication(scenario, scenario.seed)]);
    const live = (await api<{ report: Report }>(server.url, `/api/runs/${run.id}/report`)).body.report;
    expect(live.kpis).toEqual(engine.kpis);
  }, 300_000);
});
