import { PURPOSES, keyedUniform } from '../../random/keyed-random';
import type { CityModel } from '../city-model';
import type { Scenario } from '../../scenario/schema';

type Lifecycle = NonNullable<Scenario['lifecycle']>;

/** The organisational levers a street adopts or not (`lifecycle.adoption`). */
export const ADOPTED_LEVERS = ['dispatch', 'grid', 'dataSharing', 'whistle'] as const;
export type AdoptedLever = (typeof ADOPTED_LEVERS)[number];

/**
 * Which streets adopt each organisational lever (issue 14 point 5): every street of the listed
 * districts, and each other street whose draw falls below the lever's share. The draw is keyed by the
 * run seed, the street and the lever, never by the share: a sweep over the share keeps common random
 * numbers, and the streets that adopt at 30 % are among those that adopt at 60 %.
 */
export class Adoption {
  private adopts!: Record<AdoptedLever, Uint8Array>;

  constructor(
    private readonly city: CityModel,
    private lc: Lifecycle,
    private readonly seed: number,
  ) {
    this.update(lc);
  }

  /**
   * Decide who adopts under these levers. The draws are the same as before, so raising a share mid-run
   * adds streets and keeps those that had adopted.
   */
  update(lc: Lifecycle): void {
    this.lc = lc;
    const { city, seed } = this;
    const streets = city.city.streets;
    const districts = city.city.districts;
    this.adopts = Object.fromEntries(
      ADOPTED_LEVERS.map((lever, n) => {
        const rule = lc.adoption[lever];
        const listed = new Set(rule.districts);
        const flags = Uint8Array.from(streets, (_street, i) => {
          const district = districts[city.streetDistrict[i] as number]?.id;
          const inListed = district !== undefined && listed.has(district);
          return inListed || keyedUniform(seed, i, PURPOSES.adoption, n) < rule.share ? 1 : 0;
        });
        return [lever, flags];
      }),
    ) as Record<AdoptedLever, Uint8Array>;
  }

  /** Whether a street (index in the city's streets) adopts the lever. */
  has(lever: AdoptedLever, street: number): boolean {
    return this.adopts[lever][street] === 1;
  }

  /** The shared-data level (`reforms.dataSharing`) of a street: the scenario's where it adopts, else none. */
  dataSharing(street: number): number {
    return this.has('dataSharing', street) ? this.lc.reforms.dataSharing : 0;
  }
}
