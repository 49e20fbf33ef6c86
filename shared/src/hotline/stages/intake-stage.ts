import type { AppealCategory } from '../../catalogue/categories';
import { SECONDS_PER_DAY } from '../../engine/calendar';
import { PURPOSES } from '../../random/keyed-random';
import { appealKind } from '../appeal-kind';
import { ContactTable } from '../contact-table';
import type { IntakeDecision, ModelHooks } from '../hooks';
import type { ModelState } from '../model-state';
import { C, type WorkOrder } from '../observation';
import type { HandToDispatch } from './stage-links';

/**
 * Intake (受理): who calls at all (proactive work and self-service pre-empt some), and what the agent
 * does at the end of the call: redirect it, answer it on the spot, or make a work order for dispatch.
 */
export class IntakeStage {
  /** Contacts in flight: regular ones, and surge ones (a table each: each id range is contiguous). */
  private readonly contacts = new ContactTable();
  private readonly surgeContacts = new ContactTable();
  /** Callers about matters (a service city): ids ≡ citizens' mod 2^27, so one ring would grow until they part. */
  private readonly matterContacts = new ContactTable();
  private readonly traceCategories: (number | undefined)[] | undefined;

  constructor(
    private readonly s: ModelState,
    private readonly hooks: ModelHooks,
    private readonly toDispatch: HandToDispatch,
    trace: readonly { category?: string | undefined }[] | undefined,
  ) {
    this.traceCategories = trace?.map((e) => {
      if (e.category === undefined) return undefined;
      const k = s.city.categories.findIndex((c) => c.id === e.category);
      return k >= 0 ? k : undefined;
    });
  }

  /** Decide whether a would-be contact calls at all: proactive work and self-service pre-empt some. */
  admit(contact: number): boolean {
    const s = this.s;
    const now = s.sim.now;
    const city = s.city;
    const placed = this.hooks.placement(contact);
    const category =
      placed?.category ??
      this.traceCategories?.[contact] ??
      city.drawCategory(s.draw(contact, PURPOSES.category), Math.floor(now / SECONDS_PER_DAY));
    const street = placed?.street ?? city.drawStreet(s.draw(contact, PURPOSES.street));
    const pair = street * city.categories.length + category;
    const u = s.draw(contact, PURPOSES.latent);
    if (city.isConsultation[category] === 1) {
      if (u < 0.4 * s.lc.reforms.oneNetwork) return this.preempt(contact, now, C.selfService);
    } else {
      // The grid's effect alone decides what the same seed without 未诉先办 would see; what proactive
      // work removes on top of it is `avoided`, exactly the contacts that run would have had more.
      const grid = this.hooks.gridFactor(pair, now);
      if (u >= grid) return this.preempt(contact, now, C.gridAvoided);
      if (u >= grid * this.hooks.proactiveFactor(pair, category, now))
        return this.preempt(contact, now, C.avoided);
    }
    this.tableOf(contact).set(contact, now, category, street);
    this.hooks.release(contact);
    s.count(now, C.admitted);
    return true;
  }

  private preempt(contact: number, now: number, counter: number): false {
    this.s.count(now, counter);
    this.forget(contact);
    return false;
  }

  /** An agent picked the contact up after it waited this long. */
  answered(contact: number, waitSeconds: number): void {
    this.tableOf(contact).setWait(contact, waitSeconds);
  }

  private tableOf(contact: number): ContactTable {
    const kind = appealKind(contact);
    return kind === 'surge' ? this.surgeContacts : kind === 'matter' ? this.matterContacts : this.contacts;
  }

  /** The contact hung up (or never called): forget it. */
  forget(contact: number): void {
    this.tableOf(contact).delete(contact);
    this.hooks.release(contact);
  }

  /** The agent finishes: a training seat may take the call, else the model's intake decides. */
  talkEnd(contact: number): void {
    const table = this.tableOf(contact);
    const slot = table.find(contact);
    if (slot < 0) throw new Error(`contact ${contact} ended a call it never started`);
    const received = table.arrival(slot);
    const category = table.category(slot);
    const street = table.street(slot);
    const waitMinutes = table.wait(slot) / 60;
    table.delete(contact);
    if (!this.s.city.categories[category]) return;
    this.s.contactMove(contact, undefined, 'received', received, category, street);
    if (this.hooks.takeCall(contact, category, street, received, waitMinutes)) return;
    this.decides(contact, category, street, received, waitMinutes);
  }

  /**
   * What intake does with a call (the same draws whenever it is decided): the right decision of
   * a training seat, and what the model's own dispatcher does.
   */
  decision(contact: number, category: number, street: number): IntakeDecision {
    const s = this.s;
    const cat = s.city.categories[category] as AppealCategory;
    const preset = this.hooks.presetDecision(contact, category);
    if (preset) return preset;
    const u = s.draw(contact, PURPOSES.intakeOutcome);
    const redirect = cat.redirect?.probability ?? 0;
    if (u < redirect) return { action: 'redirect', channel: cat.redirect?.channel ?? null };
    const repeat = s.lc.citizens.repeatShare * (1 - 0.5 * s.adoption.dataSharing(street));
    if (s.draw(contact, PURPOSES.repeat) < repeat) return { action: 'redirect', channel: 'repeat' };
    const legal = cat.legalChannel ?? 0;
    if (legal > 0 && s.draw(contact, PURPOSES.legal) < legal) return { action: 'redirect', channel: 'legal' };
    const direct = cat.directAnswer + (1 - cat.directAnswer) * 0.3 * s.lc.reforms.oneNetwork;
    if ((u - redirect) / (1 - redirect) < direct) return { action: 'answer', channel: null };
    return { action: 'dispatch', channel: null };
  }

  /** The model's own intake: redirect, answer on the spot, or make an order and dispatch it. */
  decides(contact: number, category: number, street: number, received: number, waitMinutes: number): void {
    const decision = this.decision(contact, category, street);
    if (decision.action !== 'dispatch') {
      this.closeAtIntake(contact, category, street, received, decision.action, decision.channel);
      return;
    }
    this.toDispatch(this.orderFromCall(contact, category, street, received, waitMinutes));
  }

  /** A call settled at intake, now: redirected (an emergency line, or a repeat) or answered on the spot. */
  closeAtIntake(
    contact: number,
    category: number,
    street: number,
    received: number,
    action: 'answer' | 'redirect',
    channel: IntakeDecision['channel'],
  ): void {
    this.s.count(
      received,
      action === 'answer' ? C.answered : channel === 'repeat' ? C.repeats : C.redirected,
    );
    const to = action === 'answer' ? 'answered' : 'redirected';
    this.s.contactMove(contact, 'received', to, this.s.sim.now, category, street);
  }

  /** The work order of a call (its cell drawn as always), counted. */
  orderFromCall(
    contact: number,
    category: number,
    street: number,
    received: number,
    waitMinutes: number,
  ): WorkOrder {
    const s = this.s;
    const cell = s.city.drawCell(street, s.draw(contact, PURPOSES.cell));
    const order = s.createOrder(contact, 'citizen', category, street, cell, received, 'received');
    order.waitMinutes = waitMinutes;
    s.count(received, C.workOrders);
    return order;
  }
}
