import { keyedUniform } from '../random/keyed-random';
import type { DeepReadonly } from '../util/deep-readonly';
import type { Services } from './schema';

/**
 * How an applicant judges a finished application (assumed coefficients, docs/ASSUMPTIONS.md "Service
 * matters"): satisfaction falls with every visit beyond the first, every return for a missing paper,
 * every material and day, and a late result. An unsatisfied applicant who rates gives a bad review
 * with probability BAD_IF_UNSATISFIED (the others skip the bad button, one reason published 好评率 run
 * above 99 %), and complains to 12345 with probability COMPLAINT_IF_UNSATISFIED.
 */
const SATISFACTION = { base: 3.6, extraVisit: 0.8, round: 0.6, material: 0.08, day: 0.04, late: 1.2 };
const BAD_IF_UNSATISFIED = 0.25;
const COMPLAINT_IF_UNSATISFIED = 0.3;
const P = { satisfied: 20, rated: 21, bad: 22, complaint: 23 };

export interface Rating {
  satisfied: boolean;
  rated: boolean;
  badReview: boolean;
  complaint: boolean;
}

export function rateApplication(
  app: { id: number; visits: number; rounds: number; materials: number },
  days: number,
  late: boolean,
  seed: number,
  s: DeepReadonly<Services>,
): Rating {
  const c = SATISFACTION;
  const z =
    c.base -
    c.extraVisit * Math.max(0, app.visits - 1) -
    c.round * app.rounds -
    c.material * app.materials -
    c.day * days -
    (late ? c.late : 0);
  const u = (purpose: number) => keyedUniform(seed, app.id, purpose);
  const satisfied = u(P.satisfied) < 1 / (1 + Math.exp(-z));
  const rated = u(P.rated) < s.ratedShare;
  const badReview = rated && !satisfied && u(P.bad) < BAD_IF_UNSATISFIED;
  const complaint = !satisfied && u(P.complaint) < COMPLAINT_IF_UNSATISFIED;
  return { satisfied, rated, badReview, complaint };
}
