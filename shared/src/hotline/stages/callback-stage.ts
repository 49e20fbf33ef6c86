import { PURPOSES } from '../../random/keyed-random';
import type { ModelHooks } from '../hooks';
import type { ModelState } from '../model-state';
import { C, type Rating, type WorkOrder } from '../observation';
import { logistic, positiveRatingProbability } from '../ratings';
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
    if (order.source === 'citizen') {
      s.tally(order.batch, C.supervised);
      this.records.supervised(order);
    }
    s.move(order, 'supervised');
  }

  /**
   * 回访: the hotline calls the citizen back at the time limit and records the rating. A citizen whose
   * problem was not resolved takes the call less often (`unresolvedReachLogit`). On a gamed order the
   * unit has asked to exclude an unresolved appeal as unreasonable (不合理诉求: out of the rates when
   * granted) and pressed the citizen for a good rating.
   */
  onCallback(slot: number): void {
    const s = this.s;
    const order = s.orders[slot];
    if (!order) return;
    const id = order.id;
    const citizens = s.lc.citizens;
    const reachLogit =
      Math.log(citizens.callbackReach / (1 - citizens.callbackReach)) -
      (order.outcome === 'resolved' ? 0 : citizens.unresolvedReachLogit);
    const reached = s.draw(id, PURPOSES.reach) < logistic(reachLogit);
    const gaming = s.lc.assessment.gaming;
    if (reached && order.outcome && order.gamed) s.tally(order.batch, C.gamed);
    const excluded =
      reached &&
      order.gamed &&
      order.outcome !== 'resolved' &&
      s.draw(id, PURPOSES.exclude) < gaming.excludeShare;
    if (excluded) s.tally(order.batch, C.excluded);
    if (reached && order.outcome && !excluded) {
      const p = positiveRatingProbability(
        citizens.satisfaction,
        order.outcome,
        this.effort.contact(order),
        order.late,
        order.waitMinutes,
        order.overdue,
        order.gamed ? gaming.pressLogit : 0,
      );
      const positive = s.draw(id, PURPOSES.rating) < p;
      const satisfied = positive && s.draw(id, PURPOSES.basically) >= citizens.basicallyShare;
      const rating = satisfied ? 'satisfied' : positive ? 'basically' : 'not';
      // A callback seat (回访) may take the call: what it records is then the measurement.
      if (this.hooks.holdCallback(order, { outcome: order.outcome, rating, pressed: order.gamed })) return;
      this.rate(order, rating, order.outcome === 'resolved');
    }
    this.finish(order);
  }

  /**
   * A callback seat recorded the call (or its hold ran out and the model records what the citizen
   * said): the recorded rating and resolution count in the rates, and the order closes.
   */
  recorded(order: WorkOrder, rating: Rating, resolved: boolean): void {
    this.rate(order, rating, resolved);
    this.finish(order);
  }

  /** The citizen's rating is recorded: it counts in the order's unit's and street's rates. */
  private rate(order: WorkOrder, rating: Rating, resolved: boolean): void {
    order.rating = rating;
    this.s.move(order, 'evaluated');
    this.records.evaluated(order, rating !== 'not', rating === 'satisfied', resolved);
  }

  /** The callback is over: a seat that dispatched the order hears of it, and the order closes. */
  private finish(order: WorkOrder): void {
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
    if (order.seat >= 0) this.hooks.news(order, { kind: 'closed' });
  }
}
