import type { SeriesPoint } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { mergeSeries } from './live-store';

const point = (n: number): SeriesPoint => ({
  n,
  at: n * 3600,
  kpis: {},
  reactiveOrders: n,
  gridOrders: 0,
  proactiveTasks: 0,
  appealsAvoided: 0,
  open: 0,
});

describe('mergeSeries', () => {
  it('appends the points after the last one held', () => {
    const { series, gap } = mergeSeries([point(0), point(1)], [point(2), point(3)]);
    expect(series.map((p) => p.n)).toEqual([0, 1, 2, 3]);
    expect(gap).toBe(false);
  });

  it('skips points already held (a snapshot and an update overlapping)', () => {
    const held = [point(0), point(1)];
    const { series, gap } = mergeSeries(held, [point(1)]);
    expect(series).toBe(held);
    expect(gap).toBe(false);
  });

  it('reports a gap when numbers jump (points missed while joining)', () => {
    expect(mergeSeries([point(0)], [point(3)]).gap).toBe(true);
    expect(mergeSeries([], [point(2)]).gap).toBe(true);
  });
});
