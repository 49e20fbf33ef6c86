/**
 * The live runtime's figures (issue 4), each beside a baseline measured in the same run:
 *
 *   npm run bench:live                     throughput of beijing-weekday's arrival day at ×10,000 with
 *                                          one and with two worker processes, and update lag
 *   npm run bench:live -- memory [sec]     server memory over a run at ×60 (default 600 s)
 *
 * Throughput is printed after the raw ceiling measured in the same run (bench/bullmq-chain.ts, one
 * worker process). Everything is real and separate, as deployed: a private redis-server (AOF, fsync every second),
 * one server process (WORKERS=external) and `npm run worker` processes. The raw ceiling of BullMQ
 * on this machine is `npm run bench:bullmq` (a bare three-queue chain); run it alongside.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunInfo, RunUpdate, ServerToClientEvents, ClientToServerEvents } from '@hotline-sim/shared';
import { io, type Socket } from 'socket.io-client';
import { freePort, spawnRedis, type SpawnedRedis } from '../server/src/redis/spawn-redis';
import { instructorSession } from './support/instructor';

const root = join(import.meta.dirname, '..');
const mode = process.argv[2] ?? 'throughput';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Stack {
  redis: SpawnedRedis;
  server: ChildProcess;
  workers: ChildProcess[];
  base: string;
  dir: string;
}

/** The benchmark's instructor password (its server is private and gone when it ends). */
const PASSWORD = 'bench-instructor-password';
/** The instructor's session cookie, once logged in. */
let cookie = '';

function node(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(root, script)], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function up(workers: number): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-bench-live-'));
  const redis = await spawnRedis({ dir: join(dir, 'redis'), appendfsync: 'everysec' });
  const port = await freePort();
  const env = { REDIS_URL: redis.url };
  const server = node('server/bin/server.js', {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    WORKERS: 'external',
    DEFAULT_RUN: 'none',
    DATA_DIR: dir,
    INSTRUCTOR_PASSWORD: PASSWORD,
  });
  const base = `http://127.0.0.1:${port}`;
  cookie = await instructorSession(base, PASSWORD);
  return {
    redis,
    server,
    workers: Array.from({ length: workers }, () => node('server/bin/worker.js', env)),
    base,
    dir,
  };
}

async function down(s: Stack): Promise<void> {
  for (const p of [s.server, ...s.workers]) p.kill('SIGKILL');
  await s.redis.stop();
  rmSync(s.dir, { recursive: true, force: true });
}

async function post<T>(base: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body ?? {}),
  });
  return (await res.json()) as T;
}

async function info(base: string, id: string): Promise<RunInfo> {
  return (await (await fetch(`${base}/api/runs/${id}`, { headers: { cookie } })).json()) as RunInfo;
}

function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${text}\x1b[K`);
}

/** beijing-weekday's arrival day at ×10,000: appeals and transitions per wall second, and update lag. */
async function throughput(workers: number) {
  const s = await up(workers);
  try {
    const run = await post<RunInfo>(s.base, '/api/runs', { scenario: 'beijing-weekday', speed: 10_000 });
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(s.base, {
      transports: ['websocket'],
      extraHeaders: { cookie },
    });
    const lags: number[] = [];
    socket.on('update', (u: RunUpdate) => {
      if (u.moves.length > 0) lags.push(Date.now() - u.releasedAt);
    });
    socket.emit('join', run.id);
    const t0 = Date.now();
    let last = run;
    while (last.virtualTime < last.horizon) {
      await sleep(500);
      last = await info(s.base, run.id);
      progress(
        `${workers} worker(s): virtual ${(last.virtualTime / 3600).toFixed(1)} h of 24, ${last.appeals} appeals, ×${Math.round(last.effectiveSpeed)}`,
      );
    }
    const seconds = (Date.now() - t0) / 1000;
    socket.close();
    await post(s.base, `/api/runs/${run.id}/stop`);
    lags.sort((a, b) => a - b);
    const q = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))] ?? NaN;
    progress('');
    return {
      workers,
      seconds,
      appeals: last.appeals,
      transitions: last.transitions,
      appealsPerSecond: last.appeals / seconds,
      transitionsPerSecond: last.transitions / seconds,
      lagP50: q(0.5),
      lagP99: q(0.99),
      updates: lags.length,
    };
  } finally {
    await down(s);
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** The default run at ×60 for `seconds`: the server's resident memory, first minute against last. */
async function memory(seconds: number) {
  if (!(seconds >= 180))
    throw new Error(`memory needs at least 180 s (minute 2 against the last), got ${seconds}`);
  const s = await up(1);
  try {
    const run = await post<RunInfo>(s.base, '/api/runs', { scenario: 'beijing-weekday', speed: 60 });
    const samples: { t: number; mb: number }[] = [];
    const t0 = Date.now();
    while (Date.now() - t0 < seconds * 1000) {
      await sleep(5_000);
      samples.push({ t: (Date.now() - t0) / 1000, mb: rssMb(s.server.pid as number) });
      const last = await info(s.base, run.id);
      progress(
        `memory: ${Math.round((Date.now() - t0) / 1000)} of ${seconds} s, server ${samples.at(-1)?.mb.toFixed(0)} MB, ${last.appeals} appeals`,
      );
    }
    progress('');
    const avg = (xs: { mb: number }[]) => xs.reduce((a, x) => a + x.mb, 0) / xs.length;
    const window = Math.max(1, Math.round(60 / 5));
    const first = avg(samples.slice(window, 2 * window)); // the second minute: after start-up and warm-up
    const lastMin = avg(samples.slice(-window));
    const final = await info(s.base, run.id);
    console.log(
      `memory at ×60 over ${seconds} s (${final.appeals} appeals): server RSS ${first.toFixed(0)} MB in minute 2, ` +
        `${lastMin.toFixed(0)} MB in the last minute (${(((lastMin - first) / first) * 100).toFixed(1)} %), ` +
        `max ${Math.max(...samples.map((x) => x.mb)).toFixed(0)} MB`,
    );
    const perMinute = samples.filter((_, i) => (i + 1) % window === 0).map((x) => x.mb.toFixed(0));
    console.log(`server RSS at the end of each minute (MB): ${perMinute.join(', ')}`);
  } finally {
    await down(s);
  }
}

if (mode === 'memory') {
  await memory(Number(process.argv[3] ?? 600));
} else {
  // The raw ceiling, measured in the same run: a bare three-queue BullMQ chain, one worker process.
  console.log('raw ceiling (bench/bullmq-chain.ts 20000 chains, concurrency 50, one worker process):');
  await new Promise<void>((resolve, reject) => {
    const chain = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'bench/bullmq-chain.ts'), '20000', '50', '1'],
      {
        stdio: 'inherit',
      },
    );
    chain.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`bullmq-chain exited with ${code}`)),
    );
  });
  const one = await throughput(1);
  const two = await throughput(2);
  for (const r of [one, two]) {
    console.log(
      `${r.workers} worker process(es): ${r.appeals} appeals (${r.transitions} transitions) of the weekday's 24 h in ${r.seconds.toFixed(1)} s = ` +
        `${Math.round(r.appealsPerSecond)} appeals/s, ${Math.round(r.transitionsPerSecond)} transitions/s; ` +
        `update lag p50 ${r.lagP50} ms, p99 ${r.lagP99} ms (${r.updates} updates)`,
    );
  }
  console.log(`two workers / one: ${(two.appealsPerSecond / one.appealsPerSecond).toFixed(2)}×`);
}
