import type { SeriesPoint } from '@hotline-sim/shared';

/** The 未诉先办 story as per-hour rates: what each hour added, from the running counts of the series. */
export interface ShiftData {
  at: number[];
  reactive: number[];
  proactive: number[];
  grid: number[];
  avoided: number[];
  totals: { reactive: number; proactive: number; grid: number; avoided: number };
}

export function shiftData(series: readonly SeriesPoint[]): ShiftData {
  const out: ShiftData = {
    at: [],
    reactive: [],
    proactive: [],
    grid: [],
    avoided: [],
    totals: { reactive: 0, proactive: 0, grid: 0, avoided: 0 },
  };
  for (let i = 1; i < series.length; i++) {
    const p = series[i] as SeriesPoint;
    const q = series[i - 1] as SeriesPoint;
    const hours = Math.max(1 / 60, (p.at - q.at) / 3600);
    out.at.push(p.at);
    out.reactive.push(Math.max(0, p.reactiveOrders - q.reactiveOrders) / hours);
    out.proactive.push(Math.max(0, p.proactiveTasks - q.proactiveTasks) / hours);
    out.grid.push(Math.max(0, p.gridOrders - q.gridOrders) / hours);
    out.avoided.push(Math.max(0, p.appealsAvoided - q.appealsAvoided) / hours);
  }
  const last = series[series.length - 1];
  if (last) {
    out.totals = {
      reactive: last.reactiveOrders,
      proactive: last.proactiveTasks,
      grid: last.gridOrders,
      avoided: last.appealsAvoided,
    };
  }
  return out;
}
