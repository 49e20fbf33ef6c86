import { z } from 'zod';
import type { AppealSite } from '../catalogue/appeal-site';
import type { DistrictOutlines } from '../city/geo';
import type { Comparison } from '../experiment/compare';
import type { Explanation } from '../experiment/explain';
import type { Report } from '../experiment/run-scenario';
import type { SweepResult } from '../experiment/sweep';
import type { KpiName } from '../report/kpis';
import type { SeatEvent } from '../training/seats';
import type { AppealState } from '../hotline/lifecycle';
import { injectSchema, type Inject } from '../hotline/lifecycle-schema';
import type { AppliedLeverChange } from '../hotline/lever-changes';
import type { LeverValue } from '../levers/scenario-levers';

/**
 * What the live server and its clients (dashboard, tests, scripts) say to each other: REST bodies
 * (zod schemas, validated at the edge) and Socket.IO event maps. Shared so both sides type-check
 * against one definition.
 */

/** The speed range of a live run's virtual clock (× wall time). */
export const SPEED_MIN = 0.5;
export const SPEED_MAX = 10_000;
export const speedSchema = z.number().min(SPEED_MIN).max(SPEED_MAX);

/** POST /api/runs */
export const createRunSchema = z
  .strictObject({
    /** A built-in scenario's name, or a whole scenario (validated like a scenario file). */
    scenario: z.union([z.string().min(1).max(200), z.record(z.string(), z.unknown())], {
      error: 'expected a built-in scenario name (1-200 characters) or a scenario object',
    }),
    speed: speedSchema.default(60),
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    /** Create the run paused (a teacher sets the scene first). */
    paused: z.boolean().default(false),
    /**
     * `wall`: anchored to the wall clock, ×1 from now: the scenario starts today (Beijing), the run
     * catches up from midnight at full pace, then its virtual time is Beijing time (its speed cannot
     * change). `virtual` (the default): the scenario's own calendar at the chosen speed; Open311 then
     * dates each step by the wall time at which the run reached it (see `RunInfo.clock`).
     */
    clock: z.enum(['virtual', 'wall']).default('virtual'),
    /**
     * Virtual hour of the first day the run is watched from (8: a city at work). The hours before it
     * are played at full pace (their appeals happen and count in the report), then the run keeps its
     * speed; the model's results are the same as from midnight. Not with `clock: 'wall'`, whose
     * virtual time is Beijing time. @defaultValue 0
     */
    startHour: z.number().min(0).max(23).default(0),
    /**
     * The city the run takes place in, by key (`GET /api/cities` lists them): it replaces the scenario's
     * own `city`. @defaultValue the scenario's city (Beijing when it names none)
     */
    city: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, 'a city key is 1-80 lower-case letters, digits or dashes')
      .optional(),
  })
  .refine((b) => b.clock !== 'wall' || b.startHour === 0, {
    path: ['startHour'],
    message: 'must be 0 (or left out) on the wall clock, whose virtual time is Beijing time',
  });
export type CreateRunBody = z.input<typeof createRunSchema>;

/** POST /api/runs/:id/speed */
export const setSpeedSchema = z.strictObject({ speed: speedSchema });

/**
 * POST /api/runs/:id/levers (instructor): lever path → new value, as `hotline --set` takes them
 * (`lifecycle.whistle.enabled`, `arrivals.perHour` …); the scenario's rules check the values.
 */
export const setLeversSchema = z.strictObject({
  set: z
    .record(z.string().min(1).max(200), z.unknown())
    .refine((set) => Object.keys(set).length > 0, { message: 'needs at least one lever to set' })
    .refine((set) => Object.keys(set).length <= 60, { message: 'at most 60 levers at once' }),
  /** What the change is, as the dashboard marks it. */
  label: z.strictObject({ zh: z.string().min(1).max(200), en: z.string().min(1).max(200) }).optional(),
});
export type SetLeversBody = z.input<typeof setLeversSchema>;

/** A lever change that took effect in a live run: from the scenario's timeline or an instructor. */
export type LeverChangeView = AppliedLeverChange;

/** GET /api/runs/:id/levers: every lever's value now, and the changes so far in time order. */
export interface RunLevers {
  values: Record<string, LeverValue>;
  changes: LeverChangeView[];
}

/** POST /api/runs/:id/levers answers 202 with when the change takes effect (virtual seconds) and what it sets. */
export interface LeversAccepted {
  at: number;
  set: Record<string, unknown>;
}

/** POST /api/runs/:id/injects: an inject that starts now (its `atHours` is ignored). */
export const fireInjectSchema = injectSchema;

/**
 * An inject waiting in a live run's schedule for its time (an exercise's script, editable while the
 * run goes on): `at` in virtual seconds from the start (its `atHours`, to the second).
 */
export interface ScheduledInject {
  id: string;
  at: number;
  inject: Inject;
}

/** An inject that has taken effect, at the virtual second it did. */
export interface FiredInject {
  at: number;
  inject: Inject;
}

/** GET /api/runs/:id/schedule */
export interface RunSchedule {
  scheduled: ScheduledInject[];
  fired: FiredInject[];
}

export const APPEALS_PAGE_SIZE = 50;

/** Where a run stands. */
export type RunStatus = 'running' | 'paused' | 'finished' | 'stopped';

/** A live run as the API lists it. */
export interface RunInfo {
  id: string;
  scenario: string;
  /** Key of the city the run takes place in (`GET /api/city?key=` gives its map). */
  city: string;
  seed: number;
  status: RunStatus;
  /** Requested speed (× wall time). */
  speed: number;
  /** Speed actually achieved over the last seconds: below `speed` when workers fall behind. */
  effectiveSpeed: number;
  /** Virtual seconds since the scenario's start, released so far. */
  virtualTime: number;
  /** Virtual seconds of arrivals; the run then drains until every appeal has closed. */
  horizon: number;
  /** The scenario's first day (ISO date): virtual time 0 is its midnight. */
  start: string;
  /**
   * Which clock the run keeps: `wall` (virtual time is Beijing time now, ×1) or `virtual` (the
   * scenario's calendar at its speed; Open311 maps each virtual moment to the wall time the run reached it).
   */
  clock: 'virtual' | 'wall';
  createdAt: string;
  /** Appeals created and transitions applied so far. */
  appeals: number;
  transitions: number;
}

/** An appeal's move for the map: where it is and which unit holds it. */
export interface AppealMove {
  id: number;
  to: AppealState;
  at: number;
  source: 'citizen' | 'grid';
  category: number;
  street: number;
  cell: number;
  /** Index of the unit holding it (the city model's units), -1 when none. */
  unit: number;
  /**
   * On the move to `handled` of an order whose street blew the whistle (吹哨): the departments
   * summoned, which reported (报到) during its handling (unit indexes).
   */
  whistle?: number[];
}

/** Appeals released and not yet answered, redirected or closed. */
export interface OpenAppeals {
  total: number;
  /** Index = CityMap.streets (an appeal counts from the moment its street is known). */
  byStreet: number[];
  /** By the kind of unit holding them; `none` before dispatch (at the hotline). */
  byUnitKind: Record<'none' | 'district' | 'street' | 'department' | 'utility', number>;
}

/** Queue depth of one stage of the live runtime. */
export interface StageDepth {
  waiting: number;
  active: number;
  completed: number;
}

/** One batched update to a run's room (at most ten a second, whatever the event rate). */
export interface RunUpdate {
  run: RunInfo;
  /** Appeals currently in each state. */
  states: Partial<Record<AppealState, number>>;
  /** Appeal moves since the last update (at most `MAX_MOVES`; `movesDropped` counts the rest). */
  moves: AppealMove[];
  movesDropped: number;
  /** The report, when it changed (about once a second). */
  report?: Report;
  /** Open appeals, with the report. */
  open?: OpenAppeals;
  queues: Record<string, StageDepth>;
  workers: number;
  /** Wall-clock ms when the newest transitions in this update were released (update lag = receipt − this). */
  releasedAt: number;
  /** Series points sampled since the last update (each virtual hour). */
  series: SeriesPoint[];
  /** Lever changes that took effect since the last update (timeline entries and instructors'). */
  leverChanges?: LeverChangeView[];
}

/** What a client gets first when it joins a run's room. */
export interface RunSnapshot {
  run: RunInfo;
  states: Partial<Record<AppealState, number>>;
  report: Report | null;
  open: OpenAppeals | null;
  /** Every series point so far, oldest first. */
  series: SeriesPoint[];
}

export const MAX_MOVES = 2_000;

export type Ack = (reply: { ok: true } | { error: string }) => void;

/**
 * Something happened at a training seat (an appeal offered, decided, timed out, returned, rated …):
 * a seat's client reads `GET /api/runs/:id/seats/:seat` again, which shows each role what it may see.
 */
export interface SeatNotice {
  runId: string;
  seat: string;
  kinds: SeatEvent['kind'][];
  /** Virtual time of the tick, and wall ms when the tick was released (seat update lag = receipt − this). */
  at: number;
  releasedAt: number;
}

/** The instructor's message to a seat (or to every seat of the run: `seat` null). */
export interface SeatMessage {
  runId: string;
  seat: string | null;
  text: string;
  sentAt: string;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: RunSnapshot) => void;
  update: (update: RunUpdate) => void;
  seat: (notice: SeatNotice) => void;
  message: (message: SeatMessage) => void;
  /** A lesson's presenter moved to `step` in this run (POST /api/lessons/:id/present). */
  'lesson:step': (event: LessonStepEvent) => void;
}

/** Socket event `lesson:step`, to the run's room; steps are numbered from 0. */
export interface LessonStepEvent {
  lessonId: string;
  runId: string;
  step: number;
}

export interface ClientToServerEvents {
  /** Join a run's room: a snapshot comes first, then updates. */
  join: (runId: string, ack?: Ack) => void;
  leave: (runId: string, ack?: Ack) => void;
  /** Follow one training seat: notices of what happens there and the instructor's messages. */
  joinSeat: (runId: string, seat: string, ack?: Ack) => void;
}

/**
 * One sample of a live run, taken each virtual hour: the KPIs as they stood (point estimates so far)
 * and the running counts behind the 未诉先办 story. Counts cover the observed window (after warm-up).
 */
export interface SeriesPoint {
  /**
   * Position in the run's series (0 = first). A client that missed points (say, one sent while it
   * was joining) sees a gap here and reads the whole series from GET /api/runs/:id/series.
   */
  n: number;
  /** Virtual seconds since the scenario's start. */
  at: number;
  kpis: Partial<Record<KpiName, number>>;
  /** Work orders from citizens' appeals (reactive, 接诉). */
  reactiveOrders: number;
  /** Work orders from grid patrols' discoveries (主动发现). */
  gridOrders: number;
  /** Proactive tasks opened by hot-spot detection and the month's topic (未诉先办). */
  proactiveTasks: number;
  /** Appeals that never came because proactive work or the grid solved the problem first. */
  appealsAvoided: number;
  /** Appeals open at that moment. */
  open: number;
}

/** GET /api/scenarios: the built-in scenarios. */
export interface ScenarioSummary {
  name: string;
  description: string;
  /** The description in Chinese (BUILT_IN_DESCRIPTIONS_ZH). */
  descriptionZh: string;
  /** First day (ISO date). */
  start: string;
  /** Hours of arrivals. */
  hours: number;
  /** False for intake-only scenarios (no work orders, no 三率). */
  lifecycle: boolean;
  /** The city it takes place in, by key (`GET /api/cities`). */
  city: string;
}

/**
 * GET /api/city?key=: what the map draws of a city. Array positions are the indexes `AppealMove`
 * uses (`street`, `cell`, `unit`). Positions are WGS 84 degrees; cells are columns to keep ~7,500 of
 * them small.
 */
export interface CityMap {
  /** The city's key (`RunInfo.city`). */
  key: string;
  name: string;
  nameEn: string;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: readonly [number, number, number, number];
  /** District outlines (GeoJSON FeatureCollection, feature id = district id). */
  outline: DistrictOutlines;
  districts: { id: string; name: string; nameEn: string; lon: number; lat: number }[];
  streets: { id: string; name: string; nameEn: string; districtId: string; lon: number; lat: number }[];
  cells: { lon: number[]; lat: number[]; street: number[] };
  /** Units appeals are dispatched to; departments and utilities sit around the city's sub-centre. */
  units: { id: string; kind: string; name: string; nameEn: string; lon: number; lat: number }[];
}

/** GET /api/cities: a city a run may take place in. */
export interface CitySummary {
  key: string;
  name: string;
  nameEn: string;
  districts: number;
  streets: number;
  /** Shipped with the product (else built by `hotline city` and registered at start-up). */
  builtIn: boolean;
}

/** GET /api/cities: the cities known now, and the one a run takes place in when nothing names one. */
export interface CityList {
  cities: CitySummary[];
  default: string;
}

/** POST /api/comparisons: two scenarios (built-in names or scenario objects) on common random numbers. */
export const createComparisonSchema = z.strictObject({
  a: createRunSchema.shape.scenario,
  b: createRunSchema.shape.scenario,
  replications: z.number().int().min(2).max(100).default(10),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  /**
   * Also say why each KPI moved: a Shapley split over the groups of levers that differ (by VIOTE driver,
   * or per lever when at most 4 differ), running all 2^k combinations (at most 7 groups).
   */
  explain: z.boolean().default(false),
});
export type CreateComparisonBody = z.input<typeof createComparisonSchema>;

/** GET /api/comparisons/:id */
export interface ComparisonStatus {
  id: string;
  status: 'running' | 'done' | 'failed';
  a: string;
  b: string;
  replications: number;
  /** Replications finished, of `total` (2 × replications; 2^k × replications with `explain`). */
  done: number;
  total: number;
  comparison?: Comparison;
  /** With `explain`: each KPI's difference split over the groups of levers that differ. */
  explanation?: Explanation;
  error?: string;
}

/** POST /api/sweeps: one scenario run at 2-8 values of one numeric field (a lever path), on common seeds. */
export const createSweepSchema = z.strictObject({
  scenario: createRunSchema.shape.scenario,
  /** Dotted path of a number in the scenario, e.g. `intake.agents` (a lever's path). */
  path: z.string().min(1).max(200),
  values: z.array(z.number().finite()).min(2).max(8),
  replications: z.number().int().min(2).max(20).default(5),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});
export type CreateSweepBody = z.input<typeof createSweepSchema>;

/** GET /api/sweeps/:id */
export interface SweepStatus {
  id: string;
  status: 'running' | 'done' | 'failed';
  scenario: string;
  path: string;
  values: number[];
  replications: number;
  /** Replications finished, of `total` (values × replications). */
  done: number;
  total: number;
  sweep?: SweepResult;
  error?: string;
}

/** One entry of an appeal's history as the live runtime stored it. */
export interface HistoryEntry {
  /** Position in the appeal's history (0 = its first step). */
  seq: number;
  from: AppealState | null;
  to: AppealState;
  /** Virtual seconds when it happened. */
  at: number;
  /** Unit holding the appeal after the step (index into the city's units), -1 when none. */
  unit: number;
  outcome?: string;
  rating?: string;
  /** Virtual time of the tick that released it, and wall ms when a worker applied it. */
  clock: number;
  appliedAt: number;
}

/** An appeal as `GET /api/runs/:id/appeals/:appealId` shows it. */
export interface AppealDetail {
  id: number;
  state: AppealState;
  stateLabel: { zh: string; en: string };
  source: 'citizen' | 'grid';
  category: { index: number; id: string; zh: string; en: string; slaClass: string };
  place: AppealSite;
  unit: { index: number; name: string; nameEn: string; kind: string } | null;
  deadline: number | null;
  /** Virtual time of its latest step (null for appeals stored before this field existed). */
  updated: number | null;
  outcome: string | null;
  rating: string | null;
  text: { zh: string; en: string };
  /** The service matter a caller of kind `matter` asked or complained about (service cities); else null. */
  matter: AppealMatter | null;
  history: HistoryEntry[];
}

/** What a call to 12345 about a government service matter is about (services/service-model.ts). */
export interface AppealMatter {
  kind: 'question' | 'complaint';
  /** The application's first matter (事项), and how many matters it held (一件事 bundles several). */
  id: string;
  zh: string;
  en: string;
  matters: number;
  channel: 'counter' | 'online';
  visits: number;
  materials: number;
}
