import { z } from 'zod';

const share = z.number().min(0).max(1);

/**
 * The citizen model: how outcomes and ratings follow from what happened (ratings.ts). The same in
 * every reform stage: stages differ by levers only. The resolution and satisfaction coefficients
 * were fitted by `npm run calibrate` (shared/scripts/calibration) to the published rates of the
 * three reform stages (README: calibration); the rest are assumed.
 */
export const citizensSchema = z
  .strictObject({
    /** Share of contacts that are repeats about an open appeal (assumed). */
    repeatShare: share.default(0.08),
    /** Share of callbacks that reach a citizen whose problem was resolved and get a rating. */
    callbackReach: share.default(0.92),
    /**
     * Logit of reach lost when the problem was not resolved: those citizens take the callback less
     * often (assumed), so the unreached are not a random sample and reach moves the measured rates.
     */
    unresolvedReachLogit: z.number().nonnegative().default(1.5),
    resolution: z
      .strictObject({
        base: z.number().default(-1.477),
        effort: z.number().default(4.345),
        difficulty: z.number().default(1.68),
        whistle: z.number().default(1.2),
        /**
         * Per unit of lateness ln(1 + time past the limit / the limit): the problem has grown or the
         * citizen given up (assumed).
         */
        overdue: z.number().default(0.5),
        /**
         * Logit gain at full data sharing (assumed, NOT fitted): the records a unit needs (property,
         * permits, earlier appeals) are at hand. Its other paths (fewer misroutes and repeats) are
         * mechanisms of their own; half a logit is about +12 points at 50 %, +4 at 90 %.
         */
        dataSharing: z.number().default(0.5),
        /** Logit lift of an order whose category has a full 每月一题 policy stock (assumed, not fitted: a policy gives units a rule for cases they could not settle). */
        topicPolicies: z.number().default(0.8),
        returned: z.number().default(0.3),
        /** Per share of summoned offices that missed the joint handling (whistle.jointMinutes; assumed). */
        lateReports: z.number().default(1),
      })
      .prefault({}),
    satisfaction: z
      .strictObject({
        resolved: z.number().default(6.23),
        partly: z.number().default(-1.519),
        notResolved: z.number().default(-2.519),
        effort: z.number().default(3.609),
        lateResponse: z.number().default(0.8),
        /** Per unit of lateness (as for resolution): the citizen waited too long (assumed). */
        overdue: z.number().default(0.8),
        /** Per minute waited for an agent (assumed). */
        wait: z.number().default(0.1),
      })
      .prefault({}),
    /** Share of unresolved outcomes the citizen calls partly resolved. */
    partlyShare: share.default(0.4),
    /** Share of positive ratings that are "basically" rather than fully satisfied. */
    basicallyShare: share.default(0.3),
  })
  .prefault({});
