import type { Lifecycle, ModelState } from '../../hotline/model-state';
import type { WorkOrder } from '../../hotline/observation';
import type { DispatchStage } from '../../hotline/stages/dispatch-stage';
import { HeldItems, type Held } from './held-items';
import { isRightReturnDecision, type ReturnDecision, type RoleSeatEvent } from './role-events';

interface HeldReturn extends Held {
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
  private readonly items: HeldItems<HeldReturn>;

  constructor(
    private readonly s: ModelState,
    training: NonNullable<Lifecycle['training']>,
    private readonly dispatch: Pick<DispatchStage, 'redispatch' | 'refuse'>,
    private readonly emit: ((event: RoleSeatEvent) => void) | undefined,
  ) {
    this.items = new HeldItems(s, training, 'review', (id, h) => {
      this.emit?.({ kind: 'return-timeout', at: s.sim.now, seat: this.items.seatName(h), appealId: id });
      s.sim.at(Math.max(s.sim.now, h.reviewAt), s.ev.review, h.slot);
    });
  }

  /** A unit returned `order` (citizen orders only); true when a review seat takes it. */
  hold(order: WorkOrder, reason: 'not-ours' | 'disputed', reviewAt: number): boolean {
    const h = this.items.take(order, (seat, holdUntil) => ({ seat, holdUntil, slot: order.slot, reviewAt }));
    if (!h) return false;
    this.emit?.({
      kind: 'return-offer',
      at: this.s.sim.now,
      seat: this.items.seatName(h),
      appealId: order.id,
      category: order.category,
      street: order.street,
      cell: order.cell,
      unit: order.unit,
      received: order.received,
      holdUntil: h.holdUntil,
      truth: { action: reason === 'not-ours' ? 'accept' : 'refuse', unit: order.owner, reason },
    });
    return true;
  }

  /** A review seat's decision (a live input), now; one on a return not waiting at that seat changes nothing. */
  decide(seatName: string, decision: ReturnDecision): void {
    const s = this.s;
    const id = decision.appealId;
    const h = this.items.at(id, seatName);
    const base = { kind: 'return-decision', at: s.sim.now, seat: seatName, appealId: id, decision } as const;
    const order = h && this.items.orderOf(id, h);
    if (!h || !order) {
      this.emit?.({ ...base, accepted: false, correct: false });
      return;
    }
    this.items.release(id, h);
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
