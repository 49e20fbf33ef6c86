import { meanCI } from '../../stats';
import type { PeriodRow } from './period-rows';

/** One period over several replications: mean counts, and the proactive share with its 95 % CI. */
export interface PeriodSummary {
  readonly period: string;
  readonly title: PeriodRow['title'];
  readonly from: number;
  readonly to: number;
  readonly reactiveOrders: number;
  readonly proactiveTasks: number;
  readonly gridOrders: number;
  readonly proactiveShare: { readonly mean: number; readonly ci95: readonly [number, number] };
}

/**
 * The rows of several replications of one scenario (each the same periods, in order) as one table.
 * A replication whose period had no work has no share for it; with one replication the interval is
 * the point itself.
 */
export function summarisePeriods(replications: readonly (readonly PeriodRow[])[]): PeriodSummary[] {
  const first = replications[0] ?? [];
  return first.map((row, i) => {
    const rows = replications.map((rep) => {
      const r = rep[i];
      if (!r || r.period !== row.period) {
        throw new Error(`replications report different periods: "${row.period}" vs "${r?.period}"`);
      }
      return r;
    });
    const mean = (pick: (r: PeriodRow) => number) => rows.reduce((a, r) => a + pick(r), 0) / rows.length;
    const ci = meanCI(rows.map((r) => r.proactiveShare).filter(Number.isFinite));
    return {
      period: row.period,
      title: row.title,
      from: row.from,
      to: row.to,
      reactiveOrders: mean((r) => r.reactiveOrders),
      proactiveTasks: mean((r) => r.proactiveTasks),
      gridOrders: mean((r) => r.gridOrders),
      // A share cannot leave [0, 1]: clip the t-interval to what is possible (as the report does).
      proactiveShare: { mean: ci.mean, ci95: [Math.max(0, ci.ci95[0]), Math.min(1, ci.ci95[1])] },
    };
  });
}
