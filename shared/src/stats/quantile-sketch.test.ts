import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { QuantileSketch, type QuantileSketchOptions } from './quantile-sketch';

const QS = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

/** The value the sketch promises to approximate: 0-based rank ⌊q·(n − 1)⌋ of the sorted data. */
function exactQuantile(sorted: Float64Array | readonly number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))] ?? NaN;
}

function sketchOf(xs: Iterable<number>, options?: QuantileSketchOptions): QuantileSketch {
  const s = new QuantileSketch(options);
  for (const x of xs) s.add(x);
  return s;
}

/** |estimate − exact| ≤ α·exact above the zero threshold, ≤ threshold below it (plus float slack). */
function expectWithinAccuracy(s: QuantileSketch, sorted: Float64Array | readonly number[], q: number): void {
  const exact = exactQuantile(sorted, q);
  const estimate = s.quantile(q);
  const bound = exact >= s.zeroThreshold ? s.alpha * exact : s.zeroThreshold;
  expect(Math.abs(estimate - exact), `q=${q} exact=${exact} estimate=${estimate}`).toBeLessThanOrEqual(
    bound * (1 + 1e-9),
  );
}

type Shape = 'lognormal' | 'exponential' | 'exponential-with-zeros';

function sample(shape: Shape, seed: number, n: number): number[] {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Array.from({ length: n }, () => {
    switch (shape) {
      case 'lognormal':
        return Math.exp(3 + 2 * normal());
      case 'exponential':
        return -120 * Math.log(rng.next());
      case 'exponential-with-zeros':
        return rng.next() < 0.3 ? 0 : -120 * Math.log(rng.next());
    }
  });
}

const ascending = (a: number, b: number) => a - b;

describe('QuantileSketch: accuracy', () => {
  it('stays within relative accuracy alpha of the exact sorted quantile on lognormal, exponential and zero-heavy data', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Shape>('lognormal', 'exponential', 'exponential-with-zeros'),
        fc.nat(),
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(0.001, 0.01, 0.05),
        (shape, seed, n, alpha) => {
          const xs = sample(shape, seed, n);
          // Room for every bucket: collapsing is checked on its own below.
          const s = sketchOf(xs, { alpha, maxBuckets: 100_000 });
          expect(s.collapsed).toBe(false);
          xs.sort(ascending);
          expect(s.count).toBe(n);
          for (const q of QS) expectWithinAccuracy(s, xs, q);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the guarantee for arbitrary non-negative doubles, tiny ones counted as zeros', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e300, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (xs) => {
          const s = sketchOf(xs, { maxBuckets: 1e6 });
          const sorted = [...xs].sort(ascending);
          for (const q of QS) expectWithinAccuracy(s, sorted, q);
        },
      ),
    );
  });

  it('returns the exact minimum and maximum for q = 0 and q = 1, and NaN when empty', () => {
    const s = new QuantileSketch();
    expect(s.quantile(0.5)).toBeNaN();
    for (const x of [3.3, 0.7, 12_345.678]) s.add(x);
    expect(s.quantile(0)).toBe(0.7);
    expect(s.quantile(1)).toBe(12_345.678);
  });

  it('reports a stream of zeros as zero', () => {
    const s = sketchOf([0, 0, 0, 1e-12]);
    expect(s.quantile(0.5)).toBe(0);
    expect(s.quantile(0.99)).toBeLessThanOrEqual(1e-12);
  });
});

describe('QuantileSketch: bounded memory', () => {
  // 1e6 log-uniform values over [1e-3, 1e9]: 12 orders of magnitude.
  const rng = createRng(2024);
  const wide = new Float64Array(1_000_000);
  for (let i = 0; i < wide.length; i++) wide[i] = 10 ** (-3 + 12 * rng.next());
  const sorted = Float64Array.from(wide).sort();

  it('holds 1e6 values spanning 12 orders of magnitude in at most 2048 buckets at 1 % accuracy, uncollapsed', () => {
    const s = sketchOf(wide);
    expect(s.bucketCapacity).toBeLessThanOrEqual(2048);
    expect(s.collapsed).toBe(false);
    for (const q of QS) expectWithinAccuracy(s, sorted, q);
  });

  it('honours a tighter cap of 512 buckets by collapsing the lowest, keeping p90 and p99 within 1 %', () => {
    const s = sketchOf(wide, { maxBuckets: 512 });
    expect(s.bucketCapacity).toBeLessThanOrEqual(512);
    expect(s.collapsed).toBe(true);
    for (const q of [0.9, 0.95, 0.99, 0.999, 1]) expectWithinAccuracy(s, sorted, q);
    expect(s.quantile(0)).toBe(sorted[0]);
    // Low quantiles are no longer guaranteed, but the estimate never drops below the truth.
    expect(s.quantile(0.1)).toBeGreaterThanOrEqual(exactQuantile(sorted, 0.1));
  });

  it('never grows past its cap, whatever order the values arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), { maxLength: 500 }),
        fc.integer({ min: 1, max: 300 }),
        (xs, maxBuckets) => {
          const s = sketchOf(xs, { maxBuckets });
          expect(s.bucketCapacity).toBeLessThanOrEqual(maxBuckets);
          expect(s.count).toBe(xs.length);
          if (xs.length > 0) {
            const sorted = [...xs].sort(ascending);
            expectWithinAccuracy(s, sorted, 1);
            // The top buckets are never collapsed, so the maximum's neighbourhood stays accurate.
            if (!s.collapsed) for (const q of QS) expectWithinAccuracy(s, sorted, q);
          }
        },
      ),
    );
  });
});

describe('QuantileSketch: merging', () => {
  const stream = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 1e8, noNaN: true })), {
    maxLength: 400,
  });

  it('merging sketches of two streams gives exactly the sketch of both, collapsed or not', () => {
    fc.assert(
      fc.property(stream, stream, fc.constantFrom(8, 64, 2048), (a, b, maxBuckets) => {
        const merged = sketchOf(a, { maxBuckets }).merge(sketchOf(b, { maxBuckets }));
        const whole = sketchOf([...a, ...b], { maxBuckets });
        expect(merged.toJSON()).toEqual(whole.toJSON());
        for (const q of QS) expect(merged.quantile(q)).toBe(whole.quantile(q));
      }),
    );
  });

  it('pools replications: the merged p99 is within 1 % of the pooled exact p99', () => {
    const replications = [1, 2, 3, 4, 5].map((seed) => sample('lognormal', seed, 20_000));
    const pooled = new QuantileSketch();
    for (const r of replications) pooled.merge(sketchOf(r));
    const all = replications.flat().sort(ascending);
    for (const q of [0.5, 0.9, 0.99]) expectWithinAccuracy(pooled, all, q);
  });

  it('merges a sketch with itself as if every value came twice', () => {
    const xs = sample('exponential', 9, 1000);
    const s = sketchOf(xs);
    s.merge(s);
    const twice = sketchOf([...xs, ...xs]);
    expect(s.toJSON()).toEqual(twice.toJSON());
  });

  it('refuses to merge sketches with different accuracy', () => {
    expect(() => new QuantileSketch({ alpha: 0.01 }).merge(new QuantileSketch({ alpha: 0.02 }))).toThrow(
      RangeError,
    );
  });
});

describe('QuantileSketch: lifecycle and validation', () => {
  it('rejects negative, NaN and infinite values', () => {
    const s = new QuantileSketch();
    expect(() => s.add(-1)).toThrow(RangeError);
    expect(() => s.add(NaN)).toThrow(/>= 0/);
    expect(() => s.add(Infinity)).toThrow(RangeError);
    expect(s.count).toBe(0);
  });

  it('rejects q outside [0, 1] and bad options, naming the option', () => {
    const s = sketchOf([1]);
    expect(() => s.quantile(1.5)).toThrow(RangeError);
    expect(() => s.quantile(NaN)).toThrow(RangeError);
    expect(() => new QuantileSketch({ alpha: 0 })).toThrow(/alpha/);
    expect(() => new QuantileSketch({ maxBuckets: 2.5 })).toThrow(/maxBuckets/);
    expect(() => new QuantileSketch({ zeroThreshold: -1 })).toThrow(/zeroThreshold/);
  });

  it('reset forgets every value and keeps working', () => {
    const s = sketchOf(sample('lognormal', 3, 10_000), { maxBuckets: 64 });
    s.reset();
    expect(s.count).toBe(0);
    expect(s.collapsed).toBe(false);
    expect(s.quantile(0.5)).toBeNaN();
    const xs = sample('exponential', 4, 2000);
    for (const x of xs) s.add(x);
    expect(s.toJSON()).toEqual(sketchOf(xs, { maxBuckets: 64 }).toJSON());
  });

  it('round-trips through JSON, then merges like the original', () => {
    const xs = sample('exponential-with-zeros', 5, 3000);
    const s = sketchOf(xs, { maxBuckets: 100 });
    const copy = QuantileSketch.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(copy.toJSON()).toEqual(s.toJSON());
    for (const q of QS) expect(copy.quantile(q)).toBe(s.quantile(q));
    const more = sample('lognormal', 6, 500);
    expect(copy.merge(sketchOf(more, { maxBuckets: 100 })).toJSON()).toEqual(
      sketchOf([...xs, ...more], { maxBuckets: 100 }).toJSON(),
    );
    expect(QuantileSketch.fromJSON(new QuantileSketch().toJSON()).count).toBe(0);
  });

  it('rejects a JSON state whose counts do not add up', () => {
    const state = sketchOf([1, 2, 3]).toJSON();
    expect(() => QuantileSketch.fromJSON({ ...state, count: 4 })).toThrow(RangeError);
    expect(() => QuantileSketch.fromJSON({ ...state, counts: [-1, 4] })).toThrow(RangeError);
  });
});
