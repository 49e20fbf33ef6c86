/** Plain-data form of a {@link Welford} accumulator, for sending across workers and merging there. */
export interface WelfordState {
  readonly count: number;
  readonly mean: number;
  /** Sum of squared deviations from the mean (Welford's M2). */
  readonly m2: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Streaming count, mean, variance, minimum and maximum in O(1) memory (Welford's algorithm), stable
 * where the textbook sum-of-squares formula cancels catastrophically (large values, small spread).
 * Accumulators from separate replications or workers combine exactly with {@link Welford.merge}.
 *
 * @example
 * const w = new Welford();
 * for (const wait of waits) w.add(wait);
 * w.mean; w.stdDev;
 */
export class Welford {
  private n = 0;
  private m = 0;
  private m2 = 0;
  private lo = Infinity;
  private hi = -Infinity;

  /**
   * Add one observation.
   * @throws RangeError when `x` is NaN or infinite (it would silently poison every statistic).
   */
  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`Welford.add: x must be a finite number, got ${x}`);
    this.n++;
    const delta = x - this.m;
    this.m += delta / this.n;
    this.m2 += delta * (x - this.m);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /** Number of observations added. */
  get count(): number {
    return this.n;
  }

  /** Arithmetic mean; NaN when empty. */
  get mean(): number {
    return this.n === 0 ? NaN : this.m;
  }

  /** Sample variance (divisor n - 1); 0 when fewer than two observations. */
  get variance(): number {
    return this.n < 2 ? 0 : this.m2 / (this.n - 1);
  }

  /** Sample standard deviation, the square root of {@link Welford.variance}. */
  get stdDev(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest observation; NaN when empty. */
  get min(): number {
    return this.n === 0 ? NaN : this.lo;
  }

  /** Largest observation; NaN when empty. */
  get max(): number {
    return this.n === 0 ? NaN : this.hi;
  }

  /**
   * Fold another accumulator into this one (Chan, Golub & LeVeque's pairwise update): the result
   * equals having added both streams to one accumulator. `other` is left unchanged.
   * @returns this, for chaining.
   */
  merge(other: Welford): this {
    const nb = other.n;
    if (nb === 0) return this;
    const na = this.n;
    const n = na + nb;
    const delta = other.m - this.m;
    this.m2 += other.m2 + ((delta * delta * na) / n) * nb;
    // Weighted form rather than m + delta * nb / n: exact when one side is empty.
    this.m = na === 0 ? other.m : this.m + (delta * nb) / n;
    this.n = n;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    return this;
  }

  /** Forget every observation (for warm-up deletion or reuse). */
  reset(): void {
    this.n = 0;
    this.m = 0;
    this.m2 = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }

  /** Plain-data snapshot (JSON-safe: an empty accumulator has min = max = 0). */
  toJSON(): WelfordState {
    return this.n === 0
      ? { count: 0, mean: 0, m2: 0, min: 0, max: 0 }
      : { count: this.n, mean: this.m, m2: this.m2, min: this.lo, max: this.hi };
  }

  /**
   * Rebuild an accumulator from {@link Welford.toJSON} output.
   * @throws RangeError when the state is inconsistent (negative count or M2, min > max …).
   */
  static fromJSON(state: WelfordState): Welford {
    const { count, mean, m2, min, max } = state;
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`WelfordState.count must be a non-negative integer, got ${count}`);
    }
    const w = new Welford();
    if (count === 0) return w;
    if (![mean, m2, min, max].every(Number.isFinite) || m2 < 0 || min > max) {
      throw new RangeError('WelfordState must have finite mean, m2, min, max with m2 >= 0 and min <= max');
    }
    w.n = count;
    w.m = mean;
    w.m2 = m2;
    w.lo = min;
    w.hi = max;
    return w;
  }
}
