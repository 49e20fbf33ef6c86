import { z } from 'zod';
import { distributionSchema } from '../../random/distributions';

const share = z.number().min(0).max(1);
const dist = (d: z.input<typeof distributionSchema>) => distributionSchema.prefault(d);

// The lifecycle's sections on the response (响应), 督办, promised times (承诺时限) and assessment (考核); lifecycle-schema.ts nests them.

/** Response (响应): the unit contacts the citizen. */
export const responseSchema = z
  .strictObject({
    /** Hours from signing to contact without assessment pressure (assumed). */
    hours: dist({ lognormal: { mean: 16, cv: 1 } }),
    /**
     * 响应率: a contact within this many hours of signing (or the SLA limit if shorter) counts as a
     * response in time (the draft 12345 service norm: units sign 24/7 and contact the citizen
     * promptly after signing; the exact limit is not published, 24 h assumed).
     */
    limitHours: z.number().positive().default(24),
    /**
     * A unit calls the citizen as it signs with probability 1 − exp(−promptScale · P · (response +
     * satisfaction weight)), P its assessment pressure; otherwise after `hours`. A call costs minutes,
     * so pressure buys it far more easily than work effort (assumed: 10 against effortScale 3).
     */
    promptScale: z.number().nonnegative().default(10),
  })
  .prefault({});

/** 督办: overdue orders are supervised; it counts against the unit and presses it next month. */
export const supervisionSchema = z
  .strictObject({
    /** @defaultValue true */
    enabled: z.boolean().default(true),
    /** Score points a unit loses per unit share of its orders supervised in the month (assumed). */
    scorePenalty: z.number().nonnegative().default(0.5),
    /** Pressure added next month per unit share of a unit's orders supervised (assumed). */
    pressure: z.number().nonnegative().default(1),
  })
  .prefault({});

/**
 * 承诺时限 (issue 14 point 2): at signing a unit may promise the citizen a time shorter than the SLA
 * limit for 7-day and 15-day orders. Handling after the promise is lateness as after the limit
 * (citizens.resolution.overdue, citizens.satisfaction.overdue), measured against the promised time.
 * Both values assumed: no distribution of promised times is published.
 */
export const promiseSchema = z
  .strictObject({
    /** Share of 7-day and 15-day orders whose unit promises a shorter time (assumed 0.3). */
    share: share.default(0.3),
    /** The promised time as a share of the SLA limit (assumed 0.25: under 2 days for a 7-day order, under 4 for a 15-day one). */
    fraction: z.number().min(0.05).max(1).default(0.25),
  })
  .prefault({});

/** 三率 assessment and rankings. */
export const assessmentSchema = z
  .strictObject({
    /** Monthly 三率 ranking of streets and departments (三率考核、四类排名). @defaultValue true */
    ranking: z.boolean().default(true),
    /** Worst streets each month go under city supervision (治理类街乡). @defaultValue true */
    governanceList: z.boolean().default(true),
    /** How many streets the list takes each month (assumed). */
    governanceListSize: z.number().int().min(0).default(10),
    /** A listed street leaves after this many consecutive months outside the bottom N (assumed; DOMAIN.md §3). */
    governanceListExitMonths: z.number().int().min(1).default(2),
    /** Pressure a listed street is under on top of its ranking (assumed). */
    governanceListPressure: z.number().nonnegative().default(0.3),
    /** Extra staff a listed street gets from its district, as a share of its handlers (assumed). */
    governanceListHelp: z.number().nonnegative().default(0.25),
    /** Pressure every unit is under without ranking or list (assumed: the 2019-01 stage). */
    basePressure: z.number().nonnegative().default(0.25),
    /** Pressure at the bottom of last month's league (0 at the top, linear in between; assumed). */
    rankingPressure: z.number().nonnegative().default(0.6),
    /** Effort = 1 − exp(−scale · pressure · weight share): how fast pressure turns into effort (assumed). */
    effortScale: z.number().positive().default(3),
    /** Staff hours an order costs at full effort, on top of the work itself (assumed). */
    effortHours: z
      .strictObject({
        /** The work takes this share longer at full work effort. */
        workStretch: z.number().nonnegative().default(0.2),
        /** Hours of contact with the citizen (calls, visits) at full contact effort. */
        contact: z.number().nonnegative().default(0.25),
        /** Hours of paperwork (records, photos, reports for the assessment) per unit of pressure. */
        paperwork: z.number().nonnegative().default(0.15),
      })
      .prefault({}),
    /** 0-1: how far units refuse to game the rates under pressure; 1 never games (assumed 0.8). */
    integrity: share.default(0.8),
    /** Gaming the satisfaction rate (pressing citizens, excluding 不合理诉求, closing early); assumed. */
    gaming: z
      .strictObject({
        /** Satisfaction pressure (pressure × satisfaction weight) below which nobody games. */
        threshold: z.number().nonnegative().default(0.15),
        /** Gamed share per unit of satisfaction pressure above the threshold (times 1 − integrity). */
        slope: z.number().nonnegative().default(2),
        /** Logit the citizen's rating gains when the unit presses for a good one. */
        pressLogit: z.number().nonnegative().default(1),
        /** Share of a gamed, unresolved order's exclusion requests (不合理诉求) the review grants. */
        excludeShare: share.default(0.5),
        /** Share of the work (time and effort) skipped by closing early. */
        earlyClose: share.default(0.5),
      })
      .prefault({}),
    /** Weights of the 三率 in the score (Beijing's are not public; 10/45/45 often quoted). */
    weights: z
      .strictObject({
        response: z.number().nonnegative().default(0.1),
        resolution: z.number().nonnegative().default(0.45),
        satisfaction: z.number().nonnegative().default(0.45),
      })
      .prefault({}),
  })
  .prefault({});
