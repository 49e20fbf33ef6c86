import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../engine/calendar';
import { PiecewiseArrivals, TraceArrivals } from './arrival-rate';
import { createRng } from './rng';

const hourOfDay = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 11 ? 3 : h < 6 ? 0.2 : 1));

function countByHour(arrivals: PiecewiseArrivals, days: number, seed = 1): number[] {
  const counts = new Array<number>(days * 24).fill(0);
  const rng = createRng(seed);
  let t = arrivals.next(0, rng);
  while (t < days * 86_400) {
    counts[Math.floor(t / 3600)] = (counts[Math.floor(t / 3600)] ?? 0) + 1;
    t = arrivals.next(t, rng);
  }
  return counts;
}

describe('piecewise-constant arrivals', () => {
  it('keeps perHour as the average over the profile', () => {
    const arrivals = new PiecewiseArrivals({ perHour: 1000, hourOfDay }, parseIsoDate('2025-01-06'), 7);
    const counts = countByHour(arrivals, 7);
    const total = counts.reduce((a, b) => a + b, 0);
    const expected = 1000 * 24 * 7;
    expect(Math.abs(total - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('follows the hour-of-day shape (counts per hour within 4 sd of the rate)', () => {
    const arrivals = new PiecewiseArrivals({ perHour: 1000, hourOfDay }, parseIsoDate('2025-01-06'), 20);
    const counts = countByHour(arrivals, 20, 7);
    for (let h = 0; h < 24; h++) {
      let n = 0;
      for (let d = 0; d < 20; d++) n += counts[d * 24 + h] as number;
      const expected = (arrivals.rateAt(h * 3600 + 1) * 3600 * 20) as number;
      expect(Math.abs(n - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it('applies day-of-week and month multipliers from the calendar', () => {
    const dayOfWeek = [1, 1, 1, 1, 1, 0.5, 0.5]; // weekends at half
    const monthOfYear = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const start = parseIsoDate('2025-01-31'); // a Friday in January
    const arrivals = new PiecewiseArrivals({ perHour: 100, dayOfWeek, monthOfYear }, start, 3);
    const fri = arrivals.rateAt(12 * 3600);
    const sat = arrivals.rateAt(36 * 3600); // 2025-02-01
    const sun = arrivals.rateAt(60 * 3600);
    expect(sat / fri).toBeCloseTo(0.5 * 0.5, 10); // weekend half, and January's double is over
    expect(sun / sat).toBeCloseTo(1, 10);
  });

  it('without a profile draws exactly exponential gaps from one uniform each', () => {
    const arrivals = new PiecewiseArrivals({ perHour: 3600 }, 0, 1);
    const a = createRng(4);
    const b = createRng(4);
    let t = 0;
    for (let i = 0; i < 100; i++) {
      const next = arrivals.next(t, a);
      expect(next - t).toBeCloseTo(-Math.log(b.next()), 9);
      t = next;
    }
  });

  it('returns Infinity past a horizon of zero rate', () => {
    const zeroAfternoon = Array.from({ length: 24 }, (_, h) => (h < 12 ? 1 : 0));
    const arrivals = new PiecewiseArrivals({ perHour: 10, hourOfDay: zeroAfternoon }, 0, 1);
    expect(arrivals.next(13 * 3600, createRng(1))).toBe(Infinity);
  });
});

describe('trace arrivals', () => {
  it('replays recorded times in order, equal times as separate contacts', () => {
    const trace = new TraceArrivals([30, 10, 10, 20], 40);
    expect(trace.rateAt()).toBe(0.1);
    const seen: number[] = [];
    let t = trace.next(0);
    while (t < Infinity) {
      seen.push(t);
      t = trace.next(t);
    }
    expect(seen).toEqual([10, 10, 20, 30]);
  });
});
