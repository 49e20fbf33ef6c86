import { z } from 'zod';
import type { DeepReadonly } from '../util/deep-readonly';
import type { Rng } from './rng';

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();

/**
 * A distribution as a scenario names it: exactly one key saying the family, with its parameters.
 * Families take a mean where that is natural, because people know the mean of a talk time, not μ.
 */
export const distributionSchema = z.union([
  z.strictObject({ exponential: z.strictObject({ mean: positive }) }),
  z.strictObject({ deterministic: z.strictObject({ value: nonNegative }) }),
  z.strictObject({
    uniform: z
      .strictObject({ min: nonNegative, max: nonNegative })
      .refine((u) => u.max >= u.min, { message: 'max must be at least min' }),
  }),
  /** Lognormal by its mean and coefficient of variation (sd / mean). */
  z.strictObject({ lognormal: z.strictObject({ mean: positive, cv: positive }) }),
  /** Gamma by its mean and coefficient of variation; cv = 1 is the exponential. */
  z.strictObject({ gamma: z.strictObject({ mean: positive, cv: positive }) }),
  /** Erlang-k: the sum of k exponential phases, with the given overall mean. */
  z.strictObject({ erlang: z.strictObject({ k: z.number().int().min(1).max(1000), mean: positive }) }),
  /** Resample observed values; with `interpolate`, draw between neighbouring order statistics. */
  z.strictObject({
    empirical: z.strictObject({
      samples: z.array(nonNegative).min(1),
      interpolate: z.boolean().default(false),
    }),
  }),
]);

export type DistributionSpec = DeepReadonly<z.infer<typeof distributionSchema>>;

/** Draws one value from a distribution, using the given generator. */
export type Sampler = (rng: Rng) => number;

/**
 * Samplers are closures over their parameters so the hot loop calls one small function.
 * `scale` multiplies every draw (minutes → seconds) without a second call per draw.
 */
export function makeSampler(spec: DistributionSpec, scale = 1): Sampler {
  if ('exponential' in spec) {
    const mean = spec.exponential.mean * scale;
    return (rng) => -mean * Math.log(rng.next());
  }
  if ('deterministic' in spec) {
    const value = spec.deterministic.value * scale;
    return () => value;
  }
  if ('uniform' in spec) {
    const min = spec.uniform.min * scale;
    const max = spec.uniform.max * scale;
    return (rng) => min + (max - min) * rng.next();
  }
  if ('lognormal' in spec) {
    const cv = spec.lognormal.cv;
    const mean = spec.lognormal.mean * scale;
    const sigma2 = Math.log(1 + cv * cv);
    const mu = Math.log(mean) - sigma2 / 2;
    const sigma = Math.sqrt(sigma2);
    return (rng) => Math.exp(mu + sigma * standardNormal(rng));
  }
  if ('gamma' in spec) {
    const cv = spec.gamma.cv;
    const mean = spec.gamma.mean * scale;
    const shape = 1 / (cv * cv);
    const gammaScale = mean / shape;
    return (rng) => gammaScale * standardGamma(shape, rng);
  }
  if ('erlang' in spec) {
    const k = spec.erlang.k;
    const phaseMean = (spec.erlang.mean * scale) / k;
    return (rng) => {
      // One log of the product of k uniforms instead of k logs; renormalise to avoid underflow.
      let sum = 0;
      let product = 1;
      for (let i = 0; i < k; i++) {
        product *= rng.next();
        if (product < 1e-280) {
          sum -= Math.log(product);
          product = 1;
        }
      }
      return phaseMean * (sum - Math.log(product));
    };
  }
  const samples = Float64Array.from(spec.empirical.samples, (x) => x * scale).sort();
  const n = samples.length;
  if (!spec.empirical.interpolate || n === 1) return (rng) => samples[rng.int(n)] as number;
  return (rng) => {
    const x = rng.next() * (n - 1);
    const i = Math.floor(x);
    const lo = samples[i] as number;
    const hi = samples[Math.min(i + 1, n - 1)] as number;
    return lo + (hi - lo) * (x - i);
  };
}

/** The mean of a distribution, exactly (used for offered load and for defaults in reports). */
export function distributionMean(spec: DistributionSpec): number {
  if ('exponential' in spec) return spec.exponential.mean;
  if ('deterministic' in spec) return spec.deterministic.value;
  if ('uniform' in spec) return (spec.uniform.min + spec.uniform.max) / 2;
  if ('lognormal' in spec) return spec.lognormal.mean;
  if ('gamma' in spec) return spec.gamma.mean;
  if ('erlang' in spec) return spec.erlang.mean;
  const s = spec.empirical.samples;
  return s.reduce((a, b) => a + b, 0) / s.length;
}

/** Standard normal by Box-Muller (one draw per call: no hidden cached state between calls). */
export function standardNormal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 by the boost u^(1/shape). */
export function standardGamma(shape: number, rng: Rng): number {
  if (shape < 1) return standardGamma(shape + 1, rng) * Math.pow(rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
