import { describe, expect, it } from 'vitest';
import { periodRows, proactiveShareOf, type CountPoint } from './period-rows';
import { summarisePeriods } from './period-summary';
import { timelineMarks, timelinePeriods } from './timeline-periods';

const H = 3600;
const label = (en: string) => ({ zh: `中${en}`, en });
const point = (
  at: number,
  reactiveOrders: number,
  proactiveTasks: number,
  gridOrders: number,
): CountPoint => ({
  at,
  reactiveOrders,
  proactiveTasks,
  gridOrders,
});

describe('timeline periods', () => {
  const timeline = [
    { at: 0, label: label('2018 Q1'), period: '2018-Q1' },
    { at: 0, label: label('whistle in Pinggu') },
    { at: 24, label: label('2018 Q2'), period: '2018-Q2' },
    { at: 30, label: label('接诉即办') },
    { at: 48, label: label('2018 Q3'), period: '2018-Q3' },
  ];

  it('opens a period at each entry with one, closing it at the next or at the end of arrivals', () => {
    const periods = timelinePeriods(timeline, 60);
    expect(periods.map((p) => [p.label, p.from / H, p.to / H])).toEqual([
      ['2018-Q1', 0, 24],
      ['2018-Q2', 24, 48],
      ['2018-Q3', 48, 60],
    ]);
    expect(periods[1]?.title).toEqual(label('2018 Q2'));
  });

  it('lets a later entry at the same hour rename a period instead of opening an empty one', () => {
    const periods = timelinePeriods(
      [
        { at: 0, label: label('a'), period: 'A' },
        { at: 0, label: label('b'), period: 'B' },
        { at: 10, label: label('c'), period: 'C' },
      ],
      20,
    );
    expect(periods.map((p) => p.label)).toEqual(['B', 'C']);
  });

  it('has no periods without a timeline or without period entries', () => {
    expect(timelinePeriods(undefined, 24)).toEqual([]);
    expect(timelinePeriods([{ at: 1, label: label('x') }], 24)).toEqual([]);
  });

  it('marks the entries that open no period, in virtual seconds', () => {
    expect(timelineMarks(timeline)).toEqual([
      { at: 0, label: label('whistle in Pinggu') },
      { at: 30 * H, label: label('接诉即办') },
    ]);
  });
});

describe('period rows', () => {
  const periods = timelinePeriods(
    [
      { at: 0, label: label('P1'), period: 'P1' },
      { at: 10, label: label('P2'), period: 'P2' },
      { at: 20, label: label('P3'), period: 'P3' },
    ],
    30,
  );

  it('counts what came in during each period from the running counts', () => {
    const points = [
      point(5 * H, 40, 0, 0),
      point(10 * H, 90, 0, 10),
      point(15 * H, 120, 5, 20),
      point(20 * H, 150, 10, 40),
      point(30 * H, 200, 30, 70),
    ];
    const rows = periodRows(points, periods);
    expect(rows.map((r) => [r.period, r.reactiveOrders, r.proactiveTasks, r.gridOrders, r.complete])).toEqual(
      [
        ['P1', 90, 0, 10, true],
        ['P2', 60, 10, 30, true],
        ['P3', 50, 20, 30, true],
      ],
    );
    expect(rows[0]?.proactiveShare).toBeCloseTo(10 / 100, 12);
    expect(rows[2]?.proactiveShare).toBeCloseTo(50 / 100, 12);
  });

  it('takes the last point at or before a boundary (a live series ticks between boundaries)', () => {
    const rows = periodRows(
      [point(9 * H, 9, 0, 0), point(11 * H, 11, 1, 0), point(25 * H, 11, 1, 0)],
      periods,
    );
    expect(rows.map((r) => r.reactiveOrders)).toEqual([9, 2, 0]);
    expect(rows[2]?.proactiveShare).toBeNaN();
  });

  it('counts the period in progress so far and leaves out the periods not reached', () => {
    const rows = periodRows([point(10 * H, 10, 0, 0), point(14 * H, 30, 2, 8)], periods);
    expect(rows.map((r) => [r.period, r.reactiveOrders, r.complete])).toEqual([
      ['P1', 10, true],
      ['P2', 20, false],
    ]);
    expect(periodRows([], periods)).toEqual([]);
  });

  it('defines the share as proactive tasks and grid orders of all orders and tasks', () => {
    expect(proactiveShareOf({ reactiveOrders: 60, proactiveTasks: 15, gridOrders: 25 })).toBeCloseTo(0.4, 12);
    expect(proactiveShareOf({ reactiveOrders: 0, proactiveTasks: 0, gridOrders: 0 })).toBeNaN();
  });
});

describe('period summary over replications', () => {
  const periods = timelinePeriods([{ at: 0, label: label('P'), period: 'P' }], 10);

  it('averages the counts and puts a 95 % interval around the mean share', () => {
    const reps = [
      periodRows([point(10 * H, 80, 10, 10)], periods),
      periodRows([point(10 * H, 70, 10, 20)], periods),
      periodRows([point(10 * H, 90, 5, 5)], periods),
    ];
    const [row] = summarisePeriods(reps);
    expect(row?.reactiveOrders).toBeCloseTo(80, 12);
    const shares = [0.2, 0.3, 0.1];
    expect(row?.proactiveShare.mean).toBeCloseTo(0.2, 12);
    const [lo, hi] = row?.proactiveShare.ci95 ?? [NaN, NaN];
    expect(lo).toBeLessThan(Math.min(...shares) + 0.1);
    expect(hi).toBeGreaterThan(Math.max(...shares) - 0.1);
    expect(hi - lo).toBeGreaterThan(0);
  });

  it('refuses replications that report different periods', () => {
    const other = timelinePeriods([{ at: 0, label: label('Q'), period: 'Q' }], 10);
    expect(() =>
      summarisePeriods([
        periodRows([point(10 * H, 1, 0, 0)], periods),
        periodRows([point(10 * H, 1, 0, 0)], other),
      ]),
    ).toThrow(/different periods/);
  });
});
