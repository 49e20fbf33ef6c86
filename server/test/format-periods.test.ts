import { periodRows, summarisePeriods, timelinePeriods } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { formatPeriods } from '../src/cli/format-periods';

const periods = timelinePeriods(
  [
    { at: 0, label: { zh: '2018年第1季度', en: '2018 Q1' }, period: '2018-Q1' },
    { at: 24, label: { zh: '2022年第1季度', en: '2022 Q1' }, period: '2022-Q1' },
  ],
  48,
);
const rows = (reactive: number, proactive: number, grid: number) =>
  periodRows(
    [
      { at: 24 * 3600, reactiveOrders: 1000, proactiveTasks: 0, gridOrders: 0 },
      { at: 48 * 3600, reactiveOrders: 1000 + reactive, proactiveTasks: proactive, gridOrders: grid },
    ],
    periods,
  );

describe('the by-period table of `hotline run`', () => {
  it('prints each period with its counts and proactive share, and a 95 % CI over replications', () => {
    const text = formatPeriods(summarisePeriods([rows(800, 100, 100), rows(700, 150, 150)]), 2);
    expect(text).toMatch(/^By period \(counted at receipt, mean of 2 replications\):/);
    expect(text).toMatch(/│ 2018-Q1 │ 2018年第1季度 │ +1,000 │ +0 │ +0 │ +0\.0 % │ +0\.0 % … 0\.0 % │/);
    // (20 % + 30 %) / 2 = 25 % ± t(1) · 5 % = −38.5 % … 88.5 %, clipped to what a share can be.
    expect(text).toMatch(/│ 2022-Q1 │ 2022年第1季度 │ +750 │ +125 │ +125 │ +25\.0 % │ +0\.0 % … 88\.5 % │/);
  });

  it('prints no interval column for one replication', () => {
    const text = formatPeriods(summarisePeriods([rows(800, 100, 100)]), 1);
    expect(text).toMatch(/one replication/);
    expect(text).not.toMatch(/95 % CI/);
    expect(text).toMatch(/│ 2022-Q1 │ 2022年第1季度 │ +800 │ +100 │ +100 │ +20\.0 % │/);
  });
});
