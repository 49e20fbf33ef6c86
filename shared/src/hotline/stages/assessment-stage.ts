import { EPIDEMIC_CATEGORY } from '../../catalogue/demand-years';
import { SECONDS_PER_DAY } from '../../engine/calendar';
import { BATCHES } from '../../intake/intake-model';
import type { QuantileSketch } from '../../stats';
import { GovernanceList } from '../assessment/governance-list';
import { M, Pressure, type Weights } from '../assessment/pressure';
import { addAt } from '../city-model';
import type { ModelState } from '../model-state';
import { C, type StreetRecord, type WorkOrder } from '../observation';

export type { Weights } from '../assessment/pressure';

/**
 * Assessment (考核): the 三率 counted per order (response in time, resolved, satisfied) into the
 * counters, the league records and the units' records of the month; at each month's end the league
 * sets every unit's pressure for the next (assessment/pressure.ts) and the governance list is updated
 * (assessment/governance-list.ts). Pressure sets the effort units put into an order.
 */
export class AssessmentStage {
  /** 三率 weights of the assessment, normalised to sum to 1. */
  readonly weights: Weights;
  readonly pressure: Pressure;
  readonly list: GovernanceList;
  private readonly dayEvent: number;
  /** Index of the epidemic category: its callbacks are counted apart (the COVID hold-out). */
  private readonly epidemic: number;

  constructor(private readonly s: ModelState) {
    this.epidemic = s.city.categories.findIndex((c) => c.id === EPIDEMIC_CATEGORY);
    this.pressure = new Pressure(s);
    this.weights = this.pressure.weights;
    this.list = new GovernanceList(s, this.pressure);
    this.dayEvent = s.sim.defineEvent(this.onDay.bind(this));
  }

  /** Start the daily check for a new month at midnight of day 1. */
  start(): void {
    if (SECONDS_PER_DAY < this.s.end) this.s.sim.at(SECONDS_PER_DAY, this.dayEvent, 1);
  }

  /** Midnight: on the first of a month the past month's league sets the list and the pressure. */
  private onDay(day: number): void {
    const s = this.s;
    if (s.city.monthOf(day) !== s.city.monthOf(day - 1)) {
      this.list.closeMonth();
      this.pressure.closeMonth(s.lc.streets.minRatedToRank);
    }
    if ((day + 1) * SECONDS_PER_DAY < s.end) s.sim.at((day + 1) * SECONDS_PER_DAY, this.dayEvent, day + 1);
  }

  responded(order: WorkOrder, inTime: boolean): void {
    const s = this.s;
    s.tally(order.batch, C.responded);
    s.tally(order.batch, C.responseHours, (s.sim.now - order.dispatched) / 3600);
    if (inTime) s.tally(order.batch, C.respondedInTime);
    if (order.batch >= 0) {
      countResponse(s.streetRecords[order.street], inTime);
      countResponse(s.cityUnitRecords[order.unit - s.city.firstCityUnit], inTime);
    }
    this.pressure.note(order.unit, M.responded);
    if (inTime) this.pressure.note(order.unit, M.inTime);
  }

  evaluated(order: WorkOrder, positive: boolean, satisfied: boolean, resolved: boolean): void {
    const s = this.s;
    s.tally(order.batch, C.evaluated);
    if (resolved) s.tally(order.batch, C.resolved);
    if (positive) {
      s.tally(order.batch, C.positive);
      if (satisfied) s.tally(order.batch, C.satisfied);
    }
    if (order.category === this.epidemic) {
      s.tally(order.batch, C.epidemicEvaluated);
      if (resolved) s.tally(order.batch, C.epidemicResolved);
      if (positive) s.tally(order.batch, C.epidemicPositive);
    }
    if (order.batch >= 0) {
      countEvaluation(s.streetRecords[order.street], resolved, positive);
      countEvaluation(s.cityUnitRecords[order.unit - s.city.firstCityUnit], resolved, positive);
    }
    this.pressure.note(order.unit, M.evaluated);
    if (resolved) this.pressure.note(order.unit, M.resolved);
    if (positive) this.pressure.note(order.unit, M.positive);
  }

  /** 督办: an overdue order counts against its unit this month (score and next month's pressure). */
  supervised(order: WorkOrder): void {
    this.pressure.note(order.unit, M.supervised);
  }

  closed(order: WorkOrder): void {
    const s = this.s;
    const b = order.batch;
    if (order.source === 'citizen') this.pressure.note(order.unit, M.orders);
    if (b < 0) return;
    addAt(s.counters, C.closed * BATCHES + b, 1);
    if (order.source !== 'citizen') return;
    (s.closeHours[b] as QuantileSketch).add((s.sim.now - order.received) / 3600);
    const street = s.streetRecords[order.street];
    if (street) street.orders++;
    const unit = s.cityUnitRecords[order.unit - s.city.firstCityUnit];
    if (unit) unit.orders++;
  }
}

/** A response counted in a league record (a street's, or a department's); none when the order has no such unit. */
function countResponse(rec: StreetRecord | undefined, inTime: boolean): void {
  if (!rec) return;
  rec.responded++;
  if (inTime) rec.respondedInTime++;
}

/** A callback's evaluation counted in a league record. */
function countEvaluation(rec: StreetRecord | undefined, resolved: boolean, positive: boolean): void {
  if (!rec) return;
  rec.evaluated++;
  if (resolved) rec.resolved++;
  if (positive) rec.positive++;
}
