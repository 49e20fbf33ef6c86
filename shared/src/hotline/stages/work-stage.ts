import { SECONDS_PER_HOUR } from '../../engine/calendar';
import { makeSampler, type Sampler } from '../../random/distributions';
import { PURPOSES } from '../../random/keyed-random';
import { addAt } from '../city-model';
import type { ModelHooks } from '../hooks';
import type { ModelState } from '../model-state';
import { C, type WorkOrder } from '../observation';
import { resolutionProbability } from '../ratings';
import type { Close, Effort, Records } from './stage-links';

/**
 * The units' work: a signed order is responded to (the unit contacts the citizen), waits in its unit's
 * FIFO backlog for a free handler, is handled (the street blows the whistle when the case needs
 * departments: 吹哨报到) and replied to. Proactive tasks take handlers like orders do. Units can be
 * down for a while (an outage).
 */
export class WorkStage {
  // Units: busy handlers, FIFO backlog, outage.
  private readonly busy: Int32Array;
  private readonly capacity: Float64Array;
  private readonly backlog: number[][];
  private readonly backlogHead: Int32Array;
  private readonly outageUntil: Float64Array;
  private tasks = 0;
  private readonly work: Record<string, Sampler>;
  private readonly report: Sampler;

  constructor(
    private readonly s: ModelState,
    private readonly hooks: ModelHooks,
    private readonly effort: Effort,
    private readonly records: Records,
    private readonly close: Close,
  ) {
    const units = s.city.units;
    this.busy = new Int32Array(units.length);
    this.capacity = Float64Array.from(units.map((u) => u.handlers));
    this.backlog = units.map(() => []);
    this.backlogHead = new Int32Array(units.length);
    this.outageUntil = new Float64Array(units.length);
    const lc = s.lc;
    this.work = Object.fromEntries(
      Object.entries(lc.units.workHours).map(([cls, spec]) => [cls, makeSampler(spec, 3600)]),
    );
    this.report = makeSampler(lc.whistle.reportMinutes, 60);
  }

  /** The unit contacts the citizen (响应); the response counts against the response limit. */
  onRespond(slot: number): void {
    const s = this.s;
    const order = s.orders[slot];
    if (!order) return;
    const now = s.sim.now;
    order.contacted = now;
    s.move(order, 'contacted');
    if (order.source === 'citizen') {
      const limit = Math.min(
        s.lc.response.limitHours * SECONDS_PER_HOUR,
        s.city.slaSeconds[order.category] as number,
      );
      const inTime = now - order.dispatched <= limit;
      order.late = !inTime;
      if (!inTime && order.seat >= 0) this.hooks.news(order, { kind: 'late' });
      this.records.responded(order, inTime);
    }
    this.enqueue(order.unit, slot);
  }

  /** Work for a unit: an order's slot, or a proactive task (a negative ref, -1 - unit). */
  enqueue(unit: number, ref: number): void {
    if ((this.busy[unit] as number) < this.available(unit)) this.startWork(unit, ref);
    else (this.backlog[unit] as number[]).push(ref);
  }

  /** A proactive task for a street unit: street work with no appeal behind it. */
  addTask(unit: number): void {
    this.enqueue(unit, -1 - unit);
  }

  /** The unit stops handling until `until` (an outage); its orders wait. */
  stop(unit: number, until: number): void {
    this.outageUntil[unit] = until;
  }

  /** The unit is back: it takes up its backlog. */
  resume(unit: number): void {
    this.pullBacklog(unit);
  }

  private available(unit: number): number {
    return (this.outageUntil[unit] as number) > this.s.sim.now ? 0 : (this.capacity[unit] as number);
  }

  private startWork(unit: number, ref: number): void {
    const s = this.s;
    addAt(this.busy, unit, 1);
    const order = ref >= 0 ? s.orders[ref] : undefined;
    if (!order) {
      // A proactive task: each task its own draw.
      const work = this.work['7d'] as Sampler;
      s.sim.after(
        work(s.keyed.at(this.tasks++, PURPOSES.task)) * this.hooks.workStretch(unit),
        s.ev.handled,
        ref,
      );
      return;
    }
    const cat = s.city.categories[order.category];
    const work = this.work[cat?.slaClass ?? '7d'] as Sampler;
    let duration = work(s.keyed.at(order.id, PURPOSES.work)) * this.hooks.workStretch(unit);
    if (s.whistleNeeded(order.id, order.category)) duration += this.whistle(order);
    s.sim.after(duration, s.ev.handled, ref);
  }

  /** The street summons the departments (吹哨); they report (报到) and the work waits for the last. */
  private whistle(order: WorkOrder): number {
    const s = this.s;
    if (!s.lc.whistle.enabled) {
      order.whistle = -1;
      return 0;
    }
    order.whistle = 1;
    const summoned = s.city.whistleUnits[order.category] as Int32Array;
    let latest = 0;
    const rng = s.keyed.at(order.id, PURPOSES.reports);
    for (let i = 0; i < summoned.length; i++) {
      const report = this.report(rng);
      latest = Math.max(latest, report);
      if (report <= s.lc.whistle.reportLimitMinutes * 60) s.tally(order.batch, C.reportsOnTime);
    }
    s.tally(order.batch, C.whistles);
    s.tally(order.batch, C.reports, summoned.length);
    return latest;
  }

  /** Handled: the outcome is drawn and the unit replies; a grid order is verified and closes. */
  onHandled(ref: number): void {
    const s = this.s;
    const order = ref >= 0 ? s.orders[ref] : undefined;
    const unit = order ? order.unit : -1 - ref;
    addAt(this.busy, unit, -1);
    this.pullBacklog(unit);
    if (!order) return;
    const id = order.id;
    s.move(order, 'handled');
    const lc = s.lc;
    const cat = s.city.categories[order.category];
    const p = resolutionProbability(lc.citizens.resolution, {
      effort: this.effort(order),
      difficulty: cat?.difficulty ?? 0.3,
      whistle: order.whistle,
      supervised: order.supervised,
      dataSharing: s.adoption.dataSharing(order.street),
      topicPolicies: this.hooks.topicPolicies(order.category),
      returned: order.returns > 0,
    });
    order.outcome =
      s.draw(id, PURPOSES.resolution) < p
        ? 'resolved'
        : s.draw(id, PURPOSES.partly) < lc.citizens.partlyShare
          ? 'partly'
          : 'not';
    s.move(order, 'replied');
    if (order.source === 'grid') {
      s.move(order, 'verified');
      this.hooks.verified(order);
      this.close(order);
      return;
    }
    // Handled in time: the deadline event (already scheduled) makes the callback. Overdue: call back now.
    if (s.sim.now >= order.deadline) s.sim.at(s.sim.now, s.ev.callback, ref);
  }

  private pullBacklog(unit: number): void {
    const queue = this.backlog[unit] as number[];
    while (
      (this.busy[unit] as number) < this.available(unit) &&
      (this.backlogHead[unit] as number) < queue.length
    ) {
      const next = queue[this.backlogHead[unit] as number] as number;
      addAt(this.backlogHead, unit, 1);
      this.startWork(unit, next);
    }
    if ((this.backlogHead[unit] as number) > 1024 && (this.backlogHead[unit] as number) * 2 > queue.length) {
      queue.splice(0, this.backlogHead[unit]);
      this.backlogHead[unit] = 0;
    }
  }
}
