import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile, tCdf, tQuantile } from './student-t';

/** |actual − expected| ≤ tol·|expected|. */
function expectRelative(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    tol * Math.abs(expected),
  );
}

describe('tQuantile', () => {
  it('reproduces the printed t table for 95 % two-sided intervals', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.045, 3);
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.96, 3);
    expect(tQuantile(0.95, 4)).toBeCloseTo(2.132, 3);
    expect(tQuantile(0.995, 19)).toBeCloseTo(2.861, 3);
  });

  it('agrees with high-precision references to 1e-12, from df 1.5 to 1e9 and tails down to 1e-300', () => {
    // Computed with mpmath (regularised incomplete beta, root-found at 60-80 digits), rounded to doubles.
    const references: [p: number, df: number, t: number][] = [
      [1e-12, 3, -10331.108244292485],
      [0.975, 3, 3.182446305283708],
      [0.001, 9, -4.296805662729919],
      [0.4, 29, -0.2556836345712561],
      [0.995, 100, 2.6258905214380177],
      [1e-6, 1000, -4.781608620458351],
      [0.025, 100_000, -1.9599877075346095],
      [0.975, 1e9, 1.959963986912325],
      [0.99, 1.5, 11.197316179568393],
      [1e-200, 1.5, -1.1245005997832136e133],
      [1e-300, 2.5, -8.765437882279991e119],
      [1e-100, 30, -10810.645001143976],
      [1e-300, 1000, -54.29138855305174],
    ];
    for (const [p, df, t] of references) expectRelative(tQuantile(p, df), t, 1e-12);
  });

  it('matches the closed forms for df = 1, 2 and 4', () => {
    // Away from the far tails, where p − 1/2 and 1 − p in the closed forms themselves lose digits.
    for (const p of [0.001, 0.01, 0.2, 0.45, 0.7, 0.975, 0.999]) {
      expectRelative(tQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-12);
      expectRelative(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-12);
      const alpha = 4 * p * (1 - p);
      const q = Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha);
      expectRelative(tQuantile(p, 4), Math.sign(p - 0.5) * 2 * Math.sqrt(q - 1), 1e-12);
    }
  });

  it('inverts tCdf for any df up to 1000 and tail down to 1e-300', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: -300, max: Math.log10(0.5), noNaN: true }),
        fc.boolean(),
        (df, log10Tail, upper) => {
          // For the upper tail, use the tail that 1 − tail actually represents after rounding.
          const tail = upper ? 1 - (1 - 10 ** log10Tail) : 10 ** log10Tail;
          const t = tQuantile(upper ? 1 - tail : tail, df);
          const back = upper ? tCdf(-t, df) : tCdf(t, df);
          expectRelative(back, tail, 1e-11);
        },
      ),
    );
  });

  it('is antisymmetric about p = 1/2 and increasing in p', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (p0, df) => {
          // A pair p, 1 − p that are both exact doubles.
          const upper = 1 - p0;
          const p = 1 - upper;
          expectRelative(tQuantile(upper, df), -tQuantile(p, df), 1e-12);
          expect(tQuantile(p * 0.9, df)).toBeLessThan(tQuantile(p, df));
        },
      ),
    );
  });

  it('gives ±Infinity at 0 and 1, 0 at 1/2, and refuses bad arguments', () => {
    expect(tQuantile(0, 5)).toBe(-Infinity);
    expect(tQuantile(1, 5)).toBe(Infinity);
    expect(tQuantile(0.5, 5)).toBe(0);
    expect(() => tQuantile(1.1, 5)).toThrow(RangeError);
    expect(() => tQuantile(NaN, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.9, 0.5)).toThrow(/df/);
    expect(() => tQuantile(0.9, NaN)).toThrow(/df/);
  });
});

describe('tCdf', () => {
  it('matches the closed forms for df = 1 (Cauchy) and df = 2', () => {
    for (const t of [-50, -3, -0.5, 0, 0.2, 1, 7]) {
      expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      expect(tCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    }
    expect(tCdf(-Infinity, 3)).toBe(0);
    expect(tCdf(Infinity, 3)).toBe(1);
  });

  it('becomes the standard normal CDF at df = Infinity', () => {
    expectRelative(tCdf(-3, Infinity), 0.0013498980316300946, 1e-13);
    expectRelative(tCdf(-10, Infinity), 7.619853024160525e-24, 1e-12);
    expectRelative(tCdf(0.3, Infinity), 0.6179114221889527, 1e-14);
  });
});

describe('normalQuantile', () => {
  it('agrees with high-precision references into the far tails', () => {
    expectRelative(normalQuantile(0.975), 1.9599639845400538, 1e-15);
    expectRelative(normalQuantile(0.025), -1.9599639845400543, 1e-15);
    expectRelative(normalQuantile(0.3), -0.5244005127080408, 1e-15);
    expectRelative(normalQuantile(1e-10), -6.361340902404057, 1e-15);
    expectRelative(normalQuantile(1e-100), -21.273453560965326, 1e-15);
    expectRelative(normalQuantile(1e-300), -37.0470962993612, 1e-15);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});
