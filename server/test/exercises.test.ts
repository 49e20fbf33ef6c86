import type {
  Exercise,
  HotWash,
  RunInfo,
  SeatView,
  StartedExercise,
  TrainingResult,
} from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, cookieFor, liveTestScenario, login, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * Exercises end to end on the server: saved with their script and difficulty, started as a paused
 * run with a join code per seat, decided at the seats, and scored into each trainee's history (CSV
 * for sign-off) and the hot wash when the run ends.
 */
describe('training exercises', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let exercise: Exercise;
  let started: StartedExercise;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('saves an exercise with its script, and refuses one it could not run', async () => {
    const res = await api<Exercise>(server.url, '/api/exercises', {
      body: {
        name: 'Storm drill',
        scenario: liveTestScenario(),
        difficulty: 'advanced',
        seats: ['alice', 'bob'],
        script: [{ kind: 'surge', atHours: 0.5, hours: 1, factor: 3 }],
      },
    });
    expect(res.status).toBe(201);
    exercise = res.body;
    expect(exercise.id).toMatch(/^[a-f0-9]{8}$/);
    const list = (await api<{ exercises: Exercise[] }>(server.url, '/api/exercises')).body.exercises;
    expect(list.map((e) => e.id)).toContain(exercise.id);
    expect((await api<Exercise>(server.url, `/api/exercises/${exercise.id}`)).body.script).toHaveLength(1);

    const bad: [unknown, number, RegExp][] = [
      [{ name: 'x', scenario: 'mmc', seats: ['a'] }, 422, /no lifecycle section/],
      [{ name: 'x', scenario: 'beijing-weekday', seats: ['a', 'a'] }, 400, /seat names must differ/],
      [{ name: 'x', scenario: 'beijing-weekday', seats: [] }, 400, /seats/],
      [{ name: 'x', scenario: 'beijing-weekday', seats: ['a'], difficulty: 'expert' }, 400, /difficulty/],
      [{ name: 'x', scenario: 'beijing-weekday', seats: ['a'], script: [{ kind: 'storm' }] }, 400, /script/],
    ];
    for (const [body, status, message] of bad) {
      const r = await api<{ error: string }>(server.url, '/api/exercises', { body });
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body.error).toMatch(message);
    }
    expect((await api(server.url, '/api/exercises/0badc0de')).status).toBe(404);
  });

  it('starts it paused with a code per seat; trainees cannot read exercises or results', async () => {
    const res = await api<StartedExercise>(server.url, `/api/exercises/${exercise.id}/start`, {
      method: 'POST',
    });
    expect(res.status).toBe(201);
    started = res.body;
    expect(started.run.status).toBe('paused');
    expect(started.run.speed).toBe(120);
    expect(started.codes.map((c) => c.seat)).toEqual(['alice', 'bob']);
    const alice = await login(server.url, { code: started.codes[0]?.code as string });
    for (const path of ['/api/exercises', `/api/exercises/${exercise.id}`, '/api/training/results']) {
      expect((await api(server.url, path, { cookie: alice })).status, path).toBe(403);
    }
    const seat = await api<SeatView>(server.url, `/api/runs/${started.run.id}/seats/alice`, {
      cookie: alice,
    });
    expect(seat.status).toBe(200);
  });

  it('scores every seat when the run ends, into the history, the CSV and the hot wash', async () => {
    const runId = started.run.id;
    await api(server.url, `/api/runs/${runId}/speed`, { body: { speed: 3000 } });
    await api(server.url, `/api/runs/${runId}/resume`, { method: 'POST' });
    const bob = await login(server.url, { code: started.codes[1]?.code as string });
    // The instructor's view of bob's seat carries the truth: bob answers an appeal that needed a dispatch.
    const target = await waitFor('an appeal at bob’s seat that needs a dispatch', async () => {
      const view = (await api<SeatView>(server.url, `/api/runs/${runId}/seats/bob`)).body;
      const waiting = new Set(view.waiting.map((w) => w.appealId));
      return view.score?.decisions.find((d) => waiting.has(d.appealId) && d.truth.action === 'dispatch');
    });
    const decided = await api(server.url, `/api/runs/${runId}/seats/bob/decisions`, {
      cookie: bob,
      body: { appealId: target.appealId, action: 'answer' },
    });
    expect(decided.status).toBe(202);
    await waitFor('bob’s decision logged', async () => {
      const view = (await api<SeatView>(server.url, `/api/runs/${runId}/seats/bob`)).body;
      return view.score?.decided === 1;
    });
    await api(server.url, `/api/runs/${runId}/stop`, { method: 'POST' });
    const results = await waitFor('the results', async () => {
      const r = (await api<{ results: TrainingResult[] }>(server.url, '/api/training/results')).body.results;
      return r.length === 2 ? r : undefined;
    });
    expect(results.map((r) => r.seat).sort()).toEqual(['alice', 'bob']);
    const bobs = (await api<{ results: TrainingResult[] }>(server.url, '/api/training/results?seat=bob')).body
      .results;
    expect(bobs).toHaveLength(1);
    expect(bobs[0]).toMatchObject({ runId, exerciseId: exercise.id, passed: false });
    expect(bobs[0]?.score.decided).toBe(1);
    expect(bobs[0]?.score.correct).toBe(0);

    const csv = await fetch(`${server.url}/api/training/results.csv`, {
      headers: { cookie: cookieFor(server.url) },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(
      /^finished_at,seat,exercise_id,run_id,passed,offered,decided,correct,timed_out,emergencies-redirected/,
    );
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes(',bob,'))).toMatch(/,no,\d+,1,0,/);

    const runs = (
      await api<{ runs: { runId: string; exerciseId: string }[] }>(server.url, '/api/training/runs')
    ).body.runs;
    expect(runs).toEqual([expect.objectContaining({ runId, exerciseId: exercise.id })]);
    const wash = (await api<HotWash>(server.url, `/api/training/runs/${runId}/hot-wash`)).body;
    expect(wash.status).toBe('stopped');
    const bobWash = wash.trainees.find((t) => t.seat === 'bob');
    expect(bobWash?.passed).toBe(false);
    expect(
      bobWash?.misses.some((m) => m.en.startsWith('Dispatch accuracy') && m.zh.startsWith('派单准确率')),
    ).toBe(true);
    const run = (await api<RunInfo>(server.url, `/api/runs/${runId}`)).body;
    expect(run.status).toBe('stopped');
  });
});
