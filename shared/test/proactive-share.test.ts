import { describe, expect, it } from 'vitest';
import { hotlineKpis } from '../src';
import { counterTotals, makeLifecycleScenario, runRecorded } from './hotline-scenario';

/**
 * proactiveShare (README: KPIs) is the share of the orders and tasks units take on that started
 * without a citizen's appeal: grid orders and hot-spot tasks. It used to add every grid discovery
 * (nine in ten settled on the spot, not orders) and one monthly-topic "task" per street per month
 * (counted once at the start of the month, however long the run), so it depended on the run's length
 * and on the grid's size against demand: 86 % in stage-2024 (a week) against 16 % in beijing-weekday.
 */
describe('proactiveShare', () => {
  it('counts grid orders and hot-spot tasks of all orders and tasks, nothing else', () => {
    const scenario = makeLifecycleScenario({
      lifecycle: {
        grid: { enabled: true },
        proactive: { hotSpots: { enabled: true }, monthlyTopic: { enabled: true } },
      },
    });
    const { obs } = runRecorded(scenario);
    const t = counterTotals(obs);
    const expected = (t.gridOrders + t.hotSpotTasks) / (t.workOrders + t.gridOrders + t.hotSpotTasks);
    expect(t.gridDiscoveries).toBeGreaterThan(5 * t.gridOrders);
    expect(t.proactiveTasks).toBeGreaterThan(t.hotSpotTasks);
    expect(hotlineKpis(obs).proactiveShare).toBeCloseTo(expected, 12);
  });

  it('is 0 with the monthly topic alone: a campaign is a share of capacity, not tasks', () => {
    const { obs } = runRecorded(
      makeLifecycleScenario({ lifecycle: { proactive: { monthlyTopic: { enabled: true } } } }),
    );
    expect(hotlineKpis(obs).proactiveShare).toBe(0);
  });

  it('does not shrink with the length of the run', () => {
    const share = (hours: number) =>
      hotlineKpis(
        runRecorded(
          makeLifecycleScenario({
            hours,
            lifecycle: { grid: { enabled: true }, proactive: { monthlyTopic: { enabled: true } } },
          }),
        ).obs,
      ).proactiveShare;
    expect(Math.abs(share(24) - share(96))).toBeLessThan(0.02);
  });
});
