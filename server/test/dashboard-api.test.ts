import {
  builtInScenarioNames,
  compareScenarios,
  sweepScenario,
  validateScenario,
  type AppealDetail,
  type AppealMove,
  type CityMap,
  type OpenAppeals,
  type RunUpdate,
  type ComparisonStatus,
  type Report,
  type RunInfo,
  type ScenarioSummary,
  type SweepStatus,
  type SeriesPoint,
} from '@hotline-sim/shared';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import {
  MONDAY_DRAIN,
  api,
  cookieFor,
  liveTestScenario,
  startTestServer,
  waitFor,
  waitForEnd,
} from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * What the dashboard reads besides a run's state: the built-in scenarios, the map of the city (whose
 * indexes must be those of appeal moves), a run's series over virtual time, and comparisons of two
 * scenarios run on the experiments queue by the server's own worker.
 */
describe('dashboard API', () => {
  let redis: TestRedis;
  let server: RunningServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
  });

  /** One run at ×10,000 watched over Socket.IO from its start to its end, shared by the tests that read it. */
  const moves: AppealMove[] = [];
  const opens: OpenAppeals[] = [];
  let finished: Promise<RunInfo> | undefined;
  const watched = (): Promise<RunInfo> =>
    (finished ??= (async () => {
      const { body: run } = await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario(MONDAY_DRAIN), speed: 10_000, paused: true },
      });
      const socket = connect(server.url, {
        extraHeaders: { cookie: cookieFor(server.url) },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      socket.on('update', (u: RunUpdate) => {
        moves.push(...u.moves);
        if (u.open) opens.push(u.open);
      });
      try {
        await new Promise<void>((resolve) => socket.emit('join', run.id, () => resolve()));
        await api(server.url, `/api/runs/${run.id}/resume`, { method: 'POST' });
        const end = await waitForEnd(server.url, run.id, 120_000);
        expect(end.status).toBe('finished');
        return end;
      } finally {
        socket.disconnect();
      }
    })());

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('lists the built-in scenarios and serves each as a scenario a run accepts back', async () => {
    const { status, body } = await api<{ scenarios: ScenarioSummary[] }>(server.url, '/api/scenarios');
    expect(status).toBe(200);
    expect(body.scenarios.map((s) => s.name)).toEqual(builtInScenarioNames);
    const weekday = body.scenarios.find((s) => s.name === 'beijing-weekday');
    expect(weekday).toMatchObject({ lifecycle: true, hours: 24, start: '2025-03-12' });
    expect(weekday?.description).toMatch(/Beijing/);
    expect(body.scenarios.find((s) => s.name === 'mmc')?.lifecycle).toBe(false);
    // Every built-in has a Chinese description (the dashboard shows it in Chinese), in Chinese.
    for (const s of body.scenarios) {
      expect(s.descriptionZh, s.name).toMatch(/\p{Script=Han}{4,}/u);
      expect(s.descriptionZh.trim().length, s.name).toBeGreaterThan(20);
    }
    expect(weekday?.descriptionZh).toMatch(/北京/);

    const full = await api<Record<string, unknown>>(server.url, '/api/scenarios/beijing-weekday');
    expect(full.status).toBe(200);
    expect(full.body.lifecycle).toBeTypeOf('object');
    const made = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: { ...full.body, name: 'edited-weekday' }, paused: true },
    });
    expect(made.status).toBe(201);
    expect(made.body.scenario).toBe('edited-weekday');
    await api(server.url, `/api/runs/${made.body.id}/stop`, { method: 'POST' });

    const missing = await api<{ error: string }>(server.url, '/api/scenarios/no-such-city');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/no built-in scenario "no-such-city" \(built-in: mmc, /);
    const bad = await api<{ error: string }>(server.url, '/api/scenarios/Bad%20Name');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/scenario name/);
  });

  it('serves the map of Beijing, gzipped, with the indexes appeal moves and details use', async () => {
    const res = await fetch(`${server.url}/api/city`, {
      headers: { 'accept-encoding': 'gzip', cookie: cookieFor(server.url) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const city = (await res.json()) as CityMap;
    expect(city.districts).toHaveLength(16);
    expect(city.outline.features).toHaveLength(16);
    expect(city.streets.length).toBeGreaterThan(340);
    expect(city.cells.lon.length).toBeGreaterThan(7_000);
    expect(city.cells.lat).toHaveLength(city.cells.lon.length);
    expect(city.cells.street).toHaveLength(city.cells.lon.length);
    const [minLon, minLat, maxLon, maxLat] = city.bbox;
    const inside = (lon: number, lat: number) =>
      lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    expect(city.units.every((u) => inside(u.lon, u.lat))).toBe(true);
    expect(city.cells.lon.every((lon, i) => inside(lon, city.cells.lat[i] as number))).toBe(true);
    const kinds = new Set(city.units.map((u) => u.kind));
    expect([...kinds].sort()).toEqual(['department', 'district', 'street', 'utility']);
    // Departments sit on a ring: all distinct places.
    const departments = city.units.filter((u) => u.kind === 'department');
    expect(new Set(departments.map((u) => `${u.lon},${u.lat}`)).size).toBe(departments.length);

    // An appeal of a live run names the unit and street the map has at the same indexes.
    const { body: run } = await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: liveTestScenario(), speed: 10_000 },
    });
    const page = await waitFor('a dispatched appeal', async () => {
      const p = await api<{ appeals: AppealDetail[] }>(
        server.url,
        `/api/runs/${run.id}/appeals?state=dispatched`,
      );
      return p.body.appeals.length > 0 ? p.body.appeals : undefined;
    });
    const appeal = page[0] as AppealDetail;
    expect(appeal.unit).not.toBeNull();
    expect(city.units[appeal.unit?.index as number]?.name).toBe(appeal.unit?.name);
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
  });

  it('keeps a series point per virtual hour, numbered without gaps, ending on the final report', async () => {
    const run = await watched();
    const { body } = await api<{ series: SeriesPoint[] }>(server.url, `/api/runs/${run.id}/series`);
    const series = body.series;
    // 12 hours of arrivals and the drain after them: one point per hour crossed, one at the end.
    expect(series.length).toBeGreaterThan(12);
    expect(series.map((p) => p.n)).toEqual(series.map((_, i) => i));
    for (let i = 1; i < series.length; i++) {
      const [prev, cur] = [series[i - 1] as SeriesPoint, series[i] as SeriesPoint];
      expect(cur.at).toBeGreaterThan(prev.at);
      expect(Math.floor(cur.at / 3600)).toBeGreaterThan(
        Math.floor(prev.at / 3600) - (i === series.length - 1 ? 1 : 0),
      );
      expect(cur.reactiveOrders).toBeGreaterThanOrEqual(prev.reactiveOrders);
      expect(cur.proactiveTasks).toBeGreaterThanOrEqual(prev.proactiveTasks);
      expect(cur.gridOrders).toBeGreaterThanOrEqual(prev.gridOrders);
    }
    const last = series[series.length - 1] as SeriesPoint;
    expect(last.open).toBe(0);
    const { body: final } = await api<{ report: Report }>(server.url, `/api/runs/${run.id}/report`);
    expect(last.kpis.responseRate).toBe(final.report.kpis.responseRate?.mean);
    expect(last.kpis.score).toBe(final.report.kpis.score?.mean);
    expect(last.reactiveOrders + last.gridOrders).toBe(final.report.kpis.workOrders?.mean);
    // Mid-run, some appeals were open and the 三率 were already being measured.
    expect(series.some((p) => p.open > 0)).toBe(true);
    expect(series.filter((p) => p.kpis.responseRate !== undefined).length).toBeGreaterThan(series.length / 2);

    const unknown = await api<{ error: string }>(server.url, '/api/runs/nope/series');
    expect(unknown.status).toBe(404);
  });

  it('streams whistles with the departments summoned, and open appeals per street and unit kind', async () => {
    const city = (await api<CityMap>(server.url, '/api/city')).body;
    const run = await watched();
    const whistled = moves.filter((m) => m.whistle);
    expect(whistled.length).toBeGreaterThan(0);
    for (const m of whistled) {
      expect(['handled', 'replied', 'evaluated', 'verified', 'closed', 'supervised']).toContain(m.to);
      expect(m.whistle?.length).toBeGreaterThan(0);
      for (const u of m.whistle ?? []) expect(['department', 'utility']).toContain(city.units[u]?.kind);
    }
    const midRun = opens.filter((o) => o.total > 0);
    expect(midRun.length).toBeGreaterThan(0);
    for (const o of midRun) {
      expect(o.byStreet).toHaveLength(city.streets.length);
      expect(Object.values(o.byUnitKind).reduce((a, b) => a + b, 0)).toBe(o.total);
      const located = o.byStreet.reduce((a, b) => a + b, 0);
      expect(located).toBeLessThanOrEqual(o.total);
      expect(located).toBeGreaterThan(0);
    }
    const final = (await api<{ open: OpenAppeals }>(server.url, `/api/runs/${run.id}/report`)).body.open;
    expect(final.total).toBe(0);
    expect(final.byStreet.every((n) => n === 0)).toBe(true);
  });

  it('compares two scenarios on the queue with progress, exactly as the in-process comparison', async () => {
    const small = liveTestScenario({ hours: 4, arrivals: { perHour: 120 } });
    const fewerAgents = { ...small, name: 'fewer-agents', intake: { ...small.intake, agents: 9 } };
    const started = await api<ComparisonStatus>(server.url, '/api/comparisons', {
      body: { a: small, b: fewerAgents, replications: 3, seed: 7 },
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      status: 'running',
      a: 'live-test',
      b: 'fewer-agents',
      total: 6,
      done: 0,
    });
    const seen: number[] = [];
    const done = await waitFor(
      'the comparison',
      async () => {
        const s = (await api<ComparisonStatus>(server.url, `/api/comparisons/${started.body.id}`)).body;
        seen.push(s.done);
        return s.status === 'running' ? undefined : s;
      },
      120_000,
      50,
    );
    expect(done.status).toBe('done');
    expect(done.done).toBe(6);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    const expected = compareScenarios(validateScenario(small, 'a'), validateScenario(fewerAgents, 'b'), {
      replications: 3,
      seed: 7,
    });
    expect(done.comparison).toEqual(JSON.parse(JSON.stringify(expected)));
    // Fewer agents: citizens wait longer, and the interval says so.
    const wait = done.comparison?.rows.find((r) => r.kpi === 'meanWaitSeconds');
    expect(wait?.difference).toBeGreaterThan(0);
    expect(wait?.significant).toBe(true);
  });

  it('refuses a comparison it cannot run, naming the problem', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ a: 'mmc', b: 'mmc', replications: 1 }, 400, /replications: Too small/i],
      [{ a: 'mmc' }, 400, /b: /],
      [{ a: 'mmc', b: 'nowhere' }, 404, /no built-in scenario "nowhere"/],
      [{ a: 'mmc', b: { name: 'x' } }, 422, /scenario/],
      [{ a: 'mmc', b: 'mmc', extra: 1 }, 400, /extra/],
    ];
    for (const [body, status, message] of cases) {
      const res = await api<{ error: string }>(server.url, '/api/comparisons', { body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error).toMatch(message);
    }
    expect((await api(server.url, '/api/comparisons/0123abcd')).status).toBe(404);
    expect((await api(server.url, '/api/comparisons/NOT-AN-ID')).status).toBe(400);
  });

  it('sweeps a scenario over a lever on the queue with progress, exactly as the in-process sweep', async () => {
    const small = liveTestScenario({ hours: 4, arrivals: { perHour: 120 } });
    const started = await api<SweepStatus>(server.url, '/api/sweeps', {
      body: { scenario: small, path: 'intake.agents', values: [9, 14], replications: 3, seed: 7 },
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      status: 'running',
      scenario: 'live-test',
      path: 'intake.agents',
      values: [9, 14],
      replications: 3,
      total: 6,
      done: 0,
    });
    const seen: number[] = [];
    const done = await waitFor(
      'the sweep',
      async () => {
        const s = (await api<SweepStatus>(server.url, `/api/sweeps/${started.body.id}`)).body;
        seen.push(s.done);
        return s.status === 'running' ? undefined : s;
      },
      120_000,
      50,
    );
    expect(done.status, done.error).toBe('done');
    expect(done.done).toBe(6);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    const expected = sweepScenario(validateScenario(small, 'live-test'), 'intake.agents', [9, 14], {
      replications: 3,
      seed: 7,
    });
    expect(done.sweep).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(done.sweep?.rows.map((r) => r.value)).toEqual([9, 14]);
  });

  it('refuses a sweep it cannot run, naming the problem', async () => {
    const small = liveTestScenario({ hours: 1 });
    const cases: [unknown, number, RegExp][] = [
      [{ scenario: 'mmc', path: 'intake.agents', values: [10] }, 400, /values: Too small/i],
      [
        { scenario: 'mmc', path: 'intake.agents', values: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
        400,
        /values: Too big/i,
      ],
      [{ scenario: 'mmc', path: 'intake.agents', values: [10, 20], replications: 21 }, 400, /replications/],
      [{ scenario: 'mmc', values: [10, 20] }, 400, /path/],
      [{ scenario: 'mmc', path: 'intake.agents', values: [10, 20], extra: 1 }, 400, /extra/],
      [
        { scenario: 'nowhere', path: 'intake.agents', values: [10, 20] },
        404,
        /no built-in scenario "nowhere"/,
      ],
      [{ scenario: { name: 'x' }, path: 'intake.agents', values: [10, 20] }, 422, /scenario/],
      [
        { scenario: small, path: 'intake.nothing', values: [1, 2] },
        400,
        /path: intake\.nothing is not a field/,
      ],
      [{ scenario: small, path: 'name', values: [1, 2] }, 400, /path: name is not a number/],
      [{ scenario: small, path: 'intake.agents', values: [0, 10] }, 422, /intake\.agents/],
    ];
    for (const [body, status, message] of cases) {
      const res = await api<{ error: string }>(server.url, '/api/sweeps', { body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error, JSON.stringify(body)).toMatch(message);
    }
    expect((await api(server.url, '/api/sweeps/0123abcd')).status).toBe(404);
    expect((await api(server.url, '/api/sweeps/NOT-AN-ID')).status).toBe(400);
  });
});
