import { z } from 'zod';
import { isCategoryId } from '../catalogue/categories';
import { CITY_UNITS } from '../catalogue/units';
import { distributionSchema } from '../random/distributions';
import { SEAT_ROLES } from '../training/seats';
import {
  assessmentSchema,
  promiseSchema,
  responseSchema,
  supervisionSchema,
} from './assessment/assessment-schema';
import { citizensSchema } from './citizens-schema';
import { DEFAULT_MONTHLY_TOPICS } from './proactive/monthly-topics';

/**
 * A training seat's name, the one rule for every place that takes one (scenario, exercise, join code,
 * seat routes): 1-24 letters, digits or dashes, so it fits a URL path and a Socket.IO room as is.
 */
export const seatNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,24}$/, 'a seat name is 1-24 letters, digits or dashes');

const share = z.number().min(0).max(1);
const dist = (d: z.input<typeof distributionSchema>) => distributionSchema.prefault(d);

/** One street type's staffing (× handlers), load (× appeals per resident) and difficulty (+ category's). */
const streetTypeSchema = (d: { staffing: number; load: number; difficulty: number }) =>
  z
    .strictObject({
      staffing: z.number().positive().default(d.staffing),
      load: z.number().nonnegative().default(d.load),
      difficulty: z.number().min(-1).max(1).default(d.difficulty),
    })
    .prefault({});

/** When an inject starts and how long it lasts, in virtual hours from the start of the run. */
const window = { atHours: z.number().nonnegative(), hours: z.number().positive() };

/** Events an instructor or a scenario injects into a running city. */
export const injectSchema = z.discriminatedUnion('kind', [
  /** Demand surge (e.g. a storm): contacts of the given categories and district multiply by `factor`. */
  z.strictObject({
    kind: z.literal('surge'),
    ...window,
    factor: z.number().min(1).max(50),
    categories: z.array(z.string().min(1)).optional(),
    districtId: z.string().optional(),
  }),
  /** A unit stops handling (e.g. a department's system is down): its orders wait until it is back. */
  z.strictObject({ kind: z.literal('outage'), ...window, unitId: z.string().min(1) }),
  /** The heating season starts: heating contacts spike for a week (by `factor`). */
  z.strictObject({
    kind: z.literal('heating-start'),
    atHours: z.number().nonnegative(),
    hours: z.number().positive().default(168),
    factor: z.number().min(1).max(50).default(3),
  }),
  /**
   * Training (an exercise's master scenario events list): `count` appeals that read like a
   * neighbouring category of their group, spread over the window and offered to the seats in turn.
   * Each needs a work order; the text leads a careless dispatcher to the wrong unit.
   */
  z.strictObject({ kind: z.literal('ambiguous-batch'), ...window, count: z.number().int().min(1).max(200) }),
  /**
   * Training: `count` emergencies (a fire, a crash, a fight, an injury) spread over the window and
   * offered to the seats in turn; each must be redirected to its line (119, 122, 110, 120).
   */
  z.strictObject({ kind: z.literal('emergency-batch'), ...window, count: z.number().int().min(1).max(200) }),
  /**
   * Training: `count` appeals about one problem at one place (a mass event), spread over the window
   * and offered to the seats in turn: the first is dispatched, the others merged into it (并单).
   */
  z.strictObject({ kind: z.literal('duplicates-batch'), ...window, count: z.number().int().min(1).max(200) }),
]);

/** Injects that send a batch of appeals to the training seats. */
export const BATCH_INJECTS = ['ambiguous-batch', 'emergency-batch', 'duplicates-batch'] as const;
export type BatchInject = Extract<Inject, { kind: (typeof BATCH_INJECTS)[number] }>;
export const isBatchInject = (inject: { kind: string }): inject is BatchInject =>
  (BATCH_INJECTS as readonly string[]).includes(inject.kind);

export type Inject = z.infer<typeof injectSchema>;

/** A monthly topic (每月一题): the month it runs, its category and the city department that leads it. */
export const monthlyTopicSchema = z.strictObject({
  month: z.number().int().min(1).max(12),
  category: z.string().refine(isCategoryId, 'a category id of the catalogue'),
  leadUnit: z
    .string()
    .refine((id) => CITY_UNITS.some((u) => u.id === id && u.kind === 'department'), 'a city department id'),
});

/** Who adopts a lever: every street of the listed districts (division codes), and a share of the rest. */
const adoptionSchema = z.strictObject({
  share: share.default(1),
  districts: z.array(z.string()).default([]),
});

/**
 * The 接诉即办 lifecycle after intake: dispatch, units, whistle, callbacks, assessment and proactive
 * governance. Present in a scenario ⇒ contacts become appeals and work orders; absent ⇒ intake only.
 * Every lever's VIOTE driver and explanation are in `LEVERS` (levers.ts). Numbers DOMAIN.md marks as
 * assumed are defaults here, never constants in code.
 */
export const lifecycleSchema = z.strictObject({
  /** Dispatch (派单). */
  dispatch: z
    .strictObject({
      /** tiered: via the district; direct: straight to the street (直派, 2019-01-01); smart: auto-classified. @defaultValue direct */
      mode: z.enum(['tiered', 'direct', 'smart']).default('direct'),
      /** Share of manual dispatches that reach the right unit. @defaultValue 0.88 (assumed) */
      manualAccuracy: share.default(0.88),
      /** Share of smart (auto-classified) dispatches that reach the right unit. @defaultValue 0.95 (assumed) */
      smartAccuracy: share.default(0.95),
      /** Call-to-dispatch minutes, manual (DOMAIN.md §2.3: ~5-6 min). */
      minutes: dist({ lognormal: { mean: 5.5, cv: 0.6 } }),
      /** Call-to-dispatch minutes with AI assistance (DOMAIN.md §2.3: 3.7 min in 2026). */
      smartMinutes: dist({ lognormal: { mean: 3.7, cv: 0.6 } }),
      /** 首接负责: the first receiving unit leads multi-unit cases; off, streets dispute them once. @defaultValue true */
      leadUnit: z.boolean().default(true),
      /** Tiered mode: hours the district takes to pass a street's order on (assumed). */
      forwardHours: dist({ lognormal: { mean: 24, cv: 0.8 } }),
    })
    .prefault({}),
  /** Units: how much they can handle and how fast. */
  units: z
    .strictObject({
      /**
       * Units are staffed for their expected load: handlers = expected handler-hours per day / 24 /
       * this utilisation (at least 1). DOMAIN.md gives no unit staffing; sizing by load keeps any
       * volume, from one district to the whole city, in a realistic regime. @defaultValue 0.7 (assumed)
       */
      targetUtilisation: z.number().min(0.05).max(1).default(0.7),
      /**
       * Staff of each unit kind relative to its load-sized handlers (1 = sized for the expected load
       * at `targetUtilisation`; 0.5 = half the staff-hours a day). Effort costs staff time, so less
       * capacity means longer queues and more lateness. @defaultValue 1 each (assumed)
       */
      capacity: z
        .strictObject({
          street: z.number().positive().default(1),
          district: z.number().positive().default(1),
          department: z.number().positive().default(1),
          utility: z.number().positive().default(1),
        })
        .prefault({}),
      /**
       * 二次上门: when a unit's attempt leaves the problem unresolved, it goes back once with this
       * probability (a repeat site visit: another work time, another chance to resolve; assumed 0.5).
       * Repeat visits per order are a burden measure (基层负担) beside staff-hours per order.
       */
      revisitShare: share.default(0.5),
      /** Hours from receipt to signing or returning (assumed). */
      signHours: dist({ lognormal: { mean: 1, cv: 1 } }),
      /** Handler work hours per order by SLA class (assumed). */
      workHours: z
        .strictObject({
          '2h': dist({ lognormal: { mean: 0.5, cv: 0.8 } }),
          '24h': dist({ lognormal: { mean: 2, cv: 0.8 } }),
          '7d': dist({ lognormal: { mean: 3, cv: 1 } }),
          '15d': dist({ lognormal: { mean: 6, cv: 1 } }),
        })
        .prefault({}),
    })
    .prefault({}),
  /** Returns (退单) and their review. */
  returns: z
    .strictObject({
      /** Returns are reviewed and wrong returns upheld (派单异议审核); off: every return is re-dispatched. @defaultValue true */
      review: z.boolean().default(true),
      /** Hours a review takes (assumed). */
      reviewHours: dist({ lognormal: { mean: 4, cv: 0.8 } }),
      /** Share of correctly routed orders a unit returns anyway (dodging; assumed). */
      falseReturnShare: share.default(0.04),
      /** After this many returns the reviewer assigns the owner itself: returns never loop forever. */
      maxReturns: z.number().int().min(1).max(10).default(3),
    })
    .prefault({}),
  /** Response (响应): the unit contacts the citizen. */
  response: responseSchema,
  /** 街乡吹哨、部门报到. */
  whistle: z
    .strictObject({
      /** Streets may summon departments. @defaultValue true */
      enabled: z.boolean().default(true),
      /** Departments must report on site within this many minutes (Pinggu norm: 30). */
      reportLimitMinutes: z.number().positive().default(30),
      /**
       * Minutes a summoned local office (派出所, 市场监管所 …) takes to report when it is on no other
       * report, in the street, at the reference limit (assumed; Pinggu's norm is 30 min on site).
       */
      reportMinutes: dist({ lognormal: { mean: 25, cv: 0.6 } }),
      /** Each report an office is already on stretches its next by this share (assumed: one crew, split). */
      loadPerReport: z.number().nonnegative().default(0.5),
      /** Km/h a district-level office (房管所, 交通大队 …) drives from the district seat (assumed: city traffic). */
      travelKmh: z.number().positive().default(30),
      /**
       * 双考核: streets assess how the offices report, so a tighter limit makes them report sooner:
       * report times scale with (reportLimitMinutes / limitReferenceMinutes)^limitPull (assumed 0.35:
       * a limit four times looser, 120 vs 30 min, makes reports about 1.6 times slower).
       */
      limitPull: z.number().min(0).max(2).default(0.35),
      /** The limit at which reports take `reportMinutes` (assumed: Pinggu's 30 min). */
      limitReferenceMinutes: z.number().positive().default(30),
      /**
       * The street's joint handling on site (现场会) lasts this many minutes from the whistle; an office
       * reporting after it missed it, which lowers resolution (citizens.resolution.lateReports). An
       * office stays on a report until it ends or the office has come (assumed).
       */
      jointMinutes: z.number().positive().default(60),
      /** After this many minutes without a report the street goes on without it: a missing report (assumed). */
      giveUpMinutes: z.number().positive().default(240),
      /** Weight of the streets' assessment of reporting (双考核) in a department's score (assumed). */
      streetAssessmentWeight: share.default(0.2),
    })
    .prefault({}),
  /**
   * Streets that differ (issue 14, point 6): per street type (city/street-type.ts) its staffing
   * (handlers relative to load), load (appeals per resident, relative) and difficulty (added to the
   * category's). All assumed (docs/ASSUMPTIONS.md, "Whistle and streets").
   */
  streets: z
    .strictObject({
      /** A unit is ranked (league, 治理类 list) only with this many rated orders per run or month (assumed). */
      minRatedToRank: z.number().int().min(1).default(30),
      core: streetTypeSchema({ staffing: 1.1, load: 1.3, difficulty: 0.05 }),
      urban: streetTypeSchema({ staffing: 0.9, load: 1.2, difficulty: 0 }),
      fringe: streetTypeSchema({ staffing: 0.8, load: 1.4, difficulty: 0.08 }),
      township: streetTypeSchema({ staffing: 1, load: 0.6, difficulty: -0.05 }),
      devZone: streetTypeSchema({ staffing: 1, load: 0.8, difficulty: 0 }),
    })
    .prefault({}),
  /** 督办: overdue orders are supervised; it counts against the unit and presses it next month. */
  supervision: supervisionSchema,
  /** Time limits (hours) by SLA class (DB11/T draft: 2 h, 24 h, 7 d, 15 d). */
  timeLimits: z
    .strictObject({
      '2h': z.number().positive().default(2),
      '24h': z.number().positive().default(24),
      '7d': z.number().positive().default(168),
      '15d': z.number().positive().default(360),
    })
    .prefault({}),
  /** 承诺时限: a unit's promised time at signing. */
  promise: promiseSchema,
  /** 三率 assessment and rankings. */
  assessment: assessmentSchema,
  /** Grid patrols (热线+网格): grid workers report problems they find. */
  grid: z
    .strictObject({
      enabled: z.boolean().default(false),
      /** Discoveries per grid cell per day (assumed; DOMAIN.md §5: ~10 M a year city-wide). */
      perCellPerDay: z.number().nonnegative().default(3.6),
      /** Share of discoveries dispatched to a unit; grid workers settle the rest on the spot (assumed). */
      dispatchedShare: share.default(0.1),
      /** Each handled discovery lowers citizen appeals of its kind in its street by this share… */
      effect: share.default(0.05),
      /** …for this many days. */
      effectDays: z.number().positive().default(14),
    })
    .prefault({}),
  /** 未诉先办: proactive governance. */
  proactive: z
    .strictObject({
      /** Hot spots: same category in the same street, rolling window, threshold ⇒ a proactive task. */
      hotSpots: z
        .strictObject({
          enabled: z.boolean().default(false),
          windowDays: z.number().int().positive().default(7),
          threshold: z.number().int().positive().default(5),
          /** Share of the latent problem rate the task removes… */
          effect: share.default(0.5),
          /** …for this many days. */
          durationDays: z.number().positive().default(30),
        })
        .prefault({}),
      /** Seasonal pre-emption: heating pre-repairs before 15 Nov, drains before the flood season. */
      seasonal: z
        .strictObject({
          enabled: z.boolean().default(false),
          /** Share of seasonal appeals pre-empted (DOMAIN.md §5: one heat centre −61 %). */
          effect: share.default(0.4),
        })
        .prefault({}),
      /**
       * 每月一题 (DOMAIN.md §5, §9): each month a city department leads a campaign on a recurring
       * problem; its policies build up a stock that lowers the category's latent rate and helps its
       * orders resolve, and the stock stays after the month.
       */
      monthlyTopic: z
        .strictObject({
          enabled: z.boolean().default(false),
          /** The year's topics by month; the default follows the published topics (monthly-topics.ts). */
          topics: z.array(monthlyTopicSchema).default(() => DEFAULT_MONTHLY_TOPICS.map((t) => ({ ...t }))),
          /**
           * Share of a topic category's latent rate its policies remove at full stock. @defaultValue
           * 0.3 (assumed: below the −61 % one heat centre saw after pre-repairs, DOMAIN.md §5, since a
           * city-wide policy reaches unevenly)
           */
          effect: share.default(0.3),
          /**
           * Months for a topic's policy stock to build from nothing (the topic month's first day) to
           * full; it stays full afterwards. @defaultValue 3 (assumed: the month's policies plus two
           * months for districts and streets to apply them)
           */
          rampMonths: z.number().positive().max(24).default(3),
          /**
           * Share of the lead department's capacity its campaign takes in the topic month (its staff
           * time: streets carry the policies out in their usual work). @defaultValue 0.2 (assumed)
           */
          capacityCost: share.default(0.2),
          /**
           * Topics of earlier years whose policies are in force (DOMAIN.md §5: 27, 17, 18, 13 …): every
           * complaint category starts with a policy stock of count / 60 (full at about 2021-2023's
           * 62). Earlier policies' cut of the latent rate is already in the year's demand: they act
           * through resolution only.
           */
          topicsInForce: z.number().int().min(0).max(100).default(0),
        })
        .prefault({}),
    })
    .prefault({}),
  /** The seed paper's other two reforms. */
  reforms: z
    .strictObject({
      /** 最多跑一次: shared data, 0-1, in the streets that adopt it (`adoption.dataSharing`). Fewer misroutes, returns and repeat contacts. */
      dataSharing: share.default(0),
      /** 一网通办: one portal, 0-1. More self-service and direct answers. */
      oneNetwork: share.default(0),
    })
    .prefault({}),
  /**
   * Which streets adopt the organisational levers (issue 14 point 5): a street adopts a lever when its
   * district is listed or its seeded draw (stable across the levers' values, so common random numbers
   * hold in a sweep) falls below `share`. Non-adopters: dispatch goes via the district (tiered), no
   * grid patrols, no shared data, no whistle. @defaultValue every street adopts every lever
   */
  adoption: z
    .strictObject({
      /** The dispatch mode (`dispatch.mode`); other streets get tiered dispatch. */
      dispatch: adoptionSchema.prefault({}),
      /** Grid patrols (`grid.enabled`). */
      grid: adoptionSchema.prefault({}),
      /** Shared data (`reforms.dataSharing`). */
      dataSharing: adoptionSchema.prefault({}),
      /** 吹哨报到 (`whistle.enabled`): other streets cannot summon departments (2018 pilot: 169 streets, 51 %). */
      whistle: adoptionSchema.prefault({}),
    })
    .prefault({}),
  /**
   * The year whose category mix demand follows (annual 接诉即办 reports; categories.ts). Absent: the
   * year of the scenario's start.
   */
  demandYear: z.number().int().min(2019).max(2030).optional(),
  /**
   * The citizen model: how outcomes and ratings follow from what happened (ratings.ts). The same in
   * every reform stage: stages differ by levers only. The baseline (resolution base, effort,
   * difficulty; satisfaction resolved, partly, notResolved, effort) is fitted by `npm run calibrate`
   * (shared/scripts/calibration) to the published rates of the three reform stages and checked on
   * held-out figures (README: calibration and validation); the rest, reform effects included, are
   * assumed.
   */
  citizens: citizensSchema,
  /** Scripted injects. */
  injects: z.array(injectSchema).default([]),
  /**
   * A training exercise (issue 7): trainees take dispatcher seats (派单员). A share of the citizens'
   * contacts, decided per contact, wait at `received` for a seat's decision instead of the model's
   * own; the rest of the city runs as usual. Absent: no seats.
   */
  training: z
    .strictObject({
      /** Seat names, one per trainee (the seat a join code opens). */
      seats: z
        .array(seatNameSchema)
        .min(1)
        .max(60)
        .refine((seats) => new Set(seats).size === seats.length, 'seat names must differ'),
      /** Share of contacts offered to the seats, all seats together (each gets an equal part). */
      share: z.number().min(0).max(1),
      /** Virtual minutes an offered appeal waits for its seat before the model's dispatcher takes it. */
      holdMinutes: z
        .number()
        .positive()
        .max(24 * 60)
        .default(20),
      /** Share of offered appeals whose text reads like a neighbouring category (ambiguous on purpose). */
      ambiguity: share.default(0),
      /** What each seat does (派单 dispatch by default, 退单审核 review, 回访 callback); seats not named dispatch. */
      roles: z.record(seatNameSchema, z.enum(SEAT_ROLES)).optional(),
    })
    .optional(),
});

export type LifecycleInput = z.input<typeof lifecycleSchema>;
