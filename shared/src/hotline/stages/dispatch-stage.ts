import { makeSampler } from '../../random/distributions';
import { PURPOSES } from '../../random/keyed-random';
import type { ModelHooks } from '../hooks';
import type { Lifecycle, ModelState } from '../model-state';
import { C, type WorkOrder } from '../observation';
import type { DispatchPolicy } from '../policies/dispatch-policy';
import type { Effort } from './stage-links';

/**
 * Dispatch (派单) and receipt: the order goes to a unit (through the district in tiered mode, maybe to
 * the wrong one), which signs it (签收) or returns it (退单); returns are reviewed and re-dispatched.
 * A signed order is handed on to the unit's work at its response time (`respond`).
 */
export class DispatchStage {
  private samplers!: ReturnType<typeof samplersOf>;

  constructor(
    private readonly s: ModelState,
    private readonly hooks: ModelHooks,
    /** The dispatch policy for an order's street (one for the whole city today). */
    private readonly policyFor: (street: number) => DispatchPolicy,
    private readonly effort: Effort,
  ) {
    this.samplers = samplersOf(s.lc);
    s.onLeversChanged(() => {
      this.samplers = samplersOf(s.lc);
    });
  }

  /** Dispatch an order after the policy's dispatch delay from now (a call's end, an external appeal's receipt). */
  dispatchInDue(order: WorkOrder): void {
    this.dispatch(order, this.s.sim.now + this.policyFor(order.street).delay(order.id));
  }

  /**
   * Dispatch (派单) at time `at`, decided when the call ends: nothing touches the order between the two,
   * so its dispatch needs no event of its own (one event fewer per order on the hot path). A training
   * seat chooses the unit itself (`chosenUnit`): anything but the owner is a misroute.
   */
  dispatch(order: WorkOrder, at: number, chosenUnit?: number): void {
    const s = this.s;
    order.dispatched = at;
    order.deadline = at + (s.city.slaSeconds[order.category] as number);
    order.deadlineDone = false;
    s.sim.at(order.deadline, s.ev.deadline, order.slot);
    if (order.source === 'citizen') {
      s.tally(order.batch, C.dispatches);
      s.tally(order.batch, C.dispatchMinutes, (at - order.received) / 60);
    }
    if (chosenUnit === undefined) {
      this.route(order, order.returns, at);
      return;
    }
    order.misrouted = chosenUnit !== order.owner;
    order.unit = chosenUnit;
    this.sendTo(order, order.returns, at);
  }

  /** Send the order where the policy routes it. */
  private route(order: WorkOrder, attempt: number, at = this.s.sim.now): void {
    const route = this.policyFor(order.street).route(order, attempt);
    order.misrouted = route.misrouted;
    order.unit = route.unit;
    if (!route.viaDistrict) {
      this.sendTo(order, attempt, at);
      return;
    }
    const s = this.s;
    if (order.state !== 'dispatched') s.move(order, 'dispatched', at); // a grid discovery enters at dispatched
    const forward = this.samplers.forward(s.keyed.at(order.id, PURPOSES.forward));
    s.sim.at(at + forward, s.ev.forward, order.slot);
  }

  /** The order is dispatched to `order.unit`, which signs or returns it after its sign time. */
  private sendTo(order: WorkOrder, attempt: number, at: number): void {
    const s = this.s;
    if (order.state !== 'dispatched') s.move(order, 'dispatched', at); // a grid discovery enters at dispatched
    this.scheduleReceipt(
      order,
      this.samplers.sign(s.keyed.at(order.id, PURPOSES.signHours + 32 * attempt)),
      at,
    );
  }

  /** The unit signs or returns the order after `delay`, within its working hours. */
  private scheduleReceipt(order: WorkOrder, delay: number, from = this.s.sim.now): void {
    this.s.sim.at(this.s.city.nextOpen(order.unit, from + delay), this.s.ev.receive, order.slot);
  }

  /** Tiered mode: the district passes a street's order on to the street. */
  onForward(slot: number): void {
    const s = this.s;
    const order = s.orders[slot];
    if (!order) return;
    order.unit = order.owner;
    s.move(order, 'dispatched');
    this.scheduleReceipt(order, this.samplers.sign(s.keyed.at(order.id, PURPOSES.signHours)));
  }

  /** The unit signs (签收), or returns (退单) an order that is not its own, or that it wants to dodge. */
  onReceive(slot: number): void {
    const s = this.s;
    const order = s.orders[slot];
    if (!order) return;
    const id = order.id;
    const lc = s.lc;
    if (order.returns === 0 && order.source === 'citizen') this.hooks.firstReceipt(order);
    // Without 首接负责 a street disputes a multi-unit (cross-department) case once before review upholds
    // it, unless the dispatch named the lead and assisting units (主办/协办).
    const disputed =
      !lc.dispatch.leadUnit &&
      !order.coordinated &&
      order.returns === 0 &&
      s.city.categories[order.category]?.owner.kind === 'street' &&
      s.whistleNeeded(id, order.category);
    const dodge =
      disputed ||
      (!order.misrouted &&
        order.returns < lc.returns.maxReturns &&
        s.draw(id, PURPOSES.falseReturn, order.returns) <
          lc.returns.falseReturnShare * (1 - 0.5 * this.effort.work(order)));
    if (!order.misrouted && !dodge) {
      this.sign(order);
      return;
    }
    const reason = order.misrouted ? 'not-ours' : 'disputed';
    if (order.returns === 0) {
      s.tally(order.batch, C.returnedOrders);
      if (order.seat >= 0) this.hooks.news(order, { kind: 'returned', unit: order.unit, reason });
    }
    order.returns++;
    s.tally(order.batch, C.returns);
    s.move(order, 'returned');
    order.misrouted = true;
    // Without review, a return waits for a dispatcher as a new call would.
    const review = lc.returns.review
      ? this.samplers.review(s.keyed.at(id, PURPOSES.review + 32 * order.returns))
      : this.samplers.dispatch(s.keyed.at(id, PURPOSES.dispatchMinutes + 32 * order.returns));
    // A review seat (退单审核) may take the return; when its hold runs out the model reviews it at this time.
    if (!this.hooks.holdReturn(order, reason, s.sim.now + review)) s.sim.after(review, s.ev.review, slot);
  }

  /** A review seat accepted the return: the order goes to `unit` now (anything but the owner is a misroute). */
  redispatch(order: WorkOrder, unit: number): void {
    order.misrouted = unit !== order.owner;
    order.unit = unit;
    this.sendTo(order, order.returns, this.s.sim.now);
  }

  /**
   * A review seat refused the return: the unit must keep the order. Its own matter is signed now, as
   * the model's review upholds a wrong return; a matter that is not its own goes back to it, and it
   * returns it again after its sign time.
   */
  refuse(order: WorkOrder): void {
    if (order.unit === order.owner) {
      order.misrouted = false;
      this.sign(order);
      return;
    }
    this.sendTo(order, order.returns, this.s.sim.now);
  }

  /** The return is reviewed: a wrong return is upheld (the unit must take it), a misroute re-dispatched. */
  onReview(slot: number): void {
    const order = this.s.orders[slot];
    if (!order) return;
    if (order.unit === order.owner && this.s.lc.returns.review) {
      order.misrouted = false;
      this.sign(order);
      return;
    }
    this.route(order, order.returns);
  }

  /**
   * The unit signs; under assessment pressure it calls the citizen as it signs (promptCall), else after
   * its response time, within its working hours (a unit that works office hours calls when it is open).
   * On a 7-day or 15-day citizen order it may promise a shorter time (承诺时限, `promise`).
   */
  private sign(order: WorkOrder): void {
    const s = this.s;
    s.move(order, 'signed');
    order.signed = s.sim.now;
    const slaClass = s.city.categories[order.category]?.slaClass;
    const promise = s.lc.promise;
    order.promised =
      order.source === 'citizen' &&
      (slaClass === '7d' || slaClass === '15d') &&
      s.draw(order.id, PURPOSES.promise) < promise.share
        ? Math.min(
            order.deadline,
            s.sim.now + promise.fraction * (s.city.slaSeconds[order.category] as number),
          )
        : Infinity;
    const delay = this.effort.promptCall(order)
      ? 0
      : this.samplers.response(s.keyed.at(order.id, PURPOSES.response));
    s.sim.at(s.city.nextOpen(order.unit, s.sim.now + delay), s.ev.respond, order.slot);
  }
}

/** The stage's delays, from the levers as they stand. */
function samplersOf(lc: Lifecycle) {
  return {
    dispatch: makeSampler(lc.dispatch.minutes, 60),
    forward: makeSampler(lc.dispatch.forwardHours, 3600),
    sign: makeSampler(lc.units.signHours, 3600),
    review: makeSampler(lc.returns.reviewHours, 3600),
    response: makeSampler(lc.response.hours, 3600),
  };
}
