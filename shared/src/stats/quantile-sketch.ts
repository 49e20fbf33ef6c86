/*
 * Hand-written DDSketch (Masson, Rim & Lee, VLDB 2019) rather than a library. We need all of:
 * mergeable across replications (so not P², whose markers cannot be combined), bounded memory, no
 * allocation per add (the engine adds millions of values a second), and pure ESM that bundles for
 * the browser. @datadog/sketches-js is CommonJS and its bundle needs protobufjs, which it does not
 * declare; t-digest is mergeable but gives no relative-error bound. The log-bucketed histogram is
 * short enough to own.
 */

/** Options for {@link QuantileSketch}. */
export interface QuantileSketchOptions {
  /**
   * Relative accuracy α: every quantile whose value is at least `zeroThreshold` (and above any
   * collapsed buckets) is returned within a factor [1 - α, 1 + α] of the true value.
   * @defaultValue 0.01
   */
  readonly alpha?: number;
  /**
   * Hard cap on the number of buckets, so memory is at most 8 × maxBuckets bytes. At α = 0.01 the
   * default covers values spanning about 17.8 orders of magnitude before the lowest buckets collapse.
   * @defaultValue 2048
   */
  readonly maxBuckets?: number;
  /**
   * Values below this are counted as zeros (absolute error below the threshold instead of relative).
   * @defaultValue 1e-9
   */
  readonly zeroThreshold?: number;
}

/** Plain-data form of a {@link QuantileSketch}, for sending across workers and merging there. */
export interface QuantileSketchState {
  readonly alpha: number;
  readonly maxBuckets: number;
  readonly zeroThreshold: number;
  readonly count: number;
  readonly zeroCount: number;
  /** 0 when `count` is 0. */
  readonly min: number;
  /** 0 when `count` is 0. */
  readonly max: number;
  readonly collapsed: boolean;
  /** Bucket index of `counts[0]`. */
  readonly firstIndex: number;
  readonly counts: readonly number[];
}

const INITIAL_BUCKETS = 128;

/**
 * Streaming quantiles of non-negative values (waiting, response and closure times) with a
 * relative-accuracy guarantee, bounded memory and exact merging.
 *
 * Values are counted in logarithmic buckets (γ^(k-1), γ^k] with γ = (1 + α)/(1 - α); a quantile
 * is reported as the bucket's centre 2γ^k/(1 + γ), which is within relative error α of anything in
 * the bucket, then clamped to the observed [min, max]. Guarantee: `quantile(q)` estimates the value
 * x of 0-based rank ⌊q·(n − 1)⌋ in sorted order with |estimate − x| ≤ α·x when x ≥ zeroThreshold,
 * and ≤ zeroThreshold when x is below it. The one exception is when the values span more than
 * `maxBuckets` buckets: the lowest buckets are then folded together ({@link QuantileSketch.collapsed}
 * turns true) and only the low quantiles that fall into the folded bucket lose the guarantee; the
 * high quantiles that matter for service levels keep it.
 *
 * Merging is exact: merging sketches of two streams gives the same buckets as one sketch of both.
 *
 * @example
 * const waits = new QuantileSketch();
 * waits.add(12.5);
 * waits.quantile(0.9);
 */
export class QuantileSketch {
  /** Relative accuracy α. */
  readonly alpha: number;
  /** Hard cap on the number of buckets. */
  readonly maxBuckets: number;
  /** Values below this count as zeros. */
  readonly zeroThreshold: number;

  private readonly lnGamma: number;
  private readonly invLnGamma: number;
  private readonly centreFactor: number;
  private counts: Float64Array;
  /** Bucket index stored at counts[0]. */
  private offset = 0;
  /** Bucket indices in use are [lo, hi]; none while hi < lo. */
  private lo = 0;
  private hi = -1;
  private n = 0;
  private zeros = 0;
  private minValue = Infinity;
  private maxValue = -Infinity;
  private folded = false;

  /** @throws RangeError when an option is out of range (the message names it). */
  constructor(options: QuantileSketchOptions = {}) {
    const { alpha = 0.01, maxBuckets = 2048, zeroThreshold = 1e-9 } = options;
    if (!(alpha > 0 && alpha < 1)) {
      throw new RangeError(`QuantileSketch: alpha must be in (0, 1), got ${alpha}`);
    }
    if (!Number.isInteger(maxBuckets) || maxBuckets < 1) {
      throw new RangeError(`QuantileSketch: maxBuckets must be a positive integer, got ${maxBuckets}`);
    }
    if (!(zeroThreshold > 0 && zeroThreshold < Infinity)) {
      throw new RangeError(`QuantileSketch: zeroThreshold must be positive and finite, got ${zeroThreshold}`);
    }
    this.alpha = alpha;
    this.maxBuckets = maxBuckets;
    this.zeroThreshold = zeroThreshold;
    const gamma = (1 + alpha) / (1 - alpha);
    this.lnGamma = Math.log(gamma);
    this.invLnGamma = 1 / this.lnGamma;
    this.centreFactor = 2 / (1 + gamma);
    this.counts = new Float64Array(Math.min(INITIAL_BUCKETS, maxBuckets));
  }

  /**
   * Add one value. Allocates nothing except when the bucket array grows (at most log2(maxBuckets /
   * 128) times in the sketch's life).
   * @throws RangeError when `x` is negative, NaN or infinite.
   */
  add(x: number): void {
    if (!(x >= 0 && x < Infinity)) {
      throw new RangeError(`QuantileSketch.add: x must be a finite number >= 0, got ${x}`);
    }
    this.n++;
    if (x < this.minValue) this.minValue = x;
    if (x > this.maxValue) this.maxValue = x;
    if (x < this.zeroThreshold) {
      this.zeros++;
      return;
    }
    const k = Math.ceil(Math.log(x) * this.invLnGamma);
    if (k >= this.lo && k <= this.hi) {
      const i = k - this.offset;
      this.counts[i] = (this.counts[i] ?? 0) + 1;
    } else {
      this.addToBucket(k, 1);
    }
  }

  /** Number of values added (zeros included). */
  get count(): number {
    return this.n;
  }

  /**
   * True once the value range outgrew `maxBuckets` and the lowest buckets were folded together: low
   * quantiles may then be overestimated (still never below the true minimum).
   */
  get collapsed(): boolean {
    return this.folded;
  }

  /** Length of the bucket array currently allocated; never more than `maxBuckets`. */
  get bucketCapacity(): number {
    return this.counts.length;
  }

  /**
   * Estimate of the q-quantile: the value of 0-based rank ⌊q·(n − 1)⌋ in sorted order, within the
   * relative accuracy described on the class. q = 0 and q = 1 return the exact minimum and maximum.
   * @returns NaN when the sketch is empty.
   * @throws RangeError when `q` is outside [0, 1] or NaN.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`QuantileSketch.quantile: q must be in [0, 1], got ${q}`);
    if (this.n === 0) return NaN;
    if (q === 0) return this.minValue;
    if (q === 1) return this.maxValue;
    const rank = q * (this.n - 1);
    let estimate = 0;
    if (rank >= this.zeros) {
      let seen = this.zeros;
      estimate = this.centre(this.hi);
      for (let k = this.lo; k <= this.hi; k++) {
        seen += this.counts[k - this.offset] ?? 0;
        if (seen > rank) {
          estimate = this.centre(k);
          break;
        }
      }
    }
    return Math.min(this.maxValue, Math.max(this.minValue, estimate));
  }

  /**
   * Fold another sketch into this one; afterwards this sketch is what one sketch fed both streams
   * would be. `other` is left unchanged.
   * @returns this, for chaining.
   * @throws RangeError when the sketches differ in `alpha` or `zeroThreshold`.
   */
  merge(other: QuantileSketch): this {
    if (other.alpha !== this.alpha || other.zeroThreshold !== this.zeroThreshold) {
      throw new RangeError(
        `QuantileSketch.merge: sketches must share alpha and zeroThreshold ` +
          `(${this.alpha}, ${this.zeroThreshold} vs ${other.alpha}, ${other.zeroThreshold})`,
      );
    }
    if (other.n === 0) return this;
    if (other !== this && other.hi >= other.lo) {
      // Reserve the whole incoming range first so the array is re-laid out at most once.
      this.addToBucket(other.hi, 0);
      this.addToBucket(other.lo, 0);
      for (let k = other.lo; k <= other.hi; k++) {
        const c = other.counts[k - other.offset] ?? 0;
        if (c > 0) this.addToBucket(k, c);
      }
    } else if (other === this) {
      for (let i = 0; i < this.counts.length; i++) this.counts[i] = 2 * (this.counts[i] ?? 0);
    }
    this.n += other.n;
    this.zeros += other.zeros;
    if (other.minValue < this.minValue) this.minValue = other.minValue;
    if (other.maxValue > this.maxValue) this.maxValue = other.maxValue;
    this.folded ||= other.folded;
    return this;
  }

  /** Forget every value; keeps the allocated buckets for reuse. */
  reset(): void {
    this.counts.fill(0);
    this.offset = 0;
    this.lo = 0;
    this.hi = -1;
    this.n = 0;
    this.zeros = 0;
    this.minValue = Infinity;
    this.maxValue = -Infinity;
    this.folded = false;
  }

  /** Plain-data snapshot, JSON-safe and sparse (only the buckets in use). */
  toJSON(): QuantileSketchState {
    const used = this.hi >= this.lo;
    return {
      alpha: this.alpha,
      maxBuckets: this.maxBuckets,
      zeroThreshold: this.zeroThreshold,
      count: this.n,
      zeroCount: this.zeros,
      min: this.n === 0 ? 0 : this.minValue,
      max: this.n === 0 ? 0 : this.maxValue,
      collapsed: this.folded,
      firstIndex: used ? this.lo : 0,
      counts: used ? Array.from(this.counts.subarray(this.lo - this.offset, this.hi - this.offset + 1)) : [],
    };
  }

  /**
   * Rebuild a sketch from {@link QuantileSketch.toJSON} output.
   * @throws RangeError when the state is inconsistent (counts that do not add up, negative counts …).
   */
  static fromJSON(state: QuantileSketchState): QuantileSketch {
    const sketch = new QuantileSketch(state);
    const { count, zeroCount, min, max, firstIndex, counts } = state;
    let total = zeroCount;
    for (const c of counts) total += c;
    const valid =
      Number.isInteger(count) &&
      Number.isInteger(zeroCount) &&
      zeroCount >= 0 &&
      Number.isInteger(firstIndex) &&
      counts.every((c) => Number.isInteger(c) && c >= 0) &&
      total === count &&
      counts.length <= state.maxBuckets &&
      (count === 0 || (min >= 0 && min <= max && max < Infinity));
    if (!valid) {
      throw new RangeError(
        'QuantileSketchState is inconsistent: counts must be non-negative integers summing to count',
      );
    }
    if (count === 0) return sketch;
    counts.forEach((c, i) => {
      if (c > 0) sketch.addToBucket(firstIndex + i, c);
    });
    sketch.n = count;
    sketch.zeros = zeroCount;
    sketch.minValue = min;
    sketch.maxValue = max;
    sketch.folded = state.collapsed;
    return sketch;
  }

  private centre(k: number): number {
    return Math.exp(k * this.lnGamma) * this.centreFactor;
  }

  /** Add `c` to bucket k, extending (and if need be collapsing) the bucket range. */
  private addToBucket(k: number, c: number): void {
    if (this.hi < this.lo) {
      this.offset = k - (this.counts.length >> 1);
      this.lo = k;
      this.hi = k;
    } else if (k < this.lo || k > this.hi) {
      this.extend(Math.min(this.lo, k), Math.max(this.hi, k));
    }
    // Below the range only once it is full: the value joins the lowest (collapsed) bucket.
    if (k < this.lo && c > 0) this.folded = true;
    const i = Math.max(k, this.lo) - this.offset;
    this.counts[i] = (this.counts[i] ?? 0) + c;
  }

  /** Make buckets [lo, hi] addressable, keeping at most maxBuckets by folding the lowest ones. */
  private extend(lo: number, hi: number): void {
    const newLo = Math.max(lo, hi - this.maxBuckets + 1);
    const length = this.counts.length;
    if (newLo <= this.lo && newLo >= this.offset && hi < this.offset + length) {
      this.lo = newLo;
      this.hi = hi;
      return;
    }
    const span = hi - newLo + 1;
    let size = length;
    while (size < span) size *= 2;
    size = Math.min(size, this.maxBuckets);
    const newOffset = newLo - ((size - span) >> 1);

    let foldedCount = 0;
    for (let k = this.lo; k < newLo && k <= this.hi; k++) foldedCount += this.counts[k - this.offset] ?? 0;
    if (foldedCount > 0) this.folded = true;

    const keepFrom = Math.max(this.lo, newLo);
    const from = keepFrom - this.offset;
    const to = this.hi - this.offset + 1;
    const at = keepFrom - newOffset;
    let next: Float64Array;
    if (size === length) {
      // Same size (the cap is reached): shift in place rather than allocate.
      next = this.counts;
      if (from < to) {
        next.copyWithin(at, from, to);
        next.fill(0, 0, at);
        next.fill(0, at + (to - from));
      } else {
        next.fill(0);
      }
    } else {
      next = new Float64Array(size);
      if (from < to) next.set(this.counts.subarray(from, to), at);
    }
    const i = newLo - newOffset;
    next[i] = (next[i] ?? 0) + foldedCount;
    this.counts = next;
    this.offset = newOffset;
    this.lo = newLo;
    this.hi = hi;
  }
}
