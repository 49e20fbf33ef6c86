import { z } from 'zod';
import type { RedirectChannel } from '../catalogue/categories';
import type { Outcome } from '../hotline/ratings';

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
export const SEAT_CHANNELS = [
  '110',
  '119',
  '120',
  '122',
  'legal',
  'repeat',
] as const satisfies readonly SeatChannel[];

/** What the right decision was, from the generated appeal's true category, owner and draws. */
export interface SeatTruth {
  action: 'answer' | 'redirect' | 'dispatch';
  /** With `redirect`: the line it belongs to. */
  channel: SeatChannel | null;
  /** With `dispatch`: the owning unit (index into the city's units); -1 otherwise. */
  unit: number;
  /** The case needs several units: the street should blow the whistle (吹哨) for departments. */
  whistle: boolean;
  /** 2h / 24h / 7d / 15d. */
  slaClass: string;
}

/** A trainee's decision on an appeal offered to their seat. */
export const seatDecisionSchema = z
  .strictObject({
    appealId: z.number().int().min(0),
    action: z.enum(['answer', 'redirect', 'dispatch']),
    /** With `redirect`. */
    channel: z.enum(SEAT_CHANNELS).optional(),
    /** With `dispatch`: the receiving unit's index in the city's units. */
    unit: z.number().int().min(0).optional(),
    /** The trainee marks a case for several units (多部门). */
    multiUnit: z.boolean().default(false),
    /** The trainee asks the street to blow the whistle for departments. */
    whistle: z.boolean().default(false),
  })
  .refine((d) => d.action !== 'dispatch' || d.unit !== undefined, {
    message: 'a dispatch needs the receiving unit',
    path: ['unit'],
  })
  .refine((d) => d.action !== 'redirect' || d.channel !== undefined, {
    message: 'a redirect needs the line (110, 119, 120, 122, legal or repeat)',
    path: ['channel'],
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
    };

/** Whether `d` is the right decision for `truth` (the right line for a redirect, the owner for a dispatch). */
export function isRightDecision(truth: SeatTruth, d: SeatDecision): boolean {
  if (d.action !== truth.action) return false;
  if (d.action === 'redirect') return d.channel === truth.channel;
  if (d.action === 'dispatch') return d.unit === truth.unit;
  return true;
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
