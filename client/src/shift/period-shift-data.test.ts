import { timelinePeriods, type SeriesPoint } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { uniqueMarks } from './draw-marks';
import { periodShiftData, periodTicks } from './period-shift-data';

const H = 3600;
const point = (hours: number, reactive: number, proactive: number, grid: number): SeriesPoint => ({
  n: hours,
  at: hours * H,
  kpis: {},
  reactiveOrders: reactive,
  proactiveTasks: proactive,
  gridOrders: grid,
  appealsAvoided: 0,
  open: 0,
});

const quarters = (years: number[]) =>
  years.flatMap((y, i) =>
    [1, 2, 3, 4].map((q) => ({
      at: (i * 4 + q - 1) * 24,
      label: { zh: `${y}年第${q}季度`, en: `${y} Q${q}` },
      period: `${y}-Q${q}`,
    })),
  );

describe('未诉先办 chart by period', () => {
  const periods = timelinePeriods(quarters([2018, 2019]), 8 * 24);

  it('plots one point per period reached, at its middle, with what came in during it', () => {
    const d = periodShiftData(
      [point(0, 0, 0, 0), point(24, 100, 0, 0), point(48, 180, 10, 10), point(60, 230, 20, 20)],
      periods,
    );
    expect(d.at).toEqual([12 * H, 36 * H, 60 * H]);
    expect(d.reactive).toEqual([100, 80, 50]);
    expect(d.proactive).toEqual([0, 10, 10]);
    expect(d.grid).toEqual([0, 10, 10]);
    expect(d.share[0]).toBe(0);
    expect(d.share[1]).toBeCloseTo(20, 10);
    expect(d.share[2]).toBeCloseTo((20 / 70) * 100, 10);
    expect(d.rows[2]?.complete).toBe(false);
    expect(d.range).toEqual([0, 8 * 24 * H]);
  });

  it('leaves the share of a period without work empty rather than 0 %', () => {
    const d = periodShiftData([point(0, 0, 0, 0), point(24, 0, 0, 0)], periods);
    expect(d.share).toEqual([null]);
  });

  it('reads quarters by year, one tick at each first quarter', () => {
    expect(periodTicks(periods)).toEqual([
      { at: 0, label: '2018' },
      { at: 96 * H, label: '2019' },
    ]);
  });

  it('labels other periods by name, thinned to about a dozen', () => {
    const months = timelinePeriods(
      Array.from({ length: 36 }, (_, i) => ({ at: i, label: { zh: `${i}`, en: `${i}` }, period: `m${i}` })),
      36,
    );
    const ticks = periodTicks(months);
    expect(ticks.length).toBe(12);
    expect(ticks[1]).toEqual({ at: 3.5 * H, label: 'm3' });
  });
});

describe('marks on the time axis', () => {
  it('keeps each moment once, in time order, when the timeline and the live changes both mark it', () => {
    const a = { at: 7200, label: { zh: '吹哨', en: 'Whistle' } };
    const b = { at: 3600, label: { zh: '网格', en: 'Grid' } };
    expect(uniqueMarks([a, b, { ...a, label: { ...a.label } }])).toEqual([b, a]);
    expect(uniqueMarks([a, { at: 7200, label: { zh: '排名', en: 'Ranking' } }])).toHaveLength(2);
  });
});
