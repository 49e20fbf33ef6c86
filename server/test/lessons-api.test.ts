import {
  BUILT_IN_LESSONS,
  LESSON_JSON_SCHEMA,
  type ClientToServerEvents,
  type Lesson,
  type LessonAnswer,
  type LessonStepEvent,
  type RunInfo,
  type SeriesPoint,
  type ServerToClientEvents,
} from '@hotline-sim/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { escapeHtml, worksheetHtml } from '../src/lessons';
import type { RunningServer } from '../src/server';
import {
  api,
  cookieFor,
  liveTestScenario,
  login,
  startTestServer,
  waitFor,
  waitForStill,
} from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/** An uploaded lesson whose questions count contacts (there from the first hour) and abandonment. */
const upload: Lesson = {
  id: 'counting-calls',
  title: { zh: '数来电', en: 'Counting calls' },
  summary: { zh: '来电与放弃', en: 'Calls and hang-ups' },
  steps: [
    { narration: { zh: '开始', en: 'Start' }, focus: { panel: 'map' } },
    {
      narration: { zh: '数一数', en: 'Count' },
      question: { zh: '来了多少电话？', en: 'How many calls came in?' },
      answer: { kpi: 'contacts', at: 'now' },
    },
    {
      narration: { zh: '放弃', en: 'Hang-ups' },
      run: { set: { 'intake.agents': 12 } },
      question: { zh: '放弃率变了多少？', en: 'How did abandonment change?' },
      answer: { kpi: 'abandonRate', change: { fromStep: 0 } },
    },
  ],
};

/** The KPI in the last series point at or before `at` (the latest when null), as the test reads it. */
function figure(series: SeriesPoint[], kpi: 'contacts' | 'abandonRate', at: number | null): number {
  const points = series.filter((p) => at === null || p.at <= at);
  const value = points[points.length - 1]?.kpis[kpi];
  if (value === undefined) throw new Error(`no ${kpi} at ${at ?? 'the end'}`);
  return value;
}

describe('lessons API (contract C4)', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  let observer: string;
  let trainee: string;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  const steps: LessonStepEvent[] = [];

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    // A quiet city (40 contacts an hour): the run's hours pass quickly even on a busy machine.
    const scenario = liveTestScenario({ arrivals: { perHour: 40 } });
    run = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: {
          scenario: {
            ...scenario,
            lifecycle: {
              ...scenario.lifecycle,
              training: { seats: ['desk-1'], share: 0.05, holdMinutes: 60 },
            },
          },
          speed: 10_000,
          paused: true,
        },
      })
    ).body;
    const o = await api<{ code: string }>(server.url, '/api/codes', { body: { role: 'observer' } });
    const t = await api<{ code: string }>(server.url, '/api/codes', {
      body: { role: 'trainee', runId: run.id, seat: 'desk-1' },
    });
    observer = await login(server.url, { code: o.body.code });
    trainee = await login(server.url, { code: t.body.code });
    socket = connect(server.url, {
      extraHeaders: { cookie: observer },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    socket.on('lesson:step', (event) => steps.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const joined = await new Promise((resolve) => socket.emit('join', run.id, resolve));
    expect(joined).toEqual({ ok: true });
  }, 60_000);

  afterAll(async () => {
    socket?.disconnect();
    await server?.close();
    await redis?.stop();
  });

  it('lists the built-in lessons with their step counts, serves one and the JSON Schema', async () => {
    const list = await api<{ id: string; steps: number }[]>(server.url, '/api/lessons', { cookie: observer });
    expect(list.status).toBe(200);
    expect(list.body).toEqual(
      BUILT_IN_LESSONS.map((l) => ({ id: l.id, title: l.title, steps: l.steps.length })),
    );
    const one = await api<Lesson>(server.url, '/api/lessons/whistle', { cookie: observer });
    expect(one.body).toEqual(BUILT_IN_LESSONS.find((l) => l.id === 'whistle'));
    expect((await api(server.url, '/api/lessons/schema.json')).body).toEqual(LESSON_JSON_SCHEMA);
    expect((await api(server.url, '/api/lessons/no-such-lesson')).status).toBe(404);
  });

  it('uploads: the instructor may (201, JSON or YAML); errors name the field (422); others get 403', async () => {
    const bad = { ...upload, steps: [{ narration: { zh: '开始' } }] };
    const refused = await api<{ error: string }>(server.url, '/api/lessons', { body: bad });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toContain('steps[0].narration.en: required');
    const badLever = await api<{ error: string }>(server.url, '/api/lessons', {
      body: { yaml: stringify({ ...upload, steps: [{ ...upload.steps[0], run: { set: { 'x.y': 1 } } }] }) },
    });
    expect(badLever.status).toBe(422);
    expect(badLever.body.error).toContain('steps[0].run.set.x.y: no such lever');
    for (const cookie of [observer, trainee]) {
      const res = await api(server.url, '/api/lessons', { body: upload, cookie });
      expect(res.status).toBe(403);
    }
    const builtIn = await api(server.url, '/api/lessons', { body: { ...upload, id: 'whistle' } });
    expect(builtIn.status).toBe(409);
    expect(await api(server.url, '/api/lessons', { body: { yaml: stringify(upload) } })).toEqual({
      status: 201,
      body: { id: upload.id },
    });
    expect((await api(server.url, `/api/lessons/${upload.id}`)).body).toEqual(upload);
    const list = await api<{ id: string }[]>(server.url, '/api/lessons');
    expect(list.body.map((l) => l.id)).toContain(upload.id);
  });

  it('presenting a step records it with the run’s virtual time, tells the room, and answers from the run’s series', async () => {
    expect((await api(server.url, `/api/runs/${run.id}/lesson`)).body).toBeNull();
    const present = (step: number) =>
      api<{ vt: number; step: number }>(server.url, `/api/lessons/${upload.id}/present`, {
        body: { runId: run.id, step },
      });
    expect((await present(3)).status).toBe(422);
    expect(
      (
        await api(server.url, `/api/lessons/${upload.id}/present`, {
          body: { runId: run.id, step: 0 },
          cookie: observer,
        })
      ).status,
    ).toBe(403);
    await api(server.url, `/api/runs/${run.id}/resume`, { body: {} });
    const hours = async (n: number) =>
      waitFor(`${n} series points`, async () => {
        const s = (await api<{ series: SeriesPoint[] }>(server.url, `/api/runs/${run.id}/series`)).body
          .series;
        return s.length >= n ? s : undefined;
      });
    await hours(1);
    const zero = await present(0);
    expect(zero.status).toBe(200);
    await hours(2);
    await present(1);
    const two = await present(2);
    await api(server.url, `/api/runs/${run.id}/pause`, { body: {} });
    await waitForStill(server.url, run.id, 500);

    await waitFor('three lesson:step events', () => steps.length >= 3 || undefined, 5_000);
    expect(steps).toEqual([0, 1, 2].map((step) => ({ lessonId: upload.id, runId: run.id, step })));
    // A late joiner (an observer too) reads the step the class is on.
    expect((await api(server.url, `/api/runs/${run.id}/lesson`, { cookie: observer })).body).toEqual({
      lessonId: upload.id,
      step: 2,
    });

    const series = (await api<{ series: SeriesPoint[] }>(server.url, `/api/runs/${run.id}/series`)).body
      .series;
    const answers = await api<LessonAnswer[]>(server.url, `/api/lessons/${upload.id}/answers?run=${run.id}`, {
      cookie: observer,
    });
    expect(answers.status).toBe(200);
    // Step 1 was on screen until step 2 came: the contacts then. Step 2 is still on screen: the
    // latest abandonment against the abandonment when step 0 was shown, in percentage points.
    const contacts = Math.round(figure(series, 'contacts', two.body.vt) * 100) / 100;
    const percent = (v: number) => Math.round(v * 100 * 10) / 10;
    const change =
      Math.round(
        (percent(figure(series, 'abandonRate', null)) -
          percent(figure(series, 'abandonRate', zero.body.vt))) *
          10,
      ) / 10;
    expect(answers.body.map((a) => [a.step, a.answer, a.unit])).toEqual([
      [1, contacts, 'count'],
      [2, change, 'points'],
    ]);
    expect(answers.body[0]?.text.en).toContain(String(contacts));
  });

  it('prints a worksheet: the page carries the run’s figures, the PDF is a real one', async () => {
    const answers = (await api<LessonAnswer[]>(server.url, `/api/lessons/${upload.id}/answers?run=${run.id}`))
      .body;
    const contacts = answers.find((a) => a.step === 1);
    expect(contacts).toBeDefined();
    const page = await api<string>(
      server.url,
      `/api/lessons/${upload.id}/worksheet.html?run=${run.id}&lang=en`,
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Counting calls</h1>');
    expect(page.body).toContain(escapeHtml(contacts?.text.en ?? '-'));
    expect(page.body).toContain('Figures from the run');
    const series = (await api<{ series: SeriesPoint[] }>(server.url, `/api/runs/${run.id}/series`)).body
      .series;
    expect(page.body).toContain(String(figure(series, 'contacts', null)));

    const res = await fetch(`${server.url}/api/lessons/${upload.id}/worksheet.pdf?run=${run.id}&lang=zh`, {
      headers: { cookie: cookieFor(server.url) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Text, a table and an embedded font: far more than an empty page's few kilobytes.
    expect(pdf.length).toBeGreaterThan(15_000);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2|\/FontFile3/);
  }, 60_000);

  it('uploads outlive the server; without Chromium the PDF answers 503 naming it', async () => {
    const next = await startTestServer(redis.url, { CHROMIUM_PATH: '/nowhere/chromium' });
    try {
      expect((await api(next.url, `/api/lessons/${upload.id}`)).body).toEqual(upload);
      const res = await api<{ error: string }>(next.url, `/api/lessons/${upload.id}/worksheet.pdf`);
      expect(res.status).toBe(503);
      expect(res.body.error).toContain('/nowhere/chromium');
      // The page it would have printed needs no Chromium.
      expect(worksheetHtml(upload, 'zh')).toContain('数来电');
    } finally {
      await next.close();
    }
  });
});
