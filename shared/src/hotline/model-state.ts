import type { City } from '../city/types';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, parseIsoDate } from '../engine/calendar';
import type { Simulation } from '../engine/simulation';
import { BATCHES } from '../intake/intake-model';
import { KeyedRng, PURPOSES, keyedUniform } from '../random/keyed-random';
import type { Scenario } from '../scenario/schema';
import { QuantileSketch } from '../stats';
import { CityModel, addAt } from './city-model';
import { Adoption } from './policies/adoption';
import { transition, type AppealState } from './lifecycle';
import {
  HOTLINE_COUNTERS,
  emptyRecord,
  type AppealTransition,
  type HotlineObservation,
  type OrderSource,
  type StreetRecord,
  type WorkOrder,
} from './observation';

/** The scenario's lifecycle section (present in every scenario the full model runs). */
export type Lifecycle = NonNullable<Scenario['lifecycle']>;

/** Events the lifecycle stages hand an appeal on with; the wiring module binds each to its stage. */
export type StageEvent = 'receive' | 'review' | 'forward' | 'respond' | 'handled' | 'deadline' | 'callback';

/**
 * The state every stage reads and writes: the run's clock and horizon, the city, the appeal draws,
 * the table of open work orders, the counters and league records, and the transitions reported to
 * the observer. Stages keep what only they need (a unit's backlog, a street's month) to themselves.
 */
export class ModelState {
  readonly end: number;
  readonly warmup: number;
  readonly city: CityModel;
  readonly keyed: KeyedRng;
  /** Which streets adopt the organisational levers (lifecycle.adoption). */
  readonly adoption: Adoption;
  /** Event kinds of the stages (set once by the wiring module, before the run starts). */
  ev!: Readonly<Record<StageEvent, number>>;
  /** The scenario as its levers stand now (a lever change replaces it: `changeLevers`). */
  scenario: Scenario;
  /** Parts that keep values derived from the levers, refreshed after each change. */
  private readonly refreshers: (() => void)[] = [];

  /**
   * Open orders by slot; closed slots are reused (a dense array, not a Map keyed by id: the hot path
   * looks orders up several times each, and reuse keeps them in cache).
   */
  readonly orders: (WorkOrder | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  openOrders = 0;

  readonly counters = new Float64Array(HOTLINE_COUNTERS.length * BATCHES);
  readonly closeHours = Array.from({ length: BATCHES }, () => new QuantileSketch());
  readonly streetRecords: StreetRecord[];
  readonly cityUnitRecords: StreetRecord[];
  private readonly batchSeconds: number;

  constructor(
    readonly sim: Simulation,
    scenario: Scenario,
    /** The lifecycle as its levers stand now (read through: a lever change replaces it). */
    public lc: Lifecycle,
    readonly seed: number,
    city: City,
    private readonly onTransition: ((step: AppealTransition) => void) | undefined,
  ) {
    this.scenario = scenario;
    this.keyed = new KeyedRng(seed);
    this.end = scenario.hours * SECONDS_PER_HOUR;
    this.warmup = scenario.warmupHours * SECONDS_PER_HOUR;
    this.batchSeconds = (this.end - this.warmup) / BATCHES;
    const days = Math.ceil(this.end / SECONDS_PER_DAY) + 1;
    this.city = new CityModel(city, scenario, parseIsoDate(scenario.start), days + 60);
    this.adoption = new Adoption(this.city, lc, seed);
    this.city.sizeUnits(scenario, (street) => this.adoption.has('grid', street));
    const records = (n: number): StreetRecord[] => Array.from({ length: n }, emptyRecord);
    this.streetRecords = records(this.city.city.streets.length);
    this.cityUnitRecords = records(this.city.units.length - this.city.firstCityUnit);
  }

  /**
   * A part that caches values derived from the levers (samplers, capacities, flags) registers how it
   * refreshes them; everything else reads `lc` at the moment it decides.
   */
  onLeversChanged(refresh: () => void): void {
    this.refreshers.push(refresh);
  }

  /**
   * The levers change now (a validated scenario with the new values): the city's tables from today
   * on, who adopts what, the units' staffing for the new load, then every registered part.
   */
  changeLevers(scenario: Scenario): void {
    const lc = scenario.lifecycle;
    if (!lc) throw new Error('a lever change cannot remove the lifecycle');
    this.scenario = scenario;
    this.lc = lc;
    this.adoption.update(lc);
    this.city.update(scenario, Math.floor(this.sim.now / SECONDS_PER_DAY));
    this.city.sizeUnits(scenario, (street) => this.adoption.has('grid', street));
    for (const refresh of this.refreshers) refresh();
  }

  /** The keyed uniform of an appeal's draw (run seed, appeal id, purpose, counter). */
  draw(id: number, purpose: number, counter = 0): number {
    return keyedUniform(this.seed, id, purpose, counter);
  }

  /** Whether handling this appeal needs several units (the street blows the whistle): one keyed draw. */
  whistleNeeded(id: number, category: number): boolean {
    const w = this.city.categories[category]?.whistle ?? 0;
    return w > 0 && this.draw(id, PURPOSES.whistleNeeded) < w;
  }

  // ─── counters ──────────────────────────────────────────────────────────────

  /** Observation batch of a receipt time; -1 outside the observed window. */
  batchOf(received: number): number {
    if (received < this.warmup || received >= this.end) return -1;
    const b = Math.floor((received - this.warmup) / this.batchSeconds);
    return b < BATCHES ? b : BATCHES - 1;
  }

  /** Count into the batch of a receipt time. */
  count(received: number, counter: number, n = 1): void {
    this.tally(this.batchOf(received), counter, n);
  }

  /** Count into a batch already known (an order's), -1 meaning outside the observed window. */
  tally(batch: number, counter: number, n = 1): void {
    if (batch >= 0) addAt(this.counters, counter * BATCHES + batch, n);
  }

  observation(
    intake: HotlineObservation['intake'],
    weights: HotlineObservation['weights'],
  ): HotlineObservation {
    return {
      intake,
      counters: this.counters,
      closeHours: this.closeHours,
      streets: this.streetRecords,
      cityUnits: this.cityUnitRecords,
      open: this.openOrders,
      weights,
    };
  }

  // ─── orders ────────────────────────────────────────────────────────────────

  /** The unit that owns an appeal of this category in this street (ground truth). */
  ownerOf(category: number, street: number): number {
    return this.city.ownerOf(category, street);
  }

  createOrder(
    id: number,
    source: OrderSource,
    category: number,
    street: number,
    cell: number,
    received: number,
    state: AppealState,
  ): WorkOrder {
    const owner = this.ownerOf(category, street);
    const slot = this.freeSlots.pop() ?? this.orders.length;
    const order: WorkOrder = {
      id,
      slot,
      source,
      category,
      cell,
      street,
      received,
      batch: this.batchOf(received),
      owner,
      unit: owner,
      state,
      deadline: Infinity,
      dispatched: NaN,
      contacted: NaN,
      returns: 0,
      misrouted: false,
      supervised: false,
      whistle: 0,
      coordinated: false,
      lateReports: 0,
      outcome: undefined,
      rating: undefined,
      waitMinutes: 0,
      late: false,
      closed: false,
      deadlineDone: true,
      seat: -1,
      overdue: 0,
      gamed: false,
      signed: NaN,
      promised: Infinity,
      visits: 0,
    };
    this.orders[slot] = order;
    this.openOrders++;
    return order;
  }

  /** Give a closed order's slot back for reuse. */
  free(order: WorkOrder): void {
    this.orders[order.slot] = undefined;
    this.freeSlots.push(order.slot);
  }

  // ─── transitions ───────────────────────────────────────────────────────────

  /** Move an order to its next state (illegal moves throw) and report it. */
  move(order: WorkOrder, to: AppealState, at = this.sim.now): void {
    const from = order.state;
    order.state = transition(from, to);
    this.onTransition?.(this.stepOf(order, from, to, at));
  }

  /** Report an order entering the lifecycle (an external appeal received, a grid discovery dispatched). */
  enter(order: WorkOrder, at = this.sim.now): void {
    this.onTransition?.(this.stepOf(order, undefined, order.state, at));
  }

  /** Report a contact's transition before it has an order (received, answered, redirected). */
  contactMove(
    contact: number,
    from: AppealState | undefined,
    to: AppealState,
    at: number,
    category: number,
    street: number,
  ): void {
    if (!this.onTransition) return;
    this.onTransition({
      id: contact,
      from,
      to,
      at,
      source: 'citizen',
      category,
      street,
      cell: this.city.drawCell(street, this.draw(contact, PURPOSES.cell)),
      unit: -1,
      deadline: NaN,
      outcome: undefined,
      rating: undefined,
      whistle: false,
    });
  }

  private stepOf(
    order: WorkOrder,
    from: AppealState | undefined,
    to: AppealState,
    at: number,
  ): AppealTransition {
    return {
      id: order.id,
      from,
      to,
      at,
      source: order.source,
      category: order.category,
      street: order.street,
      cell: order.cell,
      unit: order.unit,
      deadline: order.dispatched >= 0 ? order.deadline : NaN,
      outcome: order.outcome,
      rating: order.rating,
      whistle: order.whistle === 1,
    };
  }
}
