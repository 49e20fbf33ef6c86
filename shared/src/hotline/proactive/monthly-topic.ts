import { SECONDS_PER_DAY, civilFromDays, daysFromCivil } from '../../engine/calendar';
import type { ModelState } from '../model-state';
import { C } from '../observation';

const DAY = SECONDS_PER_DAY;
/** Mean month length in seconds (a ramp in months is a length of time, not calendar months). */
const MONTH = 30.44 * DAY;

/**
 * 每月一题 (DOMAIN.md §5, §9): the scenario lists the year's topics by month, each a category led by a
 * city department. From the first day of its month a topic's policies build up a stock (linearly to
 * full over `rampMonths`) that stays: the stock lowers the category's latent rate (fewer appeals of
 * that kind) and helps its orders resolve. The campaign costs the lead department's time in its month,
 * not the streets'. Policies of earlier years' topics (`topicsInForce`) give every complaint category a
 * base stock that acts on resolution only (their cut of the latent rate is in the year's demand).
 */
export class MonthlyTopic {
  /** Second (from the run's start, negative when before it) each category's first topic starts; +∞ if none. */
  private readonly starts: Float64Array;
  /** Units leading a topic of the current month. */
  private readonly leading: Uint8Array;
  private leads: { month: number; unit: number }[] = [];
  private base = 0;

  constructor(private readonly s: ModelState) {
    const city = s.city;
    this.starts = new Float64Array(city.categories.length).fill(Infinity);
    this.leading = new Uint8Array(city.units.length);
    this.refresh(civilFromDays(city.startDay).year, -Infinity);
    // A change mid-run: topics (re)start in the current year, never before the change; policies
    // already made stay (a topic switched off starts no new campaign, its stock remains).
    s.onLeversChanged(() => {
      const now = s.sim.now;
      this.refresh(civilFromDays(city.startDay + Math.floor(now / DAY)).year, now);
    });
  }

  private refresh(year: number, notBefore: number): void {
    const city = this.s.city;
    const mt = this.s.lc.proactive.monthlyTopic;
    this.base = Math.min(1, mt.topicsInForce / 60);
    this.leads = [];
    if (!mt.enabled) return;
    const index = new Map(city.categories.map((c, k) => [c.id, k]));
    for (const topic of mt.topics) {
      const k = index.get(topic.category);
      if (k === undefined) continue;
      // The campaign begins on the first of its month in the year (before the run if earlier).
      const start = Math.max(notBefore, (daysFromCivil(year, topic.month, 1) - city.startDay) * DAY);
      this.starts[k] = Math.min(this.starts[k] as number, start);
      const unit = city.cityUnit.get(topic.leadUnit);
      if (unit !== undefined) this.leads.push({ month: topic.month, unit });
    }
  }

  /** Policy stock of this run's topics in a category now, 0-1. */
  private stock(category: number, now: number): number {
    const elapsed = now - (this.starts[category] as number);
    return elapsed <= 0 ? 0 : Math.min(1, elapsed / (this.s.lc.proactive.monthlyTopic.rampMonths * MONTH));
  }

  /** Share of a category's latent problem rate the topics' policies leave now (≤ 1). */
  factor(category: number, now: number): number {
    return 1 - this.s.lc.proactive.monthlyTopic.effect * this.stock(category, now);
  }

  /** Policy stock an order of this category is handled with now (0-1; consultations have none). */
  policies(category: number): number {
    if (this.s.city.isConsultation[category] === 1) return 0;
    return Math.max(this.base, this.stock(category, this.s.sim.now));
  }

  /**
   * The lead department gives its campaign `capacityCost` of its time in the topic month: its work on
   * everything else takes 1 / (1 − cost) as long (a share of handlers would round to nothing in small units).
   */
  workStretch(unit: number): number {
    return this.leading[unit] === 1
      ? 1 / (1 - Math.min(0.95, this.s.lc.proactive.monthlyTopic.capacityCost))
      : 1;
  }

  /** The first of a month (day of the run): the month's lead departments start their campaigns. */
  startMonth(day: number): void {
    const s = this.s;
    const month = s.city.monthOf(day);
    this.leading.fill(0);
    for (const lead of this.leads) {
      if (lead.month !== month) continue;
      this.leading[lead.unit] = 1;
      s.count(s.sim.now, C.proactiveTasks);
    }
  }
}
