import {
  exerciseSchema,
  type Exercise,
  type LibraryExercise,
  type SeatSummary,
  type SeatView,
  type StartedExercise,
  type TraineeProgress,
} from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, cookieFor, liveTestScenario, login, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * The library of built-in exercises and a trainee's progress (issue 18, points 7 and 8): six
 * read-only exercises, each startable as it is and copyable into an editable one; a trainee's rubric
 * items over two finished exercise runs give a trend, on a certificate printed to PDF.
 */
describe('exercise library and trainee progress', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let library: LibraryExercise[];

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('lists six or more built-in exercises, beginner first, each a valid exercise', async () => {
    const res = await api<{ exercises: LibraryExercise[] }>(server.url, '/api/exercises/library');
    expect(res.status).toBe(200);
    library = res.body.exercises;
    expect(library.length).toBeGreaterThanOrEqual(6);
    expect(library[0]?.difficulty).toBe('beginner');
    expect(new Set(library.map((e) => e.difficulty))).toEqual(
      new Set(['beginner', 'intermediate', 'advanced']),
    );
    for (const e of library) {
      expect(e.builtin).toBe(true);
      expect(e.id).toMatch(/^lib-/);
      const { id, builtin, level, createdAt, title, description, emphasis, ...def } = e;
      expect({ id, builtin, level, createdAt, title, description, emphasis }).toBeTruthy();
      expect(exerciseSchema.safeParse(def).success, id).toBe(true);
      expect((await api<Exercise>(server.url, `/api/exercises/${id}`)).body.name).toBe(e.name);
    }
    // Saved exercises only: the built-ins are not in the list of the trainer's own.
    const saved = (await api<{ exercises: Exercise[] }>(server.url, '/api/exercises')).body.exercises;
    expect(saved.filter((e) => e.id.startsWith('lib-'))).toEqual([]);
  });

  it('starts every built-in with its seats (then stops it)', async () => {
    for (const e of library) {
      const res = await api<StartedExercise>(server.url, `/api/exercises/${e.id}/start`, { method: 'POST' });
      expect(res.status, e.id).toBe(201);
      expect(res.body.run.status).toBe('paused');
      expect(res.body.codes.map((c) => c.seat)).toEqual(e.seats);
      const seats = (await api<{ seats: SeatSummary[] }>(server.url, `/api/runs/${res.body.run.id}/seats`))
        .body.seats;
      expect(
        seats.map((s) => s.seat),
        e.id,
      ).toEqual(e.seats);
      await api(server.url, `/api/runs/${res.body.run.id}/stop`, { method: 'POST' });
    }
    const runs = (await api<{ runs: { exerciseId: string }[] }>(server.url, '/api/training/runs')).body.runs;
    expect(new Set(runs.map((r) => r.exerciseId))).toEqual(new Set(library.map((e) => e.id)));
  }, 180_000);

  it('keeps built-ins read-only, and copies one into an editable exercise', async () => {
    const first = library[0] as LibraryExercise;
    const { id, builtin, level, createdAt, title, description, emphasis, ...def } = first;
    expect({ builtin, level, createdAt, title, description, emphasis }).toBeTruthy();
    const put = await api<{ error: string }>(server.url, `/api/exercises/${id}`, {
      method: 'PUT',
      body: { ...def, name: 'mine' },
    });
    expect(put.status).toBe(409);
    expect(put.body.error).toMatch(/read-only.*copy/);
    const copy = await api<Exercise>(server.url, `/api/exercises/${id}/copy`, {
      body: { name: 'My morning' },
    });
    expect(copy.status).toBe(201);
    expect(copy.body.id).toMatch(/^[a-f0-9]{8}$/);
    expect(copy.body).toMatchObject({
      name: 'My morning',
      script: def.script,
      roles: def.roles,
      goals: def.goals,
    });
    expect(copy.body).not.toHaveProperty('builtin');
    const edited = await api<Exercise>(server.url, `/api/exercises/${copy.body.id}`, {
      method: 'PUT',
      body: { ...def, name: 'My morning, edited' },
    });
    expect(edited.status).toBe(200);
    expect((await api<Exercise>(server.url, `/api/exercises/${copy.body.id}`)).body.name).toBe(
      'My morning, edited',
    );
    expect((await api(server.url, '/api/exercises/lib-no-such/copy', { body: {} })).status).toBe(404);
  });

  /** One run of `exerciseId` where `ann` answers a dispatch case (wrong) or dispatches it to its owner (right). */
  async function runOnce(exerciseId: string, right: boolean): Promise<void> {
    const started = (
      await api<StartedExercise>(server.url, `/api/exercises/${exerciseId}/start`, { method: 'POST' })
    ).body;
    const runId = started.run.id;
    const ann = await login(server.url, { code: started.codes[0]?.code as string });
    await api(server.url, `/api/runs/${runId}/speed`, { body: { speed: 3000 } });
    await api(server.url, `/api/runs/${runId}/resume`, { method: 'POST' });
    const target = await waitFor('an appeal at ann’s seat that needs a dispatch', async () => {
      const view = (await api<SeatView>(server.url, `/api/runs/${runId}/seats/ann`)).body;
      const waiting = new Set(view.waiting.map((w) => w.appealId));
      return view.score?.decisions.find((d) => waiting.has(d.appealId) && d.truth.action === 'dispatch');
    });
    const { truth } = target;
    const decision = right
      ? { appealId: target.appealId, action: 'dispatch', unit: truth.unit, appealType: truth.appealType }
      : { appealId: target.appealId, action: 'answer', appealType: truth.appealType };
    expect(
      (await api(server.url, `/api/runs/${runId}/seats/ann/decisions`, { cookie: ann, body: decision }))
        .status,
    ).toBe(202);
    await waitFor('ann’s decision logged', async () => {
      const view = (await api<SeatView>(server.url, `/api/runs/${runId}/seats/ann`)).body;
      return view.score?.decisions.some((d) => d.appealId === target.appealId && d.decision !== null);
    });
    await api(server.url, `/api/runs/${runId}/stop`, { method: 'POST' });
    await waitFor('the run’s results', async () => {
      const r = (await api<TraineeProgress>(server.url, '/api/training/trainees/ann')).body;
      return r.runs.some((x) => x.runId === runId);
    });
  }

  it('gives a trainee’s rubric items over two finished exercises, with their trend', async () => {
    const drill = await api<Exercise>(server.url, '/api/exercises', {
      body: {
        name: 'Progress drill',
        scenario: liveTestScenario(),
        difficulty: 'advanced',
        seats: ['ann'],
        goals: [{ zh: '找准主办单位', en: 'Find the lead unit' }],
      },
    });
    expect(drill.status).toBe(201);
    await runOnce(drill.body.id, false);
    await runOnce(drill.body.id, true);
    const progress = (await api<TraineeProgress>(server.url, '/api/training/trainees/ann')).body;
    expect(progress.seat).toBe('ann');
    expect(progress.runs.map((r) => r.name)).toEqual(['Progress drill', 'Progress drill']);
    const accuracy = progress.items.find((i) => i.id === 'dispatch-accuracy');
    const [before, after] = accuracy?.values ?? [];
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(0);
    expect(accuracy?.trend?.change).toBeCloseTo((after ?? 0) - 0);
    expect(accuracy?.trend?.better).toBe(true);
    // A seat with no results has no runs; a malformed seat name is refused.
    expect((await api<TraineeProgress>(server.url, '/api/training/trainees/nobody')).body.runs).toEqual([]);
    expect((await api(server.url, '/api/training/trainees/no%20body')).status).toBe(400);
  }, 240_000);

  it('prints the trainee’s certificate: the page lists their items, the PDF is a real one', async () => {
    const progress = (await api<TraineeProgress>(server.url, '/api/training/trainees/ann')).body;
    for (const lang of ['zh', 'en'] as const) {
      const page = await api<string>(server.url, `/api/training/trainees/ann/certificate.html?lang=${lang}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<strong data-testid="certificate-seat">ann</strong>');
      expect(page.body).toContain('Progress drill');
      for (const item of progress.items) {
        expect(page.body).toContain(`data-item="${item.id}"`);
        expect(page.body).toContain(item[lang]);
      }
    }
    expect(
      (await api<string>(server.url, '/api/training/trainees/ann/certificate.html?lang=en')).body,
    ).toMatch(
      /Dispatch accuracy[^<]*<\/td><td class="nowrap">≥ 80 %<\/td><td class="nowrap">\d+ %[^<]*<\/td><td class="nowrap">↑ better/,
    );
    expect((await api(server.url, '/api/training/trainees/ann/certificate.html?lang=fr')).status).toBe(400);
    const res = await fetch(`${server.url}/api/training/trainees/ann/certificate.pdf?lang=zh`, {
      headers: { cookie: cookieFor(server.url) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(15_000);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2|\/FontFile3/);
  }, 90_000);
});
