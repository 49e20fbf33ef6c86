import { describe, expect, it } from 'vitest';
import { distributionMean, distributionSchema, makeSampler, type DistributionSpec } from './distributions';
import { createRng } from './rng';

function moments(spec: DistributionSpec, n = 200_000, seed = 11) {
  const sample = makeSampler(spec);
  const rng = createRng(seed);
  let sum = 0;
  let sq = 0;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const x = sample(rng);
    sum += x;
    sq += x * x;
    min = Math.min(min, x);
  }
  const mean = sum / n;
  const variance = sq / n - mean * mean;
  return { mean, sd: Math.sqrt(variance), min, n };
}

/** Sample mean within 4 standard errors of the truth, and the sd within 3 %. */
function expectMoments(spec: DistributionSpec, mean: number, sd: number) {
  const m = moments(spec);
  expect(Math.abs(m.mean - mean)).toBeLessThan(4 * (sd / Math.sqrt(m.n)) + 1e-12);
  expect(Math.abs(m.sd - sd)).toBeLessThanOrEqual(0.03 * sd + 1e-12);
  expect(m.min).toBeGreaterThanOrEqual(0);
  expect(distributionMean(spec)).toBeCloseTo(mean, 10);
}

describe('distributions', () => {
  it('exponential has mean = sd', () => expectMoments({ exponential: { mean: 2 } }, 2, 2));
  it('deterministic is constant', () => expectMoments({ deterministic: { value: 3 } }, 3, 0));
  it('uniform has mean (a+b)/2 and sd (b-a)/√12', () =>
    expectMoments({ uniform: { min: 1, max: 5 } }, 3, 4 / Math.sqrt(12)));
  it('lognormal keeps its mean and cv', () =>
    expectMoments({ lognormal: { mean: 5.3, cv: 0.8 } }, 5.3, 5.3 * 0.8));
  it('gamma keeps its mean and cv, above and below shape 1', () => {
    expectMoments({ gamma: { mean: 4, cv: 0.5 } }, 4, 2);
    expectMoments({ gamma: { mean: 4, cv: 1.5 } }, 4, 6);
  });
  it('erlang-k has sd mean/√k, also for large k', () => {
    expectMoments({ erlang: { k: 4, mean: 8 } }, 8, 4);
    expectMoments({ erlang: { k: 900, mean: 1 } }, 1, 1 / 30);
  });
  it('empirical resamples the observed values', () => {
    const samples = [1, 2, 2, 7];
    const sample = makeSampler({ empirical: { samples, interpolate: false } });
    const rng = createRng(1);
    const seen = new Set(Array.from({ length: 1000 }, () => sample(rng)));
    expect([...seen].sort()).toEqual([1, 2, 7]);
    expectMoments({ empirical: { samples, interpolate: false } }, 3, Math.sqrt((4 + 1 + 1 + 16) / 4));
  });
  it('interpolated empirical stays within the observed range', () => {
    const sample = makeSampler({ empirical: { samples: [10, 20, 40], interpolate: true } });
    const rng = createRng(2);
    for (let i = 0; i < 1000; i++) {
      const x = sample(rng);
      expect(x).toBeGreaterThanOrEqual(10);
      expect(x).toBeLessThanOrEqual(40);
    }
  });
  it('rejects specs with two families, unknown families and bad parameters', () => {
    expect(
      distributionSchema.safeParse({ exponential: { mean: 1 }, uniform: { min: 0, max: 1 } }).success,
    ).toBe(false);
    expect(distributionSchema.safeParse({ weibull: { shape: 1 } }).success).toBe(false);
    expect(distributionSchema.safeParse({ exponential: { mean: -1 } }).success).toBe(false);
    expect(distributionSchema.safeParse({ uniform: { min: 3, max: 1 } }).success).toBe(false);
  });
});
