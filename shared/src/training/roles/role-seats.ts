import type { Lifecycle } from '../../hotline/model-state';
import type { SeatRole } from '../seats';

type Training = NonNullable<Lifecycle['training']>;

/** Indices (into `training.seats`) of the seats with `role`; seats the roles leave out dispatch. */
export function seatsOfRole(training: Training, role: SeatRole): number[] {
  const out: number[] = [];
  training.seats.forEach((seat, i) => {
    if ((training.roles?.[seat] ?? 'dispatch') === role) out.push(i);
  });
  return out;
}

/**
 * ASSUMED pacing (docs/ASSUMPTIONS.md, "Review and callback seats"): a review or callback seat holds
 * at most this many items at once, and takes a new one at most every `holdMinutes / PACE_DIVISOR`
 * virtual minutes (beginner 30 min hold ⇒ one every 10 min; advanced 15 min ⇒ every 5 min); the
 * model keeps the rest. A city makes returns and callbacks by the hundred an hour: without a pace a
 * fast trainee would get all of them.
 */
export const ROLE_SEAT_MAX_WAITING = 2;
export const PACE_DIVISOR = 3;

/**
 * The seats of one role taking items in turn (round robin), each while it has room and its pace
 * allows. Everything here follows from the model's events and the seats' decisions, so a replay of
 * the same inputs offers the same items to the same seats.
 */
export class RoleSeats {
  /** Seat indices into `training.seats`. */
  readonly seats: number[];
  private readonly waiting: number[];
  private readonly last: number[];
  private next = 0;
  private readonly gap: number;

  constructor(training: Training, role: SeatRole) {
    this.seats = seatsOfRole(training, role);
    this.waiting = this.seats.map(() => 0);
    this.last = this.seats.map(() => -Infinity);
    this.gap = (training.holdMinutes * 60) / PACE_DIVISOR;
  }

  /** The seat (index into `training.seats`) that takes an item now, or -1 when none has room. */
  take(now: number): number {
    const n = this.seats.length;
    for (let k = 0; k < n; k++) {
      const i = (this.next + k) % n;
      if ((this.waiting[i] as number) >= ROLE_SEAT_MAX_WAITING || now - (this.last[i] as number) < this.gap)
        continue;
      this.next = (i + 1) % n;
      this.waiting[i] = (this.waiting[i] as number) + 1;
      this.last[i] = now;
      return this.seats[i] as number;
    }
    return -1;
  }

  /** The seat `seat` (index into `training.seats`) is done with one item. */
  release(seat: number): void {
    const i = this.seats.indexOf(seat);
    if (i >= 0) this.waiting[i] = Math.max(0, (this.waiting[i] as number) - 1);
  }
}
