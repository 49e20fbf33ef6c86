import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../../engine/calendar';
import { PURPOSES } from '../../random/keyed-random';
import { appealId } from '../appeal-kind';
import type { ModelState } from '../model-state';
import { C, type WorkOrder } from '../observation';
import type { DispatchAt } from '../stages/stage-links';

/**
 * 网格化 (hotline + grid): grid workers discover problems on patrol. Most are settled on the spot and
 * lower the latent rate of citizen appeals of their kind in their street for a while; the rest enter
 * the lifecycle at dispatch as grid work orders, whose verified resolution lowers it too.
 */
export class GridPatrol {
  private next = 0;
  /** Until when the grid's work lowers each (street, category) pair's latent rate. */
  private readonly until: Float64Array;
  private readonly hourEvent: number;
  private readonly orderEvent: number;
  /** Whether the hourly patrol events are running (they stop while the grid is off). */
  private patrolling = false;

  constructor(
    private readonly s: ModelState,
    private readonly dispatchAt: DispatchAt,
  ) {
    this.until = new Float64Array(s.city.city.streets.length * s.city.categories.length);
    this.hourEvent = s.sim.defineEvent(this.onHour.bind(this));
    this.orderEvent = s.sim.defineEvent(this.onOrder.bind(this));
  }

  /** Patrol from the start of the run, when the scenario has the grid; from the next hour when a lever change turns it on. */
  start(): void {
    this.patrolFrom(0);
    this.s.onLeversChanged(() => this.patrolFrom(Math.ceil(this.s.sim.now / SECONDS_PER_HOUR)));
  }

  private patrolFrom(hour: number): void {
    const grid = this.s.lc.grid;
    if (this.patrolling || !grid.enabled || grid.perCellPerDay <= 0) return;
    this.patrolling = true;
    this.scheduleHour(hour);
  }

  /** Share of the latent rate the grid's work leaves in a pair now. */
  factor(pair: number, now: number): number {
    return (this.until[pair] as number) > now ? 1 - this.s.lc.grid.effect : 1;
  }

  /** A grid order was verified: resolved, its problem is gone for a while. */
  verified(order: WorkOrder): void {
    if (order.outcome !== 'resolved') return;
    this.until[order.street * this.s.city.categories.length + order.category] =
      this.s.sim.now + this.s.lc.grid.effectDays * SECONDS_PER_DAY;
  }

  /**
   * Grid patrols report about ten discoveries for each work order, and nine in ten are settled on
   * the spot: instead of an event each, one event per hour draws the hour's discoveries (a Poisson
   * count, each at its own time within the hour). Dispatched ones become orders at their own time;
   * settled ones lower the latent rate from the top of their hour (an hour early at most, against an
   * effect lasting days).
   */
  private scheduleHour(hour: number): void {
    if (hour * SECONDS_PER_HOUR < this.s.end) this.s.sim.at(hour * SECONDS_PER_HOUR, this.hourEvent, hour);
  }

  private onHour(hour: number): void {
    const s = this.s;
    if (!s.lc.grid.enabled || s.lc.grid.perCellPerDay <= 0) {
      this.patrolling = false;
      return;
    }
    this.scheduleHour(hour + 1);
    const start = hour * SECONDS_PER_HOUR;
    const length = Math.min(SECONDS_PER_HOUR, s.end - start);
    const perSecond = (s.city.city.cells.length * s.lc.grid.perCellPerDay) / SECONDS_PER_DAY;
    // Poisson arrivals in the hour: exponential gaps keyed by discovery id.
    let t = start;
    for (;;) {
      const id = appealId('grid', this.next);
      t += -Math.log(s.draw(id, PURPOSES.gridDispatch, 1)) / perSecond;
      if (t >= start + length) break;
      this.next++;
      this.discover(id, t);
    }
  }

  private discover(id: number, t: number): void {
    const s = this.s;
    const grid = s.lc.grid;
    const category = s.city.drawGridCategory(s.draw(id, PURPOSES.category), Math.floor(t / SECONDS_PER_DAY));
    const street = s.city.drawStreet(s.draw(id, PURPOSES.street));
    // Streets without the grid (lifecycle.adoption.grid) have no patrols: nothing is found there.
    if (!s.adoption.has('grid', street)) return;
    s.count(t, C.gridDiscoveries);
    if (s.draw(id, PURPOSES.gridDispatch) >= grid.dispatchedShare) {
      // Settled on the spot by the grid worker: the problem is gone for a while.
      const pair = street * s.city.categories.length + category;
      this.until[pair] = Math.max(this.until[pair] as number, t + grid.effectDays * SECONDS_PER_DAY);
      return;
    }
    s.count(t, C.gridOrders);
    const cell = s.city.drawCell(street, s.draw(id, PURPOSES.cell));
    const order = s.createOrder(id, 'grid', category, street, cell, t, 'dispatched');
    s.sim.at(t, this.orderEvent, order.slot);
  }

  /** A dispatched grid discovery enters the pipeline at dispatch. */
  private onOrder(slot: number): void {
    const order = this.s.orders[slot];
    if (!order) return;
    this.s.enter(order);
    this.dispatchAt(order, this.s.sim.now);
  }
}
