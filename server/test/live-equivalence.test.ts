import {
  buildReport,
  meanCI,
  replicationKpis,
  replicationSeed,
  runReplication,
  tQuantile,
  validateScenario,
  type Report,
  type RunInfo,
} from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotline } from './run-cli';
import { startTestRedis, type TestRedis } from './helpers/redis';
import { MONDAY_DRAIN, api, liveTestScenario, startTestServer, waitForEnd } from './helpers/live';
import type { RunningServer } from '../src/server';
import type { AuditResult } from '../src/live/audit';

/**
 * The live runtime and the engine are one model: a city day run live at the highest speed, through
 * the clock, BullMQ stage queues and Redis, reports KPIs inside the engine's 95 % intervals.
 */
describe('live run at ×10,000 against the engine', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  let report: Report;
  // A Monday: the run is waited on to its end, and the drain is most of the wait.
  const input = liveTestScenario(MONDAY_DRAIN);
  const scenario = validateScenario(input, 'live test scenario');

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url, { TICK_MS: '100' });
    const created = await api<RunInfo>(server.url, '/api/runs', { body: { scenario: input, speed: 10_000 } });
    expect(created.status).toBe(201);
    run = await waitForEnd(server.url, created.body.id, 150_000);
    report = (await api<{ report: Report }>(server.url, `/api/runs/${run.id}/report`)).body.report;
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('finishes, with every appeal applied exactly once and a gap-free history', async () => {
    expect(run.status).toBe('finished');
    expect(run.appeals).toBeGreaterThan(500);
    const audit = (await api<AuditResult>(server.url, `/api/runs/${run.id}/audit`)).body;
    expect(audit.problems).toEqual([]);
    expect(audit.ok).toBe(true);
    expect(audit.appeals).toBe(run.appeals);
    expect(audit.transitions).toBe(run.transitions);
    // Everything has ended: answered, redirected or closed.
    const ended = (audit.states.answered ?? 0) + (audit.states.redirected ?? 0) + (audit.states.closed ?? 0);
    expect(ended).toBe(audit.appeals);
  });

  it('reports every 三率 and time KPI inside the engine’s 95 % interval from 10 replications', () => {
    // Independent engine replications (another seed). A single run is one draw: it belongs inside the
    // 95 % prediction interval of one replication (mean ± t·s·√(1 + 1/n)), not the narrower interval
    // of the mean, which one draw misses about half the time at n = 10.
    const n = 10;
    const reps = Array.from({ length: n }, (_, r) =>
      runReplication(scenario, replicationSeed(scenario.seed + 1, r)),
    );
    const names = [
      'responseRate',
      'resolutionRate',
      'satisfactionRate',
      'fullySatisfiedRate',
      'score',
      'meanMinutesToDispatch',
      'meanHoursToResponse',
      'p90HoursToClose',
    ] as const;
    for (const name of names) {
      const values = reps.map((r) => replicationKpis(r)[name] as number);
      const ci = meanCI(values);
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - ci.mean) ** 2, 0) / (n - 1));
      const half = tQuantile(0.975, n - 1) * sd * Math.sqrt(1 + 1 / n);
      const live = report.kpis[name]?.mean as number;
      const range = `${(ci.mean - half).toFixed(4)}–${(ci.mean + half).toFixed(4)}`;
      expect(live, `${name}: live ${live} vs engine ${range}`).toBeGreaterThanOrEqual(ci.mean - half);
      expect(live, `${name}: live ${live} vs engine ${range}`).toBeLessThanOrEqual(ci.mean + half);
      // …and the interval is informative: narrower than a third of the KPI itself (or 0.1 for shares near 0).
      expect(half, name).toBeLessThan(Math.max(0.1, Math.abs(ci.mean) / 3));
    }
  });

  it('equals the engine’s replication with the same seed exactly (one model, not a copy)', () => {
    const engine = buildReport(scenario, scenario.seed, [runReplication(scenario, scenario.seed)]);
    // Over HTTP a KPI with no value (NaN: no epidemic callbacks outside 2020-22) arrives as null.
    expect(report.kpis).toEqual(JSON.parse(JSON.stringify(engine.kpis)));
  });

  it('`hotline audit <runId>` says the same from the command line', async () => {
    const ok = await hotline('audit', run.id, '--redis', redis.url);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`run ${run.id}: OK`);
    expect(ok.stdout).toContain(`appeals stored ${run.appeals}, created by the model ${run.appeals}`);
    const missing = await hotline('audit', 'no-such-run', '--redis', redis.url);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no live run "no-such-run"');
  });

  it('keeps the finished run in SQLite with its report and scenario', () => {
    const stored = server.store.getRun(run.id);
    expect(stored?.status).toBe('finished');
    expect(stored?.scenarioName).toBe('live-test');
    expect((stored?.report as Report).kpis.responseRate).toEqual(report.kpis.responseRate);
  });
});
