import type { ModelState } from '../model-state';
import type { Pressure } from './pressure';

/**
 * The governance list (治理类街乡). Entry: at the end of each month, the `governanceListSize` streets
 * with the lowest score among those with at least `streets.minRatedToRank` rated orders in the month go
 * on the list (development zones are not ranked with streets).
 * Exit: a listed street leaves after `governanceListExitMonths` consecutive months outside the bottom
 * N (a month without enough rated orders counts as outside). While listed, a street is under extra
 * pressure (Pressure) and gets staff from its district: its work goes 1 + `governanceListHelp` times
 * as fast.
 */
export class GovernanceList {
  /** Consecutive months a listed street has been outside the bottom N. */
  private readonly goodMonths: Int32Array;

  constructor(
    private readonly s: ModelState,
    private readonly pressure: Pressure,
  ) {
    this.goodMonths = new Int32Array(s.city.units.length);
  }

  /** The month closes (before the pressure does): streets enter and leave the list. */
  closeMonth(): void {
    const a = this.s.lc.assessment;
    if (!a.governanceList) return;
    const streets = this.s.city.streetUnit;
    const scored: [number, number][] = [];
    streets.forEach((unit, street) => {
      if (!this.s.city.rankedWithStreets(street)) return;
      const score = this.pressure.score(unit, this.s.lc.streets.minRatedToRank);
      if (!Number.isNaN(score)) scored.push([unit, score]);
    });
    scored.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
    const bottom = new Set(scored.slice(0, a.governanceListSize).map(([unit]) => unit));
    const listed = this.pressure.listed;
    for (const unit of streets) {
      if (bottom.has(unit)) {
        listed[unit] = 1;
        this.goodMonths[unit] = 0;
      } else if (listed[unit] === 1) {
        const good = (this.goodMonths[unit] as number) + 1;
        this.goodMonths[unit] = good >= a.governanceListExitMonths ? 0 : good;
        if (good >= a.governanceListExitMonths) listed[unit] = 0;
      }
    }
  }

  /** How much faster a unit's work goes with the district's help (1 unless listed). */
  speedUp(unit: number): number {
    return this.pressure.listed[unit] === 1 ? 1 + this.s.lc.assessment.governanceListHelp : 1;
  }

  /** Street indices on the list now. */
  streets(): number[] {
    const out: number[] = [];
    this.s.city.streetUnit.forEach((unit, street) => {
      if (this.pressure.listed[unit] === 1) out.push(street);
    });
    return out;
  }
}
