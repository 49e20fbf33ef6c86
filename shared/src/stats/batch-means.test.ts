import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../random/rng';
import { batchMeansCI } from './batch-means';
import { meanCI } from './confidence';

const normal = (rng: Rng) => Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(2 * Math.PI * rng.next());

/** A stationary AR(1) series around `mean`: strongly autocorrelated, like hourly waits in one run. */
function ar1(rng: Rng, n: number, mean: number, phi: number): number[] {
  const out = new Array<number>(n);
  let x = mean + normal(rng) / Math.sqrt(1 - phi * phi);
  for (let i = 0; i < n; i++) {
    out[i] = x;
    x = mean + phi * (x - mean) + normal(rng);
  }
  return out;
}

describe('batchMeansCI', () => {
  it('averages consecutive batches: 0..99 in 10 batches gives 4.5, 14.5, … 94.5', () => {
    const series = Array.from({ length: 100 }, (_, i) => i);
    const ci = batchMeansCI(series, 10);
    expect(ci.batchSize).toBe(10);
    expect(ci.dropped).toBe(0);
    expect(ci.n).toBe(10);
    expect(ci.mean).toBeCloseTo(49.5, 12);
    const means = Array.from({ length: 10 }, (_, b) => 4.5 + 10 * b);
    expect(ci.halfWidth).toBeCloseTo(meanCI(means).halfWidth, 12);
  });

  it('drops the remainder from the start, nearest the warm-up', () => {
    const series = Array.from({ length: 103 }, (_, i) => i);
    const ci = batchMeansCI(series, 10);
    expect(ci.dropped).toBe(3);
    // Batches now hold 3..12, 13..22 … 93..102.
    expect(ci.mean).toBeCloseTo(52.5, 12);
  });

  it('covers the mean of one long autocorrelated run in 90-98 % of 400 runs where a naive CI fails', () => {
    const rng = createRng(31337);
    const trials = 400;
    let batched = 0;
    let naive = 0;
    for (let i = 0; i < trials; i++) {
      const series = ar1(rng, 20_000, 5, 0.9);
      const [lo, hi] = batchMeansCI(series).ci95;
      if (lo <= 5 && 5 <= hi) batched++;
      const [nlo, nhi] = meanCI(series).ci95;
      if (nlo <= 5 && 5 <= nhi) naive++;
    }
    expect(batched / trials).toBeGreaterThanOrEqual(0.9);
    expect(batched / trials).toBeLessThanOrEqual(0.98);
    // The naive interval treats 20,000 correlated values as independent and is ~4x too narrow.
    expect(naive / trials).toBeLessThan(0.6);
  });

  it('shows near-zero lag-1 autocorrelation for long batches and a high one for short batches', () => {
    const series = ar1(createRng(8), 20_000, 0, 0.9);
    expect(Math.abs(batchMeansCI(series, 20).lag1Autocorrelation)).toBeLessThan(0.4);
    expect(batchMeansCI(series, 2000).lag1Autocorrelation).toBeGreaterThan(0.4);
  });

  it('returns NaN with n = 0 when the series is shorter than the batch count', () => {
    const ci = batchMeansCI([1, 2, 3], 20);
    expect(ci.n).toBe(0);
    expect(ci.batchSize).toBe(0);
    expect(ci.mean).toBeNaN();
  });

  it('refuses fewer than 2 or fractional batches', () => {
    expect(() => batchMeansCI([1, 2, 3, 4], 1)).toThrow(/batches/);
    expect(() => batchMeansCI([1, 2, 3, 4], 2.5)).toThrow(RangeError);
  });
});
