import type { SeriesPoint } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { shiftData } from './shift-data';

const point = (
  n: number,
  reactive: number,
  proactive: number,
  grid: number,
  avoided: number,
): SeriesPoint => ({
  n,
  at: n * 3600,
  kpis: {},
  reactiveOrders: reactive,
  proactiveTasks: proactive,
  gridOrders: grid,
  appealsAvoided: avoided,
  open: 0,
});

describe('未诉先办 shift data', () => {
  it('turns running counts into per-hour rates and keeps the totals', () => {
    const d = shiftData([point(0, 0, 0, 0, 0), point(1, 100, 10, 20, 5), point(2, 180, 30, 50, 15)]);
    expect(d.at).toEqual([3600, 7200]);
    expect(d.reactive).toEqual([100, 80]);
    expect(d.proactive).toEqual([10, 20]);
    expect(d.grid).toEqual([20, 30]);
    expect(d.avoided).toEqual([5, 10]);
    expect(d.totals).toEqual({ reactive: 180, proactive: 30, grid: 50, avoided: 15 });
  });

  it('is empty for fewer than two points', () => {
    expect(shiftData([point(0, 5, 0, 0, 0)]).at).toEqual([]);
  });
});
