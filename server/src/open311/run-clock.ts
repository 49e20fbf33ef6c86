import type { RunInfo } from '@hotline-sim/shared';
import type { RedisClient } from '../redis/client';
import { runKeys } from '../live/keys';
import { isoToVirtual, isoToWall, virtualToIso, wallToIso } from './time';

/**
 * Open311's clock of a run: the wall time its datetimes name, so a client polling "the last two
 * hours" (FixMyStreet) sees what happened in the last two hours.
 *
 * - A `wall` run: virtual time is Beijing time (its second 0 is midnight of its start day, today).
 * - A `virtual` run: each virtual moment is dated by the wall time the run's clock reached it, from
 *   the pairs its owner records (when the clock starts or restarts, and every 10 virtual minutes),
 *   linearly between them; a pause is a step (the moment keeps the time it was first reached). Beyond
 *   the last pair (a time limit still ahead), the run's speed carries on; before the first, likewise.
 */
export class RunClock {
  private constructor(
    private readonly run: Pick<RunInfo, 'start' | 'speed' | 'clock'>,
    /** [virtual s, wall ms] in the order recorded: virtual and wall both non-decreasing. */
    private readonly pairs: readonly (readonly [number, number])[],
  ) {}

  static async of(
    redis: RedisClient,
    run: Pick<RunInfo, 'id' | 'start' | 'speed' | 'clock' | 'createdAt'>,
  ): Promise<RunClock> {
    if (run.clock === 'wall') return new RunClock(run, []);
    const raw = await redis.lrange(runKeys(run.id).clock, 0, -1);
    const pairs = raw.map((text) => text.split(' ').map(Number) as [number, number]);
    // Before its first tick a run's second 0 is its creation.
    return RunClock.fromPairs(run, pairs.length > 0 ? pairs : [[0, Date.parse(run.createdAt)]]);
  }

  /** A clock from recorded pairs [virtual s, wall ms] (as `of` reads them from Redis; at least one for a virtual run). */
  static fromPairs(
    run: Pick<RunInfo, 'start' | 'speed' | 'clock'>,
    pairs: readonly (readonly [number, number])[],
  ): RunClock {
    return new RunClock(run, pairs);
  }

  /** A virtual second of the run as an ISO 8601 Beijing date-time, whole seconds. */
  toIso(vt: number): string {
    if (this.run.clock === 'wall') return virtualToIso(this.run.start, vt);
    return wallToIso(this.wallOf(vt));
  }

  /**
   * The whole second (since the epoch) a virtual moment is dated at, as `toIso` writes it: filters
   * compare these, so `updated_after` the datetime of a step excludes that step however fast the run.
   */
  secondOf(vt: number): number {
    return Math.floor(Date.parse(this.toIso(vt)) / 1000);
  }

  /** An ISO 8601 date-time (Beijing time when it names no zone) as a virtual second of the run; NaN when unreadable. */
  toVirtual(iso: string): number {
    if (this.run.clock === 'wall') return isoToVirtual(this.run.start, iso);
    const ms = isoToWall(iso);
    return Number.isFinite(ms) ? this.virtualOf(ms) : NaN;
  }

  private wallOf(vt: number): number {
    const p = this.pairs;
    const first = p[0] as readonly [number, number];
    const last = p[p.length - 1] as readonly [number, number];
    const rate = 1000 / this.run.speed;
    if (vt <= first[0]) return first[1] - (first[0] - vt) * rate;
    if (vt >= last[0]) return last[1] + (vt - last[0]) * rate;
    // The first pair at or after vt (a pause: equal virtual seconds; the earliest wall time wins).
    const i = lowerBound(p, vt, 0);
    const [v1, w1] = p[i] as readonly [number, number];
    const [v0, w0] = p[i - 1] as readonly [number, number];
    return v1 === vt ? w1 : w0 + ((vt - v0) / (v1 - v0)) * (w1 - w0);
  }

  private virtualOf(ms: number): number {
    const p = this.pairs;
    const first = p[0] as readonly [number, number];
    const last = p[p.length - 1] as readonly [number, number];
    const rate = this.run.speed / 1000;
    if (ms <= first[1]) return first[0] - (first[1] - ms) * rate;
    if (ms >= last[1]) return last[0] + (ms - last[1]) * rate;
    const i = lowerBound(p, ms, 1);
    const [v1, w1] = p[i] as readonly [number, number];
    const [v0, w0] = p[i - 1] as readonly [number, number];
    return w1 === w0 ? v1 : v0 + ((ms - w0) / (w1 - w0)) * (v1 - v0);
  }
}

/** Index of the first pair whose field `k` is ≥ x (pairs sorted by it; x within their range). */
function lowerBound(pairs: readonly (readonly [number, number])[], x: number, k: 0 | 1): number {
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pairs[mid] as readonly [number, number])[k] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
