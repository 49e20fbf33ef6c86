import {
  APPEALS_PAGE_SIZE,
  LiveRun,
  runScenario,
  validateScenario,
  type AppealDetail,
  type AppealState,
  type HistoryEntry,
  type Report,
  type RunInfo,
} from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../src/live/audit';
import { runKeys } from '../src/live/keys';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, sleep, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';
import { badInputCases } from './live-api-bad-cases';

interface AppealsPage {
  page: number;
  pageSize: number;
  total: number;
  appeals: AppealDetail[];
}

interface ReportBody {
  run: RunInfo;
  states: Partial<Record<AppealState, number>>;
  report: Report | null;
}

/**
 * The REST API of live runs end to end, against a real server, real stage workers and a private
 * redis-server: runs created from a built-in name and from a scenario body, controls, the live
 * report, appeals with filters and paging, appeal detail, injects; then bad input on every
 * endpoint, each answered with a 4xx naming the problem while the server keeps running what it
 * had already accepted.
 */
describe('live REST API', () => {
  let redis: TestRedis;
  let server: RunningServer;
  /** Keeps running (×600) through the whole file: "nothing already accepted is lost". */
  let steady: RunInfo;
  /** beijing-weekday: paused, resumed, sped up, then stopped. */
  let weekday: RunInfo;
  /** Advanced, then paused for stable paging. */
  let paged: RunInfo;
  const accepted = new Set<string>();
  const scenario = validateScenario(liveTestScenario(), 'live test scenario');
  /** The test scenario's city model, for real unit ids and street codes. */
  const city = new LiveRun(scenario, scenario.seed).model.city;

  const run = (id: string) => api<RunInfo>(server.url, `/api/runs/${id}`);
  const appeals = (id: string, query = '') => api<AppealsPage>(server.url, `/api/runs/${id}/appeals${query}`);

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    const res = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: liveTestScenario(), speed: 600 },
    });
    expect(res.status).toBe(201);
    steady = res.body;
    accepted.add(steady.id);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  }, 30_000);

  it('creates a run from a scenario body', async () => {
    expect(steady).toMatchObject({
      scenario: 'live-test',
      seed: 4242,
      status: 'running',
      speed: 600,
      virtualTime: 0,
      horizon: 12 * 3600,
      start: '2025-03-12',
    });
    expect(steady.id).toMatch(/^[a-zA-Z0-9-]{1,64}$/);
    const res = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: liveTestScenario({ name: 'paged' }), speed: 10_000, seed: 7 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ scenario: 'paged', seed: 7, speed: 10_000, status: 'running' });
    paged = res.body;
    accepted.add(paged.id);
  });

  it('creates a run from a built-in scenario name', async () => {
    const res = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: 'beijing-weekday', speed: 60 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      scenario: 'beijing-weekday',
      status: 'running',
      speed: 60,
      horizon: 86_400,
    });
    weekday = res.body;
    accepted.add(weekday.id);
    await waitFor(
      'beijing-weekday to advance',
      async () => (await run(weekday.id)).body.virtualTime > 0,
      10_000,
    );
  });

  it('lists the runs newest first and gets one', async () => {
    const list = await api<{ runs: RunInfo[] }>(server.url, '/api/runs');
    expect(list.status).toBe(200);
    expect(list.body.runs.map((r) => r.id)).toEqual([weekday.id, paged.id, steady.id]);
    const one = await run(steady.id);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(steady.id);
    expect(one.body.virtualTime).toBeGreaterThan(0);
    expect(one.body.effectiveSpeed).toBeGreaterThan(0);
  });

  it('pauses, resumes, changes the speed of and stops a run', async () => {
    const paused = await api<RunInfo>(server.url, `/api/runs/${weekday.id}/pause`, { method: 'POST' });
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    await sleep(300); // the tick in flight settles
    const before = (await run(weekday.id)).body;
    await sleep(1_000);
    const after = (await run(weekday.id)).body;
    expect(after.status).toBe('paused');
    expect(after.virtualTime).toBe(before.virtualTime);
    expect(after.transitions).toBe(before.transitions);
    expect(after.effectiveSpeed).toBe(0);

    const resumed = await api<RunInfo>(server.url, `/api/runs/${weekday.id}/resume`, { method: 'POST' });
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('running');
    await waitFor(
      'the resumed run to advance',
      async () => (await run(weekday.id)).body.virtualTime > after.virtualTime,
      30_000,
    );

    for (const speed of [0.5, 10_000, 120]) {
      const res = await api<RunInfo>(server.url, `/api/runs/${weekday.id}/speed`, { body: { speed } });
      expect(res.status).toBe(200);
      expect(res.body.speed).toBe(speed);
    }
    expect((await run(weekday.id)).body.speed).toBe(120);

    const stopped = await api<RunInfo>(server.url, `/api/runs/${weekday.id}/stop`, { method: 'POST' });
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe('stopped');
    const final = (await run(weekday.id)).body;
    expect(final.status).toBe('stopped');
    await sleep(300);
    expect((await run(weekday.id)).body.virtualTime).toBe(final.virtualTime);
    expect(server.store.getRun(weekday.id)?.status).toBe('stopped');
  });

  it('reports live in the shape of the CLI report', async () => {
    const body = await waitFor(
      'a live report',
      async () => {
        const res = await api<ReportBody>(server.url, `/api/runs/${steady.id}/report`);
        expect(res.status).toBe(200);
        return res.body.report ? res.body : undefined;
      },
      10_000,
    );
    expect(Object.keys(body).sort()).toEqual(['open', 'report', 'run', 'states']);
    expect(body.run.id).toBe(steady.id);
    expect(Object.values(body.states).reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
    const report = body.report as Report;
    // The CLI's report of the same scenario (`hotline run … --json` prints exactly this object).
    const cli = runScenario(scenario, { replications: 1 });
    expect(Object.keys(report).sort()).toEqual(Object.keys(cli).sort());
    expect(Object.keys(report.kpis).sort()).toEqual(Object.keys(cli.kpis).sort());
    expect(report.scenario).toBe('live-test');
    for (const [name, kpi] of Object.entries(report.kpis)) {
      expect(Object.keys(kpi ?? {}).sort(), name).toEqual(['ci95', 'mean']);
      expect(kpi?.mean === null || typeof kpi?.mean === 'number', name).toBe(true);
      expect(kpi?.ci95, name).toHaveLength(2);
    }
    expect(report.kpis.contacts?.mean).toBeGreaterThan(0);
    expect(Array.isArray(report.streets)).toBe(true);
  });

  it('pages appeals newest first and filters them by state, street code and category id', async () => {
    await waitFor(
      'three pages of appeals',
      async () => (await run(paged.id)).body.appeals > 3 * APPEALS_PAGE_SIZE,
      20_000,
    );
    expect((await api(server.url, `/api/runs/${paged.id}/pause`, { method: 'POST' })).status).toBe(200);
    // Settled: the tick in flight at the pause has been applied.
    let last = -1;
    await waitFor(
      'the paused run to settle',
      async () => {
        const now = (await run(paged.id)).body.transitions;
        const still = now === last;
        last = now;
        return still;
      },
      10_000,
      300,
    );

    const first = await appeals(paged.id);
    expect(first.status).toBe(200);
    const { total } = first.body;
    expect(first.body).toMatchObject({ page: 1, pageSize: APPEALS_PAGE_SIZE });
    expect(total).toBeGreaterThan(2 * APPEALS_PAGE_SIZE);
    expect(first.body.appeals).toHaveLength(APPEALS_PAGE_SIZE);
    // Every page, in order: newest first, no appeal twice, none missing.
    const pages = Math.ceil(total / APPEALS_PAGE_SIZE);
    const ids: number[] = [];
    for (let p = 1; p <= pages + 1; p++) {
      const res = await appeals(paged.id, `?page=${p}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(total);
      expect(res.body.appeals).toHaveLength(
        p <= pages ? Math.min(APPEALS_PAGE_SIZE, total - (p - 1) * APPEALS_PAGE_SIZE) : 0,
      );
      ids.push(...res.body.appeals.map((a) => a.id));
    }
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect(new Set(ids).size).toBe(total);

    // Filters, from values seen on the first page.
    const sample = first.body.appeals;
    const { states } = (await api<ReportBody>(server.url, `/api/runs/${paged.id}/report`)).body;
    const state = sample[0]?.state as AppealState;
    const byState = await appeals(paged.id, `?state=${state}`);
    expect(byState.status).toBe(200);
    expect(byState.body.total).toBe(states[state]);
    expect(byState.body.appeals.length).toBeGreaterThan(0);
    expect(byState.body.appeals.every((a) => a.state === state)).toBe(true);

    const category = sample[0]?.category.id as string;
    const byCategory = await appeals(paged.id, `?category=${category}`);
    expect(byCategory.status).toBe(200);
    expect(byCategory.body.total).toBeGreaterThanOrEqual(
      sample.filter((a) => a.category.id === category).length,
    );
    expect(byCategory.body.total).toBeLessThan(total);
    expect(byCategory.body.appeals.every((a) => a.category.id === category)).toBe(true);

    // The detail names the street; its code (the filter's key) comes from the city.
    const place = sample[0]?.place as AppealDetail['place'];
    const district = city.city.districts.find((d) => d.name === place.district);
    const street = city.city.streets.find((s) => s.name === place.street && s.districtId === district?.id);
    expect(street).toBeDefined();
    const byStreet = await appeals(paged.id, `?street=${street?.id}`);
    expect(byStreet.status).toBe(200);
    expect(byStreet.body.total).toBeGreaterThanOrEqual(1);
    expect(
      byStreet.body.appeals.every(
        (a) => a.place.street === place.street && a.place.district === place.district,
      ),
    ).toBe(true);

    const both = await appeals(paged.id, `?state=${state}&category=${category}&page=1`);
    expect(both.status).toBe(200);
    expect(both.body.total).toBeLessThanOrEqual(Math.min(byState.body.total, byCategory.body.total));
    expect(both.body.appeals.every((a) => a.state === state && a.category.id === category)).toBe(true);
    expect(both.body.total).toBe(
      (
        await Promise.all(
          Array.from({ length: Math.ceil(byState.body.total / APPEALS_PAGE_SIZE) }, (_, i) =>
            appeals(paged.id, `?state=${state}&page=${i + 1}`),
          ),
        )
      )
        .flatMap((r) => r.body.appeals)
        .filter((a) => a.category.id === category).length,
    );
  });

  it('shows an appeal with its text and its full history in order', async () => {
    // One that has moved on from intake, so its history has several steps.
    const list = (await appeals(paged.id, '?state=closed')).body.appeals;
    const moved = list[0] ?? (await appeals(paged.id)).body.appeals[0];
    const res = await api<AppealDetail>(server.url, `/api/runs/${paged.id}/appeals/${moved?.id}`);
    expect(res.status).toBe(200);
    const a = res.body;
    expect(a.id).toBe(moved?.id);
    expect(a.state).toBe(moved?.state);
    expect(a.text.zh.length).toBeGreaterThan(10);
    expect(a.text.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(a.text.en.length).toBeGreaterThan(10);
    expect(a.stateLabel.zh.length).toBeGreaterThan(0);
    expect(a.stateLabel.en.length).toBeGreaterThan(0);
    expect(a.place.street.length).toBeGreaterThan(0);
    expect(a.history.length).toBeGreaterThan(0);
    if (list.length > 0) expect(a.history.length).toBeGreaterThan(2);
    a.history.forEach((h, i) => {
      expect(h.seq).toBe(i);
      expect(h.from).toBe(i === 0 ? null : a.history[i - 1]?.to);
      if (i > 0) expect(h.at).toBeGreaterThanOrEqual(a.history[i - 1]?.at as number);
    });
    expect(a.history.at(-1)?.to).toBe(a.state);
  });

  it('fires injects: a surge, an outage of a real unit, and refuses an unknown unit', async () => {
    const unit = city.units.find((u) => u.kind === 'street');
    expect(unit).toBeDefined();
    const surge = await api<RunInfo>(server.url, `/api/runs/${steady.id}/injects`, {
      body: { kind: 'surge', atHours: 0, hours: 2, factor: 3 },
    });
    expect(surge.status).toBe(202);
    expect(surge.body.id).toBe(steady.id);
    const outage = await api<RunInfo>(server.url, `/api/runs/${steady.id}/injects`, {
      body: { kind: 'outage', atHours: 0, hours: 1, unitId: unit?.id },
    });
    expect(outage.status).toBe(202);
    const unknown = await api<{ error: string }>(server.url, `/api/runs/${steady.id}/injects`, {
      body: { kind: 'outage', atHours: 0, hours: 1, unitId: 'no-such-unit' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toContain('unknown unit "no-such-unit"');
    // Both accepted injects enter the run's input log at its next tick; the refused one does not.
    const inputs = await waitFor(
      'the injects in the input log',
      async () => {
        const log = await server.manager.redis.lrange(runKeys(steady.id).inputs, 0, -1);
        return log.length >= 2
          ? log.map((l) => JSON.parse(l) as { at: number; inject: { kind: string; unitId?: string } })
          : undefined;
      },
      30_000,
    );
    expect(inputs.map((i) => i.inject.kind)).toEqual(['surge', 'outage']);
    expect(inputs[1]?.inject.unitId).toBe(unit?.id);
    expect(inputs.every((i) => i.at > 0)).toBe(true);
  });

  describe('bad input', () => {
    const cases = badInputCases({
      steady: () => steady.id,
      weekday: () => weekday.id,
      paged: () => paged.id,
    });

    let before: RunInfo;
    /** Every appeal the steady run had stored before the bad input, with its history so far. */
    let stored: Map<string, HistoryEntry[]>;

    /** The steady run's stored appeals and their histories, read from Redis. */
    async function storedAppeals(): Promise<Map<string, HistoryEntry[]>> {
      const k = runKeys(steady.id);
      const ids = await server.manager.redis.zrange(k.all, '0', '-1');
      const pipe = server.manager.redis.pipeline();
      for (const id of ids) pipe.lrange(k.history(id), 0, -1);
      const out = (await pipe.exec()) ?? [];
      return new Map(
        ids.map((id, i) => [id, (out[i]?.[1] as string[]).map((h) => JSON.parse(h) as HistoryEntry)]),
      );
    }

    beforeAll(async () => {
      before = (await run(steady.id)).body;
      stored = await storedAppeals();
      expect(stored.size).toBeGreaterThan(0);
    });

    it.each(cases)('$name → $status', async (c) => {
      const vt = (await run(steady.id)).body.virtualTime;
      const res = await api<{ error?: unknown }>(server.url, c.path(), {
        ...(c.method ? { method: c.method } : {}),
        ...(c.body !== undefined ? { body: c.body } : {}),
        ...(c.raw !== undefined ? { raw: c.raw } : {}),
        ...(c.headers ? { headers: c.headers } : {}),
      });
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(c.status);
      expect(typeof res.body.error, JSON.stringify(res.body).slice(0, 300)).toBe('string');
      for (const part of c.error) expect(res.body.error).toContain(part);
      // The server still answers, keeps every run it accepted, and the earlier run keeps advancing.
      const list = await api<{ runs: RunInfo[] }>(server.url, '/api/runs');
      expect(list.status).toBe(200);
      expect(new Set(list.body.runs.map((r) => r.id))).toEqual(accepted);
      await waitFor(
        'the earlier run to advance',
        async () => {
          const now = (await run(steady.id)).body;
          return now.status === 'running' && now.virtualTime > vt;
        },
        30_000,
        50,
      );
    });

    it('lost nothing already accepted', async () => {
      const after = (await run(steady.id)).body;
      expect(after.status).toBe('running');
      expect(after.virtualTime).toBeGreaterThan(before.virtualTime);
      expect(after.transitions).toBeGreaterThan(before.transitions);
      const inputs = await server.manager.redis.lrange(runKeys(steady.id).inputs, 0, -1);
      expect(inputs).toHaveLength(2);
      // Stop the run that took the bad input (the reply comes once its owner has closed it) and
      // audit it: every appeal once, in one state, gap-free history, as many as the model created.
      const stopped = (await api<RunInfo>(server.url, `/api/runs/${steady.id}/stop`, { method: 'POST' }))
        .body;
      expect(stopped.status).toBe('stopped');
      const audit = await api<AuditResult>(server.url, `/api/runs/${steady.id}/audit`);
      expect(audit.status).toBe(200);
      expect(audit.body.problems).toEqual([]);
      expect(audit.body.appeals).toBe(audit.body.created);
      expect(audit.body.appeals).toBe(stopped.appeals);
      expect(audit.body.transitions).toBe(stopped.transitions);
      // Every appeal accepted before the bad input is still there, its history unchanged up to then.
      const now = await storedAppeals();
      expect(now.size).toBe(stopped.appeals);
      const lost = [...stored.keys()].filter((id) => !now.has(id));
      expect(lost, `${lost.length} of ${stored.size} appeals lost`).toEqual([]);
      const rewritten = [...stored].filter(
        ([id, history]) => JSON.stringify(now.get(id)?.slice(0, history.length)) !== JSON.stringify(history),
      );
      expect(rewritten.map(([id]) => id)).toEqual([]);
      expect((await run(paged.id)).body.status).toBe('paused');
      expect((await run(weekday.id)).body.status).toBe('stopped');
      // The paused run's store is still whole too.
      const paused = await api<AuditResult>(server.url, `/api/runs/${paged.id}/audit`);
      expect(paused.status).toBe(200);
      expect(paused.body.problems).toEqual([]);
      expect(paused.body.appeals).toBe((await run(paged.id)).body.appeals);
    });
  });
});
