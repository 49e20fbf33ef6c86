import type { CatalogueRow, KbEntry, RunInfo } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, login, startTestServer } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * The dispatcher's look-ups over REST (issue 18, point 3): the run city's 派单目录 and the 知识库,
 * for the instructor, observers and the run's own trainees; bad queries answered 400 naming the field.
 */
describe('training look-ups: dispatch catalogue and knowledge base', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  let other: RunInfo;
  let trainee: string;
  let observer: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    const scenario = liveTestScenario({
      lifecycle: {
        timeLimits: { '2h': 2, '24h': 8, '7d': 24, '15d': 36 },
        training: { seats: ['A'], share: 0.2, holdMinutes: 60 },
      },
    });
    const start = async () =>
      (await api<RunInfo>(server.url, '/api/runs', { body: { scenario, speed: 60, paused: true } })).body;
    [run, other] = [await start(), await start()];
    const code = async (body: object) =>
      (await api<{ code: string }>(server.url, '/api/codes', { body })).body.code;
    trainee = await login(server.url, { code: await code({ role: 'trainee', runId: run.id, seat: 'A' }) });
    observer = await login(server.url, { code: await code({ role: 'observer' }) });
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  const catalogue = (query: string, cookie?: string, id = run.id) =>
    api<{ rows: CatalogueRow[] }>(server.url, `/api/runs/${id}/catalogue?${query}`, cookie ? { cookie } : {});
  const knowledge = (query: string, cookie?: string, id = run.id) =>
    api<{ notice: { zh: string }; entries: KbEntry[] }>(
      server.url,
      `/api/runs/${id}/knowledge?${query}`,
      cookie ? { cookie } : {},
    );

  it("finds the owner of a matter at a place, with the run's time limit", async () => {
    const res = await catalogue(`q=${encodeURIComponent('朝阳区 望京 噪音扰民')}`, trainee);
    expect(res.status).toBe(200);
    const [row] = res.body.rows;
    expect(row?.category.id).toBe('noise-nuisance');
    expect(row?.unit).toMatchObject({ kind: 'street', zh: '望京街道' });
    expect(row?.limitHours).toBe(24);
    const byStreet = await catalogue(`q=heating&street=${encodeURIComponent('望京街道')}`, observer);
    expect(byStreet.body.rows.map((r) => r.unit?.id)).toEqual(['heat']);
  });

  it('finds a knowledge-base entry by how a caller asks', async () => {
    const res = await knowledge(`q=${encodeURIComponent('暖气不热找谁')}`, trainee);
    expect(res.status).toBe(200);
    expect(res.body.entries[0]?.id).toBe('kb:heating');
    expect(res.body.notice.zh).toContain('培训');
    expect((await knowledge('q=school%20enrolment', observer)).body.entries[0]?.id).toBe(
      'kb:school-enrolment',
    );
  });

  it("refuses another run's trainee and anyone not logged in", async () => {
    for (const res of [
      await catalogue('q=x', trainee, other.id),
      await knowledge('q=x', trainee, other.id),
    ]) {
      expect(res.status).toBe(403);
    }
    const anonymous = await api(server.url, `/api/runs/${run.id}/knowledge?q=x`, { cookie: null });
    expect(anonymous.status).toBe(401);
    expect((await knowledge('', undefined, other.id)).status).toBe(200);
  });

  it('answers a bad query 400 naming the field, and an unknown run 404', async () => {
    const long = await catalogue(`q=${'a'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('q: at most 100 characters');
    const twice = await knowledge('q=a&q=b');
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('q:');
    const unknown = await catalogue('what=1');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('what');
    expect((await catalogue('q=x', undefined, 'no-such-run')).status).toBe(404);
  });
});
