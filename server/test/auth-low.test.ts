import type { RunInfo } from '@hotline-sim/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, login, startTestServer, TEST_PASSWORD } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/** Issue 13, point 7: revoked codes end their sessions, seat names, the Secure cookie behind a proxy. */
describe('auth: revoking, seat names and proxies', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    run = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario(), speed: 60, paused: true },
      })
    ).body;
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  const newCode = async (body: object) => {
    const res = await api<{ code: string }>(server.url, '/api/codes', { body });
    expect(res.status).toBe(201);
    return res.body.code;
  };

  it('ends the sessions opened with a join code when the code is revoked, and no others', async () => {
    const code = await newCode({ role: 'trainee', runId: run.id, seat: 'A-1' });
    const first = await login(server.url, { code });
    const second = await login(server.url, { code: code.toLowerCase().replace('-', '') });
    const bystander = await login(server.url, { code: await newCode({ role: 'observer' }) });
    for (const cookie of [first, second, bystander])
      expect((await api(server.url, `/api/runs/${run.id}`, { cookie })).status).toBe(200);

    expect((await api(server.url, `/api/codes/${code}`, { method: 'DELETE' })).status).toBe(204);
    for (const cookie of [first, second]) {
      expect((await api(server.url, `/api/runs/${run.id}`, { cookie })).status).toBe(401);
      expect((await api(server.url, '/api/session', { cookie })).status).toBe(401);
    }
    expect((await api(server.url, `/api/runs/${run.id}`, { cookie: bystander })).status).toBe(200);
    expect((await api(server.url, `/api/runs/${run.id}`)).status).toBe(200);
    expect((await api(server.url, '/api/session', { body: { code }, cookie: null })).status).toBe(401);
    expect((await api(server.url, `/api/codes/${code}`, { method: 'DELETE' })).status).toBe(404);
  });

  /** A Socket.IO client of `base` with `cookie`, connected; `ended` settles with its disconnect reason. */
  const watcher = async (base: string, cookie: string) => {
    const socket: Socket = connect(base, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ended = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    return { socket, ended };
  };

  it('disconnects the sockets of revoked and logged-out sessions, on every server, and no others', async () => {
    // A second server on the same Redis: the sockets sit there, the revoke and the logout go to the first.
    const other = await startTestServer(redis.url);
    try {
      const code = await newCode({ role: 'trainee', runId: run.id, seat: 'B-1' });
      const trainee = await watcher(other.url, await login(server.url, { code }));
      const observerCookie = await login(server.url, { code: await newCode({ role: 'observer' }) });
      const observer = await watcher(other.url, observerCookie);
      const bystander = await watcher(
        other.url,
        await login(server.url, { code: await newCode({ role: 'observer' }) }),
      );

      expect((await api(server.url, `/api/codes/${code}`, { method: 'DELETE' })).status).toBe(204);
      expect(await trainee.ended).toBe('io server disconnect');
      expect(
        (await api(server.url, '/api/session', { method: 'DELETE', cookie: observerCookie })).status,
      ).toBe(204);
      expect(await observer.ended).toBe('io server disconnect');
      // The bystander still answers: a round trip after both disconnects.
      const joined = await new Promise<unknown>((resolve) => bystander.socket.emit('join', run.id, resolve));
      expect(joined).toEqual({ ok: true });
      expect(bystander.socket.connected).toBe(true);
      bystander.socket.disconnect();
      // A revoked session cannot open a new socket either.
      await expect(watcher(other.url, observerCookie)).rejects.toThrow('unauthorized');
    } finally {
      await other.close();
    }
  });

  it('takes for a trainee code only seat names the seat routes take', async () => {
    for (const seat of ['desk 3', 'A/B', 'x'.repeat(25), '座位一', ' A ', '']) {
      const res = await api<{ error: string }>(server.url, '/api/codes', {
        body: { role: 'trainee', runId: run.id, seat },
      });
      expect(res.status, JSON.stringify(seat)).toBe(400);
      expect(res.body.error).toContain('a seat name is 1-24 letters, digits or dashes');
      // The seat routes refuse the same name (an empty one is the list of seats).
      if (seat === '') continue;
      const route = await api<{ error: string }>(
        server.url,
        `/api/runs/${run.id}/seats/${encodeURIComponent(seat)}`,
      );
      if (route.status === 400) expect(route.body.error).toContain('a seat name is 1-24 letters');
      else expect(route.status, JSON.stringify(seat)).toBe(404);
    }
    for (const seat of ['A', 'desk-3', 'x'.repeat(24)])
      await newCode({ role: 'trainee', runId: run.id, seat });
  });

  /** Log in as the instructor with `headers`; the Set-Cookie header's attributes. */
  const cookieAttributes = async (base: string, headers: Record<string, string>) => {
    const res = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0] ?? '';
    return cookie
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());
  };

  it('marks the cookie Secure behind a trusted HTTPS proxy (TRUST_PROXY), not on forged headers', async () => {
    const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };
    // TRUST_PROXY unset: a client's X-Forwarded-Proto is not believed.
    expect(await cookieAttributes(server.url, https)).not.toContain('secure');
    for (const trust of ['1', '127.0.0.0/8, ::1', 'loopback']) {
      const proxied = await startTestServer(redis.url, { TRUST_PROXY: trust });
      try {
        expect(await cookieAttributes(proxied.url, https), trust).toContain('secure');
        expect(await cookieAttributes(proxied.url, {}), trust).not.toContain('secure');
      } finally {
        await proxied.close();
      }
    }
    // A proxy that is not the one trusted: its header is not believed either.
    const elsewhere = await startTestServer(redis.url, { TRUST_PROXY: '10.0.0.0/8' });
    try {
      expect(await cookieAttributes(elsewhere.url, https)).not.toContain('secure');
    } finally {
      await elsewhere.close();
    }
  });
});
