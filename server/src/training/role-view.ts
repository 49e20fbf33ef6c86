import {
  callbackView,
  returnView,
  waitingRoleOffers,
  type SeatEvent,
  type SeatRole,
  type SeatView,
} from '@hotline-sim/shared';

/** The seat view's role part: the seat's role and the returns or callbacks waiting at it, oldest first. */
export function roleView(
  training: { roles?: Partial<Record<string, SeatRole>> } | undefined,
  seat: string,
  events: readonly SeatEvent[],
  city: Parameters<typeof returnView>[1],
  seed: number,
): Pick<SeatView, 'role' | 'returns' | 'callbacks'> {
  const waiting = waitingRoleOffers(events, seat);
  return {
    role: training?.roles?.[seat] ?? 'dispatch',
    returns: waiting.returns.map((o) => returnView(o, city, seed)),
    callbacks: waiting.callbacks.map((o) => callbackView(o, city, seed)),
  };
}

/** How many returns and callbacks wait at `seat` (the instructor's glance at every seat). */
export function roleWaiting(events: readonly SeatEvent[], seat: string): number {
  const waiting = waitingRoleOffers(events, seat);
  return waiting.returns.length + waiting.callbacks.length;
}
