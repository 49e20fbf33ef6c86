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
import {
  MONDAY_DRAIN,
  api,
  liveTestScenario,
  sleep,
  startTestServer,
  waitFor,
  waitForEnd,
} from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/** `npm run worker` as a child process against the test Redis. */
function startWorker(redisUrl: string): ChildProcess {
  return spawn(process.execPath, [join(process.cwd(), 'server/bin/worker.js')], {
    // Warnings and errors reach the test's output: if recovery ever stalls, CI's log says where.
    env: { ...process.env, REDIS_URL: redisUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
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
  // A Monday: the run is waited on to its end, and the drain is most of the wait.
  const input = liveTestScenario(MONDAY_DRAIN);

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url, { WORKERS: 'external', LOG_LEVEL: 'warn' });
  });

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await server?.close();
    await redis?.stop();
  });

  it('finishes with every appeal once, one state each, gap-free histories and the engine’s results', async () => {
    workers.push(startWorker(redis.url), startWorker(redis.url));
    const { body: run } = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: input, speed: 10_000 },
    });
    // How long each phase took, printed at the end: recovery times are worth seeing in CI logs.
    const phases: string[] = [];
    let phaseStart = Date.now();
    const progressed = async (n: number, after: string) => {
      await waitFor(
        `${n} transitions (after ${after})`,
        async () => (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body.transitions >= n,
        120_000,
      );
      phases.push(`${after}: ${((Date.now() - phaseStart) / 1000).toFixed(1)} s to ${n} transitions`);
      phaseStart = Date.now();
    };

    let target = 200;
    for (let kill = 0; kill < 3; kill++) {
      await progressed(target, kill === 0 ? 'start' : `kill -9 #${kill}`);
      const victim = workers[kill % 2] as ChildProcess;
      victim.kill('SIGKILL');
      await exited(victim);
      workers[kill % 2] = startWorker(redis.url);
      target += 400;
    }
    await progressed(target, 'kill -9 #3');
    await redis.crashAndRestart();
    target += 400;
    await progressed(target, 'Redis crash and restart');

    // SIGTERM: the worker finishes the jobs it holds and exits cleanly; its peer carries on.
    const stopping = workers[0] as ChildProcess;
    stopping.kill('SIGTERM');
    expect(await exited(stopping)).toBe(0);
    workers[0] = startWorker(redis.url);
    await sleep(500);

    const end = await waitForEnd(server.url, run.id, 240_000);
    phases.push(`SIGTERM: ${((Date.now() - phaseStart) / 1000).toFixed(1)} s to the end`);
    console.log(`faults: ${phases.join('; ')}`);
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
    // Over HTTP a KPI with no value (NaN: no epidemic callbacks outside 2020-22) arrives as null.
    expect(live.kpis).toEqual(JSON.parse(JSON.stringify(engine.kpis)));
  }, 300_000);
});
