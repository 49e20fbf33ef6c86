import { describe, expect, it } from 'vitest';
import { HotlineModel, pairedDifferenceCI } from '../src';
import {
  POLICY_REPLICATIONS,
  POLICY_SEED,
  comparePolicies,
  expectEffect,
  makeLifecycleScenario,
  row,
} from './hotline-scenario';

const DAY = 86_400;
/** Rated orders a street needs in a month to be ranked here (lifecycle.streets.minRatedToRank): these small runs have few. */
const MIN_RATED_TO_RANK = 5;

/**
 * Assessment drives behaviour (issue 14, point 1): pressure from the 三率 weights, the relative
 * ranking and the governance list changes how units split their effort, and that changes outcomes,
 * staff time and gaming — not just the score. Paired 95 % CIs on common random numbers.
 */
describe('assessment drives behaviour (paired 95 % CIs on common random numbers)', () => {
  it('the governance list (20 vs 0 streets) raises the listed streets’ scores the month after', () => {
    // January, then February: the streets listed at the end of January get pressure and help in February.
    const scenario = (size: number) =>
      makeLifecycleScenario({
        start: '2025-01-01',
        hours: 59 * 24,
        arrivals: { perHour: 100 },
        intake: { agents: 14 },
        lifecycle: {
          assessment: { governanceListSize: size },
          streets: { minRatedToRank: MIN_RATED_TO_RANK },
        },
      });
    const feb = 31 * DAY;
    const endFeb = 59 * DAY - 1;
    const withList: number[] = [];
    const without: number[] = [];
    for (let r = 0; r < POLICY_REPLICATIONS; r++) {
      const seed = POLICY_SEED + r;
      const listing = new HotlineModel(scenario(20), seed);
      listing.advance(feb + 1);
      const listed = listing.assessmentNow(MIN_RATED_TO_RANK).listed;
      expect(listed.length).toBe(20);
      listing.advance(endFeb);
      const plain = new HotlineModel(scenario(0), seed);
      plain.advance(endFeb);
      expect(plain.assessmentNow(MIN_RATED_TO_RANK).listed).toEqual([]);
      // Mean February score of the streets listed in the first run, in both runs (only the rated ones).
      const meanOf = (scores: number[]) => {
        const xs = listed.map((st) => scores[st] as number).filter((x) => !Number.isNaN(x));
        return xs.reduce((a, x) => a + x, 0) / xs.length;
      };
      withList.push(meanOf(listing.assessmentNow(1).scores));
      without.push(meanOf(plain.assessmentNow(1).scores));
    }
    const ci = pairedDifferenceCI(withList, without);
    expect(ci.ci95[0], `listed − not listed: ${ci.mean} (${ci.ci95.join(' … ')})`).toBeGreaterThan(0);
  }, 120_000);

  it('ranks relatively: after a month a street’s pressure grows with its distance from the top of the league', () => {
    const january = (ranking: boolean) =>
      makeLifecycleScenario({
        start: '2025-01-01',
        hours: 32 * 24,
        arrivals: { perHour: 100 },
        intake: { agents: 14 },
        lifecycle: {
          supervision: { enabled: false },
          assessment: { ranking, governanceList: false },
          streets: { minRatedToRank: MIN_RATED_TO_RANK },
        },
      });
    const look = (ranking: boolean) => {
      const model = new HotlineModel(january(ranking), POLICY_SEED);
      model.advance(31 * DAY - 1);
      const { scores } = model.assessmentNow(MIN_RATED_TO_RANK);
      model.advance(31 * DAY + 1);
      return { scores, pressure: model.assessmentNow(MIN_RATED_TO_RANK).pressure };
    };
    const { scores, pressure } = look(true);
    const ranked = scores.flatMap((x, st) => (Number.isNaN(x) ? [] : [[st, x] as const]));
    ranked.sort((x, y) => y[1] - x[1]);
    expect(ranked.length).toBeGreaterThan(100);
    const top = ranked[0]?.[0] as number;
    const bottom = ranked[ranked.length - 1]?.[0] as number;
    // Top of the league: the base pressure alone; bottom: base + the whole ranking pressure.
    expect(pressure[top]).toBeCloseTo(0.25, 9);
    expect(pressure[bottom]).toBeCloseTo(0.25 + 0.6, 9);
    // Pressure falls as the score rises, street by street.
    for (let i = 1; i < ranked.length; i++)
      expect(pressure[ranked[i]?.[0] as number]).toBeGreaterThanOrEqual(
        pressure[ranked[i - 1]?.[0] as number] as number,
      );
    // Without ranking everyone feels the base pressure only.
    expect(new Set(look(false).pressure)).toEqual(new Set([0.25]));
  }, 60_000);

  it('a satisfaction weight of 0.9 instead of 0.45 raises gamingShare at low integrity, not at full integrity', () => {
    const low = comparePolicies(
      { lifecycle: { assessment: { integrity: 0.2 } } },
      { lifecycle: { assessment: { integrity: 0.2, weights: { satisfaction: 0.9 } } } },
    );
    expectEffect(low, 'gamingShare', 'up');
    const high = comparePolicies(
      { lifecycle: { assessment: { integrity: 1 } } },
      { lifecycle: { assessment: { integrity: 1, weights: { satisfaction: 0.9 } } } },
    );
    expect(row(high, 'gamingShare').a).toBe(0);
    expect(row(high, 'gamingShare').b).toBe(0);
  });

  it('the 三率 weights change outcomes: more weight on satisfaction moves effort from the work to the citizen', () => {
    const c = comparePolicies(
      { lifecycle: { assessment: { integrity: 1 } } },
      { lifecycle: { assessment: { integrity: 1, weights: { satisfaction: 0.9 } } } },
    );
    expectEffect(c, 'resolutionRate', 'down');
    // Contact: the units call the citizen sooner.
    expectEffect(c, 'meanHoursToResponse', 'down');
  });

  it('the monthly ranking raises pressure, so effort: resolution and staff-hours per order go up', () => {
    // Without repeat visits: effort's own cost (more careful work, contact, paperwork) alone.
    const c = comparePolicies(
      { lifecycle: { assessment: { ranking: false }, units: { revisitShare: 0 } } },
      { lifecycle: { assessment: { ranking: true }, units: { revisitShare: 0 } } },
    );
    expectEffect(c, 'resolutionRate', 'up');
    expectEffect(c, 'staffHoursPerOrder', 'up');
    expectEffect(c, 'paperworkShare', 'up');
  });

  it('the ranking’s effort resolves more at the first attempt, so units go back less often', () => {
    const c = comparePolicies(
      { lifecycle: { assessment: { ranking: false } } },
      { lifecycle: { assessment: { ranking: true } } },
    );
    expectEffect(c, 'repeatVisitsPerOrder', 'down');
  });
});
