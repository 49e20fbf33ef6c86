import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../random/rng';
import { meanCI, pairedDifferenceCI } from './confidence';

function normals(rng: Rng, n: number, mean = 0, sd = 1): number[] {
  return Array.from(
    { length: n },
    () => mean + sd * Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(2 * Math.PI * rng.next()),
  );
}

/** Share of `trials` samples of size n whose interval covers the true mean. */
function coverage(seed: number, trials: number, n: number, level: number): number {
  const rng = createRng(seed);
  let covered = 0;
  for (let i = 0; i < trials; i++) {
    const [lo, hi] = meanCI(normals(rng, n, 3, 2), level).ci95;
    if (lo <= 3 && 3 <= hi) covered++;
  }
  return covered / trials;
}

describe('meanCI', () => {
  it('computes the textbook interval for 1..5: 3 ± 2.776·1.581/√5', () => {
    const ci = meanCI([1, 2, 3, 4, 5]);
    expect(ci.mean).toBe(3);
    expect(ci.n).toBe(5);
    expect(ci.level).toBe(0.95);
    expect(ci.halfWidth).toBeCloseTo((2.7764451051977934 * Math.sqrt(2.5)) / Math.sqrt(5), 12);
    expect(ci.ci95[0]).toBeCloseTo(3 - ci.halfWidth, 12);
    expect(ci.ci95[1]).toBeCloseTo(3 + ci.halfWidth, 12);
  });

  it('covers the true mean of normal samples in 93-97 % of 2000 trials at 95 %', () => {
    const c = coverage(12345, 2000, 10, 0.95);
    expect(c).toBeGreaterThanOrEqual(0.93);
    expect(c).toBeLessThanOrEqual(0.97);
  });

  it('covers in 87-93 % of 2000 trials at 90 %, even with only 3 values per sample', () => {
    const c = coverage(777, 2000, 3, 0.9);
    expect(c).toBeGreaterThanOrEqual(0.87);
    expect(c).toBeLessThanOrEqual(0.93);
  });

  it('collapses to [mean, mean] for one value and gives NaN for none', () => {
    expect(meanCI([4.2])).toEqual({ mean: 4.2, ci95: [4.2, 4.2], halfWidth: 0, n: 1, level: 0.95 });
    const empty = meanCI([]);
    expect(empty.n).toBe(0);
    expect(empty.mean).toBeNaN();
    expect(empty.halfWidth).toBeNaN();
    expect(JSON.parse(JSON.stringify(empty))).toEqual({
      mean: null,
      ci95: [null, null],
      halfWidth: null,
      n: 0,
      level: 0.95,
    });
  });

  it('gives a zero-width interval for identical values', () => {
    expect(meanCI([7, 7, 7]).ci95).toEqual([7, 7]);
  });

  it('refuses a level outside (0, 1) and non-finite values', () => {
    expect(() => meanCI([1, 2], 1)).toThrow(/level/);
    expect(() => meanCI([1, 2], 0)).toThrow(RangeError);
    expect(() => meanCI([1, NaN])).toThrow(/finite/);
  });
});

describe('pairedDifferenceCI', () => {
  /** Two policies seen by the same citizens: a shared replication effect plus small noise. */
  function crnPair(rng: Rng, n: number, effect: number): { a: number[]; b: number[] } {
    const shared = normals(rng, n, 100, 20);
    const noiseA = normals(rng, n, 0, 0.5);
    const noiseB = normals(rng, n, 0, 0.5);
    return {
      a: shared.map((s, i) => s + effect + (noiseA[i] ?? 0)),
      b: shared.map((s, i) => s + (noiseB[i] ?? 0)),
    };
  }

  it('detects a small effect that common random numbers make visible', () => {
    const { a, b } = crnPair(createRng(1), 10, 2);
    const paired = pairedDifferenceCI(a, b);
    expect(paired.significant).toBe(true);
    expect(paired.ci95[0]).toBeGreaterThan(0);
    // Compared as independent samples, the shared spread (sd 20) would swamp the effect of 2.
    expect(meanCI(a).halfWidth + meanCI(b).halfWidth).toBeGreaterThan(10 * paired.halfWidth);
  });

  it('calls a difference significant in 3-7 % of 2000 trials when there is none', () => {
    const rng = createRng(2);
    let significant = 0;
    for (let i = 0; i < 2000; i++) {
      const { a, b } = crnPair(rng, 8, 0);
      if (pairedDifferenceCI(a, b).significant) significant++;
    }
    expect(significant / 2000).toBeGreaterThanOrEqual(0.03);
    expect(significant / 2000).toBeLessThanOrEqual(0.07);
  });

  it('never calls one pair significant, and refuses unequal lengths', () => {
    const one = pairedDifferenceCI([10], [1]);
    expect(one.mean).toBe(9);
    expect(one.significant).toBe(false);
    expect(() => pairedDifferenceCI([1, 2], [1])).toThrow(/equal lengths/);
  });
});
