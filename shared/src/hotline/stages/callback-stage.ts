import { PURPOSES } from '../../random/keyed-random';
import type { ModelHooks } from '../hooks';
import type { ModelState } from '../model-state';
import { C, type WorkOrder } from '../observation';
import { positiveRatingProbability } from '../ratings';
import type { Effort, Records } from './stage-links';

/**
 * The time limit and the callback: at the limit a replied order gets its callback (回访) and the
 * citizen's rating; one not yet handled is overdue and supervised (督办). Then the order closes.
 */
export class CallbackStage {
  constructor(
    private readonly s: ModelState,
    private readonly hooks: ModelHooks,
    private readonly effort: Effort,
    private readonly records: Records,
  ) {}

  /**
   * The time limit passes. A replied order gets its callback; one not yet handled is supervised.
   * One event per order does both, halving the far-future events in the list.
   */
  onDeadline(slot: number): void {
    const s = this.s;
    const order = s.orders[slot];
    if (!order) return;
    order.deadlineDone = true;
    if (order.closed) {
      s.free(order);
      return;
    }
    if (order.state === 'replied') {
      this.onCallback(slot);
      return;
    }
    if (!s.lc.supervision.enabled) return;
    order.supervised = true;
    if (order.source === 'citizen') s.tally(order.batch, C.supervised);
    s.move(order, 'supervised');
  }

  /** 回访: the hotline calls the citizen back at the time limit and records the rating. */
  onCallback(slot: number): void {
    const s = this.s;
    const order = s.orders[slot];
    if (!order) return;
    const id = order.id;
    const citizens = s.lc.citizens;
    const reached = s.draw(id, PURPOSES.reach) < citizens.callbackReach;
    if (reached && order.outcome) {
      const p = positiveRatingProbability(
        citizens.satisfaction,
        order.outcome,
        this.effort(order),
        order.late,
        order.waitMinutes,
      );
      const positive = s.draw(id, PURPOSES.rating) < p;
      const satisfied = positive && s.draw(id, PURPOSES.basically) >= citizens.basicallyShare;
      order.rating = satisfied ? 'satisfied' : positive ? 'basically' : 'not';
      s.move(order, 'evaluated');
      this.records.evaluated(order, positive, satisfied);
    }
    if (order.outcome && order.seat >= 0)
      this.hooks.news(order, { kind: 'rated', outcome: order.outcome, rating: order.rating ?? null });
    this.close(order);
  }

  /** The order closes; its slot is freed now, or when its pending deadline event fires. */
  close(order: WorkOrder): void {
    const s = this.s;
    s.move(order, 'closed');
    order.closed = true;
    s.openOrders--;
    // A grid order verified before its time limit still has the deadline event pending: keep its slot till then.
    if (order.deadlineDone) s.free(order);
    this.records.closed(order);
  }
}
