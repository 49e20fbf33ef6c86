import { SECONDS_PER_HOUR } from '../../engine/calendar';
import { makeSampler, type Sampler } from '../../random/distributions';
import { PURPOSES } from '../../random/keyed-random';
import { addAt } from '../city-model';
import type { ModelHooks } from '../hooks';
import type { ModelState } from '../model-state';
import { C, type WorkOrder } from '../observation';
import { resolutionProbability } from '../ratings';
import { finishWithin } from '../office-clock';
import type { Close, Effort, Records, Summon } from './stage-links';

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
  private work!: Record<string, Sampler>;

  constructor(
    private readonly s: ModelState,
    private readonly hooks: ModelHooks,
    private readonly effort: Effort,
    private readonly records: Records,
    private readonly close: Close,
    private readonly summon: Summon,
  ) {
    const units = s.city.units;
    this.busy = new Int32Array(units.length);
    this.capacity = Float64Array.from(units.map((u) => u.handlers));
    this.backlog = units.map(() => []);
    this.backlogHead = new Int32Array(units.length);
    this.outageUntil = new Float64Array(units.length);
    this.refresh();
    s.onLeversChanged(() => {
      this.refresh();
      // Staffing may have grown: units with a backlog take it up now.
      for (let u = 0; u < units.length; u++) this.pullBacklog(u);
    });
  }

  /** Work time samplers and each unit's handlers, from the levers as they stand (the model re-staffs first). */
  private refresh(): void {
    this.s.city.units.forEach((u, i) => {
      this.capacity[i] = u.handlers;
    });
    this.work = Object.fromEntries(
      Object.entries(this.s.lc.units.workHours).map(([cls, spec]) => [cls, makeSampler(spec, 3600)]),
    );
  }

  /** The unit contacts the citizen (响应); the response counts against the response limit from signing. */
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
      const inTime = now - order.signed <= limit;
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
    if (order.source === 'citizen') order.gamed = this.effort.games(order);
    // Effort costs staff time: the work stretches with work effort (closing early skips part of it),
    // contact takes hours with contact effort, and the assessment's paperwork grows with pressure.
    const e = this.effort;
    const h = s.lc.assessment.effortHours;
    const early = order.gamed ? 1 - s.lc.assessment.gaming.earlyClose : 1;
    const paperwork = h.paperwork * e.of(unit) * SECONDS_PER_HOUR;
    let duration =
      work(s.keyed.at(order.id, PURPOSES.work)) * early * (1 + h.workStretch * e.work(order)) +
      h.contact * e.contact(order) * SECONDS_PER_HOUR +
      paperwork;
    duration = (duration * this.hooks.workStretch(unit)) / e.help(unit);
    if (order.source === 'citizen') {
      s.tally(order.batch, C.handled);
      s.tally(order.batch, C.staffHours, duration / SECONDS_PER_HOUR);
      s.tally(order.batch, C.paperworkHours, paperwork / SECONDS_PER_HOUR);
    }
    if (s.whistleNeeded(order.id, order.category)) duration += this.summon(order);
    s.sim.at(finishWithin(s.city, unit, s.sim.now, duration), s.ev.handled, ref);
  }

  /**
   * Handled: the outcome is drawn. Unresolved, a citizen's order may get one repeat site visit (the
   * same handler goes back: `units.revisitShare`); then the unit replies, and a grid order is verified
   * and closes. Lateness runs against the time limit or, when sooner, the unit's promise.
   */
  onHandled(ref: number): void {
    const s = this.s;
    const order = ref >= 0 ? s.orders[ref] : undefined;
    const unit = order ? order.unit : -1 - ref;
    if (!order) {
      addAt(this.busy, unit, -1);
      this.pullBacklog(unit);
      return;
    }
    const id = order.id;
    const lc = s.lc;
    const cat = s.city.categories[order.category];
    const now = s.sim.now;
    const late = now - order.deadline;
    const promiseLate = now - order.promised;
    order.overdue = Math.max(
      late > 0 ? Math.log1p(late / (order.deadline - order.dispatched)) : 0,
      promiseLate > 0 ? Math.log1p(promiseLate / (order.promised - order.dispatched)) : 0,
    );
    const p = resolutionProbability(lc.citizens.resolution, {
      effort: this.effort.work(order),
      difficulty: (cat?.difficulty ?? 0.3) + (s.city.streetDifficulty[order.street] as number),
      whistle: order.whistle,
      overdue: order.overdue,
      dataSharing: s.adoption.dataSharing(order.street),
      topicPolicies: this.hooks.topicPolicies(order.category),
      returned: order.returns > 0,
      lateReports: order.lateReports,
    });
    const resolved = s.draw(id, PURPOSES.resolution, order.visits) < p;
    order.visits++;
    if (
      !resolved &&
      order.visits === 1 &&
      order.source === 'citizen' &&
      s.draw(id, PURPOSES.revisit, 32) < lc.units.revisitShare
    ) {
      s.sim.at(finishWithin(s.city, unit, now, this.revisit(order)), s.ev.handled, ref);
      return;
    }
    addAt(this.busy, unit, -1);
    this.pullBacklog(unit);
    s.move(order, 'handled');
    if (order.source === 'citizen') {
      if (late > 0) s.tally(order.batch, C.overdue);
      if (order.promised < Infinity) {
        s.tally(order.batch, C.promised);
        if (promiseLate <= 0) s.tally(order.batch, C.promiseKept);
      }
    }
    order.outcome = resolved
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

  /** A repeat visit's staff time: the work again (its own draw), counted as burden. */
  private revisit(order: WorkOrder): number {
    const s = this.s;
    const cat = s.city.categories[order.category];
    const work = this.work[cat?.slaClass ?? '7d'] as Sampler;
    const duration =
      (work(s.keyed.at(order.id, PURPOSES.revisit)) *
        (1 + s.lc.assessment.effortHours.workStretch * this.effort.work(order)) *
        this.hooks.workStretch(order.unit)) /
      this.effort.help(order.unit);
    s.tally(order.batch, C.repeatVisits);
    s.tally(order.batch, C.staffHours, duration / SECONDS_PER_HOUR);
    return duration;
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
