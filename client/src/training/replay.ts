import type { DecisionReview } from '@hotline-sim/shared';

/** One replay row at the scrubber's time: what was known of an appeal then. */
export interface ReplayRow {
  review: DecisionReview;
  /** The seat had decided by then. */
  decided: boolean;
  /** The model's dispatcher had taken it by then (never decided, hold time passed). */
  timedOut: boolean;
  /** Consequences that had happened by then. */
  consequences: DecisionReview['consequences'];
}

/**
 * The rows of one seat at virtual time `at`: appeals offered by then, each with its decision if made
 * by then and the consequences so far; only the decided ones unless `everyOffer`.
 */
export function replayRows(
  decisions: readonly DecisionReview[],
  at: number,
  holdSeconds: number,
  everyOffer: boolean,
): ReplayRow[] {
  return decisions
    .filter((d) => d.offeredAt <= at && (everyOffer || d.decision !== null))
    .map((d) => ({
      review: d,
      decided: d.decidedAt !== null && d.decidedAt <= at,
      timedOut: d.decidedAt === null && at >= d.offeredAt + holdSeconds,
      consequences: d.consequences.filter((c) => c.at <= at),
    }));
}

/** The last moment anything happened at any of the seats, rounded up to the minute, plus one: the replay's end. */
export function replayEnd(seats: readonly { decisions: readonly DecisionReview[] }[]): number {
  let end = 0;
  for (const s of seats)
    for (const d of s.decisions)
      end = Math.max(end, d.offeredAt, d.decidedAt ?? 0, ...d.consequences.map((c) => c.at));
  return Math.ceil(end / 60) * 60 + 60;
}
