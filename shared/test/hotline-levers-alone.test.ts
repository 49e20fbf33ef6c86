/**
 * Levers measured one at a time (issue 19, point 3): the 治理类 governance list apart from the monthly
 * ranking, in a scenario that crosses a month boundary so the list is drawn up; `callbackReach`;
 * `topicsInForce`. Where a lever has no effect on a KPI in today's model, the test says so by name
 * (issue 14 asks for the effect).
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
 * The list alone: ranking and supervision off, so the streets' effort (0.25 + 0.15 for the list
 * lever) is below the cap and the listed streets' extra effort (+0.2) can show. Only the list's size
 * differs between the variants.
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
    // Score = March's resolution rate alone (weights 0 / 1 / 0), so it can be worked out from the
    // evaluations of the run without the list.
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
    const march = new Map<number, { n: number; resolved: number }>();
    for (const t of none)
      if (t.to === 'evaluated' && t.at < APRIL && t.source === 'citizen') {
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

  it('changes nothing under the default levers: ranking and supervision already cap the effort (issue 14)', () => {
    // WARNING: a missing effect, pinned so that it is seen: with ranking and supervision on, a
    // street's effort is already 1 and the listed streets' +0.2 is capped away.
    const c = compareScenarios(
      makeLifecycleScenario(acrossMonth({ assessment: { governanceListSize: 0 } })),
      makeLifecycleScenario(acrossMonth({ assessment: { governanceListSize: 10 } })),
      { replications: 2, seed: POLICY_SEED },
    );
    expect(c.rows.filter((r) => r.difference !== 0).map((r) => r.kpi)).toEqual([]);
  });
});

describe('callbackReach: the share of callbacks that reach the citizen', () => {
  it('rates a subset of the same orders when fewer are reached, in proportion to the reach', () => {
    const rated = (callbackReach: number) =>
      new Set(
        transitions({ lifecycle: { citizens: { callbackReach } } })
          .filter((t) => t.to === 'evaluated')
          .map((t) => t.id),
      );
    const most = rated(0.92);
    const half = rated(0.5);
    // Common random numbers: an order reached at 0.5 is reached at 0.92 too.
    expect([...half].filter((id) => !most.has(id))).toEqual([]);
    // Each order reached at 0.92 is reached at 0.5 with probability 0.5 / 0.92: within 4 sd of it.
    const p = 0.5 / 0.92;
    const sd = Math.sqrt(most.size * p * (1 - p));
    expect(Math.abs(half.size - most.size * p), `${half.size} of ${most.size}`).toBeLessThan(4 * sd);
  });

  it('leaves the 三率 where they were: the unreached are a random sample (no effect, issue 14)', () => {
    // WARNING: a missing effect, pinned so that it is seen: who is not reached does not depend on
    // what happened to them, so the rates measured on the reached do not move.
    const c = comparePolicies(
      { lifecycle: { citizens: { callbackReach: 0.92 } } },
      { lifecycle: { citizens: { callbackReach: 0.5 } } },
    );
    for (const kpi of ['resolutionRate', 'satisfactionRate', 'score'] as const)
      expect(row(c, kpi).significant, kpi).toBe(false);
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
