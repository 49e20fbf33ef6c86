import { SECONDS_PER_DAY } from '../../engine/calendar';
import { addAt } from '../city-model';
import type { ModelState } from '../model-state';
import { C, type WorkOrder } from '../observation';
import type { WorkStage } from '../stages/work-stage';
import type { MonthlyTopic } from './monthly-topic';

const DAY = SECONDS_PER_DAY;

/**
 * 未诉先办 and the monthly governance: hot spots (the same problem in the same street, often enough
 * within a rolling window, opens a task that lowers its latent rate), seasonal pre-emption, the
 * monthly topic's start (每月一题, monthly-topic.ts). The governance list (治理类) is assessment's
 * (assessment/governance-list.ts).
 */
export class Governance {
  private readonly pairs: number;
  private readonly hotUntil: Float64Array;
  private readonly windowCounts: Uint16Array;
  private readonly windowSums: Uint32Array;
  private readonly dayEvent: number;

  constructor(
    private readonly s: ModelState,
    private readonly work: Pick<WorkStage, 'addTask'>,
    private readonly topic: Pick<MonthlyTopic, 'factor' | 'startMonth'>,
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
    f *= this.topic.factor(category, now);
    const months = city.seasonalMonths[category];
    if (p.seasonal.enabled && months && months.includes(city.monthOf(Math.floor(now / DAY)))) {
      f *= 1 - p.seasonal.effect;
    }
    return f;
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

  /** Midnight: roll the hot-spot window; on the first of a month pick the topic. */
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
    if (day === 0 || s.city.monthOf(day) !== s.city.monthOf(day - 1)) this.topic.startMonth(day);
    if ((day + 1) * DAY < s.end) s.sim.at((day + 1) * DAY, this.dayEvent, day + 1);
  }
}
