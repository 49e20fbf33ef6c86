import type { IntakeObservation } from '../intake/intake-model';
import type { QuantileSketch } from '../stats';
import type { AppealState } from './lifecycle';
import type { Outcome } from './ratings';

/**
 * What the model records and what its observers read: work orders, counters, league records, the
 * replication's observation and the transitions reported to observers. `report/` reads these types;
 * it never imports the model.
 */

/** Where a work order came from: a citizen's contact, or a grid worker's discovery. */
export type OrderSource = 'citizen' | 'grid';

/** A citizen's rating at the callback (满意 / 基本满意 / 不满意). */
export type Rating = 'satisfied' | 'basically' | 'not';

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
  /**
   * A training seat named the case's assisting units (协办) beside the lead (主办) at dispatch: the
   * departments are on the order from the start (no missing-whistle penalty, no dispute over who leads).
   */
  coordinated: boolean;
  /** Share of the offices a whistle summoned that missed the joint handling or never came (0 without). */
  lateReports: number;
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
  /** Lateness when handled: ln(1 + time past the limit / the limit), 0 in time (it lowers resolution and satisfaction). */
  overdue: number;
  /** The unit games the rates on it (presses the citizen, asks to exclude it, closes early). */
  gamed: boolean;
  /** When the holding unit signed it (the response limit runs from here); NaN before. */
  signed: number;
  /** The time the unit promised at signing (承诺时限), Infinity without a promise. */
  promised: number;
  /** Site visits so far (a second one is a repeat visit after a failed attempt). */
  visits: number;
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
  // Assessment and time (issue 14): gaming, exclusions, lateness and the units' staff time.
  'gamed',
  'excluded',
  'overdue',
  'handled',
  'staffHours',
  'paperworkHours',
  // 吹哨报到: minutes summed over reports, reports that never came, whistles with a report late for the joint handling.
  'reportMinutes',
  'reportsMissing',
  'whistlesLate',
  /** Hot-spot tasks alone (proactiveTasks also counts each street's monthly-topic campaign). */
  'hotSpotTasks',
  // Burden and promises: repeat site visits after a failed attempt; orders with a promise (承诺时限), kept.
  'repeatVisits',
  'promised',
  'promiseKept',
  // The epidemic category's callbacks (the COVID hold-out, DOMAIN.md §9).
  'epidemicEvaluated',
  'epidemicResolved',
  'epidemicPositive',
] as const;
export type HotlineCounter = (typeof HOTLINE_COUNTERS)[number];
/** Index of each counter in the counters array (counter * BATCHES + batch). */
export const C = Object.fromEntries(HOTLINE_COUNTERS.map((name, i) => [name, i])) as Record<
  HotlineCounter,
  number
>;

/** One street's record for the league table. */
export interface StreetRecord {
  orders: number;
  responded: number;
  respondedInTime: number;
  evaluated: number;
  resolved: number;
  positive: number;
  /** Departments: reports their line's local offices made to streets' whistles, and on time (双考核). */
  reports: number;
  reportsOnTime: number;
}

/** A league record with nothing counted yet. */
export const emptyRecord = (): StreetRecord => ({
  orders: 0,
  responded: 0,
  respondedInTime: 0,
  evaluated: 0,
  resolved: 0,
  positive: 0,
  reports: 0,
  reportsOnTime: 0,
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
