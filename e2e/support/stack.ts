import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The instructor's password of every server the tests start (INSTRUCTOR_PASSWORD). */
export const PASSWORD = 'e2e-instructor-pass';

export interface StackOptions {
  /** Built-in scenario the server starts live (DEFAULT_RUN). @defaultValue 'beijing-weekday' */
  defaultRun?: string;
  /** Its speed. @defaultValue 60 */
  defaultSpeed?: number;
  /**
   * Start the default run at the product's start hour (08:00, after playing the night at full
   * pace) rather than at midnight. Only the spec about what a newcomer sees needs it: the night's
   * catch-up costs each server start 10-30 s of work that other specs do not look at.
   * @defaultValue false
   */
  productStartHour?: boolean;
  /** The city the default run takes place in (CITY). @defaultValue the server's: beijing */
  city?: string;
}

/**
 * The real thing for one spec file: a private redis-server on a free port (AOF, so a restarted
 * server finds its runs) and `node server/bin/server.js` serving client/dist, on another free port.
 */
export class Stack {
  readonly dir = mkdtempSync(join(tmpdir(), 'hotline-e2e-'));
  private redis: ChildProcess | null = null;
  private server: ChildProcess | null = null;
  redisPort = 0;
  port = 0;
  log = '';
  /** The instructor's session cookie for `api()` (sessions live in Redis: they survive a server restart). */
  private cookie: string | null = null;

  constructor(private readonly options: StackOptions = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.redisPort = await freePort();
    this.redis = spawn(
      'redis-server',
      [
        '--port',
        String(this.redisPort),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--loglevel',
        'warning',
      ],
      { stdio: 'ignore' },
    );
    this.port = await freePort();
    try {
      await this.startServer();
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  /** Start the server process (again, after `killServer`) on the same port and Redis. */
  async startServer(): Promise<void> {
    this.server = spawn(process.execPath, ['server/bin/server.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        REDIS_URL: `redis://127.0.0.1:${this.redisPort}`,
        DATA_DIR: join(this.dir, 'data'),
        LOG_LEVEL: 'warn',
        DEFAULT_RUN: this.options.defaultRun ?? 'beijing-weekday',
        DEFAULT_SPEED: String(this.options.defaultSpeed ?? 60),
        ...(this.options.city ? { CITY: this.options.city } : {}),
        ...(this.options.productStartHour ? {} : { DEFAULT_START_HOUR: '0' }),
        INSTRUCTOR_PASSWORD: PASSWORD,
        // Every test logs in from 127.0.0.1: the default 10 a minute would refuse some.
        LOGIN_RATE_LIMIT: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-20_000);
    };
    this.server.stdout?.on('data', keep);
    this.server.stderr?.on('data', keep);
    await waitFor(
      async () => {
        const res = await this.api('/api/runs');
        const body = (await res.json()) as { runs: { status: string }[] };
        return res.ok && body.runs.some((r) => r.status === 'running' || r.status === 'paused');
      },
      `the server on port ${this.port} (log: ${this.log.slice(-500)})`,
      60_000,
    );
  }

  /** A request to the server as the instructor (logs in on first use). */
  async api(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
    if (!this.cookie) {
      const res = await fetch(`${this.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: PASSWORD }),
      });
      if (!res.ok) throw new Error(`login failed: HTTP ${res.status}`);
      this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }
    return fetch(`${this.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie: this.cookie,
        // Body-less writes (pause, resume, stop) need it: the server refuses what a form could send.
        'x-hotline-client': 'e2e',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  }

  /** SIGKILL the server (a crash: no goodbye to the clients). */
  async killServer(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.kill('SIGKILL');
    await exited(server);
    this.server = null;
  }

  /** Stop the server and Redis and delete their data (safe to call twice). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) {
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited(server);
      clearTimeout(timer);
    }
    const redis = this.redis;
    this.redis = null;
    if (redis) {
      redis.kill('SIGTERM');
      await exited(redis);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
