import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCity, streetType } from '../city';
import { emptyRecord, type HotlineObservation, type StreetRecord } from '../hotline/observation';
import { builtInScenario } from '../scenarios';
import { governanceFlagCount, MAX_FLAGGED_SHARE, streetLeague } from './league';

const city = defaultCity();
const lifecycle = builtInScenario('beijing-weekday')?.lifecycle;
if (!lifecycle) throw new Error('beijing-weekday has a lifecycle');
const MIN = lifecycle.streets.minRatedToRank;
const LIST = lifecycle.assessment.governanceListSize;
/** Indices of the streets that can be ranked (not development zones), in the city's order. */
const rankableIdx = city.streets.flatMap((s, i) => (streetType(s) === 'devZone' ? [] : [i]));

/**
 * One replication where street `rated[k]` has `evaluated` rated orders and resolution falling with k
 * (so the last listed is the worst); every other street has fewer than the minimum to be ranked.
 */
function observation(rated: readonly number[], evaluated = MIN): HotlineObservation {
  const streets: StreetRecord[] = city.streets.map(() => ({ ...emptyRecord(), orders: 2, evaluated: 1 }));
  rated.forEach((s, k) => {
    const resolved = Math.round(evaluated * (1 - k / (rated.length + 1)));
    streets[s] = {
      ...emptyRecord(),
      orders: evaluated,
      responded: evaluated,
      respondedInTime: evaluated,
      evaluated,
      resolved,
      positive: resolved,
    };
  });
  return {
    streets,
    cityUnits: [],
    weights: { response: 0.1, resolution: 0.45, satisfaction: 0.45 },
  } as unknown as HotlineObservation;
}

const flaggedIds = (rows: ReturnType<typeof streetLeague>) =>
  rows.filter((r) => r.underSupervision).map((r) => r.id);

describe('league: the 治理类 flag', () => {
  it(`flags none of a small league: 6 ranked streets with a list of ${LIST}`, () => {
    const rows = streetLeague([observation(rankableIdx.slice(0, 6))], lifecycle, city);
    expect(rows).toHaveLength(6);
    expect(flaggedIds(rows)).toEqual([]);
  });

  it(`flags exactly the worst ${LIST} when every street is ranked`, () => {
    const rows = streetLeague([observation(rankableIdx)], lifecycle, city);
    expect(rows).toHaveLength(rankableIdx.length);
    const worst = rankableIdx.slice(-LIST).map((i) => city.streets[i]?.id);
    expect(new Set(flaggedIds(rows))).toEqual(new Set(worst));
  });

  it('flags only streets with enough rated orders (those short of the minimum are not ranked)', () => {
    const some = rankableIdx.slice(0, 50);
    const rows = streetLeague([observation(some)], lifecycle, city);
    const flagged = flaggedIds(rows);
    expect(flagged).toHaveLength(Math.min(LIST, Math.floor(50 * MAX_FLAGGED_SHARE)));
    expect(new Set(flagged)).toEqual(new Set(some.slice(-flagged.length).map((i) => city.streets[i]?.id)));
    // One rated order short of the minimum: the same streets are not ranked at all, so none is flagged.
    expect(streetLeague([observation(some, MIN - 1)], lifecycle, city)).toEqual([]);
  });

  it('never flags more than the list size, nor every ranked street', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), (ranked, listSize) => {
        const n = governanceFlagCount(ranked, listSize);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(listSize);
        if (ranked > 0) expect(n).toBeLessThan(ranked);
        expect(n).toBeLessThanOrEqual(ranked * MAX_FLAGGED_SHARE);
      }),
    );
  });
});
