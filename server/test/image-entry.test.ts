import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { freePort } from '../src/redis/spawn-redis';
import { waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * The container image's start commands, run outside Docker (Docker cannot run here): the runtime
 * stage's ENV and CMD and its HEALTHCHECK are read from the Dockerfile, the services' environment and
 * the worker's command from docker-compose.yml, so the test cannot drift from them. The repository
 * root stands in for WORKDIR /app; what the build stage makes (`npm run build`) is made the way the
 * bins and `npm start` make it when it is missing.
 */

const root = process.cwd();
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8')
  .replace(/\\\n\s*/g, '') // continuation lines joined
  .split('\n');
/** The runtime stage: everything after the last FROM. */
const runtime = dockerfile.slice(dockerfile.findLastIndex((l) => /^FROM\s/.test(l)));

/** `INSTRUCTION … ["a", "b"]` (exec form) as its array; the shell form fails to parse. */
function execForm(instruction: string): string[] {
  const line = runtime.find((l) => l.startsWith(`${instruction} `));
  if (!line) throw new Error(`the Dockerfile's runtime stage has no ${instruction}`);
  const json = line.slice(line.indexOf('['));
  return JSON.parse(json) as string[];
}

const imageEnv = Object.fromEntries(
  runtime
    .filter((l) => l.startsWith('ENV '))
    .map((l) => {
      const [key, ...value] = l.slice(4).trim().split('=');
      return [key as string, value.join('=')];
    }),
);
const cmd = execForm('CMD');
const healthcheck = execForm('HEALTHCHECK'); // its options come before CMD and hold no '['

interface ComposeService {
  environment?: Record<string, string>;
  command?: string[];
}
const compose = parseYaml(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
/**
 * A service's environment as compose gives it when the host sets none of the variables it
 * interpolates: `${NAME:-default}` is its default (`METRICS_TOKEN: ${METRICS_TOKEN:-}` is empty,
 * which the server reads as unset).
 */
const composeEnv = (service: ComposeService | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(service?.environment ?? {}).map(([k, v]) => [
      k,
      String(v).replace(/\$\{\w+:-([^}]*)\}/g, '$1'),
    ]),
  );
const { server: serverService, worker: workerService } = compose.services;

/** A process as the container runs it: `node` is this Node, the environment the image's and compose's. */
function start(
  command: string[],
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const [program, ...args] = command;
  expect(program).toBe('node');
  let output = '';
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Wait for `check`; a timeout names the process's output so far. */
async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  ms: number,
  output: () => string,
) {
  try {
    await waitFor(what, async () => (await check()) || undefined, ms);
  } catch (e) {
    throw new Error(`${(e as Error).message}; its output:\n${output()}`, { cause: e });
  }
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** What a container's environment holds besides the image's ENV and compose's environment. */
const containerBase = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() };

const status = async (url: string) => (await fetch(url).catch(() => undefined))?.status;

describe('the image: server CMD, HEALTHCHECK and worker command, outside Docker', () => {
  let redis: TestRedis;
  let dataDir: string;
  let env: Record<string, string>;
  let base: string;
  let server: ReturnType<typeof start> | undefined;
  let worker: ReturnType<typeof start> | undefined;

  beforeAll(async () => {
    // The build stage's dashboard build, as `npm start` makes it when client/dist is missing or stale.
    const built = spawnSync(process.execPath, ['client/scripts/ensure-build.mjs'], {
      cwd: root,
      stdio: 'inherit',
    });
    expect(built.status).toBe(0);
    redis = await startTestRedis();
    dataDir = mkdtempSync(join(tmpdir(), 'hotline-image-'));
    const port = await freePort();
    // Only what the container has: PATH and HOME, the image's ENV, compose's environment; the port,
    // the data directory and the Redis are this test's (compose names the service `redis`).
    env = {
      ...containerBase,
      ...imageEnv,
      ...composeEnv(serverService),
      PORT: String(port),
      DATA_DIR: dataDir,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
    };
    base = `http://127.0.0.1:${port}`;
  }, 300_000);

  afterAll(async () => {
    await stop(worker?.child);
    await stop(server?.child);
    await redis?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads a runtime stage that runs the server as user node on port 3000 with a data directory', () => {
    expect(cmd).toEqual(['node', 'server/bin/server.js']);
    expect(imageEnv).toMatchObject({
      PORT: '3000',
      HOST: '0.0.0.0',
      DATA_DIR: '/data',
      NODE_ENV: 'production',
    });
    expect(runtime).toContain('USER node');
    expect(runtime).toContain('EXPOSE 3000');
    expect(composeEnv(serverService)).toMatchObject({
      REDIS_URL: 'redis://redis:6379',
      WORKERS: 'external',
      METRICS_TOKEN: '',
    });
    expect(workerService?.command).toEqual(['node', 'server/bin/worker.js']);
  });

  it('serves /healthz and the dashboard, and the HEALTHCHECK passes; /readyz waits for a worker', async () => {
    server = start(cmd, env);
    await until('the server', async () => (await status(`${base}/healthz`)) === 200, 60_000, server.output);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toBe(readFileSync(join(root, 'client/dist/index.html'), 'utf8'));
    const check = spawnSync(process.execPath, healthcheck.slice(1), {
      env,
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(healthcheck[0]).toBe('node');
    expect(check.status).toBe(0);
    // WORKERS=external (compose): no stage queue has a worker until the worker service starts.
    expect(await status(`${base}/readyz`)).toBe(503);
  }, 120_000);

  it('starts the worker by its compose command, which connects: /readyz answers 200', async () => {
    expect(server).toBeDefined();
    worker = start(workerService?.command ?? [], {
      ...containerBase,
      ...imageEnv,
      ...composeEnv(workerService),
      REDIS_URL: redis.url,
    });
    const { output } = worker;
    await until('"worker ready"', () => output().includes('"msg":"worker ready"'), 60_000, output);
    await until('/readyz 200', async () => (await status(`${base}/readyz`)) === 200, 30_000, output);
  }, 120_000);
});
