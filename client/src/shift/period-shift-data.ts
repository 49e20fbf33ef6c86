import { periodRows, type Period, type PeriodRow, type SeriesPoint } from '@hotline-sim/shared';

/** A tick of the by-period time axis: where (virtual seconds) and what it reads. */
export interface PeriodTick {
  at: number;
  label: string;
}

/**
 * The 未诉先办 chart of a timeline run: one point per period reached so far, at the period's middle,
 * with its counts (what came in during the period) and the proactive share in per cent.
 */
export interface PeriodShiftData {
  at: number[];
  reactive: number[];
  proactive: number[];
  grid: number[];
  /** Proactive tasks and grid orders of all orders and tasks, per cent; null for a period without work. */
  share: (number | null)[];
  rows: PeriodRow[];
  /** The whole timeline on the x axis, periods not reached yet included. */
  range: [number, number];
  ticks: PeriodTick[];
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MAX_TICKS = 12;

/**
 * Ticks for the periods: quarters (`2019-Q1`) are read by year, one tick at each year's first
 * quarter; other periods by their own label, thinned to about a dozen.
 */
export function periodTicks(periods: readonly Period[]): PeriodTick[] {
  if (periods.length > 0 && periods.every((p) => QUARTER.test(p.label))) {
    const years = periods.filter((p, i) => i === 0 || p.label.endsWith('-Q1'));
    return years.map((p) => ({ at: p.from, label: (QUARTER.exec(p.label) as RegExpExecArray)[1] as string }));
  }
  const step = Math.max(1, Math.ceil(periods.length / MAX_TICKS));
  return periods.filter((_, i) => i % step === 0).map((p) => ({ at: (p.from + p.to) / 2, label: p.label }));
}

/** The by-period x axis: the whole timeline, with its ticks. */
export function periodAxis(periods: readonly Period[]): Pick<PeriodShiftData, 'range' | 'ticks'> {
  const first = periods[0];
  const last = periods[periods.length - 1];
  return { range: [first?.from ?? 0, last?.to ?? 1], ticks: periodTicks(periods) };
}

export function periodShiftData(series: readonly SeriesPoint[], periods: readonly Period[]): PeriodShiftData {
  const rows = periodRows(series, periods);
  return {
    at: rows.map((r) => (r.from + r.to) / 2),
    reactive: rows.map((r) => r.reactiveOrders),
    proactive: rows.map((r) => r.proactiveTasks),
    grid: rows.map((r) => r.gridOrders),
    share: rows.map((r) => (Number.isFinite(r.proactiveShare) ? r.proactiveShare * 100 : null)),
    rows,
    ...periodAxis(periods),
  };
}
