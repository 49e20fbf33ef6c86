import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../../engine/calendar';
import type { IntakeModel } from '../../intake/intake-model';
import { PURPOSES } from '../../random/keyed-random';
import { appealId, surgeKey } from '../appeal-kind';
import type { Placement } from '../hooks';
import type { ModelState } from '../model-state';

/** A running demand surge (storm, heating start): which categories and district, and its rate bound. */
interface Surge {
  factor: number;
  categories: number[] | undefined;
  district: number;
  endAt: number;
  /** The highest extra rate over its window (contacts per second), for thinning. */
  peak: number;
  /** Key of the pending candidate's draws (one candidate is pending at a time). */
  key: number;
}

/** What a surge inject says: its factor, and the categories (ids) and district (id) it touches. */
export interface SurgeSpec {
  factor: number;
  categories: readonly string[] | undefined;
  districtId: string | undefined;
}

/**
 * Demand surges (a storm, the start of heating): extra contacts of some categories in some district,
 * a multiple of the current rate, arriving through the intake queue like any caller. Their category
 * and street are chosen before they call (the `placement` hook).
 */
export class Surges {
  /** Running surges by inject index. */
  private readonly running = new Map<number, Surge>();
  private draws = 0;
  private contacts = 0;
  private readonly placed = new Map<number, Placement>();
  private readonly event: number;

  constructor(
    private readonly s: ModelState,
    private readonly intake: Pick<IntakeModel, 'rateAt' | 'arrive'>,
  ) {
    this.event = s.sim.defineEvent(this.onArrival.bind(this));
  }

  /** Where a surge placed a contact (undefined for any other contact). */
  placement(contact: number): Placement | undefined {
    // Every contact asks: without a surge running, spare the lookup.
    return this.placed.size === 0 ? undefined : this.placed.get(contact);
  }

  release(contact: number): void {
    if (this.placed.size > 0) this.placed.delete(contact);
  }

  /** Start inject `i`'s surge now, until `endAt`. */
  start(i: number, spec: SurgeSpec, endAt: number): void {
    const s = this.s;
    const city = s.city;
    const categories = spec.categories
      ?.map((id) => city.categories.findIndex((c) => c.id === id))
      .filter((k) => k >= 0);
    const district = spec.districtId ? city.city.districts.findIndex((d) => d.id === spec.districtId) : -1;
    const surge: Surge = { factor: spec.factor, categories, district, endAt, peak: 0, key: 0 };
    // Thinning needs a bound on the extra rate over the whole window: the peak of the hourly rates.
    for (let t = s.sim.now; t < endAt; t += SECONDS_PER_HOUR)
      surge.peak = Math.max(surge.peak, this.rate(surge, t));
    surge.peak = Math.max(surge.peak, this.rate(surge, endAt - 1));
    if (surge.peak <= 0) return;
    this.running.set(i, surge);
    this.schedule(i);
  }

  /** Inject `i`'s surge is over. */
  stop(i: number): void {
    this.running.delete(i);
  }

  /**
   * Extra contacts per second a surge adds at time t: (factor − 1) × the current rate of the affected
   * categories (time of day, weekday, season) in the affected district.
   */
  private rate(surge: Surge, t: number): number {
    const city = this.s.city;
    const day = Math.floor(t / SECONDS_PER_DAY);
    const share = surge.categories ? city.categoryShare(surge.categories, day) : 1;
    const area = surge.district >= 0 ? (city.city.districts[surge.district]?.weight ?? 0) : 1;
    return (surge.factor - 1) * this.intake.rateAt(t) * share * area;
  }

  /** The next candidate of a surge, thinned against its peak so its rate follows the hour and the season. */
  private schedule(i: number): void {
    const s = this.s;
    const surge = this.running.get(i);
    if (!surge) return;
    surge.key = surgeKey(this.draws++);
    const gap = -Math.log(s.draw(surge.key, PURPOSES.surge)) / surge.peak;
    if (s.sim.now + gap < Math.min(surge.endAt, s.end)) s.sim.after(gap, this.event, i);
  }

  /** A surge candidate: kept with probability rate(now) / peak, then placed among the surge's categories and district. */
  private onArrival(i: number): void {
    const s = this.s;
    const surge = this.running.get(i);
    if (!surge) return;
    const now = s.sim.now;
    const key = surge.key;
    this.schedule(i);
    if (s.draw(key, PURPOSES.surge, 1) * surge.peak >= this.rate(surge, now)) return;
    const contact = appealId('surge', this.contacts++);
    const day = Math.floor(now / SECONDS_PER_DAY);
    const category = surge.categories
      ? s.city.drawCategoryAmong(surge.categories, s.draw(contact, PURPOSES.category), day)
      : undefined;
    const street =
      surge.district >= 0 ? s.city.drawStreetIn(surge.district, s.draw(contact, PURPOSES.street)) : undefined;
    if (category !== undefined || street !== undefined) this.placed.set(contact, { category, street });
    this.intake.arrive(contact);
  }
}
