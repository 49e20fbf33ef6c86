import { tQuantile } from './student-t';

/**
 * A mean with its Student-t confidence interval. JSON-safe except that an empty sample gives NaN
 * (serialised as null).
 */
export interface MeanCI {
  /** Sample mean; NaN when n = 0. */
  readonly mean: number;
  /**
   * [lower, upper] bounds at `level` (named for the usual 95 %; it holds whatever level was asked
   * for). [mean, mean] when n = 1, [NaN, NaN] when n = 0.
   */
  readonly ci95: readonly [number, number];
  /** Half the interval's width: t(1 − (1 − level)/2, n − 1) · s/√n. 0 when n = 1, NaN when n = 0. */
  readonly halfWidth: number;
  /** Number of values the interval rests on. */
  readonly n: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
}

/** A {@link MeanCI} of paired differences a[i] − b[i], with the verdict it supports. */
export interface PairedCI extends MeanCI {
  /** True when n >= 2 and the interval excludes 0: the two alternatives differ at this level. */
  readonly significant: boolean;
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}

/**
 * Mean and Student-t confidence interval of independent, identically distributed values (e.g. one
 * KPI from each of n independent replications; for one long correlated run use `batchMeansCI`).
 *
 * n = 1 gives the degenerate interval [mean, mean] with halfWidth 0: one value carries no estimate
 * of spread, and Infinity would not survive JSON. Check `n` before trusting such an interval.
 *
 * @param values - the sample (not modified).
 * @param level - confidence level in (0, 1). @defaultValue 0.95
 * @throws RangeError when `level` is outside (0, 1) or a value is not finite.
 */
export function meanCI(values: readonly number[], level = 0.95): MeanCI {
  checkLevel(level);
  const n = values.length;
  if (n === 0) return { mean: NaN, ci95: [NaN, NaN], halfWidth: NaN, n: 0, level };
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`meanCI: values must be finite, got ${v}`);
    sum += v;
  }
  const mean = sum / n;
  if (n === 1) return { mean, ci95: [mean, mean], halfWidth: 0, n, level };
  // Corrected two-pass variance (Chan, Golub & LeVeque): with the data at hand, the most accurate form.
  let ss = 0;
  let drift = 0;
  for (const v of values) {
    const d = v - mean;
    ss += d * d;
    drift += d;
  }
  const variance = (ss - (drift * drift) / n) / (n - 1);
  const halfWidth = tQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(Math.max(0, variance) / n);
  return { mean, ci95: [mean - halfWidth, mean + halfWidth], halfWidth, n, level };
}

/**
 * Confidence interval for the mean difference between two alternatives run on common random
 * numbers: replication i of each used the same seed, so a[i] and b[i] are positively correlated and
 * the paired difference a[i] − b[i] has far less variance than comparing two separate means.
 *
 * @param a - one KPI per replication for alternative A.
 * @param b - the same KPI for alternative B, replication for replication.
 * @param level - confidence level in (0, 1). @defaultValue 0.95
 * @returns the CI of mean(a − b); `significant` is false when n < 2, whatever the mean.
 * @throws RangeError when the lengths differ, `level` is outside (0, 1) or a value is not finite.
 */
export function pairedDifferenceCI(a: readonly number[], b: readonly number[], level = 0.95): PairedCI {
  if (a.length !== b.length) {
    throw new RangeError(
      `pairedDifferenceCI: a and b must have equal lengths, got ${a.length} and ${b.length}`,
    );
  }
  const diffs = a.map((x, i) => x - (b[i] ?? NaN));
  const ci = meanCI(diffs, level);
  const [lo, hi] = ci.ci95;
  return { ...ci, significant: ci.n >= 2 && (lo > 0 || hi < 0) };
}
