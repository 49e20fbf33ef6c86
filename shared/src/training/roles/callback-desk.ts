import type { Lifecycle, ModelState } from '../../hotline/model-state';
import type { WorkOrder } from '../../hotline/observation';
import type { CallbackStage } from '../../hotline/stages/callback-stage';
import {
  isRightCallbackRecord,
  type CallbackDecision,
  type CallbackTruth,
  type RoleSeatEvent,
} from './role-events';
import { RoleSeats } from './role-seats';

interface HeldCallback {
  seat: number;
  /** When the hold runs out (a stale timeout of an earlier hold of the same appeal is ignored). */
  holdUntil: number;
  slot: number;
  truth: CallbackTruth;
}

/**
 * 回访 seats: a citizen the hotline reached at the callback talks to a callback seat, when one has
 * room, instead of the model's recorder. What the seat records (resolved, 满意/基本满意/不满意) is the
 * order's measured rating; when the hold runs out the model records what the citizen said.
 */
export class CallbackDesk {
  private readonly held = new Map<number, HeldCallback>();
  private readonly seats: RoleSeats;
  private readonly timeoutEvent: number;

  constructor(
    private readonly s: ModelState,
    private readonly training: NonNullable<Lifecycle['training']>,
    private readonly callback: Pick<CallbackStage, 'recorded'>,
    private readonly emit: ((event: RoleSeatEvent) => void) | undefined,
  ) {
    this.seats = new RoleSeats(training, 'callback');
    this.timeoutEvent = s.sim.defineEvent(this.onTimeout.bind(this));
  }

  /** The citizen of `order` (a citizen order) was reached; true when a callback seat takes the call. */
  hold(order: WorkOrder, truth: CallbackTruth): boolean {
    const s = this.s;
    if (order.source !== 'citizen') return false;
    const seat = this.seats.take(s.sim.now);
    if (seat < 0) return false;
    const holdUntil = s.sim.now + this.training.holdMinutes * 60;
    this.held.set(order.id, { seat, holdUntil, slot: order.slot, truth });
    s.sim.at(holdUntil, this.timeoutEvent, order.id);
    this.emit?.({
      kind: 'callback-offer',
      at: s.sim.now,
      seat: this.training.seats[seat] as string,
      appealId: order.id,
      category: order.category,
      street: order.street,
      cell: order.cell,
      unit: order.unit,
      received: order.received,
      holdUntil,
      truth,
    });
    return true;
  }

  private onTimeout(id: number): void {
    const h = this.held.get(id);
    if (!h || h.holdUntil !== this.s.sim.now) return;
    const order = this.take(id, h);
    const seat = this.training.seats[h.seat] as string;
    this.emit?.({ kind: 'callback-timeout', at: this.s.sim.now, seat, appealId: id });
    if (order) this.callback.recorded(order, h.truth.rating, h.truth.outcome === 'resolved');
  }

  /** A callback seat's record (a live input), now; one on a call not waiting at that seat changes nothing. */
  decide(seatName: string, decision: CallbackDecision): void {
    const id = decision.appealId;
    const h = this.held.get(id);
    const seat = this.training.seats.indexOf(seatName);
    const base = {
      kind: 'callback-decision',
      at: this.s.sim.now,
      seat: seatName,
      appealId: id,
      decision,
    } as const;
    if (!h || h.seat !== seat) {
      this.emit?.({ ...base, accepted: false, correct: false });
      return;
    }
    const order = this.take(id, h);
    this.emit?.({ ...base, accepted: true, correct: isRightCallbackRecord(h.truth, decision) });
    if (order) this.callback.recorded(order, decision.rating, decision.resolved);
  }

  /** The call leaves the seat; its order (still open, waiting for the record). */
  private take(id: number, h: HeldCallback): WorkOrder | undefined {
    this.held.delete(id);
    this.seats.release(h.seat);
    const order = this.s.orders[h.slot];
    return order && order.id === id ? order : undefined;
  }
}
