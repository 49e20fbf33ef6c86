import type { AppealDetail, RunInfo, SeatView } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, login, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * The answer key (issue 13, point 4): while an exercise runs, a trainee cannot read the true category
 * and unit of the appeals offered to their seat, through the appeal list, one appeal, or the appeal
 * exports; instructors and observers can; the trainee can once the exercise has ended.
 */
describe('answer key: hidden from trainees while the exercise runs', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  let trainee: string;
  let observer: string;
  /** An appeal offered to the trainee's seat, as the instructor reads it. */
  let offered: AppealDetail;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    const scenario = liveTestScenario({
      lifecycle: {
        timeLimits: { '2h': 2, '24h': 8, '7d': 24, '15d': 36 },
        response: { hours: { lognormal: { mean: 3, cv: 1 } }, limitHours: 8 },
        training: { seats: ['A', 'B'], share: 0.2, holdMinutes: 60 },
      },
    });
    run = (await api<RunInfo>(server.url, '/api/runs', { body: { scenario, speed: 300 } })).body;
    const code = async (body: object) =>
      (await api<{ code: string }>(server.url, '/api/codes', { body })).body.code;
    trainee = await login(server.url, { code: await code({ role: 'trainee', runId: run.id, seat: 'A' }) });
    observer = await login(server.url, { code: await code({ role: 'observer' }) });
    const appealId = await waitFor('an appeal offered to seat A', async () => {
      const view = await api<SeatView>(server.url, `/api/runs/${run.id}/seats/A`, { cookie: trainee });
      return view.body.waiting[0]?.appealId;
    });
    offered = await waitFor('the offered appeal stored', async () => {
      const res = await api<AppealDetail>(server.url, `/api/runs/${run.id}/appeals/${appealId}`);
      return res.status === 200 ? res.body : undefined;
    });
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  const paths = () => [
    `/api/runs/${run.id}/appeals/${offered.id}`,
    `/api/runs/${run.id}/appeals`,
    `/api/runs/${run.id}/appeals?category=${offered.category.id}`,
    `/api/runs/${run.id}/export/appeals.json`,
    `/api/runs/${run.id}/export/appeals.csv`,
  ];

  it('refuses a trainee the appeal list, the appeal and the appeal exports of the running exercise', async () => {
    expect((await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body.status).toBe('running');
    for (const path of paths()) {
      const res = await api<{ error: string }>(server.url, path, { cookie: trainee });
      expect(res.status, path).toBe(403);
      expect(res.body.error, path).toMatch(/answers.*once the exercise has ended/);
      expect(JSON.stringify(res.body), path).not.toContain(offered.category.id);
    }
    // What the seat itself shows stays open to the trainee.
    expect((await api(server.url, `/api/runs/${run.id}/seats/A`, { cookie: trainee })).status).toBe(200);
    expect((await api(server.url, `/api/runs/${run.id}/report`, { cookie: trainee })).status).toBe(200);
  });

  it('shows instructors and observers the true category and unit while it runs', async () => {
    for (const cookie of [undefined, observer]) {
      const one = await api<AppealDetail>(server.url, `/api/runs/${run.id}/appeals/${offered.id}`, {
        ...(cookie ? { cookie } : {}),
      });
      expect(one.status).toBe(200);
      expect(one.body.category.id).toBe(offered.category.id);
      for (const path of paths().slice(1))
        expect((await api(server.url, path, cookie ? { cookie } : {})).status, path).toBe(200);
    }
  });

  it('shows the trainee everything once the exercise has ended', async () => {
    expect((await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' })).status).toBe(200);
    const one = await api<AppealDetail>(server.url, `/api/runs/${run.id}/appeals/${offered.id}`, {
      cookie: trainee,
    });
    expect(one.status).toBe(200);
    expect(one.body.category).toEqual(offered.category);
    for (const path of paths().slice(1))
      expect((await api(server.url, path, { cookie: trainee })).status, path).toBe(200);
  });
});
