import type { AppealCategory } from '../catalogue/categories';
import { appealKind, appealNumber } from '../hotline/appeal-kind';
import type { OrderNews } from '../hotline/hooks';
import type { Batches, BatchKind } from '../hotline/injects/batches';
import type { Lifecycle, ModelState } from '../hotline/model-state';
import type { WorkOrder } from '../hotline/observation';
import type { DispatchStage } from '../hotline/stages/dispatch-stage';
import type { IntakeStage } from '../hotline/stages/intake-stage';
import { C } from '../hotline/observation';
import { PURPOSES } from '../random/keyed-random';
import { seatTruthCues } from './cues/seat-truth';
import { defaultOrderFacts } from './order-summary';
import { seatsOfRole } from './roles/role-seats';
import {
  isRightAssisting,
  isRightDecision,
  type SeatDecision,
  type SeatEvent,
  type SeatTruth,
} from './seats';

/** An appeal offered to a training seat, waiting for its decision. */
interface HeldAppeal {
  id: number;
  seat: number;
  category: number;
  street: number;
  cell: number;
  received: number;
  waitMinutes: number;
  truth: SeatTruth;
  /** Appeals the seat merged into this one (并单) before deciding it: they follow its order. */
  merged: HeldAppeal[];
}

/** An order a seat dispatched, open until it closes: appeals merged into it close with it. */
interface OpenOrder {
  seat: number;
  truth: SeatTruth;
  merged: HeldAppeal[];
}

/**
 * The training seats' desk (scenario `lifecycle.training`): a share of the calls, and every batch
 * appeal, wait at a trainee's seat instead of the model's dispatcher; the trainee's decision (a live
 * input) takes effect, or the model's dispatcher takes the call when the hold runs out. Everything
 * that happens at a seat, and to the orders a seat dispatched, is reported as a seat event.
 */
export class SeatDesk {
  /** Appeals waiting at a seat, by appeal id. */
  private readonly held = new Map<number, HeldAppeal>();
  /** Orders seats dispatched that are still open, by appeal id. */
  private readonly open = new Map<number, OpenOrder>();
  private readonly timeoutEvent: number;
  /** Indices of the seats that dispatch (all but review and callback seats). */
  private readonly dispatchSeats: number[];

  constructor(
    private readonly s: ModelState,
    private readonly training: NonNullable<Lifecycle['training']>,
    private readonly intake: Pick<IntakeStage, 'decision' | 'decides' | 'closeAtIntake' | 'orderFromCall'>,
    private readonly dispatch: Pick<DispatchStage, 'dispatch'>,
    private readonly batches: Pick<Batches, 'kindOf' | 'placeOf'>,
    private readonly emit: ((event: SeatEvent) => void) | undefined,
  ) {
    this.timeoutEvent = s.sim.defineEvent(this.onTimeout.bind(this));
    this.dispatchSeats = seatsOfRole(training, 'dispatch');
  }

  /** A call has ended: a seat takes it with the training share (a keyed draw per contact). */
  takeCall(
    contact: number,
    category: number,
    street: number,
    received: number,
    waitMinutes: number,
  ): boolean {
    if (this.dispatchSeats.length === 0 || this.s.draw(contact, PURPOSES.seat) >= this.training.share)
      return false;
    this.offer(contact, category, street, received, waitMinutes);
    return true;
  }

  /** Offer an appeal to a seat; it waits at `received` until decided or timed out. */
  offer(contact: number, category: number, street: number, received: number, waitMinutes: number): void {
    const s = this.s;
    const training = this.training;
    // Only dispatch seats take calls (review and callback seats: roles/); without any, the model's intake.
    const pool = this.dispatchSeats;
    if (pool.length === 0) {
      this.intake.decides(contact, category, street, received, waitMinutes);
      return;
    }
    const seats = pool.length;
    const batch = appealKind(contact) === 'batch' ? this.batches.kindOf(contact) : undefined;
    // A batch goes round the seats in turn, so every trainee gets their share of it.
    const seat = pool[
      batch !== undefined
        ? appealNumber(contact) % seats
        : Math.floor(s.draw(contact, PURPOSES.seatPick) * seats)
    ] as number;
    // A duplicate stands where its batch's first appeal stands (the same place, 并单).
    const cell = s.city.drawCell(street, s.draw(this.batches.placeOf(contact), PURPOSES.cell));
    const holdUntil = s.sim.now + training.holdMinutes * 60;
    s.sim.at(holdUntil, this.timeoutEvent, contact);
    const decision = this.intake.decision(contact, category, street);
    const cat = s.city.categories[category] as AppealCategory;
    const textCategory = this.textCategory(contact, category, batch);
    const unit = decision.action === 'dispatch' ? s.ownerOf(category, street) : -1;
    const whistle = s.whistleNeeded(contact, category);
    const { action, channel } = decision;
    const truth: SeatTruth = {
      action,
      channel,
      unit,
      whistle,
      slaClass: cat.slaClass,
      ...seatTruthCues(s, { contact, category, textCategory, cell, action, channel, unit, whistle, batch }),
      facts: defaultOrderFacts(s.city, category, street, cell),
    };
    this.held.set(contact, {
      id: contact,
      seat,
      category,
      street,
      cell,
      received,
      waitMinutes,
      truth,
      merged: [],
    });
    this.emit?.({
      kind: 'offer',
      at: s.sim.now,
      seat: training.seats[seat] as string,
      appealId: contact,
      category,
      textCategory,
      street,
      cell,
      received,
      holdUntil,
      truth,
    });
  }

  /** The category the appeal's text reads like: another of its group when it is ambiguous (on purpose, or by chance). */
  private textCategory(contact: number, category: number, batch: BatchKind | undefined): number {
    const s = this.s;
    let pool: number[] | undefined;
    if (batch === 'ambiguous') pool = s.city.misleadingSiblings(category);
    else if (s.draw(contact, PURPOSES.seatText) < this.training.ambiguity)
      pool = s.city.groupSiblings(category);
    if (!pool) return category;
    return pool[Math.floor(s.draw(contact, PURPOSES.seatText, 1) * pool.length)] ?? category;
  }

  /** The seat did not decide in time: the model's dispatcher takes the call (and any merged into it). */
  private onTimeout(contact: number): void {
    const h = this.held.get(contact);
    if (!h) return;
    this.held.delete(contact);
    const seat = this.training.seats[h.seat] as string;
    this.emit?.({ kind: 'timeout', at: this.s.sim.now, seat, appealId: contact });
    for (const a of [h, ...h.merged])
      this.intake.decides(a.id, a.category, a.street, a.received, a.waitMinutes);
  }

  /**
   * A seat's decision (a live input), now. A decision on an appeal no longer waiting at that seat, or
   * a merge into an appeal that is neither waiting at the seat nor its open order, is reported as not
   * accepted and changes nothing. A dispatch goes to the lead unit the seat chose (主办): the wrong
   * unit returns it (退单) and the model's dispatcher re-routes it; naming the case's assisting units
   * (协办) puts the departments on the order from the start (WorkOrder.coordinated). A merge (并单)
   * joins the other appeal's order: no new order, the appeal closes with it; merged into an appeal
   * still waiting, it follows that appeal's order, or the model's dispatcher when the seat does not
   * dispatch it.
   */
  decide(seatName: string, decision: SeatDecision): void {
    const s = this.s;
    const seat = this.training.seats.indexOf(seatName);
    const id = decision.appealId;
    const h = this.held.get(id);
    const base = { at: s.sim.now, seat: seatName, appealId: id, decision };
    const target = decision.action === 'merge' ? this.mergeTarget(seat, decision.mergeInto) : undefined;
    if (!h || h.seat !== seat || seat < 0 || (decision.action === 'merge' && !target)) {
      this.emit?.({ kind: 'decision', ...base, accepted: false, correct: false });
      return;
    }
    this.held.delete(id);
    const correct = isRightDecision(h.truth, decision, target?.truth);
    this.emit?.({ kind: 'decision', ...base, accepted: true, correct });
    if (target) {
      s.count(h.received, C.repeats);
      target.merged.push(h, ...h.merged);
      return;
    }
    if (decision.action === 'answer' || decision.action === 'redirect') {
      this.intake.closeAtIntake(
        id,
        h.category,
        h.street,
        h.received,
        decision.action,
        decision.channel ?? null,
      );
      for (const a of h.merged) this.intake.decides(a.id, a.category, a.street, a.received, a.waitMinutes);
      return;
    }
    const owner = s.ownerOf(h.category, h.street);
    const order = this.intake.orderFromCall(id, h.category, h.street, h.received, h.waitMinutes);
    order.seat = seat;
    order.coordinated = h.truth.assisting.length > 0 && isRightAssisting(h.truth, decision);
    this.open.set(id, { seat, truth: h.truth, merged: h.merged });
    const unit = decision.unit ?? owner;
    this.dispatch.dispatch(order, s.sim.now, s.city.units[unit] ? unit : owner);
  }

  /** What a merge at `seat` joins: an appeal waiting at the seat, or an order the seat dispatched that is open. */
  private mergeTarget(seat: number, into: number | undefined): HeldAppeal | OpenOrder | undefined {
    if (into === undefined) return undefined;
    const t = this.held.get(into) ?? this.open.get(into);
    return t && t.seat === seat ? t : undefined;
  }

  /** What happens to an order a seat dispatched, as a seat event. */
  news(order: WorkOrder, news: OrderNews): void {
    if (news.kind === 'closed') {
      const now = this.s.sim.now;
      for (const a of this.open.get(order.id)?.merged ?? [])
        this.s.contactMove(a.id, 'received', 'closed', now, a.category, a.street);
      this.open.delete(order.id);
      return;
    }
    this.emit?.({
      ...news,
      at: this.s.sim.now,
      seat: this.training.seats[order.seat] as string,
      appealId: order.id,
    });
  }
}
