/**
 * The raw ceiling of the live runtime: a bare three-queue BullMQ chain (stage1 → stage2 → stage3; each
 * processor adds the next stage's job, the last one only completes) on a private redis-server with
 * production durability (AOF on, appendfsync everysec). The Workers for the three queues run in one
 * child process, then in two; the producer (addBulk) runs in this process and feeds stage1 while the
 * workers drain it. Each trial gets a fresh redis-server, so the AOF of one never slows the next.
 * Prints, per trial, each stage's jobs/s and the end-to-end chains/s, then the ratio of two worker
 * processes to one, both at their best concurrency, measured in the same run.
 *
 *   npm run bench:bullmq   (node --import tsx bench/bullmq-chain.ts [chains=20000] [concurrencies=50,75,100] [rounds=2])
 *
 * Every (processes, concurrency) pair runs once per round and the best round counts: this measures a
 * ceiling, and on a shared machine a slow trial means only that something else ran meanwhile.
 *
 * Concurrency is per Worker (one Worker per queue per process), so one process has up to 3 × c jobs
 * active at once and two processes twice that. The CPU columns (cores used by redis-server, by the
 * worker processes together and by the producer) and the load average show what limited a trial: on
 * a 2-CPU machine Redis and one worker process already fill it, so a second worker process can only
 * help if the first one was waiting rather than computing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, Worker, type DefaultJobOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { spawnRedis, type SpawnedRedis } from '../server/src/redis/spawn-redis';

const STAGES = ['stage1', 'stage2', 'stage3'] as const;
const PREFIX = 'bench';
const ADD_BATCH = 500;
/** A trial with no completion for this long has failed (a crashed or wedged worker process). */
const STALL_MS = 30_000;
const JOB_OPTIONS: DefaultJobOptions = { removeOnComplete: true, removeOnFail: 1000 };

type Triple = [number, number, number];
type Stage = 0 | 1 | 2;
const STAGE_INDEXES = [0, 1, 2] as const;

/** What an appeal job might carry: a few ids and codes, no more. */
interface ChainData {
  run: string;
  appeal: number;
  street: string;
  category: string;
}

type ToParent =
  | { type: 'ready' }
  /**
   * Completions so far per stage, the epoch ms of each stage's first and last completion, and the CPU
   * ms this process has used since it was ready.
   */
  | { type: 'progress'; done: Triple; first: Triple; last: Triple; cpuMs: number };
type ToChild = { type: 'stop' };

/** Wall-clock epoch ms with sub-ms resolution, comparable across the processes of one machine. */
const epochMs = () => performance.timeOrigin + performance.now();

/**
 * Child processes (redis-server, worker processes) and temp dirs still alive: killed and deleted on
 * any exit of this process, even one the `finally` blocks never reach (an uncaught error).
 */
const alive = { processes: new Set<ChildProcess>(), dirs: new Set<string>() };
function killOnExit(child: ChildProcess): void {
  alive.processes.add(child);
  child.once('exit', () => alive.processes.delete(child));
}

// ───────────────────────────── worker process ─────────────────────────────

async function workerProcess(port: number, concurrency: number): Promise<void> {
  const send = (message: ToParent) => process.send?.(message);
  // One connection for this process's Queues and Workers (BullMQ duplicates it for each Worker's
  // blocking fetch), as the live runtime would share one.
  const connection = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: null });
  const next = [STAGES[1], STAGES[2]].map((name) => {
    const queue = new Queue<ChainData>(name, { connection, prefix: PREFIX, defaultJobOptions: JOB_OPTIONS });
    queue.on('error', (err) => logError(`${name} queue: ${err.message}`));
    return queue;
  });
  let closing: Promise<void> | undefined;
  // Once shutting down, lost connections are expected (an interrupt stops redis-server too).
  const logError = (message: string) => {
    if (!closing) console.error(message);
  };
  const done: Triple = [0, 0, 0];
  const first: Triple = [0, 0, 0];
  const last: Triple = [0, 0, 0];
  const workers = STAGE_INDEXES.map((stage) => {
    const name = STAGES[stage];
    const queue = next[stage];
    const worker = new Worker<ChainData>(
      name,
      async (job) => {
        if (queue) await queue.add(STAGES[stage + 1] as string, job.data);
      },
      { connection, prefix: PREFIX, concurrency },
    );
    worker.on('completed', () => {
      const t = epochMs();
      done[stage]++;
      if (first[stage] === 0) first[stage] = t;
      last[stage] = t;
    });
    worker.on('failed', (job, err) => console.error(`${name} job ${job?.id} failed: ${err.message}`));
    worker.on('error', (err) => logError(`${name} worker: ${err.message}`));
    return worker;
  });

  let reported = -1;
  let cpuAtReady = process.cpuUsage();
  const report = () => {
    const total = done[0] + done[1] + done[2];
    if (total === reported) return;
    reported = total;
    const cpu = process.cpuUsage(cpuAtReady);
    send({
      type: 'progress',
      done: [...done],
      first: [...first],
      last: [...last],
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  };
  const timer = setInterval(report, 50);

  const shutdown = () =>
    (closing ??= (async () => {
      clearInterval(timer);
      const graceful = (async () => {
        await Promise.all(workers.map((w) => w.close()));
        await Promise.all(next.map((q) => q.close()));
      })();
      if (await settlesWithin(graceful, 5000)) {
        report();
        await connection.quit();
        process.disconnect?.();
      } else {
        // WARNING: Ctrl-C reaches redis-server too (same process group), so after an interrupt Redis
        // may be gone and the Workers would wait for it forever.
        console.error('worker process: Redis did not answer within 5 s, exiting without it');
        process.exit(1);
      }
    })());
  process.on('message', (message: ToChild) => {
    if (message.type === 'stop') void shutdown();
  });
  // The parent is gone (crashed or killed): close down rather than linger.
  process.on('disconnect', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  await Promise.all(workers.map((w) => w.waitUntilReady()));
  cpuAtReady = process.cpuUsage();
  send({ type: 'ready' });
}

// ───────────────────────────── bench process ─────────────────────────────

interface Trial {
  processes: number;
  concurrency: number;
  /** Jobs/s of each stage, from its first to its last completion. */
  stageRates: Triple;
  /** Chains/s from the first add to the last stage3 completion. */
  chainRate: number;
  /** Jobs/s of the producer's addBulk calls (they compete with the workers for Redis). */
  addRate: number;
  seconds: number;
  /** CPU used over the trial, in cores (1 = one core busy the whole time). */
  cpu: { redis: number; workers: number; producer: number };
  /**
   * The machine's 1-minute load average at the end. The trial itself accounts for about 2-3 (Redis,
   * the worker processes, the producer); much more means other programs competed for the CPUs.
   */
  load: number;
}

/** Aborted by SIGINT/SIGTERM: the trial in progress unwinds through its `finally` and cleans up. */
const stopSignal = new AbortController();

function startWorkerProcess(port: number, concurrency: number): ChildProcess {
  const script = fileURLToPath(import.meta.url);
  return spawn(process.execPath, ['--import', 'tsx', script, '--worker', String(port), String(concurrency)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Ask a worker process to close its Workers; SIGKILL it if it has not exited within 10 s. */
async function stopWorkerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (child.connected) child.send({ type: 'stop' } satisfies ToChild);
  else child.kill('SIGTERM');
  const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited(child);
  clearTimeout(timeout);
}

/** Whether `promise` settled within `ms`; the timer does not outlive the answer. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function runTrial(chains: number, processes: number, concurrency: number): Promise<Trial> {
  const label = `${processes} process${processes > 1 ? 'es' : ''}, concurrency ${concurrency}`;
  const dir = mkdtempSync(join(tmpdir(), 'bullmq-chain-'));
  alive.dirs.add(dir);
  const children: ChildProcess[] = [];
  let redis: SpawnedRedis | undefined;
  let producer: Queue<ChainData> | undefined;
  let admin: Redis | undefined;
  let progressTimer: NodeJS.Timeout | undefined;
  try {
    redis = await spawnRedis({ dir, appendonly: true, appendfsync: 'everysec' });
    killOnExit(redis.process);
    const port = redis.port;

    // Per child: its latest progress report. A trial is done when stage3 has `chains` completions.
    const reports: { done: Triple; first: Triple; last: Triple; cpuMs: number }[] = [];
    let lastProgressAt = Date.now();
    let settle: { resolve: () => void; reject: (err: Error) => void } | undefined;
    const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    finished.catch(() => undefined); // handled where awaited; avoid an unhandled rejection meanwhile
    const total = (stage: Stage) => reports.reduce((a, r) => a + r.done[stage], 0);

    const ready = Array.from({ length: processes }, (_, index) => {
      const child = startWorkerProcess(port, concurrency);
      killOnExit(child);
      children.push(child);
      reports.push({ done: [0, 0, 0], first: [0, 0, 0], last: [0, 0, 0], cpuMs: 0 });
      return new Promise<void>((resolve, reject) => {
        child.on('message', (message: ToParent) => {
          if (message.type === 'ready') resolve();
          else {
            reports[index] = message;
            lastProgressAt = Date.now();
            if (total(2) >= chains) settle?.resolve();
          }
        });
        child.once('exit', (code, signal) => {
          const err = new Error(`worker process ${index + 1} exited (${signal ?? `code ${code}`})`);
          reject(err);
          settle?.reject(err);
        });
      });
    });
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => reject(stopSignal.signal.reason as Error);
      if (stopSignal.signal.aborted) fail();
      stopSignal.signal.addEventListener('abort', fail, { once: true });
    });
    aborted.catch(() => undefined);
    await Promise.race([Promise.all(ready), aborted]);

    producer = new Queue<ChainData>(STAGES[0], {
      connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null },
      prefix: PREFIX,
      defaultJobOptions: JOB_OPTIONS,
    });
    producer.on('error', (err) => {
      if (!stopSignal.signal.aborted) console.error(`producer: ${err.message}`);
    });
    await producer.waitUntilReady();
    const info = new Redis({ host: '127.0.0.1', port });
    info.on('error', (err) => {
      if (!stopSignal.signal.aborted) console.error(`redis INFO connection: ${err.message}`);
    });
    admin = info;
    const redisCpuSeconds = async () => {
      const text = await info.info('cpu');
      const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(text)?.[1] ?? NaN);
      return field('used_cpu_user') + field('used_cpu_sys');
    };
    const redisCpu0 = await redisCpuSeconds();

    const progress = () => {
      const line = `  ${label}: ${STAGE_INDEXES.map((i) => `${STAGES[i]} ${fmt(total(i))}`).join(', ')} / ${fmt(chains)}`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
    };
    progressTimer = setInterval(() => {
      progress();
      if (Date.now() - lastProgressAt > STALL_MS)
        settle?.reject(new Error(`${label}: no job completed for ${STALL_MS / 1000} s`));
    }, 1000);

    const producerCpu0 = process.cpuUsage();
    const t0 = epochMs();
    lastProgressAt = Date.now();
    for (let i = 0; i < chains; i += ADD_BATCH) {
      if (stopSignal.signal.aborted) throw stopSignal.signal.reason as Error;
      const batch = Array.from({ length: Math.min(ADD_BATCH, chains - i) }, (_, k) => ({
        name: STAGES[0],
        data: { run: 'bench', appeal: i + k, street: '110101001', category: 'heating' },
      }));
      await producer.addBulk(batch);
    }
    const tAdded = epochMs();
    await Promise.race([finished, aborted]);
    const producerCpu = process.cpuUsage(producerCpu0);
    const redisCpu = (await redisCpuSeconds()) - redisCpu0;
    progress();
    if (process.stderr.isTTY) process.stderr.write('\n');

    const firstOf = (stage: Stage) => Math.min(...reports.map((r) => r.first[stage]).filter((t) => t > 0));
    const lastOf = (stage: Stage) => Math.max(...reports.map((r) => r.last[stage]));
    const stageRate = (stage: Stage) => (total(stage) * 1000) / (lastOf(stage) - firstOf(stage));
    const seconds = (lastOf(2) - t0) / 1000;
    return {
      processes,
      concurrency,
      stageRates: [stageRate(0), stageRate(1), stageRate(2)],
      chainRate: chains / seconds,
      addRate: (chains * 1000) / (tAdded - t0),
      seconds,
      cpu: {
        redis: redisCpu / seconds,
        workers: reports.reduce((a, r) => a + r.cpuMs, 0) / 1000 / seconds,
        producer: (producerCpu.user + producerCpu.system) / 1e6 / seconds,
      },
      load: loadavg()[0] ?? NaN,
    };
  } finally {
    clearInterval(progressTimer);
    await Promise.all(children.map(stopWorkerProcess));
    if (producer && !(await settlesWithin(producer.close(), 3000))) await producer.disconnect();
    admin?.disconnect();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
    alive.dirs.delete(dir);
  }
}

async function main(): Promise<void> {
  process.on('exit', () => {
    for (const child of alive.processes) child.kill('SIGKILL');
    for (const dir of alive.dirs) rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the worker processes and redis-server …`);
      stopSignal.abort(new Error(`interrupted by ${signal}`));
    });
  }
  const chains = Number(process.argv[2] ?? 20_000);
  const concurrencies = (process.argv[3] ?? '50,75,100').split(',').map(Number);
  const rounds = Number(process.argv[4] ?? 2);
  if (!Number.isInteger(chains) || chains <= 0)
    throw new Error(`chains must be a positive integer, got ${process.argv[2]}`);
  if (concurrencies.some((c) => !Number.isInteger(c) || c <= 0))
    throw new Error(`concurrencies must be positive integers separated by commas, got ${process.argv[3]}`);
  if (!Number.isInteger(rounds) || rounds <= 0)
    throw new Error(`rounds must be a positive integer, got ${process.argv[4]}`);

  const bullmqVersion = (createRequire(import.meta.url)('bullmq/package.json') as { version: string })
    .version;
  console.log(
    `BullMQ ${bullmqVersion} three-queue chain, redis-server with AOF (appendfsync everysec), ` +
      `${fmt(chains)} chains (${fmt(3 * chains)} jobs) per trial, ${cpus().length} CPUs`,
  );
  console.log(
    'round  processes  concurrency  stage1 jobs/s  stage2 jobs/s  stage3 jobs/s  chains/s  producer adds/s  wall s' +
      '  CPU cores: redis  workers  producer  load avg',
  );
  const trials: Trial[] = [];
  for (let round = 1; round <= rounds; round++) {
    // 1 then 2 processes in odd rounds, 2 then 1 in even ones, so a drift of the machine hits both alike.
    for (const concurrency of concurrencies) {
      for (const processes of round % 2 === 1 ? [1, 2] : [2, 1]) {
        const t = await runTrial(chains, processes, concurrency);
        trials.push(t);
        console.log(
          [
            String(round).padStart(5),
            String(t.processes).padStart(9),
            String(t.concurrency).padStart(11),
            ...t.stageRates.map((r) => fmt(r).padStart(13)),
            fmt(t.chainRate).padStart(8),
            fmt(t.addRate).padStart(15),
            t.seconds.toFixed(1).padStart(6),
            t.cpu.redis.toFixed(2).padStart(17),
            t.cpu.workers.toFixed(2).padStart(7),
            t.cpu.producer.toFixed(2).padStart(8),
            t.load.toFixed(1).padStart(8),
          ].join('  '),
        );
      }
    }
  }

  const bestOf = (list: Trial[]) => list.reduce((a, b) => (b.chainRate > a.chainRate ? b : a));
  const best = (processes: number, concurrency?: number) =>
    bestOf(
      trials.filter(
        (t) => t.processes === processes && (concurrency === undefined || t.concurrency === concurrency),
      ),
    );
  console.log(`best of ${rounds} round${rounds > 1 ? 's' : ''}, chains/s:`);
  for (const concurrency of concurrencies) {
    const one = best(1, concurrency).chainRate;
    const two = best(2, concurrency).chainRate;
    console.log(
      `  concurrency ${String(concurrency).padStart(3)}: 1 process ${fmt(one).padStart(6)}, ` +
        `2 processes ${fmt(two).padStart(6)}, 2/1 = ${(two / one).toFixed(2)}`,
    );
  }
  const one = best(1);
  const two = best(2);
  const perStage = (t: Trial) => t.stageRates.map(fmt).join(' / ');
  console.log(
    `best, 1 worker process:   ${fmt(one.chainRate)} chains/s at concurrency ${one.concurrency} ` +
      `(jobs/s per stage ${perStage(one)})`,
  );
  console.log(
    `best, 2 worker processes: ${fmt(two.chainRate)} chains/s at concurrency ${two.concurrency} ` +
      `(jobs/s per stage ${perStage(two)})`,
  );
  console.log(`ratio 2/1 (best against best): ${(two.chainRate / one.chainRate).toFixed(2)}`);
}

if (process.argv[2] === '--worker') {
  await workerProcess(Number(process.argv[3]), Number(process.argv[4]));
} else {
  try {
    await main();
  } catch (err) {
    // After an interrupt, whatever failed first (often a command cut off by the stopping Redis) is noise.
    const reason: unknown = stopSignal.signal.aborted ? stopSignal.signal.reason : err;
    console.error(reason instanceof Error ? reason.message : reason);
    process.exitCode = 1;
  }
  // SIGINT/SIGTERM handlers keep nothing alive, but an interrupted run should end with a failure code.
  if (stopSignal.signal.aborted) process.exitCode = 130;
}
