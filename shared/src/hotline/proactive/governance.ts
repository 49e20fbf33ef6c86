import { SECONDS_PER_DAY } from '../../engine/calendar';
import { addAt } from '../city-model';
import type { ModelState } from '../model-state';
import { C, MIN_RATED_TO_RANK, type WorkOrder } from '../observation';
import type { AssessmentStage } from '../stages/assessment-stage';
import type { WorkStage } from '../stages/work-stage';

const DAY = SECONDS_PER_DAY;

/**
 * 未诉先办 and the monthly governance: hot spots (the same problem in the same street, often enough
 * within a rolling window, opens a task that lowers its latent rate), seasonal pre-emption, the
 * monthly topic (每月一题: the month's top recurring problem, worked on by every street), and the
 * governance list (治理类: the month's worst streets by their 三率 score go under city supervision).
 */
export class Governance {
  private readonly pairs: number;
  private readonly hotUntil: Float64Array;
  private readonly windowCounts: Uint16Array;
  private readonly windowSums: Uint32Array;
  private topicCategory = -1;
  private readonly dayEvent: number;

  constructor(
    private readonly s: ModelState,
    private readonly work: Pick<WorkStage, 'addTask'>,
    private readonly assessment: Pick<AssessmentStage, 'monthScores' | 'newMonth'>,
  ) {
    this.pairs = s.city.city.streets.length * s.city.categories.length;
    this.hotUntil = new Float64Array(this.pairs);
    const window = Math.max(1, Math.round(s.lc.proactive.hotSpots.windowDays));
    this.windowCounts = new Uint16Array(this.pairs * window);
    this.windowSums = new Uint32Array(this.pairs);
    this.dayEvent = s.sim.defineEvent(this.onDay.bind(this));
  }

  /** Start the daily round at midnight of day 0. */
  start(): void {
    this.s.sim.at(0, this.dayEvent, 0);
  }

  /** Share of the latent problem rate that 未诉先办 (hot spots, monthly topic, seasonal) leaves (≤ 1). */
  factor(pair: number, category: number, now: number): number {
    const p = this.s.lc.proactive;
    const city = this.s.city;
    let f = 1;
    if ((this.hotUntil[pair] as number) > now) f *= 1 - p.hotSpots.effect;
    if (category === this.topicCategory) f *= 1 - p.monthlyTopic.effect;
    const months = city.seasonalMonths[category];
    if (p.seasonal.enabled && months && months.includes(city.monthOf(Math.floor(now / DAY)))) {
      f *= 1 - p.seasonal.effect;
    }
    return f;
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

  /** 未诉先办: the same category in the same street, `threshold` times within the rolling window, opens a task. */
  firstReceipt(order: WorkOrder): void {
    const s = this.s;
    const hs = s.lc.proactive.hotSpots;
    if (!hs.enabled || s.city.isConsultation[order.category] === 1) return;
    const pair = order.street * s.city.categories.length + order.category;
    const window = this.windowCounts.length / this.pairs;
    const now = s.sim.now;
    addAt(this.windowCounts, pair * window + (Math.floor(now / DAY) % window), 1);
    addAt(this.windowSums, pair, 1);
    if ((this.windowSums[pair] as number) >= hs.threshold && (this.hotUntil[pair] as number) <= now) {
      this.hotUntil[pair] = now + hs.durationDays * DAY;
      s.tally(order.batch, C.proactiveTasks);
      s.tally(order.batch, C.hotSpotTasks);
      // The task takes street capacity like an order does.
      this.work.addTask(s.city.streetUnit[order.street] as number);
    }
  }

  /** Midnight: roll the hot-spot window; on the first of a month pick the topic and the governance list. */
  private onDay(day: number): void {
    const s = this.s;
    if (s.lc.proactive.hotSpots.enabled && day > 0) {
      const window = this.windowCounts.length / this.pairs;
      const slot = day % window;
      for (let p = 0; p < this.pairs; p++) {
        const i = p * window + slot;
        addAt(this.windowSums, p, -(this.windowCounts[i] as number));
        this.windowCounts[i] = 0;
      }
    }
    if (day === 0 || s.city.monthOf(day) !== s.city.monthOf(day - 1)) this.startMonth(day);
    if ((day + 1) * DAY < s.end) s.sim.at((day + 1) * DAY, this.dayEvent, day + 1);
  }

  private startMonth(day: number): void {
    const s = this.s;
    if (s.lc.proactive.monthlyTopic.enabled) {
      this.topicCategory = this.topicOf(s.city.monthOf(day));
      s.count(s.sim.now, C.proactiveTasks, s.city.city.streets.length);
    }
    const a = s.lc.assessment;
    if (a.governanceList && day > 0) {
      // 治理类: the worst streets of the month by their 三率 score (the assessment weights) go under city supervision.
      const scores = this.assessment.monthScores(MIN_RATED_TO_RANK);
      scores.sort((x, y) => x[1] - y[1]);
      this.assessment.newMonth(scores.slice(0, a.governanceListSize).map(([street]) => street));
    }
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
