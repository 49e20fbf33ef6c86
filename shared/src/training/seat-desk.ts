import type { AppealCategory } from '../catalogue/categories';
import { appealKind, appealNumber } from '../hotline/appeal-kind';
import type { OrderNews } from '../hotline/hooks';
import type { Lifecycle, ModelState } from '../hotline/model-state';
import type { WorkOrder } from '../hotline/observation';
import type { DispatchStage } from '../hotline/stages/dispatch-stage';
import type { IntakeStage } from '../hotline/stages/intake-stage';
import { PURPOSES } from '../random/keyed-random';
import { seatsOfRole } from './roles/role-seats';
import type { SeatDecision, SeatEvent } from './seats';

/** An appeal offered to a training seat, waiting for its decision. */
interface HeldAppeal {
  seat: number;
  category: number;
  street: number;
  cell: number;
  received: number;
  waitMinutes: number;
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
  private readonly timeoutEvent: number;
  /** Indices of the seats that dispatch (all but review and callback seats). */
  private readonly dispatchSeats: number[];

  constructor(
    private readonly s: ModelState,
    private readonly training: NonNullable<Lifecycle['training']>,
    private readonly intake: Pick<IntakeStage, 'decision' | 'decides' | 'closeAtIntake' | 'orderFromCall'>,
    private readonly dispatch: Pick<DispatchStage, 'dispatch'>,
    private readonly batchKind: (id: number) => 'ambiguous' | 'emergency' | undefined,
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
    const batch = appealKind(contact) === 'batch' ? this.batchKind(contact) : undefined;
    // A batch goes round the seats in turn, so every trainee gets their share of it.
    const seat = pool[
      batch !== undefined
        ? appealNumber(contact) % seats
        : Math.floor(s.draw(contact, PURPOSES.seatPick) * seats)
    ] as number;
    const cell = s.city.drawCell(street, s.draw(contact, PURPOSES.cell));
    this.held.set(contact, { seat, category, street, cell, received, waitMinutes });
    const holdUntil = s.sim.now + training.holdMinutes * 60;
    s.sim.at(holdUntil, this.timeoutEvent, contact);
    const decision = this.intake.decision(contact, category, street);
    const cat = s.city.categories[category] as AppealCategory;
    this.emit?.({
      kind: 'offer',
      at: s.sim.now,
      seat: training.seats[seat] as string,
      appealId: contact,
      category,
      textCategory: this.textCategory(contact, category, batch),
      street,
      cell,
      received,
      holdUntil,
      truth: {
        action: decision.action,
        channel: decision.channel,
        unit: decision.action === 'dispatch' ? s.ownerOf(category, street) : -1,
        whistle: s.whistleNeeded(contact, category),
        slaClass: cat.slaClass,
        // Placeholders until the cues work (issue 18) derives them from the appeal's words.
        appealType: decision.action === 'answer' ? 'consult' : 'complaint',
        assisting: [],
        kbEntry: null,
        mergeKey: null,
      },
    });
  }

  /** The category the appeal's text reads like: another of its group when it is ambiguous (on purpose, or by chance). */
  private textCategory(
    contact: number,
    category: number,
    batch: 'ambiguous' | 'emergency' | undefined,
  ): number {
    const s = this.s;
    let pool: number[] | undefined;
    if (batch === 'ambiguous') pool = s.city.misleadingSiblings(category);
    else if (s.draw(contact, PURPOSES.seatText) < this.training.ambiguity)
      pool = s.city.groupSiblings(category);
    if (!pool) return category;
    return pool[Math.floor(s.draw(contact, PURPOSES.seatText, 1) * pool.length)] ?? category;
  }

  /** The seat did not decide in time: the model's dispatcher takes the call. */
  private onTimeout(contact: number): void {
    const h = this.held.get(contact);
    if (!h) return;
    this.held.delete(contact);
    const seat = this.training.seats[h.seat] as string;
    this.emit?.({ kind: 'timeout', at: this.s.sim.now, seat, appealId: contact });
    this.intake.decides(contact, h.category, h.street, h.received, h.waitMinutes);
  }

  /**
   * A seat's decision (a live input), now. A decision on an appeal no longer waiting at that seat is
   * reported as not accepted and changes nothing. A dispatch goes to the unit the seat chose: the
   * wrong unit returns it (退单) and the model's dispatcher re-routes it.
   */
  decide(seatName: string, decision: SeatDecision): void {
    const s = this.s;
    const seat = this.training.seats.indexOf(seatName);
    const id = decision.appealId;
    const h = this.held.get(id);
    const base = { at: s.sim.now, seat: seatName, appealId: id, decision };
    if (!h || h.seat !== seat || seat < 0) {
      this.emit?.({ kind: 'decision', ...base, accepted: false, correct: false });
      return;
    }
    this.held.delete(id);
    const truth = this.intake.decision(id, h.category, h.street);
    const owner = s.ownerOf(h.category, h.street);
    const correct =
      decision.action === truth.action &&
      (decision.action !== 'redirect' || decision.channel === truth.channel) &&
      (decision.action !== 'dispatch' || decision.unit === owner);
    this.emit?.({ kind: 'decision', ...base, accepted: true, correct });
    if (decision.action !== 'dispatch') {
      this.intake.closeAtIntake(
        id,
        h.category,
        h.street,
        h.received,
        decision.action,
        decision.channel ?? null,
      );
      return;
    }
    const order = this.intake.orderFromCall(id, h.category, h.street, h.received, h.waitMinutes);
    order.seat = seat;
    const unit = decision.unit ?? owner;
    this.dispatch.dispatch(order, s.sim.now, s.city.units[unit] ? unit : owner);
  }

  /** What happens to an order a seat dispatched, as a seat event. */
  news(order: WorkOrder, news: OrderNews): void {
    this.emit?.({
      ...news,
      at: this.s.sim.now,
      seat: this.training.seats[order.seat] as string,
      appealId: order.id,
    });
  }
}
