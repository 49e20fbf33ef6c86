/**
 * Time-weighted average of a piecewise-constant signal such as queue length or busy agents: the
 * integral of the signal over [start, tEnd] divided by the elapsed time. Each change costs O(1).
 *
 * Times are simulation times in any one unit; they must never decrease.
 *
 * @example
 * const queue = new TimeWeighted(0, 0);
 * queue.add(arrivalTime, +1);
 * queue.add(serviceStart, -1);
 * queue.mean(endTime); // average queue length L in Little's law L = λW
 */
export class TimeWeighted {
  private start: number;
  private last: number;
  private current: number;
  private area = 0;

  /**
   * @param t0 - when observation starts.
   * @param value0 - the signal's value from `t0` on.
   * @throws RangeError when either is not finite.
   */
  constructor(t0: number, value0: number) {
    if (!Number.isFinite(t0)) throw new RangeError(`TimeWeighted: t0 must be finite, got ${t0}`);
    if (!Number.isFinite(value0)) throw new RangeError(`TimeWeighted: value0 must be finite, got ${value0}`);
    this.start = t0;
    this.last = t0;
    this.current = value0;
  }

  /** The signal's current value. */
  get value(): number {
    return this.current;
  }

  /** Start of the averaging window: `t0`, or the time of the last {@link TimeWeighted.reset}. */
  get startTime(): number {
    return this.start;
  }

  /**
   * The signal changes to `value` at time `t`.
   * @throws RangeError when `t` is before the previous change or `value` is not finite.
   */
  set(t: number, value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`TimeWeighted.set: value must be finite, got ${value}`);
    this.advance(t);
    this.current = value;
  }

  /** The signal changes by `delta` at time `t` (e.g. +1 on arrival, -1 on departure). */
  add(t: number, delta: number): void {
    this.set(t, this.current + delta);
  }

  /**
   * Integral of the signal from the window start to `tEnd` (e.g. total customer-seconds waited).
   * @throws RangeError when `tEnd` is before the last change.
   */
  integral(tEnd: number): number {
    this.checkTime(tEnd, 'tEnd');
    return this.area + this.current * (tEnd - this.last);
  }

  /**
   * Time-weighted mean over [window start, tEnd]. For an empty window (tEnd equal to the start) it
   * returns the current value, the limit of the average as the window shrinks, rather than NaN.
   * @throws RangeError when `tEnd` is before the last change.
   */
  mean(tEnd: number): number {
    const span = tEnd - this.start;
    const total = this.integral(tEnd);
    return span === 0 ? this.current : total / span;
  }

  /**
   * Restart the window at `t`, forgetting the integral before it and keeping the current value: call
   * it at the end of the warm-up period so that the empty-and-idle start does not bias the mean.
   * @throws RangeError when `t` is before the last change.
   */
  reset(t: number): void {
    this.checkTime(t, 't');
    this.start = t;
    this.last = t;
    this.area = 0;
  }

  private advance(t: number): void {
    this.checkTime(t, 't');
    this.area += this.current * (t - this.last);
    this.last = t;
  }

  private checkTime(t: number, name: string): void {
    // Written so that NaN fails too.
    if (!(t >= this.last && t < Infinity)) {
      throw new RangeError(
        `TimeWeighted: ${name} must be finite and >= the last change at ${this.last}, got ${t}`,
      );
    }
  }
}
