import {
  appealKind,
  HotlineModel,
  MATTERS,
  parseScenario,
  type AppealDetail,
  type RunInfo,
} from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * A service city live (issue 17): the services model's questions and complaints are callers in the
 * run's 12345 queue (appeals of kind `matter`), and an appeal's detail says which matter (事项) the
 * caller called about, speaks of it, and is the call the model drew for that id on the run's seed.
 */
describe('a live run with matter calls', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  const scenario = liveTestScenario({
    name: 'live-matters',
    services: { applicantsPerDay: 560, hotlineAnswers: true, callsPerMatterCall: 3 },
  });

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    run = (await api<RunInfo>(server.url, '/api/runs', { body: { scenario, speed: 600 } })).body;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it("shows an appeal about a matter with its 事项, the call's facts and words about it; others have none", async () => {
    const page = await waitFor('an appeal about a matter', async () => {
      const res = await api<{ appeals: AppealDetail[] }>(
        server.url,
        `/api/runs/${run.id}/appeals?category=policy-consultation`,
      );
      return res.body.appeals.some((a) => a.matter) ? res.body.appeals : undefined;
    });
    const listed = page.find((a) => a.matter) as AppealDetail;
    expect(appealKind(listed.id)).toBe('matter');
    const { status, body } = await api<AppealDetail>(server.url, `/api/runs/${run.id}/appeals/${listed.id}`);
    expect(status).toBe(200);
    expect(body.category.id).toBe('policy-consultation');
    const matter = body.matter;
    expect(MATTERS.map((m) => m.zh)).toContain(matter?.zh);
    expect(body.text.zh).toContain(matter?.zh);
    expect(body.text.en).toContain(`“${matter?.en}”`);
    expect(body.text.zh).toContain(matter?.kind === 'question' ? '请问' : '投诉');

    // The same id on the same seed is the same call in a model built here (the draws are keyed).
    const model = new HotlineModel(parseScenario(JSON.stringify(scenario)), run.seed);
    const call = model.matterCallOf(listed.id);
    const drawn = MATTERS[call?.matter ?? -1];
    expect(matter).toEqual({
      kind: call?.kind,
      id: drawn?.id,
      zh: drawn?.zh,
      en: drawn?.en,
      matters: call?.matters,
      channel: call?.channel,
      visits: call?.visits,
      materials: call?.materials,
    });

    for (const a of page.filter((x) => appealKind(x.id) !== 'matter')) expect(a.matter).toBeNull();
    const all = (await api<{ appeals: AppealDetail[] }>(server.url, `/api/runs/${run.id}/appeals`)).body;
    const citizen = all.appeals.find((a) => appealKind(a.id) === 'citizen');
    expect(citizen).toBeDefined();
    expect(citizen?.matter).toBeNull();
  });
});
