import { PURPOSES } from '../../random/keyed-random';
import { addAt } from '../city-model';
import type { ModelState } from '../model-state';
import type { WorkOrder } from '../observation';

/** Fields of a unit's record for the month (the league of the month and 督办). */
export const M = {
  evaluated: 0,
  resolved: 1,
  positive: 2,
  responded: 3,
  inTime: 4,
  supervised: 5,
  orders: 6,
};
const FIELDS = 7;

/** 三率 weights of an assessment, summing to 1. */
export interface Weights {
  response: number;
  resolution: number;
  satisfaction: number;
}

/** A unit not ranked (too few rated orders, or before the first league) feels the middle of its league. */
const UNRANKED_GAP = 0.5;

/**
 * Assessment pressure (考核压力) and what it does to a unit's effort. Each month a unit's pressure is
 *   P = base + ranking · gap + listed · list pressure + supervision pressure · supervised share,
 * where gap is its distance from the top of last month's league (0 top, 1 bottom; streets, districts
 * and city units each in their own league). The 三率 weights split P between the work itself
 * (resolution and half of satisfaction) and contact with the citizen (response and satisfaction):
 *   effort = 1 − exp(−scale · P · share). Effort costs staff time (work stretch, contact hours) and
 * P costs paperwork. Satisfaction pressure (P × satisfaction weight) above a threshold opens gaming,
 * unless integrity stops it.
 */
export class Pressure {
  readonly weights: Weights;
  private readonly month: Float64Array;
  private readonly pressure: Float64Array;
  /** Each unit's league gap and supervised share at the last month's close (a lever change re-weighs them). */
  private readonly gap: Float64Array;
  private readonly supervisedShare: Float64Array;
  /** Units on the governance list (治理类), 1 each; their work goes faster with the district's help. */
  readonly listed: Uint8Array;

  constructor(private readonly s: ModelState) {
    this.weights = { response: 0, resolution: 0, satisfaction: 0 };
    this.normaliseWeights();
    const units = s.city.units.length;
    this.month = new Float64Array(units * FIELDS);
    this.pressure = new Float64Array(units);
    this.listed = new Uint8Array(units);
    this.gap = new Float64Array(units).fill(UNRANKED_GAP);
    this.supervisedShare = new Float64Array(units);
    this.update();
    s.onLeversChanged(() => {
      this.normaliseWeights();
      this.update();
    });
  }

  /** The scenario's 三率 weights, scaled to sum to 1 (in place: the observation holds this object). */
  private normaliseWeights(): void {
    const w = this.s.lc.assessment.weights;
    const total = w.response + w.resolution + w.satisfaction || 1;
    this.weights.response = w.response / total;
    this.weights.resolution = w.resolution / total;
    this.weights.satisfaction = w.satisfaction / total;
  }

  /** Count an event of the month for the unit (a field of `M`). */
  note(unit: number, field: number): void {
    if (unit >= 0) addAt(this.month, unit * FIELDS + field, 1);
  }

  /** The month's score of a unit with at least `minRated` rated orders, else NaN (三率 minus 督办). */
  score(unit: number, minRated: number): number {
    const m = (f: number) => this.month[unit * FIELDS + f] as number;
    const n = m(M.evaluated);
    if (n < minRated) return NaN;
    const w = this.weights;
    const response = m(M.responded) > 0 ? m(M.inTime) / m(M.responded) : 0;
    const supervised = m(M.orders) > 0 ? m(M.supervised) / m(M.orders) : 0;
    return (
      w.response * response +
      (w.resolution * m(M.resolved) + w.satisfaction * m(M.positive)) / n -
      this.s.lc.supervision.scorePenalty * supervised
    );
  }

  /** The month closes: each unit's pressure for the next one from its league gap, the list and 督办. */
  closeMonth(minRated: number): void {
    const units = this.s.city.units;
    const gap = new Float64Array(units.length).fill(UNRANKED_GAP);
    const league = (u: (typeof units)[number]) =>
      u.kind === 'department' || u.kind === 'utility' ? 'city' : u.kind;
    for (const kind of ['street', 'district', 'city']) {
      const ranked = units
        .filter((u) => league(u) === kind)
        .map((u) => [u.index, this.score(u.index, minRated)] as const)
        .filter(([, score]) => !Number.isNaN(score));
      const top = Math.max(...ranked.map(([, x]) => x));
      const bottom = Math.min(...ranked.map(([, x]) => x));
      for (const [unit, score] of ranked) gap[unit] = top > bottom ? (top - score) / (top - bottom) : 0;
    }
    this.gap.set(gap);
    for (let u = 0; u < this.pressure.length; u++) {
      const orders = this.month[u * FIELDS + M.orders] as number;
      this.supervisedShare[u] = orders > 0 ? (this.month[u * FIELDS + M.supervised] as number) / orders : 0;
    }
    this.update();
    this.month.fill(0);
  }

  /** Each unit's pressure from the last close's gap and 督办 under the levers as they stand. */
  private update(): void {
    const lc = this.s.lc;
    const a = lc.assessment;
    for (let u = 0; u < this.pressure.length; u++) {
      this.pressure[u] =
        a.basePressure +
        (a.ranking ? a.rankingPressure * (this.gap[u] as number) : 0) +
        (this.listed[u] === 1 ? a.governanceListPressure : 0) +
        (lc.supervision.enabled ? lc.supervision.pressure * (this.supervisedShare[u] as number) : 0);
    }
  }

  /** A unit's assessment pressure this month. */
  of(unit: number): number {
    return this.pressure[unit] ?? this.s.lc.assessment.basePressure;
  }

  private effortOf(order: WorkOrder, share: number): number {
    return 1 - Math.exp(-this.s.lc.assessment.effortScale * this.of(order.unit) * share);
  }

  /** Effort on the work itself, in [0, 1): resolution and half of satisfaction; closing early halves it. */
  work(order: WorkOrder): number {
    const w = this.weights;
    const e = this.effortOf(order, w.resolution + w.satisfaction / 2);
    return order.gamed ? e * (1 - this.s.lc.assessment.gaming.earlyClose) : e;
  }

  /** Effort on contact with the citizen, in [0, 1): response and satisfaction. */
  contact(order: WorkOrder): number {
    const w = this.weights;
    return this.effortOf(order, w.response + w.satisfaction);
  }

  /** Whether the unit calls the citizen as it signs (one keyed draw): cheap, so pressure buys it easily. */
  promptCall(order: WorkOrder): boolean {
    const w = this.weights;
    const p =
      1 - Math.exp(-this.s.lc.response.promptScale * this.of(order.unit) * (w.response + w.satisfaction));
    return this.s.draw(order.id, PURPOSES.promptCall) < p;
  }

  /** Whether the unit games the rates on this order (one keyed draw): satisfaction pressure, less integrity. */
  games(order: WorkOrder): boolean {
    const a = this.s.lc.assessment;
    const g = a.gaming;
    const p =
      (1 - a.integrity) *
      Math.min(1, g.slope * Math.max(0, this.of(order.unit) * this.weights.satisfaction - g.threshold));
    return p > 0 && this.s.draw(order.id, PURPOSES.gaming) < p;
  }
}
