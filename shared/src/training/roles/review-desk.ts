import type { Lifecycle, ModelState } from '../../hotline/model-state';
import type { WorkOrder } from '../../hotline/observation';
import type { DispatchStage } from '../../hotline/stages/dispatch-stage';
import { isRightReturnDecision, type ReturnDecision, type RoleSeatEvent } from './role-events';
import { RoleSeats } from './role-seats';

interface HeldReturn {
  seat: number;
  /** When the hold runs out (a stale timeout of an earlier hold of the same appeal is ignored). */
  holdUntil: number;
  slot: number;
  /** When the model's own review would have happened. */
  reviewAt: number;
}

/**
 * 退单审核 seats: a unit's return (退单) waits at a review seat, when one has room, instead of the
 * model's review. The seat accepts it and re-dispatches the order to a unit it picks, or refuses it
 * (the unit must keep it); when the hold runs out the model reviews it as it does without seats, at
 * the time it would have anyway.
 */
export class ReviewDesk {
  private readonly held = new Map<number, HeldReturn>();
  private readonly seats: RoleSeats;
  private readonly timeoutEvent: number;

  constructor(
    private readonly s: ModelState,
    private readonly training: NonNullable<Lifecycle['training']>,
    private readonly dispatch: Pick<DispatchStage, 'redispatch' | 'refuse'>,
    private readonly emit: ((event: RoleSeatEvent) => void) | undefined,
  ) {
    this.seats = new RoleSeats(training, 'review');
    this.timeoutEvent = s.sim.defineEvent(this.onTimeout.bind(this));
  }

  /** A unit returned `order` (citizen orders only); true when a review seat takes it. */
  hold(order: WorkOrder, reason: 'not-ours' | 'disputed', reviewAt: number): boolean {
    const s = this.s;
    if (order.source !== 'citizen') return false;
    const seat = this.seats.take(s.sim.now);
    if (seat < 0) return false;
    const holdUntil = s.sim.now + this.training.holdMinutes * 60;
    this.held.set(order.id, { seat, holdUntil, slot: order.slot, reviewAt });
    s.sim.at(holdUntil, this.timeoutEvent, order.id);
    this.emit?.({
      kind: 'return-offer',
      at: s.sim.now,
      seat: this.training.seats[seat] as string,
      appealId: order.id,
      category: order.category,
      street: order.street,
      cell: order.cell,
      unit: order.unit,
      received: order.received,
      holdUntil,
      truth: { action: reason === 'not-ours' ? 'accept' : 'refuse', unit: order.owner, reason },
    });
    return true;
  }

  private onTimeout(id: number): void {
    const h = this.held.get(id);
    if (!h || h.holdUntil !== this.s.sim.now) return;
    this.held.delete(id);
    this.seats.release(h.seat);
    const s = this.s;
    this.emit?.({
      kind: 'return-timeout',
      at: s.sim.now,
      seat: this.training.seats[h.seat] as string,
      appealId: id,
    });
    s.sim.at(Math.max(s.sim.now, h.reviewAt), s.ev.review, h.slot);
  }

  /** A review seat's decision (a live input), now; one on a return not waiting at that seat changes nothing. */
  decide(seatName: string, decision: ReturnDecision): void {
    const s = this.s;
    const id = decision.appealId;
    const h = this.held.get(id);
    const seat = this.training.seats.indexOf(seatName);
    const base = { kind: 'return-decision', at: s.sim.now, seat: seatName, appealId: id, decision } as const;
    const order = h ? s.orders[h.slot] : undefined;
    if (!h || h.seat !== seat || !order || order.id !== id) {
      this.emit?.({ ...base, accepted: false, correct: false });
      return;
    }
    this.held.delete(id);
    this.seats.release(h.seat);
    const reason = order.unit === order.owner ? 'disputed' : 'not-ours';
    const truth = { action: reason === 'not-ours' ? 'accept' : 'refuse', unit: order.owner, reason } as const;
    this.emit?.({ ...base, accepted: true, correct: isRightReturnDecision(truth, decision) });
    if (decision.action === 'refuse') {
      this.dispatch.refuse(order);
      return;
    }
    const unit = decision.unit ?? order.owner;
    this.dispatch.redispatch(order, s.city.units[unit] ? unit : order.owner);
  }
}
