import { beforeAll, describe, expect, it } from 'vitest';
import {
  BATCHES,
  CITY_UNITS,
  HOTLINE_COUNTERS,
  HotlineModel,
  QuantileSketch,
  buildReport,
  builtInScenario,
  defaultCity,
  departmentLeague,
  emptyRecord,
  hotlineBatchKpis,
  hotlineKpis,
  runReplication,
  streetLeague,
  type HotlineCounter,
  type HotlineObservation,
  type Replication,
  type Report,
  type Scenario,
  type StreetRecord,
} from '../src';

function beijingWeekday(): Scenario {
  const s = builtInScenario('beijing-weekday');
  if (!s) throw new Error('built-in scenario beijing-weekday is missing');
  return s;
}

/** The hand-made records' ranking minimum: 5 rated orders per replication. */
const MIN_RATED_TO_RANK = 5;

describe('KPI sanity on beijing-weekday (one replication, seed 2025)', () => {
  const scenario = beijingWeekday();
  const seed = 2025;
  let rep: Replication;
  let report: Report;
  // One replication takes under a second on a quiet machine; a loaded one (2 cores, load 20+) takes
  // longer than the default 10 s hook limit.
  beforeAll(() => {
    rep = runReplication(scenario, seed);
    report = buildReport(scenario, seed, [rep]);
  }, 120_000);
  const mean = (name: keyof Report['kpis']): number => {
    const v = report.kpis[name]?.mean;
    if (v === undefined) throw new Error(`the report has no ${name}`);
    return v;
  };

  it('has ~70,000 contacts a day reaching the hotline (DOMAIN.md §4) and drains every appeal', () => {
    expect(mean('contacts')).toBeGreaterThanOrEqual(60_000);
    expect(mean('contacts')).toBeLessThanOrEqual(80_000);
    expect(rep.hotline?.open).toBe(0);
    expect(report.ciMethod).toBe('none');
  });

  it('keeps the 三率 in [0, 1] and the score between the smallest and largest of them', () => {
    const rates = [mean('responseRate'), mean('resolutionRate'), mean('satisfactionRate')];
    for (const r of rates) {
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    }
    expect(mean('score')).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-12);
    expect(mean('score')).toBeLessThanOrEqual(Math.max(...rates) + 1e-12);
    for (const name of ['directAnswerRate', 'returnRate', 'supervisedRate', 'proactiveShare'] as const) {
      expect(mean(name)).toBeGreaterThanOrEqual(0);
      expect(mean(name)).toBeLessThanOrEqual(1);
    }
  });

  it('ranks the street league by score with ranks 1..n and flags exactly governanceListSize streets', () => {
    const streets = report.streets ?? [];
    const size = scenario.lifecycle?.assessment.governanceListSize ?? NaN;
    expect(streets.length).toBeGreaterThan(size);
    expect(streets.map((s) => s.rank)).toEqual(streets.map((_, i) => i + 1));
    streets.forEach((s, i) => {
      const next = streets[i + 1];
      if (next) expect(s.score).toBeGreaterThanOrEqual(next.score);
      expect(s.evaluated).toBeGreaterThanOrEqual(scenario.lifecycle?.streets.minRatedToRank ?? NaN);
      for (const r of [s.responseRate, s.resolutionRate, s.satisfactionRate, s.score]) {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
      }
    });
    const flagged = streets.filter((s) => s.underSupervision);
    expect(flagged).toHaveLength(size);
    // The flagged streets are the bottom of the league.
    expect(flagged.map((s) => s.rank)).toEqual(streets.slice(-size).map((s) => s.rank));
    expect(new Set(streets.map((s) => s.id)).size).toBe(streets.length);
  });

  it('ranks the departments and utilities by the orders each handled, counting exactly those', () => {
    // The same run again, watching every evaluation: which city unit held the order when it was rated.
    const evaluatedBy = new Map<number, number>();
    const model = new HotlineModel(scenario, seed, {
      onTransition: ({ to, unit }) => {
        if (to === 'evaluated') evaluatedBy.set(unit, (evaluatedBy.get(unit) ?? 0) + 1);
      },
    });
    const obs = model.run();
    const first = model.city.firstCityUnit;
    CITY_UNITS.forEach((_, i) => {
      expect(obs.cityUnits[i]?.evaluated, CITY_UNITS[i]?.id).toBe(evaluatedBy.get(first + i) ?? 0);
    });
    const rows = report.departments ?? [];
    const min = scenario.lifecycle?.streets.minRatedToRank ?? NaN;
    const rankable = obs.cityUnits.filter((r) => r.evaluated >= min).length;
    expect(rows).toHaveLength(rankable);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    rows.forEach((r, i) => {
      expect(r.score).toBeGreaterThanOrEqual(rows[i + 1]?.score ?? -Infinity);
      expect(CITY_UNITS.find((u) => u.id === r.id)?.kind).toBe(r.kind);
      expect(r.evaluated).toBe(obs.cityUnits[CITY_UNITS.findIndex((u) => u.id === r.id)]?.evaluated);
    });
  });
});

/**
 * An observation built by hand: counters in two batches (the rest empty), weights 0.2 / 0.4 / 0.4,
 * so every figure below is worked out on paper from the counts.
 */
function handObservation(): HotlineObservation {
  const counts: Partial<Record<HotlineCounter, [number, number]>> = {
    responded: [6, 4],
    respondedInTime: [5, 4],
    evaluated: [5, 3],
    resolved: [4, 2],
    positive: [4, 3],
    satisfied: [2, 1],
    answered: [20, 10],
    redirected: [3, 2],
    repeats: [4, 1],
    workOrders: [6, 4],
    gridOrders: [2, 0],
    returnedOrders: [2, 1],
    whistles: [3, 1],
    reports: [3, 2],
    reportsOnTime: [3, 1],
    supervised: [1, 0],
    proactiveTasks: [2, 1],
    hotSpotTasks: [1, 1],
    gridDiscoveries: [2, 0],
    avoided: [4, 3],
    gridAvoided: [2, 0],
    selfService: [6, 5],
    dispatchMinutes: [30, 20],
    dispatches: [6, 4],
    responseHours: [15, 10],
  };
  const counters = new Float64Array(HOTLINE_COUNTERS.length * BATCHES);
  HOTLINE_COUNTERS.forEach((name, c) => {
    const [b0, b1] = counts[name] ?? [0, 0];
    counters[c * BATCHES] = b0;
    counters[c * BATCHES + 1] = b1;
  });
  const closeHours = Array.from({ length: BATCHES }, () => new QuantileSketch());
  for (let h = 1; h <= 100; h++) closeHours[h % 2]?.add(h);
  const street = (r: Partial<StreetRecord>): StreetRecord => ({ ...emptyRecord(), ...r });
  const streets = Array.from({ length: 3 }, emptyRecord);
  // Street 0: 20 rated, 18 of 20 responded in time, 15 resolved, 16 positive: 0.2 × 0.9 + 0.4 × 0.75 + 0.4 × 0.8 = 0.8.
  streets[0] = street({
    orders: 25,
    responded: 20,
    respondedInTime: 18,
    evaluated: 20,
    resolved: 15,
    positive: 16,
  });
  // Street 1: 0.2 × 1 + 0.4 × 0.5 + 0.4 × 0.5 = 0.6. Street 2: too few rated to rank.
  streets[1] = street({
    orders: 30,
    responded: 10,
    respondedInTime: 10,
    evaluated: 30,
    resolved: 15,
    positive: 15,
  });
  streets[2] = street({ orders: 3, responded: 3, respondedInTime: 3, evaluated: MIN_RATED_TO_RANK - 1 });
  const cityUnits = CITY_UNITS.map(() => emptyRecord());
  cityUnits[0] = street({
    orders: 40,
    responded: 40,
    respondedInTime: 30,
    evaluated: 40,
    resolved: 30,
    positive: 20,
  });
  return {
    intake: undefined as unknown as HotlineObservation['intake'],
    counters,
    closeHours,
    streets,
    cityUnits,
    open: 0,
    weights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 },
  };
}

describe('KPIs of a hand-computed observation', () => {
  it('computes every figure from the counts of the whole run', () => {
    const k = hotlineKpis(handObservation());
    expect(k.responseRate).toBeCloseTo(9 / 10, 12);
    expect(k.resolutionRate).toBeCloseTo(6 / 8, 12);
    expect(k.satisfactionRate).toBeCloseTo(7 / 8, 12);
    // 0.2 × 0.9 + 0.4 × 0.75 + 0.4 × 0.875
    expect(k.score).toBeCloseTo(0.83, 12);
    expect(k.fullySatisfiedRate).toBeCloseTo(3 / 8, 12);
    // 30 answered of 30 + 5 redirected + 5 repeats + 10 orders
    expect(k.directAnswerRate).toBeCloseTo(30 / 50, 12);
    expect(k.workOrders).toBe(12);
    expect(k.returnRate).toBeCloseTo(3 / 12, 12);
    expect(k.whistles).toBe(4);
    expect(k.whistleOnTimeRate).toBeCloseTo(4 / 5, 12);
    expect(k.supervisedRate).toBeCloseTo(1 / 10, 12);
    // 2 grid orders + 2 hot-spot tasks of those and 10 citizen orders
    expect(k.proactiveShare).toBeCloseTo(4 / 14, 12);
    expect(k.appealsAvoided).toBe(7);
    expect(k.gridAppealsAvoided).toBe(2);
    expect(k.selfServed).toBe(11);
    expect(k.meanMinutesToDispatch).toBeCloseTo(5, 12);
    expect(k.meanHoursToResponse).toBeCloseTo(2.5, 12);
    // Close times 1 … 100 h: the P90 is 90 h within the sketch's relative accuracy.
    expect(k.p90HoursToClose).toBeGreaterThan(90 * 0.98);
    expect(k.p90HoursToClose).toBeLessThan(90 * 1.02);
  });

  it('computes each batch from its own counts, counts scaled to the whole run, rates of empty batches undefined', () => {
    const [b0, b1, b2] = hotlineBatchKpis(handObservation());
    expect(b0?.responseRate).toBeCloseTo(5 / 6, 12);
    expect(b1?.responseRate).toBeCloseTo(1, 12);
    expect(b0?.score).toBeCloseTo(0.2 * (5 / 6) + 0.4 * (4 / 5) + 0.4 * (4 / 5), 12);
    expect(b1?.score).toBeCloseTo(0.2 * 1 + 0.4 * (2 / 3) + 0.4 * 1, 12);
    expect(b0?.workOrders).toBe(8 * BATCHES);
    expect(b1?.appealsAvoided).toBe(3 * BATCHES);
    expect(b2?.workOrders).toBe(0);
    expect(b2?.responseRate).toBeNaN();
    expect(b2?.p90HoursToClose).toBeNaN();
  });

  it('ranks hand-made street and department records by their weighted 三率', () => {
    const obs = handObservation();
    const weekday = beijingWeekday().lifecycle as NonNullable<Scenario['lifecycle']>;
    const lifecycle = { ...weekday, streets: { ...weekday.streets, minRatedToRank: MIN_RATED_TO_RANK } };
    const rows = streetLeague(
      [obs],
      {
        ...lifecycle,
        assessment: { ...lifecycle.assessment, governanceListSize: 1 },
      },
      defaultCity(),
    );
    expect(rows.map((r) => [r.rank, r.orders, r.evaluated])).toEqual([
      [1, 25, 20],
      [2, 30, 30],
    ]);
    expect(rows[0]?.score).toBeCloseTo(0.8, 12);
    expect(rows[0]?.responseRate).toBeCloseTo(0.9, 12);
    expect(rows[1]?.score).toBeCloseTo(0.6, 12);
    // Pooled over two replications the rates stay the same and the counts double; street 2 still has
    // too few rated orders: the minimum holds per replication, so pooling runs does not rank small units.
    const pooled = streetLeague([obs, handObservation()], lifecycle, defaultCity());
    expect(2 * (MIN_RATED_TO_RANK - 1)).toBeGreaterThanOrEqual(MIN_RATED_TO_RANK);
    expect(pooled.map((r) => r.evaluated)).toEqual([40, 60]);
    expect(pooled[1]?.score).toBeCloseTo(0.6, 12);
    const departments = departmentLeague([obs], lifecycle);
    expect(departments.map((d) => d.id)).toEqual([CITY_UNITS[0]?.id]);
    // 0.2 × 0.75 + 0.4 × 0.75 + 0.4 × 0.5
    expect(departments[0]?.score).toBeCloseTo(0.65, 12);
  });
});
