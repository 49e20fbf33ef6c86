/**
 * Levers measured one at a time (issue 19, point 3): the 治理类 governance list apart from the monthly
 * ranking, in a scenario that crosses a month boundary so the list is drawn up; `callbackReach`;
 * `topicsInForce`.
 */
import { describe, expect, it } from 'vitest';
import { HotlineModel, compareScenarios, defaultCity, streetType, type AppealTransition } from '../src';
import {
  POLICY_SEED,
  comparePolicies,
  expectEffect,
  makeLifecycleScenario,
  row,
  type LifecycleOverrides,
} from './hotline-scenario';

/** The ranking minimum of this small scenario (lifecycle.streets.minRatedToRank): 5 rated orders a month. */
const MIN_RATED_TO_RANK = 5;

/** The month boundary the governance scenario crosses: 1 April 2025, 96 h after its start. */
const APRIL = 96 * 3600;

/**
 * Seven days from 28 March 2025, 300 contacts an hour, time limits of hours (so most orders are rated
 * within March and the list drawn on 1 April has the month's scores to go on).
 */
function acrossMonth(lifecycle: LifecycleOverrides['lifecycle']): LifecycleOverrides {
  return {
    start: '2025-03-28',
    hours: 24 * 7,
    arrivals: { perHour: 300 },
    lifecycle: {
      timeLimits: { '2h': 2, '24h': 8, '7d': 24, '15d': 36 },
      streets: { minRatedToRank: MIN_RATED_TO_RANK },
      ...lifecycle,
    },
  };
}

/**
 * The list alone: ranking and supervision off, so only the list adds pressure (and the district's
 * help) to the listed streets. Only the list's size differs between the variants.
 */
const listOfSize = (governanceListSize: number) =>
  acrossMonth({
    supervision: { enabled: false },
    assessment: { ranking: false, governanceList: true, governanceListSize },
  });

/** Every transition of one replication, in reported order. */
function transitions(overrides: LifecycleOverrides, seed = POLICY_SEED): AppealTransition[] {
  const out: AppealTransition[] = [];
  new HotlineModel(makeLifecycleScenario(overrides), seed, { onTransition: (t) => out.push({ ...t }) }).run();
  return out;
}

describe('the 治理类 governance list, measured alone', () => {
  it('is drawn up when a month starts: nothing differs before 1 April, listed streets’ orders differ after', () => {
    const none = transitions(listOfSize(0));
    const hundred = transitions(listOfSize(100));
    const before = (ts: AppealTransition[]) => ts.filter((t) => t.at < APRIL);
    expect(before(hundred).length).toBeGreaterThan(1_000);
    expect(before(hundred)).toEqual(before(none));
    // After the boundary the listed streets work harder: some ratings and outcomes change.
    const key = (t: AppealTransition) => `${t.id} ${t.to} ${t.outcome} ${t.rating}`;
    const after = new Set(none.filter((t) => t.at >= APRIL).map(key));
    const changed = hundred.filter((t) => t.at >= APRIL && !after.has(key(t)));
    expect(changed.length).toBeGreaterThan(50);
  });

  it('lists the month’s worst streets by their score: only their orders change after 1 April', () => {
    // Score = March's resolution rate alone (weights 0 / 1 / 0) of the orders the street office
    // itself held, so it can be worked out from the evaluations of the run without the list.
    // Offices' load off: a whistle's reports then do not depend on other streets' whistles in the
    // district, so a listed street's changes cannot reach an unlisted street's orders through them.
    const scored = (governanceListSize: number) =>
      acrossMonth({
        supervision: { enabled: false },
        whistle: { loadPerReport: 0 },
        assessment: {
          ranking: false,
          governanceList: true,
          governanceListSize,
          weights: { response: 0, resolution: 1, satisfaction: 0 },
        },
      });
    const none = transitions(scored(0));
    const units = new HotlineModel(makeLifecycleScenario(scored(0))).city.units;
    const march = new Map<number, { n: number; resolved: number }>();
    for (const t of none)
      if (t.to === 'evaluated' && t.at < APRIL && units[t.unit]?.kind === 'street') {
        const m = march.get(t.street) ?? { n: 0, resolved: 0 };
        m.n++;
        if (t.outcome === 'resolved') m.resolved++;
        march.set(t.street, m);
      }
    const ranked = [...march]
      // Development zones are not ranked with streets.
      .filter(([street, m]) => {
        const data = defaultCity().streets[street];
        return m.n >= MIN_RATED_TO_RANK && data !== undefined && streetType(data) !== 'devZone';
      })
      .map(([street, m]) => ({ street, score: m.resolved / m.n }))
      .sort((x, y) => x.score - y.score || x.street - y.street);
    expect(ranked.length).toBeGreaterThan(100);
    // The thirty worst, and any tie across the cut (the model breaks ties its own way).
    const cut = ranked[29]?.score as number;
    const surely = new Set(ranked.filter((r) => r.score < cut).map((r) => r.street));
    const maybe = new Set(ranked.filter((r) => r.score <= cut).map((r) => r.street));
    const thirty = transitions(scored(30));
    const key = (t: AppealTransition) => `${t.id} ${t.to} ${t.outcome} ${t.rating}`;
    const unchanged = new Set(none.map(key));
    const changed = new Set(thirty.filter((t) => !unchanged.has(key(t))).map((t) => t.street));
    expect([...changed].filter((s) => !maybe.has(s))).toEqual([]);
    expect(surely.size).toBeGreaterThan(10);
    expect(changed.size, [...changed].join(' ')).toBeGreaterThanOrEqual(5);
  });

  it('raises the 三率 of a run that crosses a month boundary, ranking held off (paired 95 % CI)', () => {
    const c = compareScenarios(makeLifecycleScenario(listOfSize(0)), makeLifecycleScenario(listOfSize(100)), {
      replications: 3,
      seed: POLICY_SEED,
    });
    expectEffect(c, 'resolutionRate', 'up');
    expectEffect(c, 'satisfactionRate', 'up');
    expectEffect(c, 'score', 'up');
  });

  it('changes outcomes under the default levers too: effort saturates smoothly, and help is not capped', () => {
    const c = compareScenarios(
      makeLifecycleScenario(acrossMonth({ assessment: { governanceListSize: 0 } })),
      makeLifecycleScenario(acrossMonth({ assessment: { governanceListSize: 10 } })),
      { replications: 2, seed: POLICY_SEED },
    );
    const moved = c.rows.filter((r) => r.difference !== 0).map((r) => r.kpi);
    expect(moved).toContain('resolutionRate');
    expect(moved).toContain('staffHoursPerOrder');
  });
});

describe('callbackReach: the share of callbacks that reach the citizen', () => {
  it('rates a subset of the same orders when fewer are reached, the unresolved less often', () => {
    const rated = (callbackReach: number) =>
      new Map(
        transitions({ lifecycle: { citizens: { callbackReach } } })
          .filter((t) => t.to === 'evaluated')
          .map((t) => [t.id, t.outcome === 'resolved'] as const),
      );
    const most = rated(0.92);
    const half = rated(0.5);
    // Common random numbers: an order reached at 0.5 is reached at 0.92 too.
    expect([...half.keys()].filter((id) => !most.has(id))).toEqual([]);
    // An order reached at 0.92 is reached at 0.5 with probability reach(0.5) / reach(0.92), where an
    // unresolved citizen's reach has `unresolvedReachLogit` (1.5) less logit: within 4 sd of it.
    const reach = (r: number, resolved: boolean) =>
      1 / (1 + Math.exp(-(Math.log(r / (1 - r)) - (resolved ? 0 : 1.5))));
    for (const resolved of [true, false]) {
      const n = [...most.values()].filter((x) => x === resolved).length;
      const k = [...half.values()].filter((x) => x === resolved).length;
      const p = reach(0.5, resolved) / reach(0.92, resolved);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(k - n * p), `resolved ${resolved}: ${k} of ${n}`).toBeLessThan(4 * sd);
    }
  });

  it('moves the measured rates: fewer reached means fewer unresolved among the rated', () => {
    const c = comparePolicies(
      { lifecycle: { citizens: { callbackReach: 0.92 } } },
      { lifecycle: { citizens: { callbackReach: 0.5 } } },
    );
    expectEffect(c, 'resolutionRate', 'up');
    expectEffect(c, 'satisfactionRate', 'up');
    expect(row(c, 'responseRate').difference).toBe(0);
  });
});

describe('topicsInForce: policies of earlier monthly topics', () => {
  it('raises the resolution and satisfaction rates (paired 95 % CI)', () => {
    const c = comparePolicies(
      { lifecycle: { proactive: { monthlyTopic: { topicsInForce: 0 } } } },
      { lifecycle: { proactive: { monthlyTopic: { topicsInForce: 60 } } } },
    );
    expectEffect(c, 'resolutionRate', 'up');
    expectEffect(c, 'satisfactionRate', 'up');
    // Response is the units' time to contact the citizen: topics do not touch it.
    expect(row(c, 'responseRate').difference).toBe(0);
  });

  it('saturates at 60 topics: 100 in force give exactly what 60 do', () => {
    const at = (topicsInForce: number) =>
      transitions({ lifecycle: { proactive: { monthlyTopic: { topicsInForce } } } });
    const sixty = at(60);
    expect(at(100)).toEqual(sixty);
    expect(at(30)).not.toEqual(sixty);
  });
});
