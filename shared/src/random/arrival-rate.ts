import { SECONDS_PER_DAY, SECONDS_PER_HOUR, civilFromDays, dayOfWeek } from '../engine/calendar';
import type { Rng } from './rng';

/** Where arrival times come from: `next(t, rng)` is the first arrival after t (Infinity: none). */
export interface ArrivalProcess {
  next(t: number, rng: Rng): number;
  /** Arrivals per second around time t (a trace: its average). */
  rateAt(t: number): number;
}

/** Replays recorded arrival times in order; draws nothing from the generator. */
export class TraceArrivals implements ArrivalProcess {
  private readonly times: Float64Array;
  private index = 0;

  private readonly meanRate: number;

  /** @param seconds the span the trace covers, for its average rate */
  constructor(times: readonly number[], seconds: number) {
    this.times = Float64Array.from(times).sort();
    this.meanRate = seconds > 0 ? times.length / seconds : 0;
  }

  rateAt(): number {
    return this.meanRate;
  }

  next(t: number): number {
    const times = this.times;
    while (this.index < times.length && (times[this.index] as number) < t) this.index++;
    // Equal times are distinct contacts: each call consumes one.
    return this.index < times.length ? (times[this.index++] as number) : Infinity;
  }
}

/** How the arrival rate varies: relative multipliers, each profile normalised to mean 1. */
export interface ArrivalProfile {
  /** Average arrivals per hour over the profile. */
  perHour: number;
  /** 24 multipliers, hour 0 first. */
  hourOfDay?: readonly number[] | undefined;
  /** 7 multipliers, Monday first. */
  dayOfWeek?: readonly number[] | undefined;
  /** 12 multipliers, January first. */
  monthOfYear?: readonly number[] | undefined;
}

function normalised(weights: readonly number[] | undefined, n: number): Float64Array {
  const out = new Float64Array(n).fill(1);
  if (!weights) return out;
  const mean = weights.reduce((a, b) => a + b, 0) / n;
  for (let i = 0; i < n; i++) out[i] = (weights[i] as number) / mean;
  return out;
}

/**
 * A non-homogeneous Poisson process whose rate is constant within each hour (time of day × day of
 * week × month). Arrivals are sampled exactly by inversion of the cumulative rate: draw one unit
 * exponential and walk hour segments until it is used up. No thinning, so no rejected draws, and one
 * uniform per arrival: a constant-rate scenario sees the same arrival times as with no profile.
 */
export class PiecewiseArrivals implements ArrivalProcess {
  private readonly hourly: Float64Array;
  private readonly perDay: Float64Array;
  private constantPerSecond: number | undefined;

  /**
   * @param profile rates and multipliers
   * @param startDay the run's first day, in days since 1970-01-01 (gives weekday and month)
   * @param days how many days the run may last (multipliers are precomputed per day)
   */
  constructor(profile: ArrivalProfile, startDay: number, days: number) {
    this.hourly = normalised(profile.hourOfDay, 24);
    const dow = normalised(profile.dayOfWeek, 7);
    const moy = normalised(profile.monthOfYear, 12);
    const n = Math.max(1, Math.ceil(days));
    this.perDay = new Float64Array(n);
    for (let d = 0; d < n; d++) {
      const month = civilFromDays(startDay + d).month;
      this.perDay[d] =
        (profile.perHour / SECONDS_PER_HOUR) *
        (dow[dayOfWeek(startDay + d)] as number) *
        (moy[month - 1] as number);
    }
    const flat = !profile.hourOfDay && !profile.dayOfWeek && !profile.monthOfYear;
    this.constantPerSecond = flat ? profile.perHour / SECONDS_PER_HOUR : undefined;
  }

  /**
   * Scale the rate from day `fromDay` on by `factor` (a new mean per hour: the profile's shape stays).
   * The caller redraws its pending arrival: earlier draws used the old rate.
   */
  rescale(factor: number, fromDay: number): void {
    if (this.constantPerSecond !== undefined) {
      this.constantPerSecond *= factor;
      return;
    }
    for (let d = Math.max(0, fromDay); d < this.perDay.length; d++) {
      this.perDay[d] = (this.perDay[d] as number) * factor;
    }
  }

  /** Arrivals per second at virtual time t (seconds since the start of day 0). */
  rateAt(t: number): number {
    if (this.constantPerSecond !== undefined) return this.constantPerSecond;
    const hour = Math.floor(t / SECONDS_PER_HOUR);
    const day = Math.min(Math.floor(t / SECONDS_PER_DAY), this.perDay.length - 1);
    return (this.perDay[day] as number) * (this.hourly[hour % 24] as number);
  }

  /** The next arrival time after t; Infinity when the rate is zero from t on. */
  next(t: number, rng: Rng): number {
    let e = -Math.log(rng.next());
    if (this.constantPerSecond !== undefined) {
      return this.constantPerSecond > 0 ? t + e / this.constantPerSecond : Infinity;
    }
    const horizon = this.perDay.length * SECONDS_PER_DAY;
    let now = t;
    while (now < horizon) {
      const end = (Math.floor(now / SECONDS_PER_HOUR) + 1) * SECONDS_PER_HOUR;
      const rate = this.rateAt(now);
      const mass = rate * (end - now);
      if (mass >= e) return now + e / rate;
      e -= mass;
      now = end;
    }
    return Infinity;
  }
}
