import { meanCI, type MeanCI } from './confidence';

/** A batch-means confidence interval; `n` counts batches, not observations. */
export interface BatchMeansCI extends MeanCI {
  /** Observations per batch (0 when the series was too short to form the batches). */
  readonly batchSize: number;
  /** Observations dropped from the start of the series so that the batches divide it evenly. */
  readonly dropped: number;
  /**
   * Lag-1 autocorrelation of the batch means (NaN for fewer than 3 batches or no spread). Near 0
   * means the batches are long enough to be treated as independent. With k batches its noise alone
   * is about 1/√k (0.22 for 20), so only a value clearly above 2/√k says the batches are too short
   * and the interval too narrow: use fewer, longer batches or a longer run.
   */
  readonly lag1Autocorrelation: number;
}

/**
 * Confidence interval for the steady-state mean from ONE long run, by non-overlapping batch means.
 *
 * Use it when replications are too costly (one long run after a single warm-up) and the series is
 * a sequence of per-period observations that are correlated in time (hourly mean waits, daily
 * closure rates): a plain `meanCI` on such a series is far too narrow, because neighbours are
 * correlated. Grouping the series into a few long batches makes the batch means nearly independent
 * and nearly normal, so a t interval over them is valid. Delete the warm-up before calling (the
 * series should be stationary); prefer independent replications with `meanCI` when runs are cheap,
 * since they need no such assumption.
 *
 * The series is split into `batches` equal consecutive batches; when its length is not a multiple of
 * `batches`, the remainder is dropped from the start, the part nearest the warm-up.
 *
 * @param series - per-period observations in time order (not modified).
 * @param batches - number of batches, an integer >= 2; 10 to 30 is usual. @defaultValue 20
 * @param level - confidence level in (0, 1). @defaultValue 0.95
 * @returns n = number of batches; NaN mean and interval (n = 0) when the series is shorter than
 *   `batches`.
 * @throws RangeError when `batches` is not an integer >= 2, `level` is outside (0, 1) or a value is
 *   not finite.
 */
export function batchMeansCI(series: readonly number[], batches = 20, level = 0.95): BatchMeansCI {
  if (!Number.isInteger(batches) || batches < 2) {
    throw new RangeError(`batchMeansCI: batches must be an integer >= 2, got ${batches}`);
  }
  const batchSize = Math.floor(series.length / batches);
  if (batchSize === 0) {
    return { ...meanCI([], level), batchSize: 0, dropped: series.length, lag1Autocorrelation: NaN };
  }
  const dropped = series.length - batchSize * batches;
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    const start = dropped + b * batchSize;
    for (let i = start; i < start + batchSize; i++) sum += series[i] ?? NaN;
    means.push(sum / batchSize);
  }
  const ci = meanCI(means, level);
  return { ...ci, batchSize, dropped, lag1Autocorrelation: lag1(means, ci.mean) };
}

function lag1(xs: readonly number[], mean: number): number {
  if (xs.length < 3) return NaN;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = (xs[i] ?? NaN) - mean;
    den += d * d;
    if (i > 0) num += d * ((xs[i - 1] ?? NaN) - mean);
  }
  return den === 0 ? NaN : num / den;
}
