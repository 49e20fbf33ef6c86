import type { ModelState } from '../model-state';
import { C } from '../observation';

/**
 * 每月一题: the month's top recurring problem gets a city-wide campaign that lowers its latent rate
 * while it runs and takes a share of every street's time.
 */
export class MonthlyTopic {
  private topicCategory = -1;

  constructor(private readonly s: ModelState) {}

  /** Share of a category's latent problem rate the campaign leaves now (≤ 1). */
  factor(category: number): number {
    return category === this.topicCategory ? 1 - this.s.lc.proactive.monthlyTopic.effect : 1;
  }

  /**
   * While a monthly-topic campaign runs, streets give it `capacityCost` of their time: their work on
   * everything else takes 1 / (1 − cost) as long (a share of handlers would round to nothing in small units).
   */
  workStretch(unit: number): number {
    return this.topicCategory >= 0 && this.s.city.units[unit]?.kind === 'street'
      ? 1 / (1 - Math.min(0.95, this.s.lc.proactive.monthlyTopic.capacityCost))
      : 1;
  }

  /** The first of a month (day of the run): pick the month's topic. */
  startMonth(day: number): void {
    const s = this.s;
    if (!s.lc.proactive.monthlyTopic.enabled) return;
    this.topicCategory = this.topicOf(s.city.monthOf(day));
    s.count(s.sim.now, C.proactiveTasks, s.city.city.streets.length);
  }

  /** The month's top recurring problem: the complaint category with the most expected street appeals. */
  private topicOf(month: number): number {
    const city = this.s.city;
    let best = -1;
    let bestWeight = -1;
    city.categories.forEach((c, k) => {
      if (city.isConsultation[k] === 1 || c.owner.kind !== 'street') return;
      const w = c.share * (c.seasonality[month - 1] ?? 1) * (1 - c.directAnswer);
      if (w > bestWeight) {
        best = k;
        bestWeight = w;
      }
    });
    return best;
  }
}
