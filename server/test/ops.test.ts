import type { Exercise, RunInfo, SeatView, StartedExercise, TrainingResult } from '@hotline-sim/shared';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI } from '../src/ops';
import { endpoints, type Endpoint } from './helpers/endpoints';
import type { RunningServer } from '../src/server';
import {
  api,
  cookieFor,
  liveTestScenario,
  login,
  startTestServer,
  waitFor,
  waitForEnd,
} from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };

describe('operations: health, metrics, admin, OpenAPI, exports', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let finished: RunInfo;
  let live: RunInfo;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    finished = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario({ hours: 4 }), speed: 10_000 },
      })
    ).body;
    live = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario({ name: 'live' }), speed: 60 },
      })
    ).body;
    await waitForEnd(server.url, finished.id, 120_000);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('/healthz answers, /readyz checks Redis, SQLite and workers', async () => {
    expect(await api(server.url, '/healthz', { cookie: null })).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    const ready = await api<{ status: string; checks: Record<string, string> }>(server.url, '/readyz', {
      cookie: null,
    });
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({
      redis: 'ok',
      sqlite: 'ok',
      workers: expect.stringMatching(/^ok/) as string,
    });
  });

  it('/readyz says 503 and why when no worker listens (workers left to processes that are not there)', async () => {
    const lonely = await startTestServer(redis.url, { WORKERS: 'external' });
    try {
      // The first server's in-process workers still listen on the same queues: close them first.
      await server.workers?.close();
      const res = await api<{ checks: Record<string, string> }>(lonely.url, '/readyz', { cookie: null });
      expect(res.status).toBe(503);
      expect(res.body.checks.workers).toMatch(/no worker on intake/);
    } finally {
      await lonely.close();
      // Bring workers back for the live run of the rest of this file.
      const { startWorkers, WORKER_ROLES } = await import('../src/worker/start-workers');
      const { createLogger } = await import('../src/logger');
      const { loadConfig } = await import('../src/config');
      const workers = await startWorkers(WORKER_ROLES, {
        redis: redis.url,
        logger: createLogger(loadConfig({ LOG_LEVEL: 'silent' }), 'w'),
      });
      (server as { workers: typeof workers }).workers = workers;
    }
  }, 60_000);

  it('/metrics: queue depths, workers, jobs per stage, latency histograms, runs, KPIs of live runs', async () => {
    await waitFor(
      'the live run to report',
      async () =>
        (await api<{ report: unknown }>(server.url, `/api/runs/${live.id}/report`)).body.report !== null,
      30_000,
    );
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const line of [
      /^hotline_queue_jobs\{stage="intake",state="waiting"\} \d+$/m,
      /^hotline_queue_workers\{stage="dispatch"\} [1-9]\d*$/m,
      /^hotline_live_jobs_total\{stage="callback"\} [1-9]\d*$/m,
      /^hotline_live_job_latency_seconds_bucket\{le="0.1",stage="intake"\} \d+$/m,
      /^hotline_runs\{status="finished"\} 1$/m,
      new RegExp(`^hotline_run_kpi\\{run="${live.id}",kpi="contacts"\\} \\d+`, 'm'),
      /^hotline_process_resident_memory_bytes \d+/m,
    ])
      expect(text).toMatch(line);
  });

  it('/metrics with METRICS_TOKEN: only a scrape with that bearer token is answered', async () => {
    const token = 'scrape-token-0123456789';
    const guarded = await startTestServer(redis.url, { METRICS_TOKEN: token });
    try {
      const scrape = (authorization?: string) =>
        fetch(`${guarded.url}/metrics`, authorization ? { headers: { authorization } } : {});
      for (const wrong of [undefined, `Bearer ${token}x`, `Basic ${token}`, 'Bearer ', token]) {
        const res = await scrape(wrong);
        expect(res.status, String(wrong)).toBe(401);
        expect(res.headers.get('www-authenticate')).toContain('Bearer');
        expect(((await res.json()) as { error: string }).error).toContain('METRICS_TOKEN');
      }
      // The instructor's session is no substitute: a scraper holds the token, not a cookie.
      const withCookie = await fetch(`${guarded.url}/metrics`, {
        headers: { cookie: cookieFor(guarded.url) },
      });
      expect(withCookie.status).toBe(401);
      const res = await scrape(`Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^hotline_runs\{status="finished"\} \d+$/m);
    } finally {
      await guarded.close();
    }
    // Without the setting (the server above), /metrics stays public.
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
  });

  it('bull-board at /admin/queues: the instructor only', async () => {
    expect((await api(server.url, '/admin/queues', { cookie: null })).status).toBe(401);
    const code = (await api<{ code: string }>(server.url, '/api/codes', { body: { role: 'observer' } })).body
      .code;
    const observer = await login(server.url, { code });
    expect((await api(server.url, '/admin/queues', { cookie: observer })).status).toBe(403);
    expect((await api(server.url, '/admin/queues/api/queues', { cookie: observer })).status).toBe(403);
    const page = await fetch(`${server.url}/admin/queues`, { headers: { cookie: cookieFor(server.url) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const queues = await api<{ queues: { name: string }[] }>(server.url, '/admin/queues/api/queues');
    expect(queues.body.queues.map((q) => q.name).sort()).toEqual([
      'experiments',
      'hotline-callback',
      'hotline-dispatch',
      'hotline-intake',
      'hotline-unit-work',
    ]);
  });

  it('serves helmet headers, and no stack traces', async () => {
    const res = await fetch(`${server.url}/api/runs`, { headers: { cookie: cookieFor(server.url) } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    const bad = await api<{ error: string }>(server.url, '/api/runs', { raw: '{"scenario": ' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });

  it('the OpenAPI document has every route of the REST API, with its method', () => {
    // A route's parameters (`:id`, `report.:format`) match any documented value (`{id}`, `report.json`).
    const documented = Object.entries(OPENAPI.paths).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method.toUpperCase()} /api${path}`),
    );
    const pattern = (e: Endpoint) =>
      new RegExp(`^${e.method} ${e.path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`);
    const routes = endpoints(server);
    expect(routes.length).toBeGreaterThan(60);
    const missing = routes.filter((e) => !documented.some((d) => pattern(e).test(d)));
    expect(missing.map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });

  it('the OpenAPI document matches the real answers of every documented operation', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi', components: OPENAPI.components }, 'openapi');
    const served = await api<typeof OPENAPI>(server.url, '/api/openapi.json', { cookie: null });
    expect(served.body).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
    const appeal = (await api<{ appeals: { id: number }[] }>(server.url, `/api/runs/${finished.id}/appeals`))
      .body.appeals[0]?.id;
    const comparison = (
      await api<{ id: string }>(server.url, '/api/comparisons', {
        body: { a: liveTestScenario({ hours: 1 }), b: liveTestScenario({ hours: 1 }), replications: 2 },
      })
    ).body.id;
    const sweepBody = {
      scenario: liveTestScenario({ hours: 1 }),
      path: 'intake.agents',
      values: [8, 10],
      replications: 2,
    };
    const sweep = (await api<{ id: string }>(server.url, '/api/sweeps', { body: sweepBody })).body.id;
    const code = (
      await api<{ code: string }>(server.url, '/api/codes', { body: { role: 'observer', ttlHours: 1 } })
    ).body.code;
    const key = (await api<{ id: string }>(server.url, '/api/open311/keys', { body: { name: 'openapi' } }))
      .body.id;
    const paused = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario({ name: 'p' }), speed: 60, paused: true },
      })
    ).body;
    // An exercise with two seats (s1, s2), run twice: the first run has a decision applied at s1 and is
    // stopped, so the results and the hot wash carry a scored decision; the second waits, paused, with
    // an appeal at s1 for the seat operations to see and decide.
    const exerciseBody = {
      name: 'openapi drill',
      scenario: liveTestScenario({ name: 'drill' }),
      difficulty: 'beginner',
      seats: ['s1', 's2'],
      script: [{ kind: 'surge', atHours: 1, hours: 1, factor: 2 }],
    };
    const exercise = (await api<Exercise>(server.url, '/api/exercises', { body: exerciseBody })).body.id;
    const startRun = async () => {
      const run = (
        await api<StartedExercise>(server.url, `/api/exercises/${exercise}/start`, { method: 'POST' })
      ).body.run.id;
      await api(server.url, `/api/runs/${run}/speed`, { body: { speed: 180 } });
      await api(server.url, `/api/runs/${run}/resume`, { method: 'POST' });
      return run;
    };
    const seatView = async (run: string) =>
      (await api<SeatView>(server.url, `/api/runs/${run}/seats/s1`)).body;
    const scored = await startRun();
    const first = await waitFor('an appeal at seat s1', async () => (await seatView(scored)).waiting[0]);
    await api(server.url, `/api/runs/${scored}/seats/s1/decisions`, {
      body: { appealId: first.appealId, action: 'answer' },
    });
    await waitFor('the decision applied', async () => (await seatView(scored)).score?.decided === 1);
    await api(server.url, `/api/runs/${scored}/stop`, { method: 'POST' });
    await waitFor(
      'the results kept',
      async () =>
        (await api<{ results: TrainingResult[] }>(server.url, '/api/training/results')).body.results
          .length === 2,
    );
    const drill = await startRun();
    // Paused with an appeal waiting, so the appeal waits until the decision below (no timeout).
    const waiting = await waitFor('an appeal waiting at seat s1 of a paused run', async () => {
      if ((await seatView(drill)).waiting.length === 0) return undefined;
      await api(server.url, `/api/runs/${drill}/pause`, { method: 'POST' });
      const still = (await seatView(drill)).waiting[0]?.appealId;
      if (still === undefined) await api(server.url, `/api/runs/${drill}/resume`, { method: 'POST' });
      return still;
    });
    // A paused run with two injects to come: one to change and fire early, one to delete.
    const sched = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario({ name: 's' }), speed: 60, paused: true },
      })
    ).body.id;
    const entry = async (atHours: number) =>
      (
        await api<{ id: string }>(server.url, `/api/runs/${sched}/schedule`, {
          body: { kind: 'emergency-batch', atHours, hours: 1, count: 3 },
        })
      ).body.id;
    const [toFire, toDelete] = [await entry(2), await entry(3)];
    // A built-in lesson, and a copy of it under another id to upload.
    const lesson = (await api<{ id: string }[]>(server.url, '/api/lessons')).body[0]?.id ?? '';
    const upload = {
      ...(await api<Record<string, unknown>>(server.url, `/api/lessons/${lesson}`)).body,
      id: 'openapi-lesson',
    };
    // One real request per documented operation (path parameters filled, bodies that succeed).
    const calls: [string, string, string, unknown?][] = [
      ['post', '/session', '/session', { password: 'test-instructor-password' }],
      ['get', '/session', '/session'],
      ['get', '/runs', '/runs'],
      ['post', '/runs', '/runs', { scenario: liveTestScenario({ name: 'o' }), speed: 60, paused: true }],
      ['get', '/runs/{id}', `/runs/${finished.id}`],
      ['post', '/runs/{id}/resume', `/runs/${paused.id}/resume`],
      ['post', '/runs/{id}/pause', `/runs/${paused.id}/pause`],
      ['post', '/runs/{id}/speed', `/runs/${paused.id}/speed`, { speed: 120 }],
      [
        'post',
        '/runs/{id}/injects',
        `/runs/${paused.id}/injects`,
        { kind: 'surge', atHours: 0, hours: 1, factor: 2 },
      ],
      ['post', '/runs/{id}/levers', `/runs/${paused.id}/levers`, { set: { 'lifecycle.grid.enabled': true } }],
      ['get', '/runs/{id}/levers', `/runs/${finished.id}/levers`],
      ['post', '/runs/{id}/stop', `/runs/${paused.id}/stop`],
      ['get', '/runs/{id}/schedule', `/runs/${sched}/schedule`],
      [
        'post',
        '/runs/{id}/schedule',
        `/runs/${sched}/schedule`,
        { kind: 'ambiguous-batch', atHours: 1, hours: 1, count: 4 },
      ],
      [
        'put',
        '/runs/{id}/schedule/{entry}',
        `/runs/${sched}/schedule/${toFire}`,
        { kind: 'surge', atHours: 4, hours: 1, factor: 2 },
      ],
      ['post', '/runs/{id}/schedule/{entry}/fire', `/runs/${sched}/schedule/${toFire}/fire`],
      ['delete', '/runs/{id}/schedule/{entry}', `/runs/${sched}/schedule/${toDelete}`],
      ['get', '/runs/{id}/report', `/runs/${finished.id}/report`],
      ['get', '/runs/{id}/series', `/runs/${finished.id}/series`],
      ['get', '/runs/{id}/appeals', `/runs/${finished.id}/appeals`],
      ['get', '/runs/{id}/appeals/{appealId}', `/runs/${finished.id}/appeals/${appeal}`],
      ['get', '/runs/{id}/audit', `/runs/${finished.id}/audit`],
      ['get', '/runs/{id}/export/report.json', `/runs/${finished.id}/export/report.json`],
      ['get', '/runs/{id}/export/report.csv', `/runs/${finished.id}/export/report.csv`],
      ['get', '/runs/{id}/export/appeals.json', `/runs/${finished.id}/export/appeals.json`],
      ['get', '/runs/{id}/export/appeals.csv', `/runs/${finished.id}/export/appeals.csv`],
      ['get', '/runs/{id}/seats', `/runs/${drill}/seats`],
      ['get', '/runs/{id}/seats/{seat}', `/runs/${drill}/seats/s1`],
      [
        'post',
        '/runs/{id}/seats/{seat}/decisions',
        `/runs/${drill}/seats/s1/decisions`,
        { appealId: waiting, action: 'redirect', channel: '110' },
      ],
      // Nothing waits at a dispatch seat's review or callback desk: the documented 409.
      [
        'post',
        '/runs/{id}/seats/{seat}/returns',
        `/runs/${drill}/seats/s1/returns`,
        { appealId: 999_999_999, action: 'refuse', reason: 'own-duty' },
      ],
      [
        'post',
        '/runs/{id}/seats/{seat}/callbacks',
        `/runs/${drill}/seats/s1/callbacks`,
        { appealId: 999_999_999, resolved: true, rating: 'not' },
      ],
      ['post', '/runs/{id}/messages', `/runs/${drill}/messages`, { text: '注意：暴雨预警', seat: 's2' }],
      ['get', '/runs/{id}/catalogue', `/runs/${drill}/catalogue?q=${encodeURIComponent('望京 噪音')}`],
      ['get', '/runs/{id}/knowledge', `/runs/${drill}/knowledge?q=${encodeURIComponent('暖气不热')}`],
      ['get', '/scenarios', '/scenarios'],
      ['get', '/scenarios/{name}', '/scenarios/mmc'],
      ['get', '/city', '/city'],
      ['get', '/city', '/city?key=beijing'],
      ['get', '/city', '/city?key=atlantis'],
      ['get', '/city', '/city?key=Not%20a%20key'],
      ['get', '/cities', '/cities'],
      ['post', '/comparisons', '/comparisons', { a: 'mmc', b: 'mmc', replications: 2 }],
      ['get', '/comparisons/{id}', `/comparisons/${comparison}`],
      ['post', '/sweeps', '/sweeps', sweepBody],
      ['get', '/sweeps/{id}', `/sweeps/${sweep}`],
      ['get', '/codes', '/codes'],
      ['post', '/codes', '/codes', { role: 'trainee', runId: finished.id, seat: 'B2' }],
      ['delete', '/codes/{code}', `/codes/${code}`],
      ['get', '/open311/keys', '/open311/keys'],
      ['post', '/open311/keys', '/open311/keys', { name: 'k' }],
      ['delete', '/open311/keys/{keyId}', `/open311/keys/${key}`],
      ['get', '/exercises', '/exercises'],
      ['post', '/exercises', '/exercises', { ...exerciseBody, scenario: 'beijing-weekday' }],
      ['get', '/exercises/{id}', `/exercises/${exercise}`],
      [
        'put',
        '/exercises/{id}',
        `/exercises/${exercise}`,
        { ...exerciseBody, name: 'openapi drill, edited' },
      ],
      ['post', '/exercises/{id}/start', `/exercises/${exercise}/start`],
      ['get', '/exercises/library', '/exercises/library'],
      ['post', '/exercises/{id}/copy', '/exercises/lib-normal-day/copy', { name: 'my weekday' }],
      ['get', '/training/trainees/{seat}', '/training/trainees/s1'],
      ['get', '/training/runs', '/training/runs'],
      ['get', '/training/runs/{runId}/hot-wash', `/training/runs/${scored}/hot-wash`],
      ['get', '/training/results', '/training/results?seat=s1'],
      ['get', '/training/results.csv', '/training/results.csv'],
      ['get', '/openapi.json', '/openapi.json'],
      ['get', '/lessons', '/lessons'],
      ['post', '/lessons', '/lessons', upload],
      ['get', '/lessons/schema.json', '/lessons/schema.json'],
      ['get', '/lessons/{id}', `/lessons/${lesson}`],
      ['post', '/lessons/{id}/present', `/lessons/${lesson}/present`, { runId: finished.id, step: 0 }],
      ['get', '/runs/{id}/lesson', `/runs/${finished.id}/lesson`],
      ['get', '/lessons/{id}/answers', `/lessons/${lesson}/answers?run=${finished.id}`],
      ['get', '/lessons/{id}/worksheet.html', `/lessons/${lesson}/worksheet.html?run=${finished.id}&lang=en`],
      ['get', '/lessons/{id}/worksheet.pdf', `/lessons/${lesson}/worksheet.pdf`],
      ['get', '/training/trainees/{seat}/certificate.html', '/training/trainees/s1/certificate.html?lang=en'],
      ['get', '/training/trainees/{seat}/certificate.pdf', '/training/trainees/s1/certificate.pdf'],
      ['get', '/lessons/{id}', '/lessons/no-such-lesson'],
      // Only a city whose scenario is not built in: nothing to run, done at once.
      ['post', '/comparisons/cities', '/comparisons/cities', { scenarios: ['no-such-city-2030'] }],
      ['get', '/comparisons/cities/{id}', '/comparisons/cities/00000000'],
      ['get', '/runs/{id}', '/runs/no-such-run'],
      ['post', '/runs/{id}/speed', `/runs/${finished.id}/speed`, { speed: 0 }],
      [
        'post',
        '/runs/{id}/seats/{seat}/decisions',
        `/runs/${scored}/seats/s1/decisions`,
        { appealId: first.appealId, action: 'answer' },
      ],
      ['delete', '/session', '/session'],
    ];
    const documented = Object.entries(OPENAPI.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    expect(new Set(calls.map(([m, p]) => `${m} ${p}`))).toEqual(new Set(documented));
    let cookie = cookieFor(server.url);
    for (const [method, path, url, body] of calls) {
      const res = await fetch(`${server.url}/api${url}`, {
        method: method.toUpperCase(),
        headers: {
          cookie,
          'x-hotline-client': 'test',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (path === '/session' && method === 'post')
        cookie = res.headers.getSetCookie()[0]?.split(';')[0] ?? cookie;
      const op = (OPENAPI.paths as unknown as Record<string, Record<string, Operation>>)[path]?.[
        method
      ] as Operation;
      const spec = op.responses[String(res.status)];
      const text = await res.text();
      expect(
        spec,
        `${method} ${url} answered ${res.status} (${text.slice(0, 200)}), not documented`,
      ).toBeDefined();
      const [type, media] = Object.entries(spec?.content ?? {})[0] ?? [];
      if (!type || !media) continue;
      expect(res.headers.get('content-type'), `${method} ${url}`).toContain(type);
      if (type !== 'application/json') continue;
      const validate = ajv.compile({
        $ref: undefined,
        ...JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components', '"openapi#/components')),
      });
      const ok = validate(JSON.parse(text));
      expect(ok, `${method} ${url}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  }, 120_000);

  it('exports the report and the appeal log as JSON and CSV, agreeing with the audit', async () => {
    const audit = (
      await api<{ appeals: number; transitions: number }>(server.url, `/api/runs/${finished.id}/audit`)
    ).body;
    const report = await fetch(`${server.url}/api/runs/${finished.id}/export/report.csv`, {
      headers: { cookie: cookieFor(server.url) },
    });
    expect(report.headers.get('content-disposition')).toContain(`${finished.id}-report.csv`);
    const rows = (await report.text()).trim().split('\r\n');
    expect(rows[0]).toBe('kpi,mean,ci95_low,ci95_high');
    expect(rows.some((r) => r.startsWith('satisfactionRate,'))).toBe(true);
    const log = (
      await api<{ appeals: { history: unknown[] }[] }>(
        server.url,
        `/api/runs/${finished.id}/export/appeals.json`,
      )
    ).body;
    expect(log.appeals).toHaveLength(audit.appeals);
    expect(log.appeals.reduce((n, a) => n + a.history.length, 0)).toBe(audit.transitions);
    const csv = await (
      await fetch(`${server.url}/api/runs/${finished.id}/export/appeals.csv`, {
        headers: { cookie: cookieFor(server.url) },
      })
    ).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'run,appeal,seq,from,to,virtual_seconds,time,source,category,street,community,unit,outcome,rating',
    );
    expect(lines).toHaveLength(audit.transitions + 1);
    expect(lines[1]).toMatch(new RegExp(`^${finished.id},\\d+,0,,received,`));
  });
});
