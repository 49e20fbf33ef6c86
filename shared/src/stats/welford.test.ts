import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Welford } from './welford';

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 });

function twoPass(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  const variance = xs.length < 2 ? 0 : xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

function fed(xs: readonly number[]): Welford {
  const w = new Welford();
  for (const x of xs) w.add(x);
  return w;
}

/** Round-off grows with the data's magnitude, so tolerances scale with it. */
function expectClose(actual: number, expected: number, scale: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * scale);
}

/** Equal as numbers: 0 and -0 are the same minimum (Math.min prefers -0, a running min need not). */
function expectSameNumber(actual: number, expected: number): void {
  expect(actual + 0).toBe(expected + 0);
}

function expectSame(a: Welford, b: Welford, scale: number): void {
  expect(a.count).toBe(b.count);
  expectSameNumber(a.min, b.min);
  expectSameNumber(a.max, b.max);
  if (a.count > 0) expectClose(a.mean, b.mean, 1 + scale);
  expectClose(a.variance, b.variance, 1 + scale * scale);
}

const maxAbs = (xs: readonly number[]) => xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

describe('Welford', () => {
  it('matches the two-pass mean and sample variance', () => {
    fc.assert(
      fc.property(
        values.filter((xs) => xs.length > 0),
        (xs) => {
          const w = fed(xs);
          const exact = twoPass(xs);
          const scale = maxAbs(xs);
          expect(w.count).toBe(xs.length);
          expectClose(w.mean, exact.mean, 1 + scale);
          expectClose(w.variance, exact.variance, 1 + scale * scale);
          expect(w.stdDev).toBeCloseTo(Math.sqrt(w.variance), 12);
          expectSameNumber(w.min, Math.min(...xs));
          expectSameNumber(w.max, Math.max(...xs));
        },
      ),
    );
  });

  it('merging two accumulators equals adding both streams to one', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const merged = fed(a).merge(fed(b));
        expectSame(merged, fed([...a, ...b]), maxAbs([...a, ...b]));
      }),
    );
  });

  it('merges an accumulator with itself as if every value came twice', () => {
    const w = fed([1, 2, 3, 10]);
    w.merge(w);
    expectSame(w, fed([1, 2, 3, 10, 1, 2, 3, 10]), 10);
  });

  it('stays exact where the sum-of-squares formula cancels (large offset, small spread)', () => {
    const w = fed([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(w.mean).toBe(1e9 + 10);
    expect(w.variance).toBeCloseTo(30, 9);
  });

  it('reports NaN mean, min and max and zero variance when empty, zero variance for one value', () => {
    const w = new Welford();
    expect(w.count).toBe(0);
    expect(w.mean).toBeNaN();
    expect(w.min).toBeNaN();
    expect(w.max).toBeNaN();
    expect(w.variance).toBe(0);
    w.add(5);
    expect(w.mean).toBe(5);
    expect(w.variance).toBe(0);
    expect(w.stdDev).toBe(0);
  });

  it('rejects NaN and infinite values', () => {
    const w = new Welford();
    expect(() => w.add(NaN)).toThrow(RangeError);
    expect(() => w.add(Infinity)).toThrow(/finite/);
    expect(w.count).toBe(0);
  });

  it('forgets everything on reset', () => {
    const w = fed([3, 4, 5]);
    w.reset();
    expect(w.count).toBe(0);
    expect(w.mean).toBeNaN();
    w.add(-2);
    expect([w.mean, w.min, w.max]).toEqual([-2, -2, -2]);
  });

  it('round-trips through JSON and merges after the trip', () => {
    const a = fed([1, 5, 9]);
    const copy = Welford.fromJSON(JSON.parse(JSON.stringify(a)));
    expectSame(copy, a, 9);
    expectSame(copy.merge(fed([2])), fed([1, 5, 9, 2]), 9);
    expect(Welford.fromJSON(new Welford().toJSON()).count).toBe(0);
    expect(() => Welford.fromJSON({ count: 2, mean: 1, m2: -1, min: 0, max: 2 })).toThrow(RangeError);
    expect(() => Welford.fromJSON({ count: 1.5, mean: 1, m2: 0, min: 1, max: 1 })).toThrow(/count/);
  });
});
