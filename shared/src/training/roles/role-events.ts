import { z } from 'zod';
import type { Outcome } from '../../hotline/ratings';

/**
 * The two seat kinds beside the dispatch desk (issue 18 point 6): 退单审核, judging a unit's return
 * (accept it and re-dispatch, or refuse it), and 回访, calling the citizen back and recording
 * resolution and satisfaction. What they are offered, decide and what was right, as seat events.
 */

/** Why a reviewer refuses a return: the unit must keep the order. */
export const REFUSE_REASONS = ['own-duty', 'territory', 'lead-unit'] as const;
export type RefuseReason = (typeof REFUSE_REASONS)[number];

/** A 退单审核 seat's decision on a return waiting at it. */
export const returnDecisionSchema = z
  .strictObject({
    appealId: z.number().int().min(0),
    /** Accept the return and re-dispatch the order, or refuse it (the unit keeps it). */
    action: z.enum(['accept', 'refuse']),
    /** With `accept`: the unit (index in the city's units) the order goes to now. */
    unit: z.number().int().min(0).optional(),
    /** With `refuse`: why the unit must keep it. */
    reason: z.enum(REFUSE_REASONS).optional(),
  })
  .refine((d) => d.action !== 'accept' || d.unit !== undefined, {
    message: 'accepting a return needs the unit to re-dispatch to',
    path: ['unit'],
  })
  .refine((d) => d.action !== 'refuse' || d.reason !== undefined, {
    message: 'refusing a return needs a reason (own-duty, territory or lead-unit)',
    path: ['reason'],
  });
export type ReturnDecision = z.output<typeof returnDecisionSchema>;
export type ReturnDecisionInput = z.input<typeof returnDecisionSchema>;

/** The ratings a citizen gives at the callback (满意 / 基本满意 / 不满意). */
export const CALLBACK_RATINGS = ['satisfied', 'basically', 'not'] as const;
export type CallbackRating = (typeof CALLBACK_RATINGS)[number];

/** A 回访 seat's record of a callback waiting at it. */
export const callbackDecisionSchema = z.strictObject({
  appealId: z.number().int().min(0),
  /** The citizen says the problem was solved (解决). */
  resolved: z.boolean(),
  rating: z.enum(CALLBACK_RATINGS),
  /** The citizen was pressed by the unit for a good rating (诱导评价). */
  pressure: z.boolean().default(false),
});
export type CallbackDecision = z.output<typeof callbackDecisionSchema>;
export type CallbackDecisionInput = z.input<typeof callbackDecisionSchema>;

/** What a review seat should have done: accept a return that was not the unit's and send it to the owner; refuse a dodge. */
export interface ReturnTruth {
  action: 'accept' | 'refuse';
  /** The owning unit (index in the city's units). */
  unit: number;
  reason: 'not-ours' | 'disputed';
}

/** What the citizen really said: the model's outcome and rating, and whether the unit pressed them. */
export interface CallbackTruth {
  outcome: Outcome;
  rating: CallbackRating;
  pressed: boolean;
}

interface Held {
  at: number;
  seat: string;
  appealId: number;
  category: number;
  street: number;
  cell: number;
  /** The unit holding the order (the one that returned it; the one that handled it). */
  unit: number;
  received: number;
  /** The model does it itself at this time if the seat has not decided. */
  holdUntil: number;
}

/** The seat events of the review and callback seats (members of the SeatEvent union). */
export type RoleSeatEvent =
  | ({ kind: 'return-offer'; truth: ReturnTruth } & Held)
  | {
      kind: 'return-decision';
      at: number;
      seat: string;
      appealId: number;
      decision: ReturnDecision;
      /** False when the return was no longer waiting at this seat. */
      accepted: boolean;
      correct: boolean;
    }
  | ({ kind: 'callback-offer'; truth: CallbackTruth } & Held)
  | {
      kind: 'callback-decision';
      at: number;
      seat: string;
      appealId: number;
      decision: CallbackDecision;
      accepted: boolean;
      /** Resolution and rating recorded as the citizen said them. */
      correct: boolean;
    }
  | { kind: 'return-timeout' | 'callback-timeout'; at: number; seat: string; appealId: number };

export type ReturnOffer = Extract<RoleSeatEvent, { kind: 'return-offer' }>;
export type CallbackOffer = Extract<RoleSeatEvent, { kind: 'callback-offer' }>;

/** Whether a review decision is right: accept and send to the owner a return that was not the unit's; refuse a dodge. */
export function isRightReturnDecision(truth: ReturnTruth, d: ReturnDecision): boolean {
  return d.action === truth.action && (d.action === 'refuse' || d.unit === truth.unit);
}

/** Whether a callback record is right: resolved and rating as the citizen said them. */
export function isRightCallbackRecord(truth: CallbackTruth, d: CallbackDecision): boolean {
  return d.resolved === (truth.outcome === 'resolved') && d.rating === truth.rating;
}

/** Returns and callbacks still waiting at `seat`, by kind (neither decided nor timed out). */
export function waitingRoleOffers(
  events: readonly { kind: string; seat: string; appealId: number; accepted?: boolean }[],
  seat: string,
): { returns: ReturnOffer[]; callbacks: CallbackOffer[] } {
  const returns = new Map<number, ReturnOffer>();
  const callbacks = new Map<number, CallbackOffer>();
  for (const e of events) {
    if (e.seat !== seat) continue;
    if (e.kind === 'return-offer') returns.set(e.appealId, e as ReturnOffer);
    else if (e.kind === 'callback-offer') callbacks.set(e.appealId, e as CallbackOffer);
    else if (e.kind === 'return-timeout' || (e.kind === 'return-decision' && e.accepted))
      returns.delete(e.appealId);
    else if (e.kind === 'callback-timeout' || (e.kind === 'callback-decision' && e.accepted))
      callbacks.delete(e.appealId);
  }
  return { returns: [...returns.values()], callbacks: [...callbacks.values()] };
}
