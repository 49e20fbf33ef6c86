import type { Lifecycle, ModelState } from '../../hotline/model-state';
import type { WorkOrder } from '../../hotline/observation';
import type { SeatRole } from '../seats';
import { RoleSeats } from './role-seats';

/** What a desk keeps of an item (a return, a callback) held at one of its seats. */
export interface Held {
  /** Index into `training.seats`. */
  seat: number;
  /** When the hold runs out (a stale timeout of an earlier hold of the same appeal is ignored). */
  holdUntil: number;
  /** The order's slot in the model's state. */
  slot: number;
}

/**
 * The items one role's seats hold, by appeal id: each taken by the next seat with room (RoleSeats'
 * turn and pace) for at most `holdMinutes` of virtual time, then given back to the model through
 * `onTimeout`, unless the seat decided first. The review and callback desks differ only in what an
 * item carries, what they tell the seat, and what the model does with a decision or a timeout.
 */
export class HeldItems<H extends Held> {
  private readonly held = new Map<number, H>();
  private readonly seats: RoleSeats;
  private readonly timeoutEvent: number;

  constructor(
    private readonly s: ModelState,
    private readonly training: NonNullable<Lifecycle['training']>,
    role: SeatRole,
    onTimeout: (id: number, h: H) => void,
  ) {
    this.seats = new RoleSeats(training, role);
    this.timeoutEvent = s.sim.defineEvent((id: number) => {
      const h = this.held.get(id);
      if (!h || h.holdUntil !== this.s.sim.now) return;
      this.release(id, h);
      onTimeout(id, h);
    });
  }

  /**
   * A seat takes `order` now (citizen orders only), holding what `item` makes of the seat and the
   * hold's end; undefined when no seat has room or may take one yet.
   */
  take(order: WorkOrder, item: (seat: number, holdUntil: number) => H): H | undefined {
    const s = this.s;
    if (order.source !== 'citizen') return undefined;
    const seat = this.seats.take(s.sim.now);
    if (seat < 0) return undefined;
    const h = item(seat, s.sim.now + this.training.holdMinutes * 60);
    this.held.set(order.id, h);
    s.sim.at(h.holdUntil, this.timeoutEvent, order.id);
    return h;
  }

  /** The item of appeal `id` if it waits at the seat named `seatName`. */
  at(id: number, seatName: string): H | undefined {
    const h = this.held.get(id);
    return h && h.seat === this.training.seats.indexOf(seatName) ? h : undefined;
  }

  /** The item leaves its seat (decided, or its hold ran out). */
  release(id: number, h: H): void {
    this.held.delete(id);
    this.seats.release(h.seat);
  }

  /** The held appeal's order, unless its slot has gone to another. */
  orderOf(id: number, h: H): WorkOrder | undefined {
    const order = this.s.orders[h.slot];
    return order && order.id === id ? order : undefined;
  }

  seatName(h: H): string {
    return this.training.seats[h.seat] as string;
  }
}
