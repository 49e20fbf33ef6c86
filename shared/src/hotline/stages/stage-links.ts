import type { WorkOrder } from '../observation';

/**
 * What one stage needs of another, as plain functions the wiring module passes in: stages never
 * import each other. An appeal moves on through simulation events; these are the direct calls left.
 */

/** Dispatch an order after the dispatch delay (intake, external appeals). */
export type HandToDispatch = (order: WorkOrder) => void;

/** Dispatch an order at a time, to a chosen unit or where the policy routes it (grid orders, seats). */
export type DispatchAt = (order: WorkOrder, at: number, chosenUnit?: number) => void;

/** What assessment pressure makes the holding unit do on an order now (assessment/pressure.ts). */
export interface Effort {
  /** Effort on the work itself, in [0, 1). */
  work(order: WorkOrder): number;
  /** Effort on contact with the citizen, in [0, 1). */
  contact(order: WorkOrder): number;
  /** The unit's pressure now (paperwork grows with it). */
  of(unit: number): number;
  /** Whether the unit calls the citizen as it signs (a keyed draw). */
  promptCall(order: WorkOrder): boolean;
  /** Whether the unit games the rates on this order (a keyed draw). */
  games(order: WorkOrder): boolean;
  /** How much faster the unit works with help from its district (governance list), ≥ 1. */
  help(unit: number): number;
}

/** Close an order (callback stage): a verified grid order closes as soon as it is handled. */
export type Close = (order: WorkOrder) => void;

/** The street blows the whistle for an order (吹哨报到): the seconds its work waits for the reports. */
export type Summon = (order: WorkOrder) => number;

/** What assessment records of an order as it goes: the 三率 and the league and month records. */
export interface Records {
  /** The unit responded (contacted the citizen), in time or not. */
  responded(order: WorkOrder, inTime: boolean): void;
  /** The citizen rated the order at the callback (as recorded: `resolved` is what the callback heard). */
  evaluated(order: WorkOrder, positive: boolean, satisfied: boolean, resolved: boolean): void;
  /** The order closed now. */
  closed(order: WorkOrder): void;
  /** The order was supervised (督办) as overdue. */
  supervised(order: WorkOrder): void;
}
