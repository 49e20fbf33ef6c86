import { z } from 'zod';
import type { RedirectChannel } from '../catalogue/categories';
import type { Outcome } from '../hotline/ratings';
import type { RoleSeatEvent } from './roles/role-events';

/**
 * Dispatcher seats (派单员) of a training exercise: what a seat is offered, what a trainee decides,
 * and what follows. The model emits these as seat events; scoring and the after-action review read
 * nothing else, so an exercise replayed from its input log scores the same.
 */

/**
 * Where an appeal that is not dispatched goes: an emergency line, a legal channel (court,
 * arbitration, reconsideration), or back as a repeat of an open one.
 */
export type SeatChannel = RedirectChannel | 'legal' | 'repeat';

/**
 * The appeal types a 12345 dispatcher records (诉求类型): 咨询 question, 求助 help, 投诉 complaint,
 * 举报 report, 建议 suggestion. The type decides the path (a 咨询 the knowledge base answers needs no
 * order) and how the case is counted.
 */
export const APPEAL_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion'] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];

/**
 * What a training seat does (lifecycle.training.roles): takes calls and dispatches (派单, the
 * default), judges units' returns (退单审核), or calls citizens back (回访).
 */
export const SEAT_ROLES = ['dispatch', 'review', 'callback'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];
export const SEAT_CHANNELS = [
  '110',
  '119',
  '120',
  '122',
  'legal',
  'repeat',
] as const satisfies readonly SeatChannel[];

/** The facts a work order's summary must carry (order-summary.ts checks them). */
export const ORDER_FACT_IDS = ['place', 'problem', 'request'] as const;
export type OrderFactId = (typeof ORDER_FACT_IDS)[number];

export interface OrderFact {
  id: OrderFactId;
  /** Any one of these in the summary counts as the fact (matched case-insensitively). */
  phrases: string[];
}

/** What the right decision was, from the generated appeal's true category, owner and draws. */
export interface SeatTruth {
  action: 'answer' | 'redirect' | 'dispatch';
  /** With `redirect`: the line it belongs to. */
  channel: SeatChannel | null;
  /** With `dispatch`: the owning unit (index into the city's units); -1 otherwise. */
  unit: number;
  /** The case needs several units (the street may blow the whistle for departments while handling it). */
  whistle: boolean;
  /** The appeal's type (诉求类型), as its words say. */
  appealType: AppealType;
  /** 协办: the other units (indices) a multi-unit case needs beside the owner (主办); [] for one unit. */
  assisting: number[];
  /** A 咨询 the knowledge base answers: the entry's id; null when the question needs an order. */
  kbEntry: string | null;
  /** Appeals about the same problem at the same place share this key (并单); null when unique. */
  mergeKey: string | null;
  /** 2h / 24h / 7d / 15d. */
  slaClass: string;
  /** The facts a work order's summary must carry (写工单), each with the phrases that count as it. */
  facts: OrderFact[];
}

/** A trainee's decision on an appeal offered to their seat. */
export const seatDecisionSchema = z
  .strictObject({
    appealId: z.number().int().min(0),
    /** `merge` (并单): the appeal joins the order of another appeal with the same problem and place. */
    action: z.enum(['answer', 'redirect', 'dispatch', 'merge']),
    /** The appeal type the trainee recorded (scored; missing counts as wrong). */
    appealType: z.enum(APPEAL_TYPES).optional(),
    /** With `redirect`. */
    channel: z.enum(SEAT_CHANNELS).optional(),
    /** With `dispatch`: the receiving unit's index in the city's units (主办, the lead unit). */
    unit: z.number().int().min(0).optional(),
    /** With `dispatch`: 协办, the assisting units' indices. */
    assisting: z.array(z.number().int().min(0)).max(8).optional(),
    /** With `answer`: the knowledge-base entry the trainee answered from. */
    kbEntry: z.string().min(1).max(80).optional(),
    /** With `dispatch`: the work order's summary the trainee wrote (what the unit reads). */
    summary: z.string().max(1000).optional(),
    /**
     * With `merge`: the appeal id of the order it joins: one this seat dispatched (still open), or
     * another appeal waiting at this seat.
     */
    mergeInto: z.number().int().min(0).optional(),
  })
  .refine((d) => d.action !== 'dispatch' || d.unit !== undefined, {
    message: 'a dispatch needs the receiving unit',
    path: ['unit'],
  })
  .refine((d) => d.action !== 'redirect' || d.channel !== undefined, {
    message: 'a redirect needs the line (110, 119, 120, 122, legal or repeat)',
    path: ['channel'],
  })
  .refine((d) => d.action !== 'merge' || (d.mergeInto !== undefined && d.mergeInto !== d.appealId), {
    message: 'a merge needs the appeal id of another appeal whose order it joins',
    path: ['mergeInto'],
  })
  .refine((d) => !d.assisting?.includes(d.unit ?? -1), {
    message: 'the lead unit (主办) cannot also assist (协办)',
    path: ['assisting'],
  });
export type SeatDecisionInput = z.input<typeof seatDecisionSchema>;
export type SeatDecision = z.output<typeof seatDecisionSchema>;

/** Everything that happens at a seat, in virtual time (`at`, seconds). */
export type SeatEvent =
  | {
      kind: 'offer';
      at: number;
      seat: string;
      appealId: number;
      category: number;
      /** The category the appeal's text reads like: another one when it is ambiguous on purpose. */
      textCategory: number;
      street: number;
      cell: number;
      /** When the call came in; the SLA clock of the eventual order starts at dispatch. */
      received: number;
      /** The model's dispatcher takes it at this time if the seat has not decided. */
      holdUntil: number;
      truth: SeatTruth;
    }
  | {
      kind: 'decision';
      at: number;
      seat: string;
      appealId: number;
      decision: SeatDecision;
      /** False when the appeal was no longer waiting at this seat (timed out, or another seat's). */
      accepted: boolean;
      /** Right action, and for a dispatch the right unit. */
      correct: boolean;
    }
  | { kind: 'timeout'; at: number; seat: string; appealId: number }
  | {
      kind: 'returned';
      at: number;
      seat: string;
      appealId: number;
      unit: number;
      /** Why the unit sent it back: not theirs (the seat's mistake), or disputed (the unit's). */
      reason: 'not-ours' | 'disputed';
    }
  | { kind: 'late'; at: number; seat: string; appealId: number }
  | {
      kind: 'rated';
      at: number;
      seat: string;
      appealId: number;
      outcome: Outcome;
      rating: 'satisfied' | 'basically' | 'not' | null;
    }
  // --- review (退单审核) and callback (回访) seats: roles/role-events.ts ---
  | RoleSeatEvent;

/**
 * Whether `d` is the right decision for `truth`: the right line for a redirect, the owner (主办) for a
 * dispatch, the knowledge-base entry for an answer the knowledge base holds; a merge is right for an
 * appeal needing an order when the order it joins (`target`, that appeal's truth) is about the same
 * problem at the same place.
 */
export function isRightDecision(truth: SeatTruth, d: SeatDecision, target?: SeatTruth): boolean {
  if (d.action === 'merge')
    return (
      truth.action === 'dispatch' &&
      truth.mergeKey !== null &&
      target !== undefined &&
      target.mergeKey === truth.mergeKey
    );
  if (d.action !== truth.action) return false;
  if (d.action === 'redirect') return d.channel === truth.channel;
  if (d.action === 'dispatch') return d.unit === truth.unit;
  return truth.kbEntry === null || d.kbEntry === truth.kbEntry;
}

/** Whether the seat's 协办 units are exactly the case's (order ignored; none for a one-unit case). */
export function isRightAssisting(truth: SeatTruth, d: SeatDecision): boolean {
  const chosen = new Set(d.assisting ?? []);
  return chosen.size === truth.assisting.length && truth.assisting.every((u) => chosen.has(u));
}

export type SeatOffer = Extract<SeatEvent, { kind: 'offer' }>;

/** Offers still waiting at `seat`: neither decided (accepted) nor timed out. */
export function waitingOffers(events: readonly SeatEvent[], seat: string): SeatOffer[] {
  const waiting = new Map<number, SeatOffer>();
  for (const e of events) {
    if (e.seat !== seat) continue;
    if (e.kind === 'offer') waiting.set(e.appealId, e);
    else if (e.kind === 'timeout' || (e.kind === 'decision' && e.accepted)) waiting.delete(e.appealId);
  }
  return [...waiting.values()];
}

/**
 * Appeals an appeal at `seat` may be merged into (并单): those waiting at the seat, and those the seat
 * dispatched (the model refuses a merge into an order that has closed since), newest first.
 */
export function mergeTargets(events: readonly SeatEvent[], seat: string): number[] {
  const dispatched = events.flatMap((e) =>
    e.seat === seat && e.kind === 'decision' && e.accepted && e.decision.action === 'dispatch'
      ? [e.appealId]
      : [],
  );
  return [...waitingOffers(events, seat).map((o) => o.appealId), ...dispatched].reverse();
}
