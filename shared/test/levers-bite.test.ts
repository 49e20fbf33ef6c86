import { describe, expect, it } from 'vitest';
import { LEVERS, compareScenarios, leverSwings, type KpiName } from '../src';
import {
  makeLifecycleScenario,
  POLICY_REPLICATIONS,
  POLICY_SEED,
  type LifecycleOverrides,
} from './hotline-scenario';

/**
 * Acceptance (issue 14): every lever in the catalogue, swung over its range in a scenario where it
 * applies, changes at least one OUTCOME KPI significantly (95 % CI of the paired difference, common
 * random numbers, 5 replications). A lever that cannot pass leaves the catalogue.
 *
 * Outcomes are what citizens and units live with: the 三率, time to respond and close, the wait and
 * abandonment at intake, how many contacts and orders there are, how many are answered on the spot,
 * how many are returned. Counters a lever merely drives (whistles, supervision, proactive tasks,
 * appeals avoided, self-service, the 三率 score, report punctuality) never count, and a lever's own
 * mechanism (OWN below) does not count for it.
 */
const OUTCOMES: readonly KpiName[] = [
  'resolutionRate',
  'satisfactionRate',
  'fullySatisfiedRate',
  'responseRate',
  'meanHoursToResponse',
  'p90HoursToClose',
  'meanMinutesToDispatch',
  'meanWaitSeconds',
  'abandonRate',
  'contacts',
  'workOrders',
  'returnRate',
  'directAnswerRate',
];

/** The small test scenario (400 contacts an hour for 48 h) and where a lever needs more to apply. */
const SCENARIOS = {
  march: {},
  /** Smart accuracy only acts under smart dispatch. */
  smart: { lifecycle: { dispatch: { mode: 'smart' } } },
  /** The start of the heating season: seasonal pre-emption and the capacity of units bind. */
  november: { start: '2025-11-16' },
  /**
   * Across a month boundary (as in hotline-assessment.test.ts, smaller): the January league decides
   * February's pressure and governance list; only the first week of February is observed.
   */
  february: {
    start: '2025-01-18',
    hours: 21 * 24,
    warmupHours: 14 * 24,
    arrivals: { perHour: 100 },
    intake: { agents: 14 },
    lifecycle: { streets: { minRatedToRank: 5 } },
  },
} as const satisfies Record<string, LifecycleOverrides>;

/** Lever → the scenario it is swung in (default: march) and the KPIs that are its own mechanism. */
const WHERE: Record<string, { scenario?: keyof typeof SCENARIOS; own?: readonly KpiName[] }> = {
  'lifecycle.dispatch.mode': { own: ['meanMinutesToDispatch'] },
  'lifecycle.dispatch.leadUnit': { own: ['returnRate'] },
  'lifecycle.dispatch.smartAccuracy': { scenario: 'smart', own: ['returnRate'] },
  'lifecycle.returns.review': { own: ['returnRate'] },
  'lifecycle.grid.enabled': { own: ['workOrders'] },
  'lifecycle.units.targetUtilisation': { scenario: 'november' },
  'lifecycle.proactive.seasonal.enabled': { scenario: 'november' },
  'lifecycle.supervision.enabled': { scenario: 'february' },
  'lifecycle.assessment.governanceList': { scenario: 'february' },
};

describe('every lever in the catalogue bites', () => {
  it('names only catalogue levers in its table', () => {
    for (const path of Object.keys(WHERE)) expect(LEVERS.map((l) => l.path)).toContain(path);
  });
  for (const lever of LEVERS) {
    const where = WHERE[lever.path] ?? {};
    const scenario = makeLifecycleScenario(SCENARIOS[where.scenario ?? 'march']);
    const counted = OUTCOMES.filter((k) => !(where.own ?? []).includes(k));
    const swings = leverSwings(scenario, [lever.path]);
    it(`${lever.path} has a swing in its scenario`, () => {
      expect(swings.length).toBeGreaterThan(0);
    });
    for (const swing of swings) {
      it(`${lever.path} ${String(swing.from)} → ${String(swing.to)} moves an outcome`, () => {
        const c = compareScenarios(swing.a, swing.b, {
          replications: POLICY_REPLICATIONS,
          seed: POLICY_SEED,
        });
        const moved = c.rows.filter((r) => counted.includes(r.kpi) && r.significant && r.difference !== 0);
        const seen = c.rows.map(
          (r) =>
            `${r.kpi} ${r.difference.toPrecision(3)} [${r.ci95.map((x) => x.toPrecision(3)).join(', ')}]`,
        );
        expect(moved.length, seen.join('\n')).toBeGreaterThan(0);
        for (const r of moved) expect(r.ci95[0] > 0 || r.ci95[1] < 0).toBe(true);
      }, 60_000);
    }
  }
});
