import { appealId } from '../appeal-kind';
import type { ModelState } from '../model-state';
import { C } from '../observation';
import type { HandToDispatch } from '../stages/stage-links';

/**
 * An appeal filed from outside the simulation (an Open311 client) while a live run is going: a
 * report that needs a work order, placed in a grid cell. It skips the phone queue and is dispatched
 * like any citizen order from the moment it is admitted.
 */
export interface ExternalAppeal {
  /** Index into the city model's categories. */
  category: number;
  /** Index into the city's cells (its street follows). */
  cell: number;
}

/** Appeals filed from outside (Open311) into a running model. */
export class ExternalAppeals {
  private filed = 0;

  constructor(
    private readonly s: ModelState,
    private readonly toDispatch: HandToDispatch,
  ) {}

  /**
   * Receive an external appeal now; it is dispatched like a citizen's order after the usual dispatch
   * delay, its draws keyed by its id like every appeal's. Returns its id (the n-th external appeal's,
   * so a replay gives the same ids).
   */
  admit(appeal: ExternalAppeal): number {
    const s = this.s;
    const { category, cell } = appeal;
    if (!Number.isInteger(category) || !s.city.categories[category])
      throw new Error(`an external appeal's category ${category} is not in the catalogue`);
    const street = s.city.cellStreet[cell];
    if (!Number.isInteger(cell) || street === undefined)
      throw new Error(`an external appeal's cell ${cell} is not in the city`);
    const id = appealId('external', this.filed++);
    const now = s.sim.now;
    const order = s.createOrder(id, 'citizen', category, street, cell, now, 'received');
    s.enter(order, now);
    s.count(now, C.workOrders);
    this.toDispatch(order);
    return id;
  }
}
