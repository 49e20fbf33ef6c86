import { z } from 'zod';
import { ISO_DATE } from '../engine/calendar';
import { lifecycleSchema } from '../hotline/lifecycle-schema';
import { distributionSchema } from '../random/distributions';
import { servicesSchema } from '../services/schema';
import type { DeepReadonly } from '../util/deep-readonly';
import { timelineIssues, timelineSchema } from './timeline';

const multipliers = (n: number, what: string) =>
  z
    .array(z.number().nonnegative())
    .length(n, { message: `needs exactly ${n} multipliers (${what})` })
    .refine((a) => a.some((x) => x > 0), { message: 'needs at least one multiplier above 0' });

/** One recorded contact of an arrival trace. */
export const traceEntrySchema = z.strictObject({
  /** Seconds since the start of the run's first day. */
  at: z.number().nonnegative(),
  /** Appeal category id from the catalogue, when the source says. */
  category: z.string().min(1).optional(),
  /** Longitude and latitude (WGS84), when the source says. */
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  /** How the contact came in: phone, web, app, or a grid worker's discovery. */
  channel: z.enum(['phone', 'web', 'app', 'grid']).optional(),
});

/** The fields of a scenario, its timeline aside (a timeline entry is checked against these). */
const scenarioFields = {
  /** Short name shown in reports. */
  name: z.string().min(1),
  /** What the scenario is for, in a sentence. */
  description: z.string().default(''),
  /** Seed of every random stream of the run. @defaultValue 1 */
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  /** Calendar date of the run's first day (weekday and month drive the arrival profile). @defaultValue 2025-01-06, a Monday */
  start: z.string().regex(ISO_DATE, { message: 'must be a date written YYYY-MM-DD' }).default('2025-01-06'),
  /**
   * The city the run takes place in, by key: a built-in city (`beijing`, …) or one built and cached by
   * `hotline city`. @defaultValue beijing
   */
  city: z.string().min(1).optional(),
  /** Length of the run in virtual hours, warm-up included. */
  hours: z.number().positive(),
  /** Hours at the start whose observations are discarded (warm-up deletion). @defaultValue 0 */
  warmupHours: z.number().nonnegative().default(0),
  /** Contacts reaching the hotline: a rate with a profile, or a recorded trace to replay. */
  arrivals: z
    .strictObject({
      /** Average contacts per hour over the run's profile. */
      perHour: z.number().positive().optional(),
      /** 24 relative multipliers by hour of day (normalised to mean 1). @defaultValue flat */
      hourOfDay: multipliers(24, 'one per hour, 0-23').optional(),
      /** 7 relative multipliers by day of week, Monday first (normalised). @defaultValue flat */
      dayOfWeek: multipliers(7, 'one per weekday, Monday first').optional(),
      /** 12 relative multipliers by month, January first (normalised). @defaultValue flat */
      monthOfYear: multipliers(12, 'one per month, January first').optional(),
      /**
       * Recorded contacts to replay instead of a random process (e.g. from `hotline import` of a 311
       * export): seconds since the start of the run's first day, with the category and place if known.
       */
      trace: z
        .array(traceEntrySchema)
        .min(1)
        // Contacts are numbered in time order, so the trace is kept sorted (stable for equal times).
        .transform((entries) => [...entries].sort((a, b) => a.at - b.at))
        .optional(),
    })
    .refine((a) => (a.perHour === undefined) !== (a.trace === undefined), {
      message: 'needs either perHour (a random process) or trace (recorded contacts), not both',
    }),
  /** Hotline intake (受理): agents answering calls in order of arrival. */
  intake: z.strictObject({
    /** Agents on duty (all day, unless agentsByHour is given). */
    agents: z.number().int().positive(),
    /** Agents on duty by hour of day (shifts: DOMAIN.md §2, 750 seats and 1,700+ operators in 2024). */
    agentsByHour: z
      .array(z.number().int().min(0))
      .length(24, { message: 'needs 24 agent counts, hour 0 first' })
      .optional(),
    /** Talk time of one contact, in minutes. */
    talkMinutes: distributionSchema,
    /** How long a caller waits before hanging up, in minutes. Omitted: callers never hang up. */
    patienceMinutes: distributionSchema.optional(),
    /** Service-level threshold: a contact answered within this many seconds counts as on time. @defaultValue 15 */
    serviceLevelSeconds: z.number().positive().default(15),
  }),
  /**
   * Intake only (no lifecycle): share of answered contacts settled on the spot (直接答复) instead of
   * dispatched. With a lifecycle, each category's own likelihood decides. @defaultValue 1
   */
  directAnswerShare: z.number().min(0).max(1).default(1),
  /** The 接诉即办 lifecycle after intake; absent: the run models the intake queue only. */
  lifecycle: lifecycleSchema.optional(),
  /**
   * Government service matters (事项: 最多跑一次, 一网通办; DOMAIN.md §10) beside the hotline, on their
   * own random streams; absent: no service-matter model.
   */
  services: servicesSchema.optional(),
};

const untimedScenarioSchema = z.strictObject(scenarioFields);

/**
 * A scenario: everything a run needs, validated before anything runs. Every section not named is
 * switched off or takes the default given here; each option is documented once, at its schema.
 */
export const scenarioSchema = z
  .strictObject({
    ...scenarioFields,
    /**
     * Dated lever changes (the reform timeline): at each entry's hour its levers take their new
     * values, as a live run's lever change would. Each entry must keep the scenario valid.
     * @defaultValue none
     */
    timeline: timelineSchema.optional(),
  })
  .refine((s) => s.warmupHours < s.hours, {
    message: 'must be shorter than hours',
    path: ['warmupHours'],
  })
  .superRefine((s, ctx) => {
    const check = (input: unknown) => {
      const result = untimedScenarioSchema.safeParse(input);
      return result.success ? [] : result.error.issues;
    };
    for (const issue of timelineIssues(s, check)) ctx.addIssue({ code: 'custom', ...issue, input: s });
  });

/** The scenario as a run sees it: defaults filled, validated, frozen. */
export type Scenario = DeepReadonly<z.output<typeof scenarioSchema>>;
/** The scenario as a user may write it (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** Average contacts per hour of a scenario: its rate, or its trace's count over the run. */
export function meanPerHour(scenario: Scenario): number {
  return scenario.arrivals.perHour ?? (scenario.arrivals.trace?.length ?? 0) / scenario.hours;
}
