import type {
  ClientToServerEvents,
  LeverChangeView,
  LeversAccepted,
  RunInfo,
  RunLevers,
  ServerToClientEvents,
} from '@hotline-sim/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../src/live/audit';
import type { RunningServer } from '../src/server';
import { api, cookieFor, liveTestScenario, login, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Levers changed during a live run (contract C3), against a real Redis, HTTP and Socket.IO: an
 * instructor's change is logged at the run's virtual second, shows in GET …/levers and in a socket
 * update, the scenario's timeline entries show once their time has passed, and the audit's replay of
 * the log matches what the run stored. Observers may read but not change; a bad path is refused.
 */
describe('live run levers', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let socket: Client;
  let run: RunInfo;
  const changes: LeverChangeView[] = [];
  const label = { zh: '吹哨开始', en: 'Whistle starts' };

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    const scenario = liveTestScenario({
      timeline: [{ at: 0.5, label, set: { 'lifecycle.adoption.whistle.share': 0.3 } }],
    });
    run = (await api<RunInfo>(server.url, '/api/runs', { body: { scenario, speed: 900 } })).body;
    socket = connect(server.url, {
      extraHeaders: { cookie: cookieFor(server.url) },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    socket.on('update', (u) => changes.push(...(u.leverChanges ?? [])));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.emit('join', run.id);
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    await server?.close();
    await redis?.stop();
  });

  const levers = async () => (await api<RunLevers>(server.url, `/api/runs/${run.id}/levers`)).body;

  it('shows a timeline entry once its time has passed, with source timeline', async () => {
    const got = await waitFor('the timeline entry', async () => {
      const l = await levers();
      return l.changes.length > 0 ? l : undefined;
    });
    expect(got.changes[0]).toEqual({
      at: 1800,
      set: { 'lifecycle.adoption.whistle.share': 0.3 },
      source: 'timeline',
      label,
    });
    expect(got.values['lifecycle.adoption.whistle.share']).toBe(0.3);
    expect(got.values['lifecycle.grid.enabled']).toBe(false);
  });

  it("logs an instructor's change at the run's virtual second; GET and a socket update show it", async () => {
    const res = await api<LeversAccepted>(server.url, `/api/runs/${run.id}/levers`, {
      body: { set: { 'lifecycle.grid.enabled': true, 'arrivals.perHour': 300 } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const at = res.body.at;
    expect(at).toBeGreaterThan(1800);
    const after = await waitFor('the change applied', async () => {
      const l = await levers();
      return l.changes.length > 1 ? l : undefined;
    });
    expect(after.changes[1]).toEqual({
      at,
      set: { 'lifecycle.grid.enabled': true, 'arrivals.perHour': 300 },
      source: 'instructor',
    });
    expect(after.values['lifecycle.grid.enabled']).toBe(true);
    expect(after.values['arrivals.perHour']).toBe(300);
    await waitFor('both changes in socket updates', () => changes.length >= 2);
    expect(changes.map((c) => [c.source, c.at])).toEqual([
      ['timeline', 1800],
      ['instructor', at],
    ]);
  });

  it('refuses an observer (403), a bad path or value (422, naming it) and an ended run (409)', async () => {
    const code = (await api<{ code: string }>(server.url, '/api/codes', { body: { role: 'observer' } })).body
      .code;
    const observer = await login(server.url, { code });
    const set = { set: { 'lifecycle.grid.enabled': false } };
    const asObserver = await api(server.url, `/api/runs/${run.id}/levers`, { body: set, cookie: observer });
    expect(asObserver.status).toBe(403);
    expect((await api(server.url, `/api/runs/${run.id}/levers`, { cookie: observer })).status).toBe(200);
    const unknown = await api<{ error: string }>(server.url, `/api/runs/${run.id}/levers`, {
      body: { set: { 'lifecycle.grid.nope': 1 } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatch(/lifecycle\.grid: unknown field\(s\) nope/);
    const fixed = await api<{ error: string }>(server.url, `/api/runs/${run.id}/levers`, {
      body: { set: { hours: 100 } },
    });
    expect(fixed.status).toBe(422);
    expect(fixed.body.error).toMatch(/^hours: cannot change during a run/);
    const wrong = await api<{ error: string }>(server.url, `/api/runs/${run.id}/levers`, {
      body: { set: { 'lifecycle.grid.enabled': 'yes' } },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatch(/lifecycle\.grid\.enabled: expected boolean/);
    expect((await api(server.url, `/api/runs/${run.id}/levers`, { body: {} })).status).toBe(400);
  });

  it("the audit replays the log (the lever changes among it) to the run's own steps", async () => {
    await waitFor('two virtual hours', async () => {
      const info = (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body;
      return info.virtualTime > 7200;
    });
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
    const audit = (await api<AuditResult>(server.url, `/api/runs/${run.id}/audit`)).body;
    expect(audit.problems).toEqual([]);
    expect(audit.ok).toBe(true);
    expect(audit.replayedSteps).toBeGreaterThan(audit.appeals);
    const ended = await api<{ error: string }>(server.url, `/api/runs/${run.id}/levers`, {
      body: { set: { 'lifecycle.grid.enabled': false } },
    });
    expect(ended.status).toBe(409);
  });
});
