import { BATCHES } from '../../intake/intake-model';
import type { QuantileSketch } from '../../stats';
import { addAt } from '../city-model';
import type { ModelState } from '../model-state';
import { C, type StreetRecord, type WorkOrder } from '../observation';

/** Fields of a street's record for the month (治理类 ranking). */
const MONTH_EVALUATED = 0;
const MONTH_RESOLVED = 1;
const MONTH_POSITIVE = 2;
const MONTH_RESPONDED = 3;
const MONTH_IN_TIME = 4;
const MONTH_FIELDS = 5;

/** 三率 weights of an assessment, summing to 1. */
export interface Weights {
  response: number;
  resolution: number;
  satisfaction: number;
}

/**
 * Assessment (考核): the 三率 counted per order (response in time, resolved, satisfied) into the
 * counters, the league records and the streets' records of the month, and the effort units put in
 * because of it (ranking, the governance list, supervision; more on a street under city supervision).
 */
export class AssessmentStage {
  /** 三率 weights of the assessment, normalised to sum to 1. */
  readonly weights: Weights;
  private readonly baseEffort: number;
  /** Streets on the month's governance list (治理类), 1 each. */
  private readonly flagged: Uint8Array;
  private readonly monthStreet: Float64Array;

  constructor(private readonly s: ModelState) {
    const lc = s.lc;
    const a = lc.assessment;
    const total = a.weights.response + a.weights.resolution + a.weights.satisfaction || 1;
    this.weights = {
      response: a.weights.response / total,
      resolution: a.weights.resolution / total,
      satisfaction: a.weights.satisfaction / total,
    };
    this.baseEffort = Math.min(
      1,
      0.25 + (a.ranking ? 0.45 : 0) + (a.governanceList ? 0.15 : 0) + (lc.supervision.enabled ? 0.15 : 0),
    );
    const streets = s.city.city.streets.length;
    this.flagged = new Uint8Array(streets);
    this.monthStreet = new Float64Array(streets * MONTH_FIELDS);
  }

  /** The effort the holding unit puts into an order, in [0, 1]. */
  effort(order: WorkOrder): number {
    const u = this.s.city.units[order.unit];
    const flagged = u?.kind === 'street' && this.flagged[order.street] === 1 ? 0.2 : 0;
    return Math.min(1, this.baseEffort + flagged);
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
    this.noteMonth(order.street, MONTH_RESPONDED);
    if (inTime) this.noteMonth(order.street, MONTH_IN_TIME);
  }

  evaluated(order: WorkOrder, positive: boolean, satisfied: boolean): void {
    const s = this.s;
    const resolved = order.outcome === 'resolved';
    s.tally(order.batch, C.evaluated);
    if (resolved) s.tally(order.batch, C.resolved);
    if (positive) {
      s.tally(order.batch, C.positive);
      if (satisfied) s.tally(order.batch, C.satisfied);
    }
    if (order.batch >= 0) {
      countEvaluation(s.streetRecords[order.street], resolved, positive);
      countEvaluation(s.cityUnitRecords[order.unit - s.city.firstCityUnit], resolved, positive);
    }
    this.noteMonth(order.street, MONTH_EVALUATED);
    if (resolved) this.noteMonth(order.street, MONTH_RESOLVED);
    if (positive) this.noteMonth(order.street, MONTH_POSITIVE);
  }

  closed(order: WorkOrder): void {
    const s = this.s;
    const b = order.batch;
    if (b < 0) return;
    addAt(s.counters, C.closed * BATCHES + b, 1);
    if (order.source !== 'citizen') return;
    (s.closeHours[b] as QuantileSketch).add((s.sim.now - order.received) / 3600);
    const street = s.streetRecords[order.street];
    if (street) street.orders++;
    const unit = s.cityUnitRecords[order.unit - s.city.firstCityUnit];
    if (unit) unit.orders++;
  }

  private noteMonth(street: number, field: number): void {
    addAt(this.monthStreet, street * MONTH_FIELDS + field, 1);
  }

  /**
   * The month's 三率 score of each street with at least `minRated` rated orders (weighted as the
   * assessment weighs them), as [street, score] pairs.
   */
  monthScores(minRated: number): [number, number][] {
    const w = this.weights;
    const scores: [number, number][] = [];
    for (let street = 0; street < this.flagged.length; street++) {
      const m = (field: number) => this.monthStreet[street * MONTH_FIELDS + field] as number;
      const n = m(MONTH_EVALUATED);
      if (n < minRated) continue;
      const response = m(MONTH_RESPONDED) > 0 ? m(MONTH_IN_TIME) / m(MONTH_RESPONDED) : 0;
      const score =
        w.response * response + (w.resolution * m(MONTH_RESOLVED) + w.satisfaction * m(MONTH_POSITIVE)) / n;
      scores.push([street, score]);
    }
    return scores;
  }

  /** A new month: these streets are under city supervision (治理类), and the month's records start afresh. */
  newMonth(flagged: readonly number[]): void {
    this.flagged.fill(0);
    for (const street of flagged) this.flagged[street] = 1;
    this.monthStreet.fill(0);
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
