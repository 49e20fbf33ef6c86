import type { RedirectChannel } from '../catalogue/categories';
import type { CallbackTruth } from '../training/roles/role-events';
import type { Outcome } from './ratings';
import type { Rating, WorkOrder } from './observation';

/** What intake decides for a call: redirect it (to a line or channel), answer it on the spot, or dispatch it. */
export interface IntakeDecision {
  action: 'answer' | 'redirect' | 'dispatch';
  /** With `redirect`: an emergency line (110, 119, 120, 122), `legal` or `repeat`. */
  channel: RedirectChannel | 'legal' | 'repeat' | null;
}

/** Where an add-on placed a contact before it called (a surge's categories and district). */
export interface Placement {
  category: number | undefined;
  street: number | undefined;
}

/** What happens to an order that someone outside the lifecycle follows (a training seat). */
export type OrderNews =
  | { kind: 'returned'; unit: number; reason: 'not-ours' | 'disputed' }
  | { kind: 'late' }
  | { kind: 'rated'; outcome: Outcome; rating: Rating | null }
  /** The order closed (appeals merged into it, 并单, close with it). */
  | { kind: 'closed' };

/**
 * How add-ons (proactive governance, injects, training seats) observe the lifecycle stages and act on
 * them. Stages call these hooks and know nothing else of the add-ons; each hook has a no-op default
 * ({@link NO_HOOKS}), so a model without add-ons runs the bare lifecycle.
 */
export interface ModelHooks {
  /** Intake: a contact's category and street when an add-on chose them (a surge's); undefined fields are drawn. */
  placement(contact: number): Placement | undefined;
  /** Intake: the contact called or gave up before calling; forget its placement. */
  release(contact: number): void;
  /** Intake: share of the latent rate the grid's work leaves in a (street, category) pair now (≤ 1). */
  gridFactor(pair: number, now: number): number;
  /** Intake: share of the latent rate 未诉先办 (hot spots, monthly topic, seasonal) leaves on top of the grid's (≤ 1). */
  proactiveFactor(pair: number, category: number, now: number): number;
  /** Intake: a call has ended; true when a training seat takes it (the intake then does nothing more). */
  takeCall(contact: number, category: number, street: number, received: number, waitMinutes: number): boolean;
  /** Intake: a decision fixed in advance for this appeal (a batch inject's), else undefined. */
  presetDecision(contact: number, category: number): IntakeDecision | undefined;
  /** Dispatch: a citizen's order reaches its first unit. */
  firstReceipt(order: WorkOrder): void;
  /** Work: how much longer a unit's work takes now (a monthly-topic campaign takes its lead department's time), ≥ 1. */
  workStretch(unit: number): number;
  /** Work: the 每月一题 policy stock an order of this category is handled with now, 0-1. */
  topicPolicies(category: number): number;
  /** Work: a grid order was handled and verified. */
  verified(order: WorkOrder): void;
  /** Dispatch: a unit returned the order; true when a review seat (退单审核) takes it (the model's review would come at `reviewAt`). */
  holdReturn(order: WorkOrder, reason: 'not-ours' | 'disputed', reviewAt: number): boolean;
  /** Callback: the citizen was reached and will rate the order; true when a callback seat (回访) takes the call. */
  holdCallback(order: WorkOrder, truth: CallbackTruth): boolean;
  /** Any stage: news of an order a training seat dispatched (`order.seat` ≥ 0). */
  news(order: WorkOrder, news: OrderNews): void;
}

/** Hooks that change nothing: the bare lifecycle. */
export const NO_HOOKS: ModelHooks = {
  placement: () => undefined,
  release: () => {},
  gridFactor: () => 1,
  proactiveFactor: () => 1,
  takeCall: () => false,
  presetDecision: () => undefined,
  firstReceipt: () => {},
  workStretch: () => 1,
  topicPolicies: () => 0,
  verified: () => {},
  holdReturn: () => false,
  holdCallback: () => false,
  news: () => {},
};
