/**
 * Open311 POST throughput and latency while a run is live (issue 6's figure: ≥ 500 requests/s with
 * p99 ≤ 100 ms on this machine, rate limit aside):
 *
 *   node --import tsx bench/open311.ts [seconds=20] [concurrency=32]
 *
 * Real and separate, as deployed: a private redis-server (AOF, fsync every second), one server
 * process with its in-process workers and beijing-weekday running live at ×60 (the classroom speed);
 * this process files appeals (form-encoded, keep-alive) from `concurrency` connections for `seconds`
 * after a 3 s warm-up, then checks that every accepted appeal reached the run's input log.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunInfo } from '@hotline-sim/shared';
import { freePort, spawnRedis } from '../server/src/redis/spawn-redis';

const root = join(import.meta.dirname, '..');
const seconds = Number(process.argv[2] ?? 20);
const concurrency = Number(process.argv[3] ?? 32);
const PASSWORD = 'bench-instructor-password';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'hotline-bench-open311-'));
const redis = await spawnRedis({ dir: join(dir, 'redis'), appendfsync: 'everysec' });
const port = await freePort();
// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there (it is then stopped with SIGTERM).
const profileDir = process.env.BENCH_CPU_PROF;
const server = spawn(
  process.execPath,
  [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), join(root, 'server/bin/server.js')],
  {
    env: {
      ...process.env,
      REDIS_URL: redis.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEFAULT_RUN: 'none',
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      INSTRUCTOR_PASSWORD: PASSWORD,
      // The figure is the server's, rate limit aside.
      OPEN311_RATE_LIMIT: '10000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const base = `http://127.0.0.1:${port}`;

try {
  for (let i = 0; !(await fetch(`${base}/healthz`).catch(() => undefined))?.ok; i++) {
    if (i > 300) throw new Error('the server did not start');
    await sleep(100);
  }
  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: PASSWORD }),
  });
  const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(base + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await res.json()) as T;
  };
  const run = await call<RunInfo>('/api/runs', { scenario: 'beijing-weekday', speed: 60 });
  const { key } = await call<{ key: string }>('/api/open311/keys', { name: 'bench', runId: run.id });
  const city = await call<{ cells: { lon: number[]; lat: number[] } }>('/api/city');
  for (let i = 0; (await call<RunInfo>(`/api/runs/${run.id}`)).appeals === 0; i++) {
    if (i > 600) throw new Error('the run did not start');
    await sleep(100);
  }

  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const services = ['noise-nuisance', 'garbage', 'heating', 'illegal-parking', 'property-management'];
  let n = 0;
  const post = (): Promise<{ status: number; ms: number; token?: string }> => {
    const i = n++;
    const c = (i * 7919) % city.cells.lon.length;
    const body = new URLSearchParams({
      api_key: key,
      service_code: services[i % services.length] as string,
      lat: String(city.cells.lat[c]),
      long: String(city.cells.lon[c]),
      description: `楼下噪音 bench ${i}`,
    }).toString();
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        `${base}/open311/v2/requests.json`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => {
            const ms = performance.now() - t0;
            const token =
              res.statusCode === 201 ? (JSON.parse(text) as [{ token: string }])[0].token : undefined;
            resolve({ status: res.statusCode ?? 0, ms, ...(token ? { token } : {}) });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };

  const tokens: string[] = [];
  const measure = async (forMs: number, record: boolean) => {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const end = Date.now() + forMs;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < end) {
          const r = await post();
          if (r.token) tokens.push(r.token);
          if (!record) continue;
          latencies.push(r.ms);
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        }
      }),
    );
    return { latencies, statuses };
  };
  await measure(3_000, false);
  const t0 = performance.now();
  const { latencies, statuses } = await measure(seconds * 1000, true);
  const wall = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const live = await call<RunInfo>(`/api/runs/${run.id}`);
  console.log(
    `Open311 POST, ${concurrency} connections, ${seconds} s, beijing-weekday live at ×60 (effective ×${live.effectiveSpeed.toFixed(0)}, ${live.appeals} appeals so far):`,
  );
  console.log(
    `  ${latencies.length} requests, ${(latencies.length / wall).toFixed(0)} req/s; latency p50 ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, max ${q(1).toFixed(1)} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  // Nothing accepted is lost: every token maps to an appeal once the owner has logged it.
  const deadline = Date.now() + 120_000;
  let mapped = 0;
  for (const sample = tokens.filter((_, i) => i % 50 === 0); Date.now() < deadline; await sleep(500)) {
    const answers = await Promise.all(
      sample.map(
        async (t) => (await call<[{ service_request_id: string | null }]>(`/open311/v2/tokens/${t}.json`))[0],
      ),
    );
    mapped = answers.filter((a) => a.service_request_id !== null).length;
    if (mapped === sample.length) break;
  }
  console.log(
    `  accepted ${tokens.length} appeals; a sample of ${Math.ceil(tokens.length / 50)} tokens: ${mapped} mapped to appeals in the run`,
  );
  agent.destroy();
} finally {
  if (profileDir) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  } else server.kill('SIGKILL');
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}
