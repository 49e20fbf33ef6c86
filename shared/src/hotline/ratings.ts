/**
 * The citizen model: how an appeal's outcome and its rating follow from what happened to it. The
 * same coefficients hold in every reform stage (they are calibrated once, README: calibration);
 * stages differ only by levers, which move the inputs below.
 *
 * Resolution (解决): P = logistic(base + effort·E − difficulty·D + whistle·W − overdue·O
 *   + dataSharing·DS + topicPolicies·T − returned·R − lateReports·LR), where E is the unit's effort (from
 *   assessment levers), D the category's difficulty, W = +1 if a needed whistle was blown / −1 if it was
 *   needed but the whistle is off or not adopted by the street, O = ln(1 + time past the limit / the
 *   limit) when handled late, else 0, or the same against the unit's promised time (承诺时限) when that
 *   is larger (work-stage.ts)
 *   (a 2-hour order done two days late is far later against its promise than a 7-day order a day late;
 *   督办 does not help the order: it counts against the unit instead, assessment-stage.ts), DS the
 *   data-sharing lever, T the share of monthly-topic policies in force (complaints only), R = 1 if the
 *   order was returned on the way, LR the share of summoned offices that reported late for the joint
 *   handling or not at all (吹哨报到).
 * Not resolved splits into partly / not by `partlyShare`.
 * Positive rating (满意 or 基本满意): P = logistic(outcome term + effort·E − lateResponse·L − overdue·O
 *   − wait·M + pressed·G), L = 1 when the unit responded after the limit, O the lateness as above, M the minutes the citizen waited for an agent, G = 1 when the unit pressed the citizen
 *   for a good rating (gaming: `assessment.gaming.pressLogit`);
 *   a positive rating is "basically" with `basicallyShare`.
 */
export interface ResolutionCoefficients {
  base: number;
  effort: number;
  difficulty: number;
  whistle: number;
  overdue: number;
  dataSharing: number;
  topicPolicies: number;
  returned: number;
  lateReports: number;
}

export interface SatisfactionCoefficients {
  resolved: number;
  partly: number;
  notResolved: number;
  effort: number;
  lateResponse: number;
  overdue: number;
  /** Per minute the citizen waited in the hotline queue. */
  wait: number;
}

export interface ResolutionInputs {
  effort: number;
  difficulty: number;
  /** +1 needed and blown, −1 needed but unavailable, 0 not needed. */
  whistle: number;
  /** Lateness: ln(1 + time past the limit / the limit), 0 when handled in time. */
  overdue: number;
  dataSharing: number;
  topicPolicies: number;
  returned: boolean;
  /** Share of the summoned offices that reported after the joint handling or not at all (0 without a whistle). */
  lateReports: number;
}

export type Outcome = 'resolved' | 'partly' | 'not';

export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

export function resolutionProbability(c: ResolutionCoefficients, x: ResolutionInputs): number {
  return logistic(
    c.base +
      c.effort * x.effort -
      c.difficulty * x.difficulty +
      c.whistle * x.whistle +
      -c.overdue * x.overdue +
      c.dataSharing * x.dataSharing +
      c.topicPolicies * x.topicPolicies -
      (x.returned ? c.returned : 0) -
      c.lateReports * x.lateReports,
  );
}

export function positiveRatingProbability(
  c: SatisfactionCoefficients,
  outcome: Outcome,
  effort: number,
  lateResponse: boolean,
  waitMinutes = 0,
  overdue = 0,
  pressLogit = 0,
): number {
  const base = outcome === 'resolved' ? c.resolved : outcome === 'partly' ? c.partly : c.notResolved;
  return logistic(
    base +
      c.effort * effort -
      (lateResponse ? c.lateResponse : 0) -
      c.overdue * overdue -
      c.wait * waitMinutes +
      pressLogit,
  );
}
