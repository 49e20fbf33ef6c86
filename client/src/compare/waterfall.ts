import type { KpiExplanation } from '@hotline-sim/shared';

/** One bar of a waterfall: a group's part stacked on the parts before it, or the total from 0. */
export interface WaterfallBar {
  /** The group's name (a VIOTE driver, a lever path, `other`), or `total`. */
  group: string;
  kind: 'part' | 'total';
  /** Where the bar starts and ends on the KPI's difference axis. */
  from: number;
  to: number;
  /** The 95 % interval of this part (or of the total), around `to` for parts. */
  ci95: [number, number];
  /** Whether the interval excludes 0. */
  significant: boolean;
}

/**
 * The waterfall of a KPI's explanation: each group's Shapley part stacked from 0 in the order given,
 * then the total b − a from 0. The parts add up to the total, so the last part ends where the total does.
 * A part's whisker is its own interval, drawn around its end (the bar's length is what it adds).
 */
export function waterfallBars(x: KpiExplanation): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  let at = 0;
  for (const p of x.parts) {
    const from = at;
    at += p.mean;
    bars.push({
      group: p.group,
      kind: 'part',
      from,
      to: at,
      ci95: [from + p.ci95[0], from + p.ci95[1]],
      significant: p.ci95[0] > 0 || p.ci95[1] < 0,
    });
  }
  bars.push({
    group: 'total',
    kind: 'total',
    from: 0,
    to: x.total.mean,
    ci95: [x.total.ci95[0], x.total.ci95[1]],
    significant: x.total.ci95[0] > 0 || x.total.ci95[1] < 0,
  });
  return bars;
}
