import type { RunInfo } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, login, startTestServer } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/** Issue 13, point 7: revoked codes end their sessions, seat names. */
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
});
