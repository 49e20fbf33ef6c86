import {
  LiveRun,
  appealKind,
  validateScenario,
  type Exercise,
  type HotWash,
  type LiveInput,
  type RunInfo,
  type RunSchedule,
  type ScheduledInject,
  type SeatEvent,
  type SeatOffer,
  type SeatView,
  type StartedExercise,
} from '@hotline-sim/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKeys } from '../src/live/keys';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, login, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * A running exercise's script (the run's schedule): the instructor lists, edits, adds, deletes and
 * fires entries early while the run goes on; each entry fires at its own virtual second, through the
 * input log, so replaying the log gives the same seats' events; trainees never see what is coming.
 */
describe('the schedule of a running exercise', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let started: StartedExercise;
  let runId: string;
  const schedule = async () => (await api<RunSchedule>(server.url, `/api/runs/${runId}/schedule`)).body;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    const exercise = (
      await api<Exercise>(server.url, '/api/exercises', {
        body: {
          name: 'Script drill',
          scenario: liveTestScenario(),
          difficulty: 'beginner',
          seats: ['alice', 'bob'],
          script: [
            { kind: 'surge', atHours: 2, hours: 1, factor: 3 },
            { kind: 'emergency-batch', atHours: 3, hours: 0.5, count: 6 },
          ],
        },
      })
    ).body;
    started = (
      await api<StartedExercise>(server.url, `/api/exercises/${exercise.id}/start`, { method: 'POST' })
    ).body;
    runId = started.run.id;
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('holds the script in the run’s schedule, not in its scenario, and hides it from trainees', async () => {
    const { scheduled, fired } = await schedule();
    expect(scheduled.map((s) => [s.at, s.inject.kind])).toEqual([
      [7200, 'surge'],
      [10800, 'emergency-batch'],
    ]);
    expect(fired).toEqual([]);
    const alice = await login(server.url, { code: started.codes[0]?.code as string });
    const refused = await api<{ error: string }>(server.url, `/api/runs/${runId}/schedule`, {
      cookie: alice,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/instructor/);
    const add = await api(server.url, `/api/runs/${runId}/schedule`, {
      cookie: alice,
      body: { kind: 'surge', atHours: 1, hours: 1, factor: 2 },
    });
    expect(add.status).toBe(403);
  });

  it('edits, adds and deletes entries, refusing what it could not run with a reason', async () => {
    const [surge, batch] = (await schedule()).scheduled as [ScheduledInject, ScheduledInject];
    const moved = await api<ScheduledInject>(server.url, `/api/runs/${runId}/schedule/${batch.id}`, {
      method: 'PUT',
      body: { kind: 'emergency-batch', atHours: 1, hours: 0.5, count: 6 },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: batch.id, at: 3600 });
    const added = await api<ScheduledInject>(server.url, `/api/runs/${runId}/schedule`, {
      body: { kind: 'ambiguous-batch', atHours: 0.5, hours: 0.25, count: 4 },
    });
    expect(added.status).toBe(201);
    const deleted = await api(server.url, `/api/runs/${runId}/schedule/${surge.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await schedule()).scheduled.map((s) => [s.at, s.inject.kind])).toEqual([
      [1800, 'ambiguous-batch'],
      [3600, 'emergency-batch'],
    ]);

    const bad: [string, string, unknown, number, RegExp][] = [
      ['POST', '', { kind: 'outage', atHours: 1, hours: 1, unitId: 'no-such-unit' }, 422, /unknown unit/],
      ['POST', '', { kind: 'surge', atHours: 12, hours: 1, factor: 2 }, 422, /end of arrivals/],
      ['POST', '', { kind: 'ambiguous-batch', atHours: 1, hours: 1, count: 0 }, 400, /count/],
      ['POST', '', { kind: 'storm', atHours: 1 }, 400, /kind/],
      ['PUT', `/${surge.id}`, { kind: 'surge', atHours: 1, hours: 1, factor: 2 }, 404, /may have fired/],
      ['DELETE', `/${surge.id}`, undefined, 404, /no scheduled inject/],
      ['DELETE', '/nothex!!', undefined, 400, /8 hex digits/],
    ];
    for (const [method, path, body, status, message] of bad) {
      const r = await api<{ error: string }>(server.url, `/api/runs/${runId}/schedule${path}`, {
        method,
        ...(body === undefined ? {} : { body }),
      });
      expect(r.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(r.body.error).toMatch(message);
    }
  });

  it('fires each entry at its own virtual second, and one early when asked; a replay of the log agrees', async () => {
    const late = (
      await api<ScheduledInject>(server.url, `/api/runs/${runId}/schedule`, {
        body: { kind: 'surge', atHours: 10, hours: 1, factor: 2 },
      })
    ).body;
    await api(server.url, `/api/runs/${runId}/speed`, { body: { speed: 2000 } });
    await api(server.url, `/api/runs/${runId}/resume`, { method: 'POST' });
    await waitFor('the run past 1.5 virtual hours', async () => {
      const run = (await api<RunInfo>(server.url, `/api/runs/${runId}`)).body;
      return run.virtualTime > 5400;
    });
    const fire = await api<RunInfo>(server.url, `/api/runs/${runId}/schedule/${late.id}/fire`, {
      method: 'POST',
    });
    expect(fire.status).toBe(202);
    const early = await waitFor('the early surge in the log', async () =>
      (await schedule()).fired.find((f) => f.inject.kind === 'surge'),
    );
    expect(early.at).toBeGreaterThan(5400);
    expect(early.at).toBeLessThan(36_000);
    const again = await api(server.url, `/api/runs/${runId}/schedule/${late.id}/fire`, { method: 'POST' });
    expect(again.status).toBe(404);

    const now = await schedule();
    expect(now.scheduled).toEqual([]);
    expect(now.fired.map((f) => [f.at, f.inject.kind])).toEqual([
      [1800, 'ambiguous-batch'],
      [3600, 'emergency-batch'],
      [early.at, 'surge'],
    ]);
    // Every seat hears of the surge; only staff see that batches were sent to the seats.
    const alice = await login(server.url, { code: started.codes[0]?.code as string });
    const asTrainee = (await api<SeatView>(server.url, `/api/runs/${runId}/seats/alice`, { cookie: alice }))
      .body;
    const asStaff = (await api<SeatView>(server.url, `/api/runs/${runId}/seats/alice`)).body;
    expect(asTrainee.injects.map((i) => i.kind)).toEqual(['surge']);
    expect(asStaff.injects.map((i) => i.kind)).toEqual(['ambiguous-batch', 'emergency-batch', 'surge']);
    // The after-action review lists them too, at the seconds they fired.
    const wash = (await api<HotWash>(server.url, `/api/training/runs/${runId}/hot-wash`)).body;
    expect(wash.injects.map((f) => [f.at, f.inject.kind])).toEqual([
      [1800, 'ambiguous-batch'],
      [3600, 'emergency-batch'],
      [early.at, 'surge'],
    ]);
    await api(server.url, `/api/runs/${runId}/pause`, { method: 'POST' });
    await waitFor(
      'the run paused',
      async () => (await api<RunInfo>(server.url, `/api/runs/${runId}`)).body.status === 'paused',
    );

    // The batches reached the seats in turn: four ambiguous from 0.5 h, six emergencies from 1 h.
    const direct = new Redis(redis.url);
    try {
      const k = runKeys(runId);
      // The tick in flight when the pause came has settled.
      await waitFor('the last tick settled', async () => {
        const [vt, settled] = await direct.hmget(k.meta, 'vt', 'settledVt');
        return vt === settled;
      });
      const events = (await direct.lrange(k.seatEvents, 0, -1)).map((e) => JSON.parse(e) as SeatEvent);
      const offers = events.filter(
        (e): e is SeatOffer => e.kind === 'offer' && appealKind(e.appealId) === 'batch',
      );
      const emergencies = offers.filter((o) => o.truth.action === 'redirect');
      expect(offers).toHaveLength(10);
      expect(emergencies).toHaveLength(6);
      for (const o of emergencies) expect(o.at).toBeGreaterThanOrEqual(3600);
      expect(offers.filter((o) => o.seat === 'alice')).toHaveLength(5);

      // Rebuilt from (scenario, seed, input log) alone, the run's seats saw exactly the same.
      const meta = await direct.hgetall(k.meta);
      const inputs = (await direct.lrange(k.inputs, 0, -1)).map((i) => JSON.parse(i) as LiveInput);
      const replay = new LiveRun(
        validateScenario(JSON.parse(meta.scenario as string)),
        Number(meta.seed),
        inputs,
      );
      replay.advanceTo(Number(meta.settledVt));
      expect(replay.seatEvents).toEqual(events);
    } finally {
      direct.disconnect();
    }
  });
});
