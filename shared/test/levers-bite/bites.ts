import { describe, expect, it } from 'vitest';
import {
  LEVERS,
  compareKpiSamples,
  leverSwings,
  replicationKpis,
  replicationSeed,
  runReplication,
  type KpiName,
  type KpiValues,
  type Scenario,
} from '../../src';
import {
  makeLifecycleScenario,
  POLICY_REPLICATIONS,
  POLICY_SEED,
  type LifecycleOverrides,
} from '../hotline-scenario';

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
  // Added with issue 14's mechanisms: the units' burden (基层负担: staff-hours and repeat site visits
  // per order), orders handled late and promises kept, and how long a summoned office takes to arrive
  // (what the street and citizen wait).
  'staffHoursPerOrder',
  'repeatVisitsPerOrder',
  'overdueRate',
  'promiseKeptRate',
  'meanReportMinutes',
];

/** The small test scenario (400 contacts an hour for 48 h) and where a lever needs more to apply. */
const SCENARIOS = {
  march: {},
  /** Smart accuracy only acts under smart dispatch. */
  smart: { lifecycle: { dispatch: { mode: 'smart' } } },
  /** The start of the heating season: seasonal pre-emption and the capacity of units bind. */
  november: { start: '2025-11-16' },
  /** Satisfaction weighs 0.9 at low integrity: units game the rates (pressing, exclusions, closing early). */
  gaming: { lifecycle: { assessment: { integrity: 0.2, weights: { satisfaction: 0.9 } } } },
  /** Grid patrols on, so the share of streets that run them matters. */
  grid: { lifecycle: { grid: { enabled: true } } },
  /** Half the data sharing, so the share of streets that have it matters. */
  dataSharing: { lifecycle: { reforms: { dataSharing: 0.5 } } },
  /** 每月一题 on: January to March topics are in force in March (the campaign of March costs its lead). */
  topic: { lifecycle: { proactive: { monthlyTopic: { enabled: true } } } },
  /** A loose report limit (120 min): how strongly it binds decides how late the offices come. */
  looseLimit: { lifecycle: { whistle: { reportLimitMinutes: 120 } } },
  /** The demand mix of a named year (the lever exists only where the scenario names one). */
  year: { lifecycle: { demandYear: 2022 } },
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
  /** February with 60 streets on the governance list and busy units: the district's help shows. */
  februaryList: {
    start: '2025-01-18',
    hours: 21 * 24,
    warmupHours: 14 * 24,
    arrivals: { perHour: 100 },
    intake: { agents: 14 },
    lifecycle: {
      streets: { minRatedToRank: 5 },
      assessment: { governanceListSize: 60 },
      units: { targetUtilisation: 0.9 },
    },
  },
  /** Two boundaries: who leaves the governance list at the end of February shows in March. */
  march2: {
    start: '2025-01-18',
    hours: 49 * 24,
    warmupHours: 42 * 24,
    arrivals: { perHour: 100 },
    intake: { agents: 14 },
    lifecycle: { streets: { minRatedToRank: 5 } },
  },
} as const satisfies Record<string, LifecycleOverrides>;

/**
 * A time limit decides when an order is late and when its callback comes (the tail of the close time
 * is the 15-day limit itself): lateness and the close time are its own mechanism.
 */
const LIMIT: readonly KpiName[] = ['overdueRate', 'p90HoursToClose'];
/**
 * A listed street's work goes 1 + governanceListHelp times as fast, and the staff-hours counted per
 * order shrink by that factor: the burden measure is the governance list's own mechanism.
 */
const LISTED: readonly KpiName[] = ['staffHoursPerOrder'];

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
  'lifecycle.supervision.scorePenalty': { scenario: 'february' },
  'lifecycle.assessment.governanceList': { scenario: 'februaryList', own: LISTED },
  'lifecycle.assessment.governanceListSize': { scenario: 'february', own: LISTED },
  'lifecycle.assessment.governanceListHelp': { scenario: 'februaryList', own: LISTED },
  'lifecycle.assessment.governanceListExitMonths': { scenario: 'march2', own: LISTED },
  'lifecycle.assessment.rankingPressure': { scenario: 'february' },
  'lifecycle.streets.minRatedToRank': { scenario: 'february' },
  'lifecycle.assessment.integrity': { scenario: 'gaming' },
  'lifecycle.assessment.gaming.excludeShare': { scenario: 'gaming' },
  'lifecycle.assessment.effortHours.paperwork': { own: ['staffHoursPerOrder'] },
  'lifecycle.timeLimits.2h': { own: LIMIT },
  'lifecycle.timeLimits.24h': { own: LIMIT },
  'lifecycle.timeLimits.7d': { own: LIMIT },
  'lifecycle.timeLimits.15d': { own: LIMIT },
  'lifecycle.response.limitHours': { own: ['responseRate'] },
  'lifecycle.whistle.reportLimitMinutes': { own: ['meanReportMinutes'] },
  'lifecycle.whistle.limitPull': { scenario: 'looseLimit', own: ['meanReportMinutes'] },
  'lifecycle.whistle.loadPerReport': { own: ['meanReportMinutes'] },
  'lifecycle.whistle.travelKmh': { own: ['meanReportMinutes'] },
  'lifecycle.adoption.grid.share': { scenario: 'grid', own: ['workOrders'] },
  'lifecycle.adoption.dataSharing.share': { scenario: 'dataSharing' },
  'lifecycle.proactive.monthlyTopic.effect': { scenario: 'topic' },
  'lifecycle.proactive.monthlyTopic.rampMonths': { scenario: 'topic' },
  'lifecycle.demandYear': { scenario: 'year' },
};

/** How many files the swings are dealt over (part-1.test.ts … part-4.test.ts), so workers share them. */
export const PARTS = 4;

/** Every swing of every lever, in catalogue order, with its scenario's name and the KPIs it counts. */
function allSwings() {
  return LEVERS.flatMap((lever) => {
    const where = WHERE[lever.path] ?? {};
    const scenario = makeLifecycleScenario(SCENARIOS[where.scenario ?? 'march']);
    const counted = OUTCOMES.filter((k) => !(where.own ?? []).includes(k));
    const swings = leverSwings(scenario, [lever.path]);
    return [{ lever, where, counted, swings }];
  });
}

/**
 * The KPIs of each replication of a scenario, kept for the file's life: swings that share a side (a
 * lever swung from its default is the scenario itself; a choice lever's swings all start from its
 * default) run it once. The same replications, seeds and KPIs as compareScenarios gathers.
 */
const samples = new Map<string, KpiValues[]>();
function samplesOf(scenario: Scenario): KpiValues[] {
  const key = JSON.stringify(scenario);
  let kept = samples.get(key);
  if (!kept) {
    kept = Array.from({ length: POLICY_REPLICATIONS }, (_, r) =>
      replicationKpis(runReplication(scenario, replicationSeed(POLICY_SEED, r))),
    );
    samples.set(key, kept);
  }
  return kept;
}

/**
 * Which part each swing runs in (by its index in catalogue order). Swings that share a scenario go
 * to the same part (so it runs once); the groups are dealt heaviest first to the lightest part, a
 * scenario weighing its arrivals (hours × contacts an hour), so the four files take about as long.
 */
function partOfSwing(): number[] {
  const keys = allSwings().flatMap(({ swings }) =>
    swings.map((w) => [JSON.stringify(w.a), JSON.stringify(w.b)]),
  );
  const weight = new Map<string, number>();
  for (const { swings } of allSwings())
    for (const w of swings)
      for (const sc of [w.a, w.b]) weight.set(JSON.stringify(sc), sc.hours * (sc.arrivals.perHour ?? 1));
  // Groups: swings linked by a shared scenario (union-find over swing indices).
  const parent = keys.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i] ?? i)));
  const firstWith = new Map<string, number>();
  keys.forEach((pair, i) => {
    for (const k of pair) {
      const j = firstWith.get(k);
      if (j === undefined) firstWith.set(k, i);
      else parent[root(i)] = root(j);
    }
  });
  const groups = new Map<number, number[]>();
  keys.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  const cost = (members: number[]) =>
    [...new Set(members.flatMap((i) => keys[i] ?? []))].reduce((t, k) => t + (weight.get(k) ?? 0), 0);
  const load = Array.from({ length: PARTS }, () => 0);
  const part: number[] = [];
  for (const members of [...groups.values()].sort((x, y) => cost(y) - cost(x) || (x[0] ?? 0) - (y[0] ?? 0))) {
    const lightest = load.indexOf(Math.min(...load));
    load[lightest] = (load[lightest] ?? 0) + cost(members);
    for (const i of members) part[i] = lightest + 1;
  }
  return part;
}

/**
 * The tests of part `part` (1…PARTS): the table checks in part 1; each swing in exactly one part
 * (partOfSwing).
 */
export function describeBites(part: number): void {
  if (!Number.isInteger(part) || part < 1 || part > PARTS)
    throw new Error(`part must be 1..${PARTS}, got ${part}`);
  describe(`every lever in the catalogue bites (part ${part} of ${PARTS})`, () => {
    const levers = allSwings();
    const parts = partOfSwing();
    if (part === 1) {
      it('names only catalogue levers in its table', () => {
        for (const path of Object.keys(WHERE)) expect(LEVERS.map((l) => l.path)).toContain(path);
      });
      it('deals every swing to exactly one part', () => {
        const count = levers.reduce((n, l) => n + l.swings.length, 0);
        expect(parts).toHaveLength(count);
        for (const p of parts) expect(p >= 1 && p <= PARTS).toBe(true);
      });
      for (const { lever, swings } of levers) {
        it(`${lever.path} has a swing in its scenario`, () => {
          expect(swings.length).toBeGreaterThan(0);
        });
      }
    }
    let index = 0;
    for (const { lever, where, counted, swings } of levers) {
      for (const swing of swings) {
        if (parts[index++] !== part) continue;
        // A month-boundary swing takes ~10 s of CPU: at load 25 on two cores one took over 120 s.
        it(`${lever.path} ${String(swing.from)} → ${String(swing.to)} moves an outcome`, () => {
          const c = compareKpiSamples(
            swing.a.name,
            swing.b.name,
            POLICY_SEED,
            samplesOf(swing.a),
            samplesOf(swing.b),
          );
          const moved = c.rows.filter((r) => counted.includes(r.kpi) && r.significant && r.difference !== 0);
          const seen = c.rows.map(
            (r) =>
              `${r.kpi} ${r.difference.toPrecision(3)} [${r.ci95.map((x) => x.toPrecision(3)).join(', ')}]`,
          );
          if (process.env.BITE_LOG)
            console.log(
              `BITE ${lever.path} ${String(swing.from)} → ${String(swing.to)} [${where.scenario ?? 'march'}]\n  ${moved.map((r) => `${r.kpi} ${r.a.toPrecision(4)} → ${r.b.toPrecision(4)}: ${r.difference.toPrecision(3)} [${r.ci95.map((x) => x.toPrecision(3)).join(', ')}]`).join('\n  ')}`,
            );
          expect(moved.length, seen.join('\n')).toBeGreaterThan(0);
          for (const r of moved) expect(r.ci95[0] > 0 || r.ci95[1] < 0).toBe(true);
        }, 300_000);
      }
    }
  });
}
