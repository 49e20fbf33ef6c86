import { describe, expect, it } from 'vitest';
import { RunClock } from '../src/open311/run-clock';
import { beijingMidnight, beijingToday } from '../src/live/wall-clock';

/* Issue 13, point 8: Open311's datetimes of a run, from its clock pairs (virtual s, wall ms). */

const T0 = Date.parse('2026-12-02T10:00:00+08:00');
const virtualRun = { start: '2025-03-12', speed: 60, clock: 'virtual' as const };

describe('RunClock', () => {
  // Started at T0 at vt 0, ×60; paused at vt 3600 (T0 + 60 s) for ten minutes; then ×60 again.
  const clock = RunClock.fromPairs(virtualRun, [
    [0, T0],
    [600, T0 + 10_000],
    [3600, T0 + 60_000],
    [3600, T0 + 660_000],
    [4200, T0 + 670_000],
  ]);

  it('dates a virtual moment by the wall time the run reached it, linearly between pairs', () => {
    expect(clock.toIso(0)).toBe('2026-12-02T10:00:00+08:00');
    expect(clock.toIso(300)).toBe('2026-12-02T10:00:05+08:00');
    expect(clock.toIso(1800)).toBe('2026-12-02T10:00:30+08:00');
  });

  it('keeps a paused moment at the time it was first reached, and goes on after the pause', () => {
    expect(clock.toIso(3600)).toBe('2026-12-02T10:01:00+08:00');
    expect(clock.toIso(3900)).toBe('2026-12-02T10:11:05+08:00');
  });

  it('carries on at the run speed beyond the last pair (a time limit still ahead) and before the first', () => {
    expect(clock.toIso(4200 + 3600)).toBe('2026-12-02T10:12:10+08:00');
    expect(clock.toIso(-60)).toBe('2026-12-02T09:59:59+08:00');
  });

  it('maps a wall time back to the virtual moment, a pause to its moment, and round-trips', () => {
    expect(clock.toVirtual('2026-12-02T10:00:30+08:00')).toBeCloseTo(1800, 6);
    expect(clock.toVirtual('2026-12-02T10:05:00+08:00')).toBe(3600);
    expect(clock.toVirtual('2026-12-02T02:00:30Z')).toBeCloseTo(1800, 6);
    expect(clock.toVirtual('2026-12-02T10:00:30')).toBeCloseTo(1800, 6);
    // Whole wall seconds: at ×60 a round trip is exact to 60 virtual seconds.
    for (const vt of [0, 120, 599, 2000, 4000, 9000])
      expect(Math.abs(clock.toVirtual(clock.toIso(vt)) - vt)).toBeLessThanOrEqual(60);
    expect(clock.toVirtual('not a date')).toBeNaN();
  });

  it('uses the scenario calendar for a wall-clock run: its virtual time is Beijing time', () => {
    const today = beijingToday(T0);
    expect(today).toBe('2026-12-02');
    expect(beijingMidnight(today)).toBe(Date.parse('2026-12-02T00:00:00+08:00'));
    const wall = RunClock.fromPairs({ start: today, speed: 1, clock: 'wall' }, []);
    expect(wall.toIso(10 * 3600)).toBe('2026-12-02T10:00:00+08:00');
    expect(wall.toVirtual('2026-12-02T10:00:00+08:00')).toBe(36_000);
  });
});
