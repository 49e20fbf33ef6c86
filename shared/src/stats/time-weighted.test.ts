import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeWeighted } from './time-weighted';

describe('TimeWeighted', () => {
  it('averages a step signal by hand: 2 for 3 s, 5 for 1 s, 0 for 6 s is 1.1', () => {
    const tw = new TimeWeighted(0, 2);
    tw.set(3, 5);
    tw.set(4, 0);
    expect(tw.integral(10)).toBe(11);
    expect(tw.mean(10)).toBeCloseTo(1.1, 12);
    expect(tw.value).toBe(0);
  });

  it('counts arrivals and departures with add(t, ±1)', () => {
    const queue = new TimeWeighted(0, 0);
    queue.add(1, +1);
    queue.add(2, +1);
    queue.add(4, -1);
    queue.add(8, -1);
    // 0·1 + 1·1 + 2·2 + 1·4 + 0·2 = 9 over 10 s.
    expect(queue.mean(10)).toBeCloseTo(0.9, 12);
  });

  it('equals the hand-computed integral of any piecewise-constant signal', () => {
    // Integer times and values keep every product and sum exact, so the comparison can be exact too.
    const step = fc.record({
      dt: fc.integer({ min: 0, max: 1000 }),
      value: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 0, max: 50 }),
        fc.array(step, { maxLength: 100 }),
        fc.integer({ min: 0, max: 1000 }),
        (t0, v0, steps, tail) => {
          const tw = new TimeWeighted(t0, v0);
          let t = t0;
          let value = v0;
          let area = 0;
          for (const s of steps) {
            area += value * s.dt;
            t += s.dt;
            value = s.value;
            tw.set(t, value);
          }
          area += value * tail;
          const tEnd = t + tail;
          expect(tw.integral(tEnd)).toBe(area);
          expect(tw.mean(tEnd)).toBe(tEnd > t0 ? area / (tEnd - t0) : value);
        },
      ),
    );
  });

  it('forgets the warm-up on reset but keeps the current value', () => {
    const tw = new TimeWeighted(0, 100);
    tw.set(50, 4);
    tw.reset(60);
    expect(tw.startTime).toBe(60);
    expect(tw.value).toBe(4);
    tw.set(70, 2);
    // 4 for 10 s and 2 for 30 s after the reset; the 100 before it is gone.
    expect(tw.mean(100)).toBeCloseTo(2.5, 12);
  });

  it('returns the current value for an empty window instead of NaN', () => {
    const tw = new TimeWeighted(5, 3);
    expect(tw.mean(5)).toBe(3);
  });

  it('refuses time running backwards and non-finite input', () => {
    const tw = new TimeWeighted(10, 1);
    tw.set(20, 2);
    expect(() => tw.set(19, 3)).toThrow(RangeError);
    expect(() => tw.mean(15)).toThrow(/>= the last change/);
    expect(() => tw.reset(5)).toThrow(RangeError);
    expect(() => tw.set(NaN, 1)).toThrow(RangeError);
    expect(() => tw.set(30, NaN)).toThrow(RangeError);
    expect(() => new TimeWeighted(Infinity, 0)).toThrow(/t0/);
    // A rejected call leaves the accumulator as it was.
    expect(tw.integral(30)).toBe(10 + 2 * 10);
  });
});
