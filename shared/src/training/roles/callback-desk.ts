import type { Lifecycle, ModelState } from '../../hotline/model-state';
import type { WorkOrder } from '../../hotline/observation';
import type { CallbackStage } from '../../hotline/stages/callback-stage';
import { HeldItems, type Held } from './held-items';
import {
  isRightCallbackRecord,
  type CallbackDecision,
  type CallbackTruth,
  type RoleSeatEvent,
} from './role-events';

interface HeldCallback extends Held {
  truth: CallbackTruth;
}

/**
 * 回访 seats: a citizen the hotline reached at the callback talks to a callback seat, when one has
 * room, instead of the model's recorder. What the seat records (resolved, 满意/基本满意/不满意) is the
 * order's measured rating; when the hold runs out the model records what the citizen said.
 */
export class CallbackDesk {
  private readonly items: HeldItems<HeldCallback>;

  constructor(
    private readonly s: ModelState,
    training: NonNullable<Lifecycle['training']>,
    private readonly callback: Pick<CallbackStage, 'recorded'>,
    private readonly emit: ((event: RoleSeatEvent) => void) | undefined,
  ) {
    this.items = new HeldItems(s, training, 'callback', (id, h) => {
      const order = this.items.orderOf(id, h);
      this.emit?.({
        kind: 'callback-timeout',
        at: this.s.sim.now,
        seat: this.items.seatName(h),
        appealId: id,
      });
      if (order) this.callback.recorded(order, h.truth.rating, h.truth.outcome === 'resolved');
    });
  }

  /** The citizen of `order` (a citizen order) was reached; true when a callback seat takes the call. */
  hold(order: WorkOrder, truth: CallbackTruth): boolean {
    const h = this.items.take(order, (seat, holdUntil) => ({ seat, holdUntil, slot: order.slot, truth }));
    if (!h) return false;
    this.emit?.({
      kind: 'callback-offer',
      at: this.s.sim.now,
      seat: this.items.seatName(h),
      appealId: order.id,
      category: order.category,
      street: order.street,
      cell: order.cell,
      unit: order.unit,
      received: order.received,
      holdUntil: h.holdUntil,
      truth,
    });
    return true;
  }

  /** A callback seat's record (a live input), now; one on a call not waiting at that seat changes nothing. */
  decide(seatName: string, decision: CallbackDecision): void {
    const id = decision.appealId;
    const h = this.items.at(id, seatName);
    const base = {
      kind: 'callback-decision',
      at: this.s.sim.now,
      seat: seatName,
      appealId: id,
      decision,
    } as const;
    if (!h) {
      this.emit?.({ ...base, accepted: false, correct: false });
      return;
    }
    this.items.release(id, h);
    const order = this.items.orderOf(id, h);
    this.emit?.({ ...base, accepted: true, correct: isRightCallbackRecord(h.truth, decision) });
    if (order) this.callback.recorded(order, decision.rating, decision.resolved);
  }
}
