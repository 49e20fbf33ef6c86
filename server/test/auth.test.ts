import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunInfo } from '@hotline-sim/shared';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureInstructorPassword, refusal } from '../src/auth';
import { openStore } from '../src/store';
import type { RunningServer } from '../src/server';
import { TEST_PASSWORD, api, liveTestScenario, login, startTestServer } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/** Connect a Socket.IO client with `cookie` (or none); resolves when connected, rejects with the refusal. */
async function socket(base: string, cookie: string | null) {
  const s = connect(base, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', (err) => reject(err));
    });
  } catch (err) {
    s.disconnect();
    throw err;
  }
  return s;
}

describe('roles: instructor, trainee, observer', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let exercise: RunInfo;
  let other: RunInfo;
  let observer: string;
  let trainee: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    exercise = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario(), speed: 60, paused: true },
      })
    ).body;
    other = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario({ name: 'other' }), speed: 60, paused: true },
      })
    ).body;
    const o = await api<{ code: string }>(server.url, '/api/codes', { body: { role: 'observer' } });
    const t = await api<{ code: string; runId: string; seat: string }>(server.url, '/api/codes', {
      body: { role: 'trainee', runId: exercise.id, seat: 'desk-3' },
    });
    expect(t.body).toMatchObject({ runId: exercise.id, seat: 'desk-3' });
    observer = await login(server.url, { code: o.body.code });
    // Codes forgive case and a missing dash.
    trainee = await login(server.url, { code: t.body.code.toLowerCase().replace('-', '') });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('logs in and out with a cookie: HttpOnly, SameSite=Lax, 12 hours; GET /api/session tells the role', async () => {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: TEST_PASSWORD }),
    });
    const cookie = res.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(
      /^hotline_session=[\w-]+; Max-Age=43200; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/,
    );
    const pair = cookie.split(';')[0] as string;
    expect((await api(server.url, '/api/session', { cookie: pair })).body).toMatchObject({
      role: 'instructor',
      runId: null,
    });
    expect((await api(server.url, '/api/session', { cookie: trainee })).body).toMatchObject({
      role: 'trainee',
      runId: exercise.id,
      seat: 'desk-3',
    });
    expect((await api(server.url, '/api/session', { cookie: observer })).body).toMatchObject({
      role: 'observer',
    });
    expect((await api(server.url, '/api/session', { cookie: pair, method: 'DELETE' })).status).toBe(204);
    expect((await api(server.url, '/api/session', { cookie: pair })).status).toBe(401);
    expect((await api(server.url, '/api/runs', { cookie: pair })).status).toBe(401);
  });

  it('refuses a wrong password, an unknown code and a malformed login', async () => {
    expect(
      await api(server.url, '/api/session', { body: { password: 'wrong-password' }, cookie: null }),
    ).toEqual({ status: 401, body: { error: 'wrong password' } });
    expect(
      (await api(server.url, '/api/session', { body: { code: 'AAAA-AAAA' }, cookie: null })).body,
    ).toEqual({ error: 'unknown or expired code' });
    const both = await api<{ error: string }>(server.url, '/api/session', {
      body: { password: 'x', code: 'y' },
      cookie: null,
    });
    expect(both.status).toBe(400);
  });

  /** Every write of the REST API and what to send. */
  const writes = (run: string): [string, string, unknown?][] => [
    ['POST', '/api/runs', { scenario: 'mmc' }],
    ['POST', `/api/runs/${run}/pause`],
    ['POST', `/api/runs/${run}/resume`],
    ['POST', `/api/runs/${run}/stop`],
    ['POST', `/api/runs/${run}/speed`, { speed: 100 }],
    ['POST', `/api/runs/${run}/injects`, { kind: 'surge', atHours: 0, hours: 1, factor: 2 }],
    ['POST', '/api/comparisons', { a: 'mmc', b: 'mmc' }],
    ['POST', '/api/codes', { role: 'observer' }],
    ['DELETE', '/api/codes/AAAA-AAAA'],
    ['POST', '/api/open311/keys', { name: 'x' }],
    ['DELETE', '/api/open311/keys/abc'],
  ];

  for (const role of ['observer', 'trainee'] as const) {
    it(`refuses every write to ${role === 'trainee' ? 'a trainee (even in their own run)' : 'an observer'} with 403, and changes nothing`, async () => {
      const cookie = role === 'observer' ? observer : trainee;
      for (const [method, path, body] of writes(exercise.id)) {
        const res = await api<{ error: string }>(server.url, path, {
          method,
          ...(body !== undefined ? { body } : {}),
          cookie,
        });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body.error).toContain('needs the instructor role');
      }
      expect((await api<RunInfo>(server.url, `/api/runs/${exercise.id}`)).body.status).toBe('paused');
      expect((await api<{ runs: RunInfo[] }>(server.url, '/api/runs')).body.runs).toHaveLength(2);
    });
  }

  it('refuses secrets (join codes, api keys) and the admin pages to observers and trainees', async () => {
    for (const cookie of [observer, trainee]) {
      expect((await api(server.url, '/api/codes', { cookie })).status).toBe(403);
      expect((await api(server.url, '/api/open311/keys', { cookie })).status).toBe(403);
      expect((await api(server.url, '/admin/queues', { cookie })).status).toBe(403);
    }
  });

  it('lets an observer read everything else; a trainee reads their own run only', async () => {
    for (const path of [
      '/api/runs',
      `/api/runs/${other.id}`,
      `/api/runs/${other.id}/report`,
      `/api/runs/${other.id}/appeals`,
      '/api/scenarios',
      '/api/city',
    ])
      expect((await api(server.url, path, { cookie: observer })).status, path).toBe(200);
    const runs = await api<{ runs: RunInfo[] }>(server.url, '/api/runs', { cookie: trainee });
    expect(runs.body.runs.map((r) => r.id)).toEqual([exercise.id]);
    expect((await api(server.url, `/api/runs/${exercise.id}/report`, { cookie: trainee })).status).toBe(200);
    for (const path of [
      `/api/runs/${other.id}`,
      `/api/runs/${other.id}/report`,
      `/api/runs/${other.id}/appeals`,
      `/api/runs/${other.id}/audit`,
      `/api/runs/${other.id}/export/appeals.csv`,
      '/api/comparisons/abcdef12',
    ]) {
      const res = await api<{ error: string }>(server.url, path, { cookie: trainee });
      expect(res.status, path).toBe(403);
    }
  });

  it('refuses everything but login to no session (401), and Socket.IO connections without one', async () => {
    for (const [method, path] of [
      ['GET', '/api/runs'],
      ['GET', `/api/runs/${exercise.id}`],
      ['POST', '/api/runs'],
      ['GET', '/api/city'],
      ['GET', '/api/codes'],
    ] as const) {
      const res = await api<{ error: string }>(server.url, path, {
        method,
        cookie: null,
        ...(method === 'POST' ? { body: {} } : {}),
      });
      expect(res.status, path).toBe(401);
      expect(res.body.error).toBe('log in first (POST /api/session)');
    }
    await expect(socket(server.url, null)).rejects.toThrow('unauthorized');
    await expect(socket(server.url, 'hotline_session=forged')).rejects.toThrow('unauthorized');
  });

  it('Socket.IO: observers join any run, a trainee only their own', async () => {
    const join = (s: Awaited<ReturnType<typeof socket>>, run: string) =>
      new Promise<unknown>((resolve) => s.emit('join', run, resolve));
    const o = await socket(server.url, observer);
    const t = await socket(server.url, trainee);
    try {
      expect(await join(o, other.id)).toEqual({ ok: true });
      expect(await join(t, exercise.id)).toEqual({ ok: true });
      expect(await join(t, other.id)).toEqual({
        error: `forbidden: this seat belongs to run "${exercise.id}"`,
      });
    } finally {
      o.disconnect();
      t.disconnect();
    }
  });

  it('rate-limits logins per client address (LOGIN_RATE_LIMIT a minute)', async () => {
    const strict = await startTestServer(redis.url, { LOGIN_RATE_LIMIT: '3' });
    try {
      // startTestServer's own login was the first of three.
      const statuses: number[] = [];
      let limited: { status: number; body: { error: string } } | undefined;
      for (let i = 0; i < 4; i++) {
        const res = await api<{ error: string }>(strict.url, '/api/session', {
          body: { password: 'wrong-password' },
          cookie: null,
        });
        statuses.push(res.status);
        if (res.status === 429) limited = res;
      }
      expect(statuses).toEqual([401, 401, 429, 429]);
      expect(limited?.body.error).toMatch(/^too many login attempts; try again in \d+ s$/);
    } finally {
      await strict.close();
    }
  });

  it('a trainee code needs a run and a seat; codes can be listed and revoked', async () => {
    const bad = await api<{ error: string }>(server.url, '/api/codes', { body: { role: 'trainee' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('needs runId');
    const unknownRun = await api(server.url, '/api/codes', {
      body: { role: 'trainee', runId: 'nope', seat: 'x' },
    });
    expect(unknownRun.status).toBe(404);
    const made = (
      await api<{ code: string }>(server.url, '/api/codes', { body: { role: 'observer', ttlHours: 1 } })
    ).body.code;
    expect(
      (await api<{ codes: { code: string }[] }>(server.url, '/api/codes')).body.codes.map((c) => c.code),
    ).toContain(made);
    expect((await api(server.url, `/api/codes/${made}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(server.url, '/api/session', { body: { code: made }, cookie: null })).status).toBe(401);
  });
});

describe('instructor password', () => {
  it('is generated once when not configured, stored hashed, and replaced by INSTRUCTOR_PASSWORD', () => {
    const store = openStore(join(mkdtempSync(join(tmpdir(), 'hotline-auth-')), 'h.sqlite'));
    try {
      const first = ensureInstructorPassword(store, null);
      expect(first.generated).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(first.hash).not.toContain(first.generated as string);
      expect(first.hash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
      // The next start finds the hash and prints nothing.
      expect(ensureInstructorPassword(store, null)).toEqual({ hash: first.hash });
      const set = ensureInstructorPassword(store, 'a-chosen-password');
      expect(set.generated).toBeUndefined();
      expect(set.hash).not.toBe(first.hash);
      expect(ensureInstructorPassword(store, null).hash).toBe(set.hash);
    } finally {
      store.close();
    }
  });

  it("the access rule in one function: public routes, secrets, trainee scope (on the route's params)", () => {
    const trainee = { role: 'trainee' as const, runId: 'r1', seat: 's', expiresAt: '' };
    const get = (params: Record<string, string> = {}) => ({ method: 'GET', params, path: '/api/x' });
    const post = (params: Record<string, string> = {}) => ({ method: 'POST', params, path: '/api/x' });
    expect(refusal('public', undefined, get())).toBeNull();
    expect(refusal('everyone', undefined, get())?.status).toBe(401);
    expect(refusal('run', trainee, get({ id: 'r1' }))).toBeNull();
    expect(refusal('run', trainee, get({ id: 'r10' }))?.status).toBe(403);
    expect(refusal('run', trainee, get({ id: 'R1' }))?.status).toBe(403);
    expect(refusal('run', trainee, post({ id: 'r1' }))?.status).toBe(403);
    expect(refusal('staff', trainee, get({ id: 'r1' }))?.status).toBe(403);
    // Their own seat of their own run; no other seat, no other run.
    expect(refusal('seat-decide', trainee, post({ id: 'r1', seat: 's' }))).toBeNull();
    expect(refusal('seat-decide', trainee, post({ id: 'r1', seat: 't' }))?.status).toBe(403);
    expect(refusal('seat-decide', trainee, post({ id: 'r2', seat: 's' }))?.status).toBe(403);
    expect(refusal('seat', trainee, get({ id: 'r1', seat: 'S' }))?.status).toBe(403);
    const observer = { role: 'observer' as const, runId: null, seat: null, expiresAt: '' };
    expect(refusal('seat-decide', observer, post({ id: 'r1', seat: 's' }))?.status).toBe(403);
    expect(refusal('seat', observer, get({ id: 'r1', seat: 's' }))).toBeNull();
    expect(refusal('instructor', observer, get())?.status).toBe(403);
    // A read rule never lets anyone but the instructor write.
    expect(refusal('everyone', observer, post())?.status).toBe(403);
  });
});
