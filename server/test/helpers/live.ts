import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunInfo, ScenarioInput } from '@hotline-sim/shared';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { RedisTarget } from '../../src/redis/client';
import { startServer, type RunningServer } from '../../src/server';

/**
 * A small city day for live tests: 150 contacts an hour for 12 hours (about 1,800), time limits
 * shortened to hours so the drain after the day takes virtual days, not weeks.
 */
export function liveTestScenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: 'live-test',
    seed: 4242,
    start: '2025-03-12',
    hours: 12,
    warmupHours: 0,
    arrivals: { perHour: 150 },
    intake: {
      agents: 16,
      talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } },
      patienceMinutes: { exponential: { mean: 3 } },
    },
    lifecycle: {
      timeLimits: { '2h': 2, '24h': 8, '7d': 24, '15d': 36 },
      response: { hours: { lognormal: { mean: 3, cv: 1 } }, limitHours: 8 },
    },
    ...overrides,
  };
}

/**
 * `liveTestScenario(MONDAY_DRAIN)` for tests that wait for a run's end: the same day on a Monday.
 * From the default Wednesday the last work order waits out the weekend and the run ends at virtual
 * hour 135; from a Monday it ends at hour 87, about 17 s sooner at ×10,000 (measured with the model).
 */
export const MONDAY_DRAIN = { start: '2025-03-10' } as const;

/** The instructor password test servers start with (INSTRUCTOR_PASSWORD). */
export const TEST_PASSWORD = 'test-instructor-password';

/** The instructor's session cookie per server base URL: `api()` sends it unless told otherwise. */
const instructorCookies = new Map<string, string>();

/** The instructor cookie `api()` sends to `base` (for Socket.IO clients: `extraHeaders: { cookie }`). */
export function cookieFor(base: string): string {
  const cookie = instructorCookies.get(base);
  if (!cookie) throw new Error(`no instructor session for ${base}: call loginInstructor first`);
  return cookie;
}

/**
 * Log in with `body` (`{ password }` or `{ code }`) and return the session cookie (`name=value`);
 * throws with the server's answer when the login fails.
 */
export async function login(base: string, body: { password: string } | { code: string }): Promise<string> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** Log in as the instructor; `api()` sends this cookie to `base` from now on. */
export async function loginInstructor(base: string, password = TEST_PASSWORD): Promise<string> {
  const cookie = await login(base, { password });
  instructorCookies.set(base, cookie);
  return cookie;
}

/**
 * A server on a free port against `redis` (a URL or a cluster's nodes), data in a temp dir, no default run, quiet logs, the
 * test password; logged in as the instructor (`api()` calls to it carry the cookie).
 */
export async function startTestServer(
  redis: RedisTarget,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'hotline-server-')),
    DEFAULT_RUN: 'none',
    LOG_LEVEL: 'silent',
    INSTRUCTOR_PASSWORD: TEST_PASSWORD,
    LOGIN_RATE_LIMIT: '100000',
    ...env,
  });
  const server = await startServer(config, redis, createLogger(config, 'test-server'));
  await loginInstructor(server.url);
  return server;
}

/**
 * JSON over HTTP, with the status. Sends the instructor's cookie for `base` when there is one;
 * `cookie` overrides it (a string: that cookie; null: none).
 */
export async function api<T = unknown>(
  base: string,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
    cookie?: string | null;
  } = {},
): Promise<{ status: number; body: T }> {
  const cookie = init.cookie === undefined ? instructorCookies.get(base) : init.cookie;
  const res = await fetch(base + path, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...init.headers },
    ...(init.raw !== undefined
      ? { body: init.raw }
      : init.body !== undefined
        ? { body: JSON.stringify(init.body) }
        : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text (tests assert on it)
  }
  return { status: res.status, body: body as T };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Poll until `check` returns a value (not undefined/false) or the time runs out. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * After a pause: the run once its clock and transitions have held for `holdMs` (the tick in flight
 * when the pause came may take a loaded machine several ticks to settle).
 */
export async function waitForStill(base: string, id: string, holdMs = 1000): Promise<RunInfo> {
  const get = async () => (await api<RunInfo>(base, `/api/runs/${id}`)).body;
  return waitFor(`run ${id} to hold still`, async () => {
    const before = await get();
    await sleep(holdMs);
    const after = await get();
    return after.virtualTime === before.virtualTime && after.transitions === before.transitions
      ? after
      : undefined;
  });
}

/** Wait until a run has finished (or stopped), returning its final info. */
export async function waitForEnd(base: string, id: string, timeoutMs = 120_000): Promise<RunInfo> {
  return waitFor(
    `run ${id} to finish`,
    async () => {
      const { body } = await api<RunInfo>(base, `/api/runs/${id}`);
      return body.status === 'finished' || body.status === 'stopped' ? body : undefined;
    },
    timeoutMs,
    250,
  );
}
