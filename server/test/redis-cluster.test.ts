import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import {
  buildReport,
  compareScenarios,
  runReplication,
  validateScenario,
  type ComparisonStatus,
  type Report,
  type RunInfo,
} from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../src/live/audit';
import { runKeys } from '../src/live/keys';
import { bullPrefix } from '../src/redis/client';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer, waitFor, waitForEnd } from './helpers/live';
import { startTestCluster, type TestCluster } from './helpers/redis-cluster';

/**
 * The whole stack on a 3-master Redis Cluster (REDIS_CLUSTER_NODES): a server, two worker processes
 * (`npm run worker`), a live run with a worker killed mid-run, and a queued comparison. Every
 * transaction and Lua script must keep to one slot here, or Redis answers CROSSSLOT.
 */
describe('on a Redis Cluster', () => {
  let cluster: TestCluster;
  let server: RunningServer;
  const workers: ChildProcess[] = [];

  /**
   * `npm run worker` as a child process against the cluster, once it logs `worker ready` (a run
   * started before any worker is up stalls its first tick). Its warnings reach the test's output.
   */
  const startWorker = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [join(process.cwd(), 'server/bin/worker.js')], {
      env: { ...process.env, REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout as Readable }).on('line', (line) => {
        const entry = JSON.parse(line) as { level: number; msg: string };
        if (entry.msg === 'worker ready') resolve();
        if (entry.level >= 40) process.stderr.write(`${line}\n`);
      });
      child.once('exit', (code) => reject(new Error(`the worker exited with ${code} before it was ready`)));
    });
    return child;
  };

  beforeAll(async () => {
    cluster = await startTestCluster(3);
    server = await startTestServer({ cluster: cluster.nodes }, { WORKERS: 'external', LOG_LEVEL: 'warn' });
    workers.push(...(await Promise.all([startWorker(), startWorker()])));
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await server?.close();
    await cluster?.stop();
  });

  it('runs a live scenario through a worker killed with SIGKILL: nothing lost or duplicated, the engine’s results', async () => {
    // Short time limits: the drain after the 4 hours takes a virtual day, not days.
    const input = liveTestScenario({
      hours: 4,
      lifecycle: {
        timeLimits: { '2h': 1, '24h': 4, '7d': 8, '15d': 12 },
        response: { hours: { lognormal: { mean: 2, cv: 1 } }, limitHours: 4 },
      },
    });
    const { status, body: run } = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: input, speed: 10_000 },
    });
    expect(status).toBe(201);
    const started = Date.now();
    await waitFor(
      '300 transitions',
      async () => (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body.transitions >= 300,
      120_000,
    );
    const victim = workers[0] as ChildProcess;
    victim.kill('SIGKILL');
    await new Promise((resolve) => (victim.exitCode !== null ? resolve(null) : victim.once('exit', resolve)));
    workers[0] = await startWorker();
    const killedAt = Date.now();

    const end = await waitForEnd(server.url, run.id, 180_000);
    // Worth seeing in CI logs: how long the run took on the cluster, before and after the kill.
    console.log(
      `cluster run: ${((killedAt - started) / 1000).toFixed(1)} s to the kill, ${((Date.now() - killedAt) / 1000).toFixed(1)} s after`,
    );
    expect(end.status).toBe('finished');
    const audit = (await api<AuditResult>(server.url, `/api/runs/${run.id}/audit`)).body;
    expect(audit.problems).toEqual([]);
    expect(audit.ok).toBe(true);
    expect(audit.appeals).toBe(end.appeals);
    expect(audit.created).toBe(end.appeals);
    const scenario = validateScenario(input, 'cluster test scenario');
    const engine = buildReport(scenario, scenario.seed, [runReplication(scenario, scenario.seed)]);
    const live = (await api<{ report: Report }>(server.url, `/api/runs/${run.id}/report`)).body.report;
    // Over HTTP a KPI with no value (NaN: no epidemic callbacks outside 2020-22) arrives as null.
    expect(live.kpis).toEqual(JSON.parse(JSON.stringify(engine.kpis)));

    // The data is spread: the run's keys share one slot, the stage queues sit on other slots, and
    // more than one master holds keys.
    const slot = (key: string) => cluster.masters()[0]?.cluster('KEYSLOT', key);
    const k = runKeys(run.id);
    expect(
      new Set(await Promise.all([k.meta, k.appeal(1), k.history(1), k.state('closed')].map(slot))).size,
    ).toBe(1);
    const queueSlots = await Promise.all(
      ['hotline-intake', 'hotline-dispatch', 'hotline-unit-work', 'hotline-callback'].map((q) =>
        slot(`${bullPrefix(q)}:${q}:wait`),
      ),
    );
    expect(new Set(queueSlots).size).toBe(4);
    const sizes = await Promise.all(cluster.masters().map((m) => m.dbsize()));
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(1);
    // About 50 s on this machine when quiet; the margin is for a machine busy with other work.
  }, 300_000);

  it('runs a comparison on the experiments queue to the in-process result', async () => {
    const a = liveTestScenario({ hours: 4 });
    const b = liveTestScenario({
      hours: 4,
      intake: { ...liveTestScenario().intake, agents: 20 },
    });
    const started = await api<ComparisonStatus>(server.url, '/api/comparisons', {
      body: { a, b, replications: 3 },
    });
    expect(started.status).toBe(202);
    const done = await waitFor(
      'the comparison',
      async () => {
        const { body } = await api<ComparisonStatus>(server.url, `/api/comparisons/${started.body.id}`);
        if (body.status === 'failed') throw new Error(`comparison failed: ${body.error}`);
        return body.status === 'done' ? body : undefined;
      },
      180_000,
      250,
    );
    const expected = compareScenarios(validateScenario(a, 'a'), validateScenario(b, 'b'), {
      replications: 3,
    });
    expect(done.comparison).toEqual(expected);
  }, 240_000);

  it('runs `hotline run --queue` on the cluster of REDIS_CLUSTER_NODES, printing what it prints in-process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-cluster-cli-'));
    const file = join(dir, 'day.json');
    writeFileSync(file, JSON.stringify(liveTestScenario({ hours: 2 })));
    const env = { ...process.env, REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.env };
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, [join(process.cwd(), 'server/bin/hotline.js'), ...args], { env });
    try {
      const [local, queued] = await Promise.all([
        cli('run', file, '--json', '-r', '2'),
        cli('run', file, '--json', '-r', '2', '--queue'),
      ]);
      expect(JSON.parse(queued.stdout)).toMatchObject({ replications: 2 });
      expect(queued.stdout).toBe(local.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
