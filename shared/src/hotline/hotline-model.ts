import type { AppealCategory } from '../catalogue/categories';
import { loadBeijing } from '../city/beijing';
import type { City } from '../city/types';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, parseIsoDate } from '../engine/calendar';
import { Simulation } from '../engine/simulation';
import { BATCHES, IntakeModel, type IntakeObservation } from '../intake/intake-model';
import { makeSampler, type Sampler } from '../random/distributions';
import { meanPerHour, type Scenario } from '../scenario/schema';
import { QuantileSketch } from '../stats';
import { CityModel, addAt } from './city-model';
import { ContactTable } from './contact-table';
import { KeyedRng, PURPOSES, keyedUniform } from '../random/keyed-random';
import { transition, type AppealState } from './lifecycle';
import type { Inject } from './lifecycle-schema';
import type { SeatChannel, SeatDecision, SeatEvent, SeatTruth } from '../training/seats';
import type { DeepReadonly } from '../util/deep-readonly';
import { positiveRatingProbability, resolutionProbability, type Outcome } from './ratings';

type Lifecycle = NonNullable<Scenario['lifecycle']>;
/** Omit over each member of a union (a plain Omit would merge the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Where a work order came from: a citizen's contact, or a grid worker's discovery. */
export type OrderSource = 'citizen' | 'grid';

/** A work order (工单): an appeal after dispatch, until it closes. */
export interface WorkOrder {
  readonly id: number;
  /** Where the order lives in the model's table; events refer to it by this. */
  readonly slot: number;
  readonly source: OrderSource;
  readonly category: number;
  readonly cell: number;
  readonly street: number;
  /** Receipt time (the contact's arrival, or the discovery). */
  readonly received: number;
  /** Observation batch of the receipt time; -1 outside the observed window. */
  readonly batch: number;
  /** The unit that owns it (ground truth) and the unit that holds it now. */
  readonly owner: number;
  unit: number;
  state: AppealState;
  deadline: number;
  dispatched: number;
  contacted: number;
  returns: number;
  /** The current holder got it by mistake (misroute) or returned it without cause (dodge). */
  misrouted: boolean;
  supervised: boolean;
  whistle: number;
  outcome: Outcome | undefined;
  /** The citizen's rating at the callback, when reached. */
  rating: Rating | undefined;
  /** Minutes the citizen waited for an agent (0 for grid discoveries). */
  waitMinutes: number;
  /** The unit responded after the response limit (24 h, or the SLA if shorter). */
  late: boolean;
  /** Closed, but its slot waits for a pending deadline event before it is reused. */
  closed: boolean;
  /** No deadline event is pending for it (never scheduled, or already fired). */
  deadlineDone: boolean;
  /** Index of the training seat that dispatched it (its consequences are reported), -1 for none. */
  seat: number;
}

/** Counters kept per batch of receipt time; KPIs are ratios of their sums. */
export const HOTLINE_COUNTERS = [
  'admitted',
  'avoided',
  'gridAvoided',
  'selfService',
  'redirected',
  'repeats',
  'answered',
  'workOrders',
  'gridDiscoveries',
  'gridOrders',
  'proactiveTasks',
  'returns',
  'returnedOrders',
  'whistles',
  'reports',
  'reportsOnTime',
  'responded',
  'respondedInTime',
  'responseHours',
  'dispatchMinutes',
  'dispatches',
  'evaluated',
  'resolved',
  'positive',
  'satisfied',
  'closed',
  'supervised',
] as const;
export type HotlineCounter = (typeof HOTLINE_COUNTERS)[number];
const C = Object.fromEntries(HOTLINE_COUNTERS.map((name, i) => [name, i])) as Record<HotlineCounter, number>;
const NC = HOTLINE_COUNTERS.length;

/** One street's record for the league table. */
export interface StreetRecord {
  orders: number;
  responded: number;
  respondedInTime: number;
  evaluated: number;
  resolved: number;
  positive: number;
}

/** A league record with nothing counted yet. */
export const emptyRecord = (): StreetRecord => ({
  orders: 0,
  responded: 0,
  respondedInTime: 0,
  evaluated: 0,
  resolved: 0,
  positive: 0,
});

/** What one replication of the full model observed after warm-up. */
export interface HotlineObservation {
  intake: IntakeObservation;
  /** counters[counter * BATCHES + batch] */
  counters: Float64Array;
  /** Hours from receipt to close of citizen orders, per batch. */
  closeHours: QuantileSketch[];
  streets: StreetRecord[];
  /** The same records for the city's departments and utilities, in CITY_UNITS order (orders they handled). */
  cityUnits: StreetRecord[];
  /** Appeals still open when the run ended (should be 0: the run drains). */
  open: number;
  weights: { response: number; resolution: number; satisfaction: number };
}

/** A citizen's rating at the callback (满意 / 基本满意 / 不满意). */
export type Rating = 'satisfied' | 'basically' | 'not';

/** One lifecycle transition of an appeal, with what an observer needs to show it. */
export interface AppealTransition {
  /** Contact id (citizen appeals) or discovery id (grid). */
  id: number;
  /** undefined when the appeal enters (received, or dispatched for a grid discovery). */
  from: AppealState | undefined;
  to: AppealState;
  /** Virtual time of the transition (it can lie ahead of the model's clock: dispatch is decided at the call's end). */
  at: number;
  source: OrderSource;
  /** Indices into the city model's categories, streets, cells and units; -1 where there is none yet. */
  category: number;
  street: number;
  cell: number;
  unit: number;
  /** The time limit (SLA) of a dispatched order; NaN before dispatch. */
  deadline: number;
  outcome: Outcome | undefined;
  rating: Rating | undefined;
  /** Departments were summoned for this order (吹哨报到); known from the start of handling. */
  whistle: boolean;
}

export interface HotlineOptions {
  city?: City;
  /** Called on every lifecycle transition (tests, and the live runtime's event history). */
  onTransition?: (step: AppealTransition) => void;
  /** Called on everything that happens at a training seat (scenario `lifecycle.training`). */
  onSeatEvent?: (event: SeatEvent) => void;
}

/** An appeal offered to a training seat, waiting for its decision. */
interface HeldAppeal {
  seat: number;
  category: number;
  street: number;
  cell: number;
  received: number;
  waitMinutes: number;
}

const GRID_ID_BASE = 1 << 30;
/** Fields of a street's record for the month (治理类 ranking). */
const MONTH_EVALUATED = 0;
const MONTH_RESOLVED = 1;
const MONTH_POSITIVE = 2;
const MONTH_RESPONDED = 3;
const MONTH_IN_TIME = 4;
const MONTH_FIELDS = 5;
/** Streets need this many rated orders to be ranked (monthly 治理类 list, league table). */
export const MIN_RATED_TO_RANK = 5;
/** Keys of surge arrival gaps, and ids of surge contacts: ranges of their own, far above regular contacts. */
const SURGE_ID_BASE = 1 << 29;
const SURGE_CONTACT_BASE = (1 << 29) + (1 << 28);
/** Ids of appeals filed from outside (Open311), above the grid's: ids stay below 2^31. */
export const EXTERNAL_ID_BASE = (1 << 30) + (1 << 29);
/** Ids of appeals a batch inject sends to the training seats, above the external ones (still below 2^31). */
export const BATCH_ID_BASE = (1 << 30) + (1 << 29) + (1 << 28);

/**
 * An appeal filed from outside the simulation (an Open311 client) while a live run is going: a
 * report that needs a work order, placed in a grid cell. It skips the phone queue and is dispatched
 * like any citizen order from the moment it is admitted.
 */
export interface ExternalAppeal {
  /** Index into the city model's categories. */
  category: number;
  /** Index into the city's cells (its street follows). */
  cell: number;
}

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
const DAY = SECONDS_PER_DAY;

/**
 * The full 接诉即办 model: contacts arrive and queue for agents (the intake model), then are redirected,
 * answered on the spot or dispatched as work orders; orders go to units that sign or return them,
 * respond, handle (blowing the whistle when needed), reply, and are called back and rated at the time
 * limit; overdue orders are supervised. Grid patrols discover problems, and proactive governance lowers
 * the latent rate of future appeals. All per-appeal randomness is keyed by appeal id (keyed-random.ts).
 */
export class HotlineModel {
  /** Ten-minute buckets: a city keeps hundreds of thousands of events pending, most of them days ahead. */
  readonly sim = new Simulation(600);
  readonly intake: IntakeModel;
  readonly city: CityModel;
  private readonly lc: Lifecycle;
  private readonly seed: number;
  private readonly keyed: KeyedRng;
  private readonly onTransition: HotlineOptions['onTransition'];
  private readonly end: number;
  private readonly warmup: number;
  private readonly batchSeconds: number;
  private readonly days: number;

  /** Contacts in flight: regular ones, and surge ones (a table each: each id range is contiguous). */
  private readonly contacts = new ContactTable();
  private readonly surgeContactTable = new ContactTable();
  /** Category and street chosen for a surge contact before it calls. */
  private readonly surgeCategory = new Map<number, number>();
  /**
   * Open orders by slot; closed slots are reused (a dense array, not a Map keyed by id: the hot path
   * looks orders up several times each, and reuse keeps them in cache).
   */
  private readonly orders: (WorkOrder | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private openOrders = 0;
  private nextGrid = 0;
  private nextExternal = 0;
  /** Appeals waiting at a training seat, by contact id. */
  private readonly held = new Map<number, HeldAppeal>();
  /** Appeals sent by batch injects so far, and what each one is (by id). */
  private batchAppeals = 0;
  private readonly batchKind = new Map<number, 'ambiguous' | 'emergency'>();
  /** Categories a batch draws from (built on the first batch). */
  private batchPools: { ambiguous: number[]; emergency: number[] } | undefined;
  private readonly onSeatEvent: HotlineOptions['onSeatEvent'];
  private readonly traceCategories: (number | undefined)[] | undefined;

  // Units: busy handlers, FIFO backlog, outage.
  private readonly busy: Int32Array;
  private readonly capacity: Float64Array;
  private readonly backlog: number[][];
  private readonly backlogHead: Int32Array;
  private readonly outageUntil: Float64Array;

  // Latent problem rate per (street, category): proactive effects until a time.
  private readonly pairs: number;
  private readonly hotUntil: Float64Array;
  private readonly gridUntil: Float64Array;
  private readonly windowCounts: Uint16Array;
  private readonly windowSums: Uint32Array;
  private topicCategory = -1;
  private readonly flagged: Uint8Array;
  private readonly monthStreet: Float64Array;
  /** Running surges by inject index. */
  private readonly surges = new Map<number, Surge>();
  private surgeDraws = 0;
  private tasks = 0;
  private surgeContacts = 0;
  private readonly surgeStreet = new Map<number, number>();
  /** Average contacts per hour of the arrival process (surges add a multiple of it). */
  private readonly ratePerHour: number;

  private readonly counters = new Float64Array(NC * BATCHES);
  private readonly closeHours = Array.from({ length: BATCHES }, () => new QuantileSketch());
  private readonly streetRecords: StreetRecord[];
  private readonly cityUnitRecords: StreetRecord[];

  private readonly samplers: {
    dispatch: Sampler;
    smartDispatch: Sampler;
    forward: Sampler;
    sign: Sampler;
    review: Sampler;
    response: Sampler;
    report: Sampler;
    work: Record<string, Sampler>;
  };
  private readonly baseEffort: number;
  /** 三率 weights of the assessment, normalised to sum to 1. */
  private readonly weights: { response: number; resolution: number; satisfaction: number };
  private readonly misrouteShare: number;
  private readonly topicPolicies: number;

  private readonly ev: Record<
    | 'receive'
    | 'review'
    | 'forward'
    | 'respond'
    | 'handled'
    | 'deadline'
    | 'callback'
    | 'grid'
    | 'gridOrder'
    | 'day'
    | 'surge'
    | 'injectStart'
    | 'injectEnd'
    | 'seatTimeout'
    | 'batchArrival',
    number
  >;
  /** The scenario's injects, then those fired during a live run (`injectNow`), by index. */
  private readonly injects: DeepReadonly<Inject>[];

  constructor(scenario: Scenario, seed: number = scenario.seed, options: HotlineOptions = {}) {
    const lc = scenario.lifecycle;
    if (!lc) throw new Error(`scenario "${scenario.name}" has no lifecycle section: use the intake model`);
    this.lc = lc;
    this.seed = seed;
    this.keyed = new KeyedRng(seed);
    this.onTransition = options.onTransition;
    this.onSeatEvent = options.onSeatEvent;
    this.end = scenario.hours * SECONDS_PER_HOUR;
    this.warmup = scenario.warmupHours * SECONDS_PER_HOUR;
    this.batchSeconds = (this.end - this.warmup) / BATCHES;
    this.days = Math.ceil(this.end / DAY) + 1;
    this.ratePerHour = meanPerHour(scenario);
    const startDay = parseIsoDate(scenario.start);
    this.city = new CityModel(options.city ?? loadBeijing(), scenario, startDay, this.days + 60);
    const trace = scenario.arrivals.trace;
    this.traceCategories = trace?.map((e) => {
      if (e.category === undefined) return undefined;
      const k = this.city.categories.findIndex((c) => c.id === e.category);
      return k >= 0 ? k : undefined;
    });

    const units = this.city.units;
    this.busy = new Int32Array(units.length);
    this.capacity = Float64Array.from(units.map((u) => u.handlers));
    this.backlog = units.map(() => []);
    this.backlogHead = new Int32Array(units.length);
    this.outageUntil = new Float64Array(units.length);
    const streets = this.city.city.streets.length;
    const k = this.city.categories.length;
    this.pairs = streets * k;
    this.hotUntil = new Float64Array(this.pairs);
    this.gridUntil = new Float64Array(this.pairs);
    const window = Math.max(1, Math.round(lc.proactive.hotSpots.windowDays));
    this.windowCounts = new Uint16Array(this.pairs * window);
    this.windowSums = new Uint32Array(this.pairs);
    this.flagged = new Uint8Array(streets);
    this.monthStreet = new Float64Array(streets * MONTH_FIELDS);
    const records = (n: number): StreetRecord[] => Array.from({ length: n }, emptyRecord);
    this.streetRecords = records(streets);
    this.cityUnitRecords = records(this.city.units.length - this.city.firstCityUnit);

    this.samplers = {
      dispatch: makeSampler(lc.dispatch.minutes, 60),
      smartDispatch: makeSampler(lc.dispatch.smartMinutes, 60),
      forward: makeSampler(lc.dispatch.forwardHours, 3600),
      sign: makeSampler(lc.units.signHours, 3600),
      review: makeSampler(lc.returns.reviewHours, 3600),
      response: makeSampler(lc.response.hours, 3600),
      report: makeSampler(lc.whistle.reportMinutes, 60),
      work: Object.fromEntries(
        Object.entries(lc.units.workHours).map(([cls, spec]) => [cls, makeSampler(spec, 3600)]),
      ),
    };
    const a = lc.assessment;
    const total = a.weights.response + a.weights.resolution + a.weights.satisfaction || 1;
    this.weights = {
      response: a.weights.response / total,
      resolution: a.weights.resolution / total,
      satisfaction: a.weights.satisfaction / total,
    };
    this.baseEffort = Math.min(
      1,
      0.25 + (a.ranking ? 0.45 : 0) + (a.governanceList ? 0.15 : 0) + (lc.supervision.enabled ? 0.15 : 0),
    );
    const accuracy = lc.dispatch.mode === 'smart' ? lc.dispatch.smartAccuracy : lc.dispatch.manualAccuracy;
    this.misrouteShare = (1 - accuracy) * (1 - 0.6 * lc.reforms.dataSharing);
    this.topicPolicies = Math.min(1, lc.proactive.monthlyTopic.topicsInForce / 60);

    const sim = this.sim;
    this.ev = {
      receive: sim.defineEvent(this.onReceive.bind(this)),
      review: sim.defineEvent(this.onReview.bind(this)),
      forward: sim.defineEvent(this.onForward.bind(this)),
      respond: sim.defineEvent(this.onRespond.bind(this)),
      handled: sim.defineEvent(this.onHandled.bind(this)),
      deadline: sim.defineEvent(this.onDeadline.bind(this)),
      callback: sim.defineEvent(this.onCallback.bind(this)),
      grid: sim.defineEvent(this.onGridHour.bind(this)),
      gridOrder: sim.defineEvent(this.onGridOrder.bind(this)),
      day: sim.defineEvent(this.onDay.bind(this)),
      surge: sim.defineEvent(this.onSurgeArrival.bind(this)),
      injectStart: sim.defineEvent(this.onInjectStart.bind(this)),
      injectEnd: sim.defineEvent(this.onInjectEnd.bind(this)),
      seatTimeout: sim.defineEvent(this.onSeatTimeout.bind(this)),
      batchArrival: sim.defineEvent(this.onBatchArrival.bind(this)),
    };
    this.injects = [...lc.injects];

    this.intake = new IntakeModel(scenario, seed, {
      sim,
      hooks: {
        admit: (c) => this.admit(c),
        onAnswered: (c, wait) => this.tableOf(c).setWait(c, wait),
        onTalkEnd: (c) => this.onTalkEnd(c),
        onAbandon: (c) => this.onAbandon(c),
      },
    });

    sim.at(0, this.ev.day, 0);
    if (lc.grid.enabled && lc.grid.perCellPerDay > 0) this.scheduleGrid(0);
    this.injects.forEach((inject, i) => {
      if (inject.atHours * SECONDS_PER_HOUR < this.end)
        sim.at(inject.atHours * SECONDS_PER_HOUR, this.ev.injectStart, i);
    });
  }

  /** Virtual seconds of arrivals; the run continues past it until every appeal has closed. */
  get horizon(): number {
    return this.end;
  }

  /** Advance to time t; resumable. */
  advance(t: number): void {
    this.sim.runUntil(t);
  }

  /** Run arrivals to the horizon, then drain every open appeal, and return the observations. */
  run(): HotlineObservation {
    this.sim.runUntil(this.end);
    return this.drain();
  }

  /** Let every open appeal finish (no new arrivals come after the horizon), then observe. */
  drain(): HotlineObservation {
    // Nothing new arrives after the horizon (day ticks, grid patrols and surges stop there), so the
    // event list empties once the last open appeal closes.
    this.sim.runAll();
    return this.observe();
  }

  /** Whether the run is over: past the horizon, with every appeal closed and nothing left to happen. */
  get finished(): boolean {
    return this.sim.now >= this.end && this.sim.pending === 0;
  }

  /** What the model has observed so far (a live run's report); after `drain()`, the final observation. */
  observe(): HotlineObservation {
    return {
      intake: this.intake.finish(),
      counters: this.counters,
      closeHours: this.closeHours,
      streets: this.streetRecords,
      cityUnits: this.cityUnitRecords,
      open: this.openOrders,
      weights: this.weights,
    };
  }

  // ─── bookkeeping ────────────────────────────────────────────────────────────

  private batchOf(received: number): number {
    if (received < this.warmup || received >= this.end) return -1;
    const b = Math.floor((received - this.warmup) / this.batchSeconds);
    return b < BATCHES ? b : BATCHES - 1;
  }

  private count(received: number, counter: number, n = 1): void {
    this.tally(this.batchOf(received), counter, n);
  }

  /** Count into a batch already known (an order's), -1 meaning outside the observed window. */
  private tally(batch: number, counter: number, n = 1): void {
    if (batch >= 0) addAt(this.counters, counter * BATCHES + batch, n);
  }

  private move(order: WorkOrder, to: AppealState, at = this.sim.now): void {
    const from = order.state;
    order.state = transition(from, to);
    this.onTransition?.(this.stepOf(order, from, to, at));
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

  /** A contact's transition before it has an order (received, answered, redirected). */
  private contactStep(
    contact: number,
    from: AppealState | undefined,
    to: AppealState,
    at: number,
    category: number,
    street: number,
  ): AppealTransition {
    return {
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
    };
  }

  private draw(id: number, purpose: number, counter = 0): number {
    return keyedUniform(this.seed, id, purpose, counter);
  }

  private effort(order: WorkOrder): number {
    const u = this.city.units[order.unit];
    const flagged = u?.kind === 'street' && this.flagged[order.street] === 1 ? 0.2 : 0;
    return Math.min(1, this.baseEffort + flagged);
  }

  // ─── intake ────────────────────────────────────────────────────────────────

  /** Decide whether a would-be contact calls at all: proactive work and self-service pre-empt some. */
  private admit(contact: number): boolean {
    const now = this.sim.now;
    const day = Math.floor(now / DAY);
    const traceCategory = this.traceCategories?.[contact];
    const surge = contact >= SURGE_CONTACT_BASE;
    const surgeCategory = surge ? this.surgeCategory.get(contact) : undefined;
    const category =
      surgeCategory ?? traceCategory ?? this.city.drawCategory(this.draw(contact, PURPOSES.category), day);
    const street = this.streetOf(contact);
    const pair = street * this.city.categories.length + category;
    const u = this.draw(contact, PURPOSES.latent);
    if (this.city.isConsultation[category] === 1) {
      if (u < 0.4 * this.lc.reforms.oneNetwork) {
        this.count(now, C.selfService);
        this.forget(contact);
        return false;
      }
    } else {
      // The grid's effect alone decides what the same seed without 未诉先办 would see; what proactive
      // work removes on top of it is `avoided`, exactly the contacts that run would have had more.
      const grid = (this.gridUntil[pair] as number) > now ? 1 - this.lc.grid.effect : 1;
      if (u >= grid) {
        this.count(now, C.gridAvoided);
        this.forget(contact);
        return false;
      }
      if (u >= grid * this.proactiveFactor(pair, category, now)) {
        this.count(now, C.avoided);
        this.forget(contact);
        return false;
      }
    }
    this.tableOf(contact).set(contact, now, category, street);
    if (surge) {
      this.surgeCategory.delete(contact);
      this.surgeStreet.delete(contact);
    }
    this.count(now, C.admitted);
    return true;
  }

  /** Share of the latent problem rate that 未诉先办 (hot spots, monthly topic, seasonal) leaves (≤ 1). */
  private proactiveFactor(pair: number, category: number, now: number): number {
    const p = this.lc.proactive;
    let f = 1;
    if ((this.hotUntil[pair] as number) > now) f *= 1 - p.hotSpots.effect;
    if (category === this.topicCategory) f *= 1 - p.monthlyTopic.effect;
    const months = this.city.seasonalMonths[category];
    if (p.seasonal.enabled && months && months.includes(this.city.monthOf(Math.floor(now / DAY)))) {
      f *= 1 - p.seasonal.effect;
    }
    return f;
  }

  private tableOf(contact: number): ContactTable {
    return contact >= SURGE_CONTACT_BASE ? this.surgeContactTable : this.contacts;
  }

  /** The contact's street: drawn from its id, unless a surge placed it in a district. */
  private streetOf(contact: number): number {
    const placed = contact >= SURGE_CONTACT_BASE ? this.surgeStreet.get(contact) : undefined;
    return placed ?? this.city.drawStreet(this.draw(contact, PURPOSES.street));
  }

  private forget(contact: number): void {
    if (contact < SURGE_CONTACT_BASE) {
      this.contacts.delete(contact);
      return;
    }
    this.surgeContactTable.delete(contact);
    this.surgeCategory.delete(contact);
    this.surgeStreet.delete(contact);
  }

  private onAbandon(contact: number): void {
    this.forget(contact);
  }

  /** The agent finishes: emergency hand-over, repeat, direct answer, or a work order. */
  private onTalkEnd(contact: number): void {
    const table = this.tableOf(contact);
    const slot = table.find(contact);
    if (slot < 0) throw new Error(`contact ${contact} ended a call it never started`);
    const received = table.arrival(slot);
    const category = table.category(slot);
    const street = table.street(slot);
    const waitMinutes = table.wait(slot) / 60;
    table.delete(contact);
    if (!this.city.categories[category]) return;
    this.onTransition?.(this.contactStep(contact, undefined, 'received', received, category, street));
    const training = this.lc.training;
    if (training && this.draw(contact, PURPOSES.seat) < training.share) {
      this.offerToSeat(contact, category, street, received, waitMinutes);
      return;
    }
    this.intakeDecides(contact, category, street, received, waitMinutes);
  }

  /**
   * What intake does with a call (the same draws whenever it is decided): the right decision of
   * a training seat, and what the model's own dispatcher does.
   */
  private intakeDecision(
    contact: number,
    category: number,
  ): { action: SeatTruth['action']; channel: SeatChannel | null } {
    const cat = this.city.categories[category] as AppealCategory;
    if (contact >= BATCH_ID_BASE) {
      // A batch inject's appeal is what the inject says it is: an emergency for its line, or a case to dispatch.
      const kind = this.batchKind.get(contact);
      if (kind === 'emergency' && cat.redirect) return { action: 'redirect', channel: cat.redirect.channel };
      if (kind === 'ambiguous') return { action: 'dispatch', channel: null };
    }
    const u = this.draw(contact, PURPOSES.intakeOutcome);
    const redirect = cat.redirect?.probability ?? 0;
    if (u < redirect) return { action: 'redirect', channel: cat.redirect?.channel ?? null };
    const repeat = this.lc.citizens.repeatShare * (1 - 0.5 * this.lc.reforms.dataSharing);
    if (this.draw(contact, PURPOSES.repeat) < repeat) return { action: 'redirect', channel: 'repeat' };
    const legal = cat.legalChannel ?? 0;
    if (legal > 0 && this.draw(contact, PURPOSES.legal) < legal)
      return { action: 'redirect', channel: 'legal' };
    const direct = cat.directAnswer + (1 - cat.directAnswer) * 0.3 * this.lc.reforms.oneNetwork;
    if ((u - redirect) / (1 - redirect) < direct) return { action: 'answer', channel: null };
    return { action: 'dispatch', channel: null };
  }

  /** The model's own intake: redirect, answer on the spot, or make an order and dispatch it. */
  private intakeDecides(
    contact: number,
    category: number,
    street: number,
    received: number,
    waitMinutes: number,
  ): void {
    const decision = this.intakeDecision(contact, category);
    if (decision.action !== 'dispatch') {
      this.closeAtIntake(contact, category, street, received, decision.action, decision.channel);
      return;
    }
    const order = this.orderFromCall(contact, category, street, received, waitMinutes);
    const smart = this.lc.dispatch.mode === 'smart';
    const delay = (smart ? this.samplers.smartDispatch : this.samplers.dispatch)(
      this.keyed.at(contact, PURPOSES.dispatchMinutes),
    );
    this.dispatch(order, this.sim.now + delay);
  }

  /** A call settled at intake, now: redirected (an emergency line, or a repeat) or answered on the spot. */
  private closeAtIntake(
    contact: number,
    category: number,
    street: number,
    received: number,
    action: 'answer' | 'redirect',
    channel: SeatChannel | null,
  ): void {
    this.count(received, action === 'answer' ? C.answered : channel === 'repeat' ? C.repeats : C.redirected);
    const to = action === 'answer' ? 'answered' : 'redirected';
    this.onTransition?.(this.contactStep(contact, 'received', to, this.sim.now, category, street));
  }

  /** The work order of a call (its cell drawn as always), counted. */
  private orderFromCall(
    contact: number,
    category: number,
    street: number,
    received: number,
    waitMinutes: number,
  ): WorkOrder {
    const cell = this.city.drawCell(street, this.draw(contact, PURPOSES.cell));
    const order = this.createOrder(contact, 'citizen', category, street, cell, received, 'received');
    order.waitMinutes = waitMinutes;
    this.count(received, C.workOrders);
    return order;
  }

  // ─── training seats ─────────────────────────────────────────────────────────

  /** Offer a call to a seat (drawn per contact); it waits at `received` until decided or timed out. */
  private offerToSeat(
    contact: number,
    category: number,
    street: number,
    received: number,
    waitMinutes: number,
  ): void {
    const training = this.lc.training as NonNullable<Lifecycle['training']>;
    const batch = contact >= BATCH_ID_BASE ? this.batchKind.get(contact) : undefined;
    // A batch goes round the seats in turn, so every trainee gets their share of it.
    const seat =
      batch !== undefined
        ? (contact - BATCH_ID_BASE) % training.seats.length
        : Math.floor(this.draw(contact, PURPOSES.seatPick) * training.seats.length);
    const cell = this.city.drawCell(street, this.draw(contact, PURPOSES.cell));
    this.held.set(contact, { seat, category, street, cell, received, waitMinutes });
    const holdUntil = this.sim.now + training.holdMinutes * 60;
    this.sim.at(holdUntil, this.ev.seatTimeout, contact);
    const decision = this.intakeDecision(contact, category);
    const cat = this.city.categories[category] as AppealCategory;
    // Ambiguous on purpose: the text reads like another category of the same group.
    let textCategory = category;
    if (batch === 'ambiguous') {
      const misleading = this.misleadingSiblings(category);
      textCategory =
        misleading[Math.floor(this.draw(contact, PURPOSES.seatText, 1) * misleading.length)] ?? category;
    } else if (this.draw(contact, PURPOSES.seatText) < training.ambiguity) {
      const siblings = this.city.categories.flatMap((c, i) =>
        c.group === cat.group && i !== category ? [i] : [],
      );
      textCategory =
        siblings[Math.floor(this.draw(contact, PURPOSES.seatText, 1) * siblings.length)] ?? category;
    }
    this.onSeatEvent?.({
      kind: 'offer',
      at: this.sim.now,
      seat: training.seats[seat] as string,
      appealId: contact,
      category,
      textCategory,
      street,
      cell,
      received,
      holdUntil,
      truth: {
        action: decision.action,
        channel: decision.channel,
        unit: decision.action === 'dispatch' ? this.ownerOf(category, street) : -1,
        whistle: this.whistleNeeded(contact, category),
        slaClass: cat.slaClass,
      },
    });
  }

  /** The seat did not decide in time: the model's dispatcher takes the call. */
  private onSeatTimeout(contact: number): void {
    const h = this.held.get(contact);
    if (!h) return;
    this.held.delete(contact);
    const training = this.lc.training as NonNullable<Lifecycle['training']>;
    this.onSeatEvent?.({
      kind: 'timeout',
      at: this.sim.now,
      seat: training.seats[h.seat] as string,
      appealId: contact,
    });
    this.intakeDecides(contact, h.category, h.street, h.received, h.waitMinutes);
  }

  /**
   * A seat's decision (a live input), now. A decision on an appeal no longer waiting at that seat is
   * reported as not accepted and changes nothing. A dispatch goes to the unit the seat chose: the
   * wrong unit returns it (退单) and the model's dispatcher re-routes it.
   */
  decide(seatName: string, decision: SeatDecision): void {
    const training = this.lc.training;
    const seat = training ? training.seats.indexOf(seatName) : -1;
    const h = this.held.get(decision.appealId);
    const base = { at: this.sim.now, seat: seatName, appealId: decision.appealId, decision };
    if (!h || h.seat !== seat || seat < 0) {
      this.onSeatEvent?.({ kind: 'decision', ...base, accepted: false, correct: false });
      return;
    }
    this.held.delete(decision.appealId);
    const truth = this.intakeDecision(decision.appealId, h.category);
    const owner = this.ownerOf(h.category, h.street);
    const correct =
      decision.action === truth.action &&
      (decision.action !== 'redirect' || decision.channel === truth.channel) &&
      (decision.action !== 'dispatch' || decision.unit === owner);
    this.onSeatEvent?.({ kind: 'decision', ...base, accepted: true, correct });
    if (decision.action !== 'dispatch') {
      this.closeAtIntake(
        decision.appealId,
        h.category,
        h.street,
        h.received,
        decision.action,
        decision.channel ?? null,
      );
      return;
    }
    const order = this.orderFromCall(decision.appealId, h.category, h.street, h.received, h.waitMinutes);
    order.seat = seat;
    const unit = decision.unit ?? owner;
    this.dispatch(order, this.sim.now, this.city.units[unit] ? unit : owner);
  }

  /** Whether handling this appeal needs several units (the street blows the whistle): keyed, as in handling. */
  private whistleNeeded(id: number, category: number): boolean {
    const w = this.city.categories[category]?.whistle ?? 0;
    return w > 0 && this.draw(id, PURPOSES.whistleNeeded) < w;
  }

  private seatEvent(order: WorkOrder, event: DistributiveOmit<SeatEvent, 'at' | 'seat' | 'appealId'>): void {
    const training = this.lc.training;
    if (!training || order.seat < 0) return;
    this.onSeatEvent?.({
      ...event,
      at: this.sim.now,
      seat: training.seats[order.seat] as string,
      appealId: order.id,
    } as SeatEvent);
  }

  private createOrder(
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
      outcome: undefined,
      rating: undefined,
      waitMinutes: 0,
      late: false,
      closed: false,
      deadlineDone: true,
      seat: -1,
    };
    this.orders[slot] = order;
    this.openOrders++;
    return order;
  }

  private ownerOf(category: number, street: number): number {
    const cat = this.city.categories[category];
    const kind = cat?.owner.kind;
    if (kind === 'street') return this.city.streetUnit[street] as number;
    if (kind === 'district')
      return this.city.districtUnit[this.city.streetDistrict[street] as number] as number;
    return this.city.ownerCityUnit[category] as number;
  }

  // ─── dispatch, sign, return ─────────────────────────────────────────────────

  /**
   * Dispatch (派单) at time `at`, decided when the call ends: nothing touches the order between the two,
   * so its dispatch needs no event of its own (one event fewer per order on the hot path).
   */
  private dispatch(order: WorkOrder, at: number, chosenUnit?: number): void {
    order.dispatched = at;
    order.deadline = at + (this.city.slaSeconds[order.category] as number);
    order.deadlineDone = false;
    this.sim.at(order.deadline, this.ev.deadline, order.slot);
    if (order.source === 'citizen') {
      this.tally(order.batch, C.dispatches);
      this.tally(order.batch, C.dispatchMinutes, (at - order.received) / 60);
    }
    this.route(order, order.returns, at, chosenUnit);
  }

  /**
   * Choose the receiving unit: tiered via the district, or straight to the owner; maybe by mistake.
   * A training seat chooses the unit itself (`chosenUnit`): anything but the owner is a misroute.
   */
  private route(order: WorkOrder, attempt: number, at = this.sim.now, chosenUnit?: number): void {
    const cat = this.city.categories[order.category];
    const forcedRight = attempt >= this.lc.returns.maxReturns;
    const wrong =
      chosenUnit !== undefined
        ? chosenUnit !== order.owner
        : !forcedRight && this.draw(order.id, PURPOSES.misroute, attempt) < this.misrouteShare;
    order.misrouted = wrong;
    if (chosenUnit !== undefined) {
      order.unit = chosenUnit;
    } else if (wrong) {
      order.unit = this.wrongUnit(order, attempt);
    } else if (this.lc.dispatch.mode === 'tiered' && cat?.owner.kind === 'street' && attempt === 0) {
      order.unit = this.city.districtUnit[this.city.streetDistrict[order.street] as number] as number;
      if (order.state !== 'dispatched') this.move(order, 'dispatched', at); // a grid discovery enters at dispatched
      this.sim.at(
        at + this.samplers.forward(this.keyed.at(order.id, PURPOSES.forward)),
        this.ev.forward,
        order.slot,
      );
      return;
    } else {
      order.unit = order.owner;
    }
    if (order.state !== 'dispatched') this.move(order, 'dispatched', at); // a grid discovery enters at dispatched
    this.scheduleReceipt(
      order,
      this.samplers.sign(this.keyed.at(order.id, PURPOSES.signHours + 32 * attempt)),
      at,
    );
  }

  /** A plausible wrong unit: a street's neighbour in the same district, another district, another city unit. */
  private wrongUnit(order: WorkOrder, attempt: number): number {
    const u = this.draw(order.id, PURPOSES.wrongUnit, attempt);
    const pool = this.city.confusableWith(order.owner);
    return pool[Math.floor(u * pool.length)] ?? order.owner;
  }

  /** The unit signs or returns the order after `delay`, within its working hours. */
  private scheduleReceipt(order: WorkOrder, delay: number, from = this.sim.now): void {
    this.sim.at(this.city.nextOpen(order.unit, from + delay), this.ev.receive, order.slot);
  }

  /** Tiered mode: the district passes a street's order on to the street. */
  private onForward(slot: number): void {
    const order = this.orders[slot];
    if (!order) return;
    order.unit = order.owner;
    this.move(order, 'dispatched');
    this.scheduleReceipt(order, this.samplers.sign(this.keyed.at(order.id, PURPOSES.signHours)));
  }

  /** The unit signs (签收), or returns (退单) an order that is not its own, or that it wants to dodge. */
  private onReceive(slot: number): void {
    const order = this.orders[slot];
    if (!order) return;
    const id = order.id;
    // The first receipt of a citizen's order counts towards its street's hot-spot window.
    if (order.returns === 0 && order.source === 'citizen') this.noteForHotSpot(order);
    // Without 首接负责 a street disputes a multi-unit (cross-department) case once before review upholds it.
    const cat = this.city.categories[order.category];
    const disputed =
      !this.lc.dispatch.leadUnit &&
      order.returns === 0 &&
      cat?.owner.kind === 'street' &&
      this.draw(id, PURPOSES.whistleNeeded) < cat.whistle;
    const dodge =
      disputed ||
      (!order.misrouted &&
        order.returns < this.lc.returns.maxReturns &&
        this.draw(id, PURPOSES.falseReturn, order.returns) <
          this.lc.returns.falseReturnShare * (1 - 0.5 * this.effort(order)));
    if (order.misrouted || dodge) {
      if (order.returns === 0) {
        this.tally(order.batch, C.returnedOrders);
        this.seatEvent(order, {
          kind: 'returned',
          unit: order.unit,
          reason: order.misrouted ? 'not-ours' : 'disputed',
        });
      }
      order.returns++;
      this.tally(order.batch, C.returns);
      this.move(order, 'returned');
      order.misrouted = true;
      const review = this.lc.returns.review
        ? this.samplers.review(this.keyed.at(id, PURPOSES.review + 32 * order.returns))
        : this.samplers.dispatch(this.keyed.at(id, PURPOSES.dispatchMinutes + 32 * order.returns));
      this.sim.after(review, this.ev.review, slot);
      return;
    }
    this.sign(order);
  }

  /** The return is reviewed: a wrong return is upheld (the unit must take it), a misroute re-dispatched. */
  private onReview(slot: number): void {
    const order = this.orders[slot];
    if (!order) return;
    if (order.unit === order.owner && this.lc.returns.review) {
      order.misrouted = false;
      this.sign(order);
      return;
    }
    this.route(order, order.returns);
  }

  private sign(order: WorkOrder): void {
    this.move(order, 'signed');
    const e = this.effort(order);
    const delay = this.samplers.response(this.keyed.at(order.id, PURPOSES.response)) * (1 - 0.9 * e);
    this.sim.after(delay, this.ev.respond, order.slot);
  }

  // ─── respond, handle, whistle ───────────────────────────────────────────────

  private onRespond(slot: number): void {
    const order = this.orders[slot];
    if (!order) return;
    const now = this.sim.now;
    order.contacted = now;
    this.move(order, 'contacted');
    if (order.source === 'citizen') {
      const limit = Math.min(
        this.lc.response.limitHours * 3600,
        this.city.slaSeconds[order.category] as number,
      );
      const inTime = now - order.dispatched <= limit;
      order.late = !inTime;
      if (!inTime) this.seatEvent(order, { kind: 'late' });
      this.tally(order.batch, C.responded);
      this.tally(order.batch, C.responseHours, (now - order.dispatched) / 3600);
      if (inTime) this.tally(order.batch, C.respondedInTime);
      if (order.batch >= 0) {
        countResponse(this.streetRecords[order.street], inTime);
        countResponse(this.cityUnitRecords[order.unit - this.city.firstCityUnit], inTime);
      }
      this.noteMonth(order.street, MONTH_RESPONDED);
      if (inTime) this.noteMonth(order.street, MONTH_IN_TIME);
    }
    this.enqueue(order.unit, slot);
  }

  private available(unit: number): number {
    return (this.outageUntil[unit] as number) > this.sim.now ? 0 : (this.capacity[unit] as number);
  }

  /**
   * While a monthly-topic campaign runs, streets give it `capacityCost` of their time: their work on
   * everything else takes 1 / (1 − cost) as long (a share of handlers would round to nothing in small units).
   */
  private workStretch(unit: number): number {
    return this.topicCategory >= 0 && this.city.units[unit]?.kind === 'street'
      ? 1 / (1 - Math.min(0.95, this.lc.proactive.monthlyTopic.capacityCost))
      : 1;
  }

  /** Work for a unit: an order's slot, or a proactive task (a negative ref, -1 - unit). */
  private enqueue(unit: number, ref: number): void {
    if ((this.busy[unit] as number) < this.available(unit)) this.startWork(unit, ref);
    else (this.backlog[unit] as number[]).push(ref);
  }

  private startWork(unit: number, ref: number): void {
    addAt(this.busy, unit, 1);
    const order = ref >= 0 ? this.orders[ref] : undefined;
    if (!order) {
      // A proactive task: street work with no appeal behind it, each task its own draw.
      const work = this.samplers.work['7d'] as Sampler;
      this.sim.after(
        work(this.keyed.at(this.tasks++, PURPOSES.task)) * this.workStretch(unit),
        this.ev.handled,
        ref,
      );
      return;
    }
    const id = order.id;
    const cat = this.city.categories[order.category];
    let duration =
      (this.samplers.work[cat?.slaClass ?? '7d'] as Sampler)(this.keyed.at(id, PURPOSES.work)) *
      this.workStretch(unit);
    const needed = (cat?.whistle ?? 0) > 0 && this.draw(id, PURPOSES.whistleNeeded) < (cat?.whistle ?? 0);
    if (needed) {
      if (this.lc.whistle.enabled) {
        order.whistle = 1;
        const summoned = this.city.whistleUnits[order.category] as Int32Array;
        let latest = 0;
        const rng = this.keyed.at(id, PURPOSES.reports);
        for (let i = 0; i < summoned.length; i++) {
          const report = this.samplers.report(rng);
          latest = Math.max(latest, report);
          if (report <= this.lc.whistle.reportLimitMinutes * 60) this.tally(order.batch, C.reportsOnTime);
        }
        this.tally(order.batch, C.whistles);
        this.tally(order.batch, C.reports, summoned.length);
        duration += latest;
      } else {
        order.whistle = -1;
      }
    }
    this.sim.after(duration, this.ev.handled, ref);
  }

  private onHandled(ref: number): void {
    const order = ref >= 0 ? this.orders[ref] : undefined;
    const unit = order ? order.unit : -1 - ref;
    addAt(this.busy, unit, -1);
    this.pullBacklog(unit);
    if (!order) return;
    const id = order.id;
    this.move(order, 'handled');
    const cat = this.city.categories[order.category];
    const effort = this.effort(order);
    const p = resolutionProbability(this.lc.citizens.resolution, {
      effort,
      difficulty: cat?.difficulty ?? 0.3,
      whistle: order.whistle,
      supervised: order.supervised,
      dataSharing: this.lc.reforms.dataSharing,
      topicPolicies: this.city.isConsultation[order.category] === 1 ? 0 : this.topicPolicies,
      returned: order.returns > 0,
    });
    order.outcome =
      this.draw(id, PURPOSES.resolution) < p
        ? 'resolved'
        : this.draw(id, PURPOSES.partly) < this.lc.citizens.partlyShare
          ? 'partly'
          : 'not';
    this.move(order, 'replied');
    if (order.source === 'grid') {
      this.move(order, 'verified');
      if (order.outcome === 'resolved') {
        this.gridUntil[order.street * this.city.categories.length + order.category] =
          this.sim.now + this.lc.grid.effectDays * DAY;
      }
      this.close(order);
      return;
    }
    // Handled in time: the deadline event (already scheduled) makes the callback. Overdue: call back now.
    if (this.sim.now >= order.deadline) this.sim.at(this.sim.now, this.ev.callback, ref);
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

  // ─── deadline, callback, close ──────────────────────────────────────────────

  /**
   * The time limit passes. A replied order gets its callback (回访 at the time limit); one not yet
   * handled is overdue and supervised (督办). One event per order does both, halving the far-future
   * events in the list.
   */
  private onDeadline(slot: number): void {
    const order = this.orders[slot];
    if (!order) return;
    order.deadlineDone = true;
    if (order.closed) {
      this.free(order);
      return;
    }
    const s = order.state;
    if (s === 'replied') {
      this.onCallback(slot);
      return;
    }
    if (!this.lc.supervision.enabled) return;
    order.supervised = true;
    if (order.source === 'citizen') this.tally(order.batch, C.supervised);
    this.move(order, 'supervised');
  }

  /** 回访: the hotline calls the citizen back at the time limit and records the rating. */
  private onCallback(slot: number): void {
    const order = this.orders[slot];
    if (!order) return;
    const id = order.id;
    const reached = this.draw(id, PURPOSES.reach) < this.lc.citizens.callbackReach;
    if (reached && order.outcome) {
      const positive =
        this.draw(id, PURPOSES.rating) <
        positiveRatingProbability(
          this.lc.citizens.satisfaction,
          order.outcome,
          this.effort(order),
          order.late,
          order.waitMinutes,
        );
      const satisfied = positive && this.draw(id, PURPOSES.basically) >= this.lc.citizens.basicallyShare;
      order.rating = satisfied ? 'satisfied' : positive ? 'basically' : 'not';
      this.move(order, 'evaluated');
      this.tally(order.batch, C.evaluated);
      if (order.outcome === 'resolved') this.tally(order.batch, C.resolved);
      if (positive) {
        this.tally(order.batch, C.positive);
        if (satisfied) this.tally(order.batch, C.satisfied);
      }
      if (order.batch >= 0) {
        const resolved = order.outcome === 'resolved';
        countEvaluation(this.streetRecords[order.street], resolved, positive);
        countEvaluation(this.cityUnitRecords[order.unit - this.city.firstCityUnit], resolved, positive);
      }
      this.noteMonth(order.street, MONTH_EVALUATED);
      if (order.outcome === 'resolved') this.noteMonth(order.street, MONTH_RESOLVED);
      if (positive) this.noteMonth(order.street, MONTH_POSITIVE);
    }
    if (order.outcome)
      this.seatEvent(order, { kind: 'rated', outcome: order.outcome, rating: order.rating ?? null });
    this.close(order);
  }

  private close(order: WorkOrder): void {
    this.move(order, 'closed');
    order.closed = true;
    this.openOrders--;
    // A grid order verified before its time limit still has the deadline event pending: keep its slot till then.
    if (order.deadlineDone) this.free(order);
    const b = order.batch;
    if (b >= 0) {
      addAt(this.counters, C.closed * BATCHES + b, 1);
      if (order.source === 'citizen')
        (this.closeHours[b] as QuantileSketch).add((this.sim.now - order.received) / 3600);
      if (order.source === 'citizen') {
        const street = this.streetRecords[order.street];
        if (street) street.orders++;
        const unit = this.cityUnitRecords[order.unit - this.city.firstCityUnit];
        if (unit) unit.orders++;
      }
    }
  }

  // ─── grid, proactive, assessment ────────────────────────────────────────────

  /**
   * Grid patrols report about ten discoveries for each work order, and nine in ten are settled on
   * the spot: instead of an event each, one event per hour draws the hour's discoveries (a Poisson
   * count, each at its own time within the hour). Dispatched ones become orders at their own time;
   * settled ones lower the latent rate from the top of their hour (an hour early at most, against an
   * effect lasting days).
   */
  private scheduleGrid(hour: number): void {
    if (hour * SECONDS_PER_HOUR < this.end) this.sim.at(hour * SECONDS_PER_HOUR, this.ev.grid, hour);
  }

  private onGridHour(hour: number): void {
    this.scheduleGrid(hour + 1);
    const start = hour * SECONDS_PER_HOUR;
    const length = Math.min(SECONDS_PER_HOUR, this.end - start);
    const perSecond = (this.city.city.cells.length * this.lc.grid.perCellPerDay) / DAY;
    // Poisson arrivals in the hour: exponential gaps keyed by discovery id.
    let t = start;
    for (;;) {
      const id = GRID_ID_BASE + this.nextGrid;
      t += -Math.log(this.draw(id, PURPOSES.gridDispatch, 1)) / perSecond;
      if (t >= start + length) break;
      this.nextGrid++;
      this.discover(id, t);
    }
  }

  private discover(id: number, t: number): void {
    const category = this.city.drawGridCategory(this.draw(id, PURPOSES.category), Math.floor(t / DAY));
    const street = this.city.drawStreet(this.draw(id, PURPOSES.street));
    this.count(t, C.gridDiscoveries);
    if (this.draw(id, PURPOSES.gridDispatch) >= this.lc.grid.dispatchedShare) {
      // Settled on the spot by the grid worker: the problem is gone for a while.
      const pair = street * this.city.categories.length + category;
      this.gridUntil[pair] = Math.max(this.gridUntil[pair] as number, t + this.lc.grid.effectDays * DAY);
      return;
    }
    this.count(t, C.gridOrders);
    const cell = this.city.drawCell(street, this.draw(id, PURPOSES.cell));
    const order = this.createOrder(id, 'grid', category, street, cell, t, 'dispatched');
    this.sim.at(t, this.ev.gridOrder, order.slot);
  }

  /** A dispatched grid discovery enters the pipeline at dispatch. */
  private onGridOrder(slot: number): void {
    const order = this.orders[slot];
    if (!order) return;
    this.onTransition?.(this.stepOf(order, undefined, 'dispatched', this.sim.now));
    this.dispatch(order, this.sim.now);
  }

  /** 未诉先办: the same category in the same street, `threshold` times within the rolling window, opens a task. */
  private noteForHotSpot(order: WorkOrder): void {
    const hs = this.lc.proactive.hotSpots;
    if (!hs.enabled || this.city.isConsultation[order.category] === 1) return;
    const pair = order.street * this.city.categories.length + order.category;
    const window = this.windowCounts.length / this.pairs;
    const day = Math.floor(this.sim.now / DAY) % window;
    addAt(this.windowCounts, pair * window + day, 1);
    addAt(this.windowSums, pair, 1);
    if (
      (this.windowSums[pair] as number) >= hs.threshold &&
      (this.hotUntil[pair] as number) <= this.sim.now
    ) {
      this.hotUntil[pair] = this.sim.now + hs.durationDays * DAY;
      this.tally(order.batch, C.proactiveTasks);
      // The task takes street capacity like an order does.
      const unit = this.city.streetUnit[order.street] as number;
      this.enqueue(unit, -1 - unit);
    }
  }

  private free(order: WorkOrder): void {
    this.orders[order.slot] = undefined;
    this.freeSlots.push(order.slot);
  }

  private noteMonth(street: number, field: number): void {
    addAt(this.monthStreet, street * MONTH_FIELDS + field, 1);
  }

  /** Midnight: roll the hot-spot window; on the first of a month pick the topic and the governance list. */
  private onDay(day: number): void {
    const hs = this.lc.proactive.hotSpots;
    if (hs.enabled && day > 0) {
      const window = this.windowCounts.length / this.pairs;
      const slot = day % window;
      for (let p = 0; p < this.pairs; p++) {
        const i = p * window + slot;
        addAt(this.windowSums, p, -(this.windowCounts[i] as number));
        this.windowCounts[i] = 0;
      }
    }
    if (day === 0 || this.city.monthOf(day) !== this.city.monthOf(day - 1)) this.startMonth(day);
    if ((day + 1) * DAY < this.end) this.sim.at((day + 1) * DAY, this.ev.day, day + 1);
  }

  private startMonth(day: number): void {
    const topic = this.lc.proactive.monthlyTopic;
    if (topic.enabled) {
      // The month's top recurring problem: the complaint category with the most expected street appeals.
      const month = this.city.monthOf(day);
      let best = -1;
      let bestWeight = -1;
      this.city.categories.forEach((c, k) => {
        if (this.city.isConsultation[k] === 1 || c.owner.kind !== 'street') return;
        const w = c.share * (c.seasonality[month - 1] ?? 1) * (1 - c.directAnswer);
        if (w > bestWeight) {
          best = k;
          bestWeight = w;
        }
      });
      this.topicCategory = best;
      this.count(this.sim.now, C.proactiveTasks, this.city.city.streets.length);
    }
    const a = this.lc.assessment;
    if (a.governanceList && day > 0) {
      // 治理类: the worst streets of the month by their 三率 score (the assessment weights) go under city supervision.
      const w = this.weights;
      const scores: [number, number][] = [];
      for (let s = 0; s < this.flagged.length; s++) {
        const m = (field: number) => this.monthStreet[s * MONTH_FIELDS + field] as number;
        const n = m(MONTH_EVALUATED);
        if (n < MIN_RATED_TO_RANK) continue;
        const response = m(MONTH_RESPONDED) > 0 ? m(MONTH_IN_TIME) / m(MONTH_RESPONDED) : 0;
        scores.push([
          s,
          w.response * response + (w.resolution * m(MONTH_RESOLVED) + w.satisfaction * m(MONTH_POSITIVE)) / n,
        ]);
      }
      scores.sort((x, y) => x[1] - y[1]);
      this.flagged.fill(0);
      for (const [s] of scores.slice(0, a.governanceListSize)) this.flagged[s] = 1;
      this.monthStreet.fill(0);
    }
  }

  // ─── injects ────────────────────────────────────────────────────────────────

  /** An inject fired by an instructor during a live run: it starts at the model's clock and lasts `inject.hours`. */
  injectNow(inject: DeepReadonly<Inject>): void {
    this.injects.push(inject);
    this.sim.at(this.sim.now, this.ev.injectStart, this.injects.length - 1);
  }

  /**
   * An appeal filed from outside (Open311), received now and dispatched like a citizen's order after
   * the usual dispatch delay; its draws are keyed by its id like every appeal's. Returns its id
   * (`EXTERNAL_ID_BASE` + the number filed before it, so a replay gives the same ids).
   */
  admitExternal(appeal: ExternalAppeal): number {
    const { category, cell } = appeal;
    if (!Number.isInteger(category) || !this.city.categories[category])
      throw new Error(`an external appeal's category ${category} is not in the catalogue`);
    const street = this.city.cellStreet[cell];
    if (!Number.isInteger(cell) || street === undefined)
      throw new Error(`an external appeal's cell ${cell} is not in the city`);
    const id = EXTERNAL_ID_BASE + this.nextExternal++;
    const now = this.sim.now;
    const order = this.createOrder(id, 'citizen', category, street, cell, now, 'received');
    this.onTransition?.(this.stepOf(order, undefined, 'received', now));
    const smart = this.lc.dispatch.mode === 'smart';
    const delay = (smart ? this.samplers.smartDispatch : this.samplers.dispatch)(
      this.keyed.at(id, PURPOSES.dispatchMinutes),
    );
    this.count(now, C.workOrders);
    this.dispatch(order, now + delay);
    return id;
  }

  private onInjectStart(i: number): void {
    const inject = this.injects[i];
    if (!inject) return;
    const now = this.sim.now;
    const endAt = now + inject.hours * SECONDS_PER_HOUR;
    this.sim.at(endAt, this.ev.injectEnd, i);
    if (inject.kind === 'outage') {
      const unit = this.city.unitById.get(inject.unitId);
      if (unit !== undefined) this.outageUntil[unit] = endAt;
      return;
    }
    if (inject.kind === 'ambiguous-batch' || inject.kind === 'emergency-batch') {
      this.startBatch(inject.kind === 'ambiguous-batch' ? 'ambiguous' : 'emergency', inject.count, endAt);
      return;
    }
    const ids = inject.kind === 'heating-start' ? ['heating'] : inject.categories;
    const categories = ids
      ?.map((id) => this.city.categories.findIndex((c) => c.id === id))
      .filter((k) => k >= 0);
    const district =
      inject.kind === 'surge' && inject.districtId
        ? this.city.city.districts.findIndex((d) => d.id === inject.districtId)
        : -1;
    const surge: Surge = { factor: inject.factor, categories, district, endAt, peak: 0, key: 0 };
    // Thinning needs a bound on the extra rate over the whole window: the peak of the hourly rates.
    for (let t = now; t < endAt; t += SECONDS_PER_HOUR)
      surge.peak = Math.max(surge.peak, this.surgeRate(surge, t));
    surge.peak = Math.max(surge.peak, this.surgeRate(surge, endAt - 1));
    if (surge.peak <= 0) return;
    this.surges.set(i, surge);
    this.scheduleSurge(i);
  }

  /**
   * Extra contacts per second a surge adds at time t: (factor − 1) × the current rate of the affected
   * categories (time of day, weekday, season) in the affected district.
   */
  private surgeRate(surge: Surge, t: number): number {
    const day = Math.floor(t / DAY);
    const share = surge.categories ? this.city.categoryShare(surge.categories, day) : 1;
    const area = surge.district >= 0 ? (this.city.city.districts[surge.district]?.weight ?? 0) : 1;
    return (surge.factor - 1) * this.intake.rateAt(t) * share * area;
  }

  /** The next candidate of a surge, thinned against its peak so its rate follows the hour and the season. */
  private scheduleSurge(i: number): void {
    const surge = this.surges.get(i);
    if (!surge) return;
    surge.key = SURGE_ID_BASE + this.surgeDraws++;
    const gap = -Math.log(this.draw(surge.key, PURPOSES.surge)) / surge.peak;
    if (this.sim.now + gap < Math.min(surge.endAt, this.end)) this.sim.after(gap, this.ev.surge, i);
  }

  /** A surge candidate: kept with probability rate(now) / peak, then placed among the surge's categories and district. */
  private onSurgeArrival(i: number): void {
    const surge = this.surges.get(i);
    if (!surge) return;
    const now = this.sim.now;
    const key = surge.key;
    this.scheduleSurge(i);
    if (this.draw(key, PURPOSES.surge, 1) * surge.peak >= this.surgeRate(surge, now)) return;
    const contact = SURGE_CONTACT_BASE + this.surgeContacts++;
    if (surge.categories) {
      this.surgeCategory.set(
        contact,
        this.city.drawCategoryAmong(
          surge.categories,
          this.draw(contact, PURPOSES.category),
          Math.floor(now / DAY),
        ),
      );
    }
    if (surge.district >= 0) {
      this.surgeStreet.set(
        contact,
        this.city.drawStreetIn(surge.district, this.draw(contact, PURPOSES.street)),
      );
    }
    this.intake.arrive(contact);
  }

  /**
   * A batch inject: `count` appeals spread over its window (one in each equal slice, at a keyed
   * moment within it), each already taken by an agent: it arrives at `received`, skipping the phone
   * queue, and goes to a seat (or to the model's dispatcher when the scenario has no seats).
   */
  private startBatch(kind: 'ambiguous' | 'emergency', count: number, endAt: number): void {
    const now = this.sim.now;
    const slice = (endAt - now) / count;
    for (let k = 0; k < count; k++) {
      const id = BATCH_ID_BASE + this.batchAppeals++;
      const at = now + (k + this.draw(id, PURPOSES.batch)) * slice;
      if (at >= this.end) break;
      this.batchKind.set(id, kind);
      this.sim.at(at, this.ev.batchArrival, id);
    }
  }

  private onBatchArrival(id: number): void {
    const kind = this.batchKind.get(id);
    if (!kind) return;
    const now = this.sim.now;
    const pool = this.batchPool(kind);
    const day = Math.floor(now / DAY);
    const category =
      pool.length > 0
        ? this.city.drawCategoryAmong(pool, this.draw(id, PURPOSES.category), day)
        : this.city.drawCategory(this.draw(id, PURPOSES.category), day);
    const street = this.city.drawStreet(this.draw(id, PURPOSES.street));
    this.onTransition?.(this.contactStep(id, undefined, 'received', now, category, street));
    if (this.lc.training) this.offerToSeat(id, category, street, now, 0);
    else this.intakeDecides(id, category, street, now, 0);
  }

  /**
   * Categories of a batch: emergencies are those with an emergency line; ambiguous ones need a work
   * order and have a sibling in their group (what the text reads like) that another unit owns.
   */
  private batchPool(kind: 'ambiguous' | 'emergency'): number[] {
    this.batchPools ??= {
      emergency: this.city.categories.flatMap((c, i) => (c.redirect ? [i] : [])),
      ambiguous: this.city.categories.flatMap((c, i) =>
        this.city.isConsultation[i] !== 1 && this.misleadingSiblings(i).length > 0 ? [i] : [],
      ),
    };
    return this.batchPools[kind];
  }

  /** Other categories of the same group that a different unit owns (a text like theirs misleads). */
  private misleadingSiblings(category: number): number[] {
    const cat = this.city.categories[category] as AppealCategory;
    const owner = JSON.stringify(cat.owner);
    return this.city.categories.flatMap((c, i) =>
      c.group === cat.group && i !== category && JSON.stringify(c.owner) !== owner ? [i] : [],
    );
  }

  private onInjectEnd(i: number): void {
    const inject = this.injects[i];
    if (inject?.kind === 'outage') {
      const unit = this.city.unitById.get(inject.unitId);
      if (unit !== undefined) this.pullBacklog(unit);
      return;
    }
    this.surges.delete(i);
  }
}

/** A response counted in a league record (a street's, or a department's); none when the order has no such unit. */
function countResponse(rec: StreetRecord | undefined, inTime: boolean): void {
  if (!rec) return;
  rec.responded++;
  if (inTime) rec.respondedInTime++;
}

/** A callback's evaluation counted in a league record. */
function countEvaluation(rec: StreetRecord | undefined, resolved: boolean, positive: boolean): void {
  if (!rec) return;
  rec.evaluated++;
  if (resolved) rec.resolved++;
  if (positive) rec.positive++;
}
