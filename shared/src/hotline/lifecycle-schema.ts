import { z } from 'zod';
import { distributionSchema } from '../random/distributions';

/**
 * A training seat's name, the one rule for every place that takes one (scenario, exercise, join code,
 * seat routes): 1-24 letters, digits or dashes, so it fits a URL path and a Socket.IO room as is.
 */
export const seatNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,24}$/, 'a seat name is 1-24 letters, digits or dashes');

const share = z.number().min(0).max(1);
const dist = (d: z.input<typeof distributionSchema>) => distributionSchema.prefault(d);

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
]);

/** Injects that send a batch of appeals to the training seats. */
export const BATCH_INJECTS = ['ambiguous-batch', 'emergency-batch'] as const;
export type BatchInject = Extract<Inject, { kind: (typeof BATCH_INJECTS)[number] }>;
export const isBatchInject = (inject: { kind: string }): inject is BatchInject =>
  (BATCH_INJECTS as readonly string[]).includes(inject.kind);

export type Inject = z.infer<typeof injectSchema>;

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
  response: z
    .strictObject({
      /** Hours from signing to contact without assessment pressure (assumed). */
      hours: dist({ lognormal: { mean: 16, cv: 1 } }),
      /** A response within this many hours (or the SLA limit if shorter) counts for the response rate. */
      limitHours: z.number().positive().default(24),
    })
    .prefault({}),
  /** 街乡吹哨、部门报到. */
  whistle: z
    .strictObject({
      /** Streets may summon departments. @defaultValue true */
      enabled: z.boolean().default(true),
      /** Departments must report on site within this many minutes (Pinggu norm: 30). */
      reportLimitMinutes: z.number().positive().default(30),
      /** Minutes a summoned department takes to report (assumed). */
      reportMinutes: dist({ lognormal: { mean: 25, cv: 0.6 } }),
    })
    .prefault({}),
  /** 督办: overdue orders are supervised. @defaultValue enabled */
  supervision: z.strictObject({ enabled: z.boolean().default(true) }).prefault({}),
  /** Time limits (hours) by SLA class (DB11/T draft: 2 h, 24 h, 7 d, 15 d). */
  timeLimits: z
    .strictObject({
      '2h': z.number().positive().default(2),
      '24h': z.number().positive().default(24),
      '7d': z.number().positive().default(168),
      '15d': z.number().positive().default(360),
    })
    .prefault({}),
  /** 三率 assessment and rankings. */
  assessment: z
    .strictObject({
      /** Monthly 三率 ranking of streets and departments (三率考核、四类排名). @defaultValue true */
      ranking: z.boolean().default(true),
      /** Worst streets each month go under city supervision (治理类街乡). @defaultValue true */
      governanceList: z.boolean().default(true),
      /** How many streets the list takes each month (assumed). */
      governanceListSize: z.number().int().min(0).default(10),
      /** Weights of the 三率 in the score (Beijing's are not public; 10/45/45 often quoted). */
      weights: z
        .strictObject({
          response: z.number().nonnegative().default(0.1),
          resolution: z.number().nonnegative().default(0.45),
          satisfaction: z.number().nonnegative().default(0.45),
        })
        .prefault({}),
    })
    .prefault({}),
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
      /** 每月一题: the month's top recurring category gets a city-wide campaign. */
      monthlyTopic: z
        .strictObject({
          enabled: z.boolean().default(false),
          /** Share of the topic's latent rate the campaign removes. */
          effect: share.default(0.3),
          /** Share of street capacity the campaign takes while it runs. */
          capacityCost: share.default(0.05),
          /**
           * Topics solved in earlier years whose policies are in force (DOMAIN.md §5: 27, 17, 18, 13 …).
           * Their effect on resolution grows with the count and saturates at 60 (about 2019-2023's).
           */
          topicsInForce: z.number().int().min(0).max(100).default(0),
        })
        .prefault({}),
    })
    .prefault({}),
  /** The seed paper's other two reforms. */
  reforms: z
    .strictObject({
      /** 最多跑一次: shared data, 0-1. Fewer misroutes, returns and repeat contacts. */
      dataSharing: share.default(0),
      /** 一网通办: one portal, 0-1. More self-service and direct answers. */
      oneNetwork: share.default(0),
    })
    .prefault({}),
  /**
   * The citizen model: how outcomes and ratings follow from what happened (ratings.ts). The same in
   * every reform stage: stages differ by levers only. The baseline (resolution base, effort,
   * difficulty; satisfaction resolved, partly, notResolved, effort) is fitted by `npm run calibrate`
   * (shared/scripts/calibration) to the published rates of the three reform stages and checked on
   * held-out figures (README: calibration and validation); the rest, reform effects included, are
   * assumed.
   */
  citizens: z
    .strictObject({
      /** Share of contacts that are repeats about an open appeal (assumed). */
      repeatShare: share.default(0.08),
      /** Share of callbacks that reach the citizen and get a rating. */
      callbackReach: share.default(0.92),
      resolution: z
        .strictObject({
          base: z.number().default(0.385),
          effort: z.number().default(1.165),
          difficulty: z.number().default(2.2),
          whistle: z.number().default(1.2),
          supervised: z.number().default(0.4),
          /**
           * Logit gain at full data sharing (assumed, NOT fitted): the records a unit needs (property,
           * permits, earlier appeals) are at hand. Its other paths (fewer misroutes and repeats) are
           * mechanisms of their own; half a logit is about +12 points at 50 %, +4 at 90 %.
           */
          dataSharing: z.number().default(0.5),
          /**
           * Logit gain on complaints when 60+ monthly-topic problems have policies (assumed, NOT
           * fitted): 400+ policies on 60+ recurring problems (DOMAIN.md §5); one logit is about the gap
           * between an ordinary and a hard category.
           */
          topicPolicies: z.number().default(1),
          returned: z.number().default(0.3),
        })
        .prefault({}),
      satisfaction: z
        .strictObject({
          resolved: z.number().default(3.239),
          partly: z.number().default(-0.782),
          notResolved: z.number().default(-1.782),
          effort: z.number().default(1.317),
          lateResponse: z.number().default(0.8),
          /** Per minute waited for an agent (assumed). */
          wait: z.number().default(0.1),
        })
        .prefault({}),
      /** Share of unresolved outcomes the citizen calls partly resolved. */
      partlyShare: share.default(0.4),
      /** Share of positive ratings that are "basically" rather than fully satisfied. */
      basicallyShare: share.default(0.3),
    })
    .prefault({}),
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
    })
    .optional(),
});

export type LifecycleInput = z.input<typeof lifecycleSchema>;
