import { describe, expect, it } from 'vitest';
import { observationTotals, runReplication, runScenario, runScenarioByPeriod } from '../src';
import { makeLifecycleScenario } from './hotline-scenario';

/** Six hours, two periods; the grid joins at the second period's first hour. */
const scenario = makeLifecycleScenario({
  hours: 6,
  arrivals: { perHour: 300 },
  lifecycle: { grid: { enabled: false, perCellPerDay: 0.5 } },
  timeline: [
    { at: 0, label: { zh: '前', en: 'Before' }, period: 'before' },
    { at: 3, label: { zh: '后', en: 'After' }, period: 'after' },
    { at: 3, label: { zh: '网格', en: 'Grid' }, set: { 'lifecycle.grid.enabled': true } },
  ].map((e) => ({ set: { 'arrivals.perHour': 300 }, ...e })),
} as Parameters<typeof makeLifecycleScenario>[0]);

describe('run by period', () => {
  const run = runScenarioByPeriod(scenario, { replications: 2 });

  it('gives the same report as runScenario: the same replications on the same seeds', () => {
    expect(JSON.stringify(run.report)).toBe(JSON.stringify(runScenario(scenario, { replications: 2 })));
  });

  it("counts work in the period it came in, the boundary's own work in the period it opens", () => {
    for (const [before, after] of run.replications.map((rows) => rows)) {
      expect(before?.period).toBe('before');
      expect(before?.gridOrders).toBe(0);
      expect(after?.gridOrders).toBeGreaterThan(0);
      expect(before?.reactiveOrders).toBeGreaterThan(0);
    }
  });

  it('splits the run: the periods add up to the work received by the end of arrivals', () => {
    const rows = run.replications[0] ?? [];
    const obs = runReplication(scenario, scenario.seed).hotline;
    if (!obs) throw new Error('a lifecycle run has a hotline observation');
    const totals = observationTotals(obs);
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + pick(r), 0);
    // Orders are counted at dispatch, so a few calls still in progress at the end come after it.
    expect(sum((r) => r.reactiveOrders)).toBeLessThanOrEqual(totals.workOrders);
    expect(sum((r) => r.reactiveOrders)).toBeGreaterThan(0.97 * totals.workOrders);
    expect(sum((r) => r.gridOrders)).toBe(totals.gridOrders);
  });

  it('refuses a scenario without periods', () => {
    expect(() => runScenarioByPeriod(makeLifecycleScenario({ hours: 1 }))).toThrow(/no timeline periods/);
  });
});
