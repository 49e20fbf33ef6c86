import type { Period } from './timeline-periods';

/**
 * Running counts of a run at one moment: a live series point, or a snapshot the CLI takes at a
 * period's boundary. Each count only grows over a run.
 */
export interface CountPoint {
  /** Virtual seconds from the run's start. */
  readonly at: number;
  /** Work orders from citizens' appeals (接诉). */
  readonly reactiveOrders: number;
  /** Proactive tasks (未诉先办: hot spots, the month's topic campaigns). */
  readonly proactiveTasks: number;
  /** Grid discoveries dispatched as work orders (主动发现). */
  readonly gridOrders: number;
}

/** What one period of a run saw: the work that came in, and how much of it started without an appeal. */
export interface PeriodRow {
  readonly period: string;
  readonly title: Period['title'];
  readonly from: number;
  readonly to: number;
  readonly reactiveOrders: number;
  readonly proactiveTasks: number;
  readonly gridOrders: number;
  /**
   * Proactive tasks and grid orders of all the period's orders and tasks (the dashboard's 未诉先办
   * share); NaN when the period had none.
   */
  readonly proactiveShare: number;
  /** The observations reach the period's end (a live run still inside it: false, counts so far). */
  readonly complete: boolean;
}

const ZERO: CountPoint = { at: 0, reactiveOrders: 0, proactiveTasks: 0, gridOrders: 0 };

/** Share of proactive work (tasks and grid orders) in all work; NaN for no work. */
export function proactiveShareOf(
  c: Pick<CountPoint, 'reactiveOrders' | 'proactiveTasks' | 'gridOrders'>,
): number {
  const proactive = c.proactiveTasks + c.gridOrders;
  const all = proactive + c.reactiveOrders;
  return all > 0 ? proactive / all : Number.NaN;
}

/**
 * Per-period rows from a run's running counts (points in time order, as a live series or the CLI's
 * snapshots give them). The count at a moment is the last point's at or before it (0 before the
 * first point), so a period's row is the count at its end minus the count at its start: work is
 * counted in the period it came in. Periods the points have not reached yet are left out; the one
 * in progress is counted so far (`complete: false`).
 */
export function periodRows(points: readonly CountPoint[], periods: readonly Period[]): PeriodRow[] {
  const last = points[points.length - 1];
  if (!last) return [];
  // Two cursors over the time-ordered points: periods come in time order too.
  let i = -1;
  const countAt = (t: number): CountPoint => {
    if (i >= 0 && (points[i] as CountPoint).at > t) i = -1;
    while (i + 1 < points.length && (points[i + 1] as CountPoint).at <= t) i++;
    return i >= 0 ? (points[i] as CountPoint) : ZERO;
  };
  const rows: PeriodRow[] = [];
  for (const p of periods) {
    if (last.at <= p.from) break;
    const start = countAt(p.from);
    const end = countAt(p.to);
    const counts = {
      reactiveOrders: end.reactiveOrders - start.reactiveOrders,
      proactiveTasks: end.proactiveTasks - start.proactiveTasks,
      gridOrders: end.gridOrders - start.gridOrders,
    };
    rows.push({
      period: p.label,
      title: p.title,
      from: p.from,
      to: p.to,
      ...counts,
      proactiveShare: proactiveShareOf(counts),
      complete: last.at >= p.to,
    });
  }
  return rows;
}
