import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents, type Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildReport,
  builtInScenario,
  runScenario,
  validateScenario,
  type CityComparison,
  type Scenario,
  type ScenarioInput,
} from '@hotline-sim/shared';
import { freePort } from '../src/redis/spawn-redis';
import {
  EXPERIMENTS_QUEUE,
  ReplicationFailedError,
  createExperimentWorker,
  runReplicationsOnQueue,
  runScenarioOnQueue,
} from '../src/experiments';
import { startTestRedis, type TestRedis } from './helpers/redis';
import { TINY_LIFECYCLE } from './helpers/tiny-lifecycle';
import { hotline } from './run-cli';

const workerBin = fileURLToPath(new URL('../bin/worker.js', import.meta.url));

/** A Beijing weekday cut to its first four hours: the whole lifecycle (and its drain) in ~0.2 s. */
function smallWeekday(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  const weekday = builtInScenario('beijing-weekday');
  if (!weekday) throw new Error('beijing-weekday is missing');
  return {
    ...structuredClone(weekday),
    name: 'queue-test',
    hours: 4,
    arrivals: { ...weekday.arrivals, perHour: 2000 },
    ...overrides,
  } as ScenarioInput;
}
const small: Scenario = validateScenario(smallWeekday());

let redis: TestRedis;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  redis = await startTestRedis({ appendonly: false });
});

afterAll(async () => {
  await Promise.all(open.map((o) => o.close()));
  await redis?.stop();
});

/** Workers of one test, each counting the replications it finished. */
function startWorkers(n: number, prefix?: string): { workers: Worker[]; done: number[] } {
  const done = Array.from({ length: n }, () => 0);
  const workers = done.map((_, i) => {
    const w = createExperimentWorker(redis.url, prefix === undefined ? {} : { prefix });
    w.on('completed', () => {
      done[i] = (done[i] ?? 0) + 1;
    });
    open.push(w);
    return w;
  });
  return { workers, done };
}

/** The pino lines a child prints on stdout, parsed, and a wait for the first with a given `msg`. */
function logsOf(child: ChildProcess): {
  lines: Record<string, unknown>[];
  waitFor(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
} {
  const lines: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        lines.push(JSON.parse(line));
      } catch {
        continue;
      }
      for (const w of waiters) w();
    }
  });
  return {
    lines,
    waitFor: (msg, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "${msg}" from the worker within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const look = () => {
          const found = lines.find((l) => l.msg === msg);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        };
        waiters.push(look);
        look();
        child.once('exit', (code) => reject(new Error(`the worker exited (code ${code}) before "${msg}"`)));
      }),
  };
}

/** The child's exit code, once its output has been read to the end too ('close', not 'exit'). */
function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('close', (code) => resolve(code)));
}

describe('experiments queue: results', () => {
  it('shares 4 replications between two workers and reports exactly as runScenario does', async () => {
    const prefix = 'two-workers';
    const { done } = startWorkers(2, prefix);
    const fractions: number[] = [];
    const queued = await runScenarioOnQueue(small, {
      connection: redis.url,
      prefix,
      replications: 4,
      onProgress: (f) => fractions.push(f),
    });
    const inProcess = runScenario(small, { replications: 4 });
    expect(JSON.stringify(queued)).toBe(JSON.stringify(inProcess));
    expect(done.reduce((a, b) => a + b, 0)).toBe(4);
    expect(done.every((n) => n > 0)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    // Private experiments leave nothing behind once read.
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(EXPERIMENTS_QUEUE, { connection, prefix });
    expect(await queue.getJobCounts('completed', 'waiting', 'active')).toEqual({
      completed: 0,
      waiting: 0,
      active: 0,
    });
    await queue.close();
    await connection.quit();
  });

  it('runs on a worker process (server/bin/worker.js) that shuts down gracefully mid-job', async () => {
    const weekday = builtInScenario('beijing-weekday');
    if (!weekday) throw new Error('beijing-weekday is missing');
    const child = spawn(process.execPath, [workerBin], {
      env: { ...process.env, REDIS_URL: redis.url, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    open.push({ close: async () => void child.kill('SIGKILL') });
    const logs = logsOf(child);
    const ready = await logs.waitFor('worker ready');
    expect(ready.roles).toEqual(['live', 'experiments']);

    const queued = await runReplicationsOnQueue(small, { connection: redis.url, replications: 4 });
    expect(JSON.stringify(buildReport(small, small.seed, queued))).toBe(
      JSON.stringify(runScenario(small, { replications: 4 })),
    );

    // SIGTERM while a full Beijing day runs: the worker finishes the replication in progress, takes
    // no other and exits 0; a worker started afterwards does the rest, and the report is still the
    // in-process one.
    let signalledAt: number | undefined;
    const exited = exitOf(child);
    const report = runScenarioOnQueue(weekday, {
      connection: redis.url,
      replications: 2,
      onProgress: (f) => {
        if (f < 1 && signalledAt === undefined) {
          signalledAt = f;
          child.kill('SIGTERM');
        }
      },
    });
    expect(await exited).toBe(0);
    startWorkers(1);
    expect(JSON.stringify(await report)).toBe(JSON.stringify(runScenario(weekday, { replications: 2 })));
    // pino's lines may reach the pipe out of order: compare their times, not their places.
    const at = (msg: string) => Date.parse(String(logs.lines.find((l) => l.msg === msg)?.time));
    const closing = at('closing: finishing the jobs in progress');
    const closed = at('closed');
    expect(closing).toBeGreaterThan(0);
    expect(closed).toBeGreaterThanOrEqual(closing);
    // Signalled on a progress report (a replication in progress). Whichever replication that was
    // (the first, or the second if the first ended before the signal landed), the worker took it
    // before closing and finished it before it closed, and took none after closing.
    expect(signalledAt).toBeDefined();
    const done = logs.lines.filter(
      (l) => l.msg === 'replication done' && String(l.name).startsWith('beijing-weekday #'),
    );
    const spans = done.map((l) => {
      const finished = Date.parse(String(l.time));
      return { name: String(l.name), started: finished - Number(l.ms), finished };
    });
    expect(spans.length, JSON.stringify(done)).toBeGreaterThanOrEqual(1);
    for (const span of spans) {
      expect(span.started, span.name).toBeLessThanOrEqual(closing);
      expect(span.finished, span.name).toBeLessThanOrEqual(closed);
    }
    const inFlight = spans.filter((x) => x.started <= closing && x.finished >= closing);
    expect(inFlight, JSON.stringify({ closing, spans })).toHaveLength(1);
  });

  it('adds a named experiment once however often it is run', async () => {
    const prefix = 'named';
    const options = { connection: redis.url, prefix, replications: 3, experimentId: 'named-1' };
    const [a, b] = [runReplicationsOnQueue(small, options), runReplicationsOnQueue(small, options)];
    const { done } = startWorkers(1, prefix);
    const [ra, rb] = await Promise.all([a, b]);
    expect(done[0]).toBe(3);
    expect(JSON.stringify(buildReport(small, small.seed, ra))).toBe(
      JSON.stringify(buildReport(small, small.seed, rb)),
    );
  });

  it('hints once when no worker takes the jobs, and keeps waiting for one', async () => {
    const prefix = 'no-workers-yet';
    let hints = 0;
    const run = runReplicationsOnQueue(small, {
      connection: redis.url,
      prefix,
      replications: 1,
      waitingHintMs: 300,
      onWaitingForWorkers: () => hints++,
    });
    await new Promise((r) => setTimeout(r, 800));
    expect(hints).toBe(1);
    startWorkers(1, prefix);
    expect(await run).toHaveLength(1);
    expect(hints).toBe(1);
  });
});

describe('experiments queue: failures', () => {
  it('fails a job whose scenario is malformed, naming the problem, and rejects the run clearly', async () => {
    const prefix = 'malformed';
    startWorkers(1, prefix);
    const bad = { ...small, name: 'bad', intake: { ...small.intake, agents: 0 } } as Scenario;
    const run = runReplicationsOnQueue(bad, { connection: redis.url, prefix, replications: 2 });
    await expect(run).rejects.toThrow(ReplicationFailedError);
    await expect(run).rejects.toThrow(
      /^replication \d\/2 of bad \(seed \d+, job [\w-]+\) failed: the scenario of job [\w-]+ is invalid: intake\.agents: .*got 0/,
    );
  });

  it('fails a job whose data is malformed, naming the field', async () => {
    const prefix = 'bad-data';
    startWorkers(1, prefix);
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(EXPERIMENTS_QUEUE, { connection, prefix });
    const events = new QueueEvents(EXPERIMENTS_QUEUE, { connection, prefix });
    await events.waitUntilReady();
    const job = await queue.add('bad seed', { scenario: small, seed: -5, index: 0 });
    await expect(job.waitUntilFinished(events)).rejects.toThrow(/is malformed: seed: .*got -5/);
    await events.close();
    await queue.close();
    await connection.quit();
  });
});

describe('hotline … --queue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-queue-cli-'));
  const file = join(dir, 'small.json');
  const more = join(dir, 'more-agents.json');
  writeFileSync(file, JSON.stringify(smallWeekday()));
  writeFileSync(
    more,
    JSON.stringify(
      smallWeekday({
        name: 'more-agents',
        intake: { ...small.intake, agents: 700 },
      } as Partial<ScenarioInput>),
    ),
  );

  it('prints the same run, compare and sweep as in-process', async () => {
    startWorkers(2);
    const q = ['--queue', '--redis', redis.url];
    const pairs = [
      ['run', file, '--json', '-r', '3'],
      ['compare', file, more, '--json', '-r', '2'],
      ['sweep', file, '--set', 'arrivals.perHour=1500,2500', '--json', '-r', '2'],
    ];
    const results = await Promise.all(pairs.flatMap((args) => [hotline(...args), hotline(...args, ...q)]));
    for (let i = 0; i < results.length; i += 2) {
      const [local, queued] = [results[i], results[i + 1]];
      expect(queued?.stderr).toBe('');
      expect(queued?.code).toBe(0);
      expect(local?.code).toBe(0);
      expect(queued?.stdout).toBe(local?.stdout);
    }
    expect(JSON.parse(results[0]?.stdout ?? '').replications).toBe(3);
  });

  it('prints the same three-city comparison as in-process (hotline cities --queue)', async () => {
    startWorkers(2);
    // A small lifecycle scenario with levers in use (data sharing, the grid …) and a missing city.
    const tiny = join(dir, 'tiny.json');
    writeFileSync(tiny, JSON.stringify(TINY_LIFECYCLE));
    const args = ['cities', '--scenarios', `${tiny},wuhan-2030`, '-r', '2', '--json'];
    const [local, queued] = await Promise.all([
      hotline(...args),
      hotline(...args, '--queue', '--redis', redis.url),
    ]);
    expect(local.code).toBe(0);
    expect(queued.code).toBe(0);
    expect(queued.stderr).toBe(local.stderr);
    expect(queued.stdout).toBe(local.stdout);
    const c = JSON.parse(queued.stdout) as CityComparison;
    const levers = c.drivers.flatMap((d) => d.cities.flatMap((x) => x.levers.map((l) => l.path)));
    expect(levers).toEqual(
      expect.arrayContaining(['lifecycle.reforms.dataSharing', 'lifecycle.grid.enabled']),
    );
  });

  it('names an unreachable Redis in one line and exits 2', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const { code, stdout, stderr } = await hotline('run', file, '--queue', '--redis', url);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^hotline: cannot reach Redis at ${url}/?: .*ECONNREFUSED`));
  });

  it('refuses --redis without --queue, and a URL that is not redis://', async () => {
    const [alone, http] = await Promise.all([
      hotline('run', file, '--redis', redis.url),
      hotline('run', file, '--queue', '--redis', 'http://localhost'),
    ]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--redis is only used with --queue/);
    expect(http.code).toBe(2);
    expect(http.stderr).toMatch(/redis:\/\/ or rediss:\/\/ URL/);
  });
});
