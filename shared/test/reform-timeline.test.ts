import { beforeAll, describe, expect, it } from 'vitest';
import {
  REFORM_TIMELINE,
  meanCI,
  proactiveShareOf,
  runScenarioByPeriod,
  validateScenario,
  type PeriodRow,
  type PeriodRun,
  type ScenarioInput,
} from '../src';

/**
 * The acceptance line of issue 15: `reform-timeline` shows the proactive share rising across the
 * reform dates. To stay short, the test runs a reduced-volume variant: every arrival rate and the
 * grid's discoveries at a fifth of the scenario's (the agents stay, so nobody queues longer), the
 * same timeline of reforms. Five replications on fixed seeds; each difference is paired within a
 * replication, with a 95 % t-interval over the replications.
 */
const VOLUME = 0.2;

function reduced(): ScenarioInput {
  const s = structuredClone(REFORM_TIMELINE) as ScenarioInput & {
    arrivals: { perHour: number };
    lifecycle: { grid: { perCellPerDay: number } };
  };
  s.arrivals.perHour *= VOLUME;
  s.lifecycle.grid.perCellPerDay *= VOLUME;
  for (const entry of s.timeline ?? []) {
    const rate = entry.set['arrivals.perHour'];
    if (typeof rate === 'number') entry.set['arrivals.perHour'] = rate * VOLUME;
  }
  return s;
}

/** Share of proactive work over the periods whose name passes `pick` (counts pooled). */
function pooledShare(rows: readonly PeriodRow[], pick: (period: string) => boolean): number {
  const sum = { reactiveOrders: 0, proactiveTasks: 0, gridOrders: 0 };
  for (const r of rows.filter((row) => pick(row.period))) {
    sum.reactiveOrders += r.reactiveOrders;
    sum.proactiveTasks += r.proactiveTasks;
    sum.gridOrders += r.gridOrders;
  }
  return proactiveShareOf(sum);
}

const year = (period: string) => Number(period.slice(0, 4));
const BEFORE_2019 = (p: string) => year(p) < 2019;
const YEARS_2019_2021 = (p: string) => year(p) >= 2019 && year(p) <= 2021;
const AFTER_2021 = (p: string) => year(p) > 2021;
const PROACTIVE_ONLY = (p: string) => p === '2022-Q1' || p === '2022-Q2';
const WITH_GRID = (p: string) => AFTER_2021(p) && !PROACTIVE_ONLY(p);

describe('reform-timeline: the shift toward 未诉先办', () => {
  let run: PeriodRun;
  beforeAll(() => {
    run = runScenarioByPeriod(validateScenario(reduced(), 'reduced reform-timeline'), { replications: 5 });
  });
  const rise = (after: (p: string) => boolean, before: (p: string) => boolean) =>
    meanCI(run.replications.map((rows) => pooledShare(rows, after) - pooledShare(rows, before)));

  it('reports every quarter from 2018 to 2024', () => {
    expect(run.periods.map((p) => p.period)).toHaveLength(28);
    expect(run.periods[0]?.period).toBe('2018-Q1');
    expect(run.periods[27]?.period).toBe('2024-Q4');
    for (const p of run.periods) expect(p.reactiveOrders).toBeGreaterThan(0);
  });

  it('has a higher proactive share after 2021 than before 2019 (95 % CI above 0)', () => {
    const d = rise(AFTER_2021, BEFORE_2019);
    expect(d.ci95[0]).toBeGreaterThan(0.05);
  });

  it('rises at 未诉先办 (2022) from the years of reacting (2019-2021)', () => {
    expect(rise(PROACTIVE_ONLY, YEARS_2019_2021).ci95[0]).toBeGreaterThan(0);
  });

  it('rises again when grid discoveries join the hotline (2022-Q3 on)', () => {
    expect(rise(WITH_GRID, PROACTIVE_ONLY).ci95[0]).toBeGreaterThan(0);
  });

  it('grows demand by year, as the annual reports do (2024 over 2019)', () => {
    const orders = (pick: (p: string) => boolean) =>
      run.periods.filter((p) => pick(p.period)).reduce((a, p) => a + p.reactiveOrders, 0);
    expect(orders((p) => year(p) === 2024)).toBeGreaterThan(2 * orders((p) => year(p) === 2019));
  });
});
