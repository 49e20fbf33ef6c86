/**
 * What one appeal costs Redis (issue 16, docs/SCALING.md): a live run of known size from start to
 * finish on a fresh redis-server (AOF, fsync every second, as deployed), with one server process
 * (WORKERS=external) and one `npm run worker` process. Redis's INFO before and after gives, per
 * appeal: commands by command, network bytes and the memory it still holds at the end;
 * the CPU time of redis-server, the worker and the server (from /proc) gives each one's ceiling: the
 * appeals per second one fully busy core of each could carry. CPU time, unlike wall time, does not
 * depend on what else shares the machine.
 *
 *   npm run bench:redis-cost   (node --import tsx bench/redis-cost.ts [perHour=600] [hours=4])
 *
 * The run is the live test scenario at `perHour` contacts an hour for `hours` hours, at ×10,000,
 * with time limits of hours rather than days so the drain after the day takes about a virtual day.
 * Some commands come with wall time rather than with appeals (the owner polls its pending set while a
 * tick settles, BullMQ's workers block and poll): on a loaded machine those grow per appeal, so
 * they are printed by command, apart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunInfo, ScenarioInput } from '@hotline-sim/shared';
import { Redis } from 'ioredis';
import { freePort, spawnRedis } from '../server/src/redis/spawn-redis';
import { instructorSession } from './support/instructor';

const root = join(import.meta.dirname, '..');
const perHour = Number(process.argv[2] ?? 600);
const hours = Number(process.argv[3] ?? 4);
const PASSWORD = 'bench-instructor-password';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const scenario: ScenarioInput = {
  name: 'redis-cost',
  seed: 4242,
  start: '2025-03-12',
  hours,
  warmupHours: 0,
  arrivals: { perHour },
  intake: {
    agents: Math.ceil((perHour * 5.3) / 60 / 0.8),
    talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } },
    patienceMinutes: { exponential: { mean: 3 } },
  },
  lifecycle: {
    timeLimits: { '2h': 1, '24h': 4, '7d': 8, '15d': 12 },
    response: { hours: { lognormal: { mean: 2, cv: 1 } }, limitHours: 4 },
  },
};

/** CPU seconds (user + system) a process has used, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The INFO fields this bench reads, and every command's calls. */
async function snapshot(redis: Redis) {
  const info = await redis.info('all');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  const calls = new Map<string, number>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(m[1] ?? '', Number(m[2]));
  return {
    calls,
    netIn: field('total_net_input_bytes'),
    netOut: field('total_net_output_bytes'),
    memory: field('used_memory'),
    keys: await redis.dbsize(),
  };
}

function node(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(root, script)], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const dir = mkdtempSync(join(tmpdir(), 'hotline-bench-redis-cost-'));
const redisServer = await spawnRedis({ dir: join(dir, 'redis'), appendfsync: 'everysec' });
const port = await freePort();
const env = { REDIS_URL: redisServer.url, REDIS_CLUSTER_NODES: '' };
const server = node('server/bin/server.js', {
  ...env,
  PORT: String(port),
  HOST: '127.0.0.1',
  WORKERS: 'external',
  DEFAULT_RUN: 'none',
  DATA_DIR: dir,
  INSTRUCTOR_PASSWORD: PASSWORD,
});
const worker = node('server/bin/worker.js', env);
const redis = new Redis(redisServer.url);
try {
  const base = `http://127.0.0.1:${port}`;
  const cookie = await instructorSession(base, PASSWORD);
  const headers = { 'content-type': 'application/json', cookie };
  await sleep(2_000); // the worker connects and settles into its idle polling
  const before = await snapshot(redis);
  const cpu0 = [redisServer.process, worker, server].map((p) => cpuSeconds(p.pid as number));
  const t0 = Date.now();
  const created = await fetch(`${base}/api/runs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ scenario, speed: 10_000 }),
  });
  let run = (await created.json()) as RunInfo;
  if (created.status !== 201) throw new Error(`could not start the run: ${JSON.stringify(run)}`);
  while (run.status !== 'finished') {
    await sleep(500);
    run = (await (await fetch(`${base}/api/runs/${run.id}`, { headers })).json()) as RunInfo;
    process.stderr.write(`\rvirtual ${(run.virtualTime / 3600).toFixed(1)} h, ${run.appeals} appeals\x1b[K`);
  }
  process.stderr.write('\r\x1b[K');
  const wall = (Date.now() - t0) / 1000;
  const after = await snapshot(redis);
  const [redisCpu = 0, workerCpu = 0, serverCpu = 0] = [redisServer.process, worker, server].map(
    (p, i) => cpuSeconds(p.pid as number) - (cpu0[i] ?? 0),
  );
  const n = run.appeals;
  const per = (x: number) => (x / n).toFixed(1);
  console.log(
    `run: ${perHour} contacts/h for ${hours} h, ${n} appeals, ${run.transitions} transitions ` +
      `(${(run.transitions / n).toFixed(2)} per appeal), finished in ${wall.toFixed(1)} s wall ` +
      `(${Math.round(n / wall)} appeals/s with Redis, server and worker sharing this machine)`,
  );
  const rows = [...after.calls]
    .map(([name, calls]) => [name, calls - (before.calls.get(name) ?? 0)] as const)
    .filter(([, calls]) => calls > 0)
    .sort((a, b) => b[1] - a[1]);
  const allCalls = rows.reduce((sum, [, c]) => sum + c, 0);
  const scripts = rows
    .filter(([name]) => name === 'evalsha' || name === 'eval')
    .reduce((a, [, c]) => a + c, 0);
  console.log(
    `Redis commands executed per appeal: ${per(allCalls)} (the calls inside Lua scripts counted, as Redis ` +
      `counts them; ${per(scripts)} of them are script runs), by command:`,
  );
  for (const [name, calls] of rows.slice(0, 20))
    console.log(`  ${name.padEnd(16)} ${per(calls).padStart(7)}`);
  console.log(
    `network per appeal: ${per(after.netIn - before.netIn)} bytes in, ${per(after.netOut - before.netOut)} bytes out`,
  );
  console.log(
    `held at the end: ${per(after.memory - before.memory)} bytes of used_memory and ` +
      `${per(after.keys - before.keys)} keys per appeal (${after.keys - before.keys} keys)`,
  );
  for (const [who, seconds] of [
    ['redis-server', redisCpu],
    ['worker process', workerCpu],
    ['server process (the run owner)', serverCpu],
  ] as const) {
    console.log(
      `${who}: ${((seconds / n) * 1e6).toFixed(0)} µs CPU per appeal → ceiling ${Math.round(n / seconds)} appeals/s per busy core`,
    );
  }
} finally {
  redis.disconnect();
  for (const p of [server, worker]) p.kill('SIGKILL');
  await redisServer.stop();
  rmSync(dir, { recursive: true, force: true });
}
