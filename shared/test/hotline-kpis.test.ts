import { beforeAll, describe, expect, it } from 'vitest';
import {
  CITY_UNITS,
  HotlineModel,
  MIN_RATED_TO_RANK,
  buildReport,
  builtInScenario,
  runReplication,
  type Replication,
  type Report,
  type Scenario,
} from '../src';

function beijingWeekday(): Scenario {
  const s = builtInScenario('beijing-weekday');
  if (!s) throw new Error('built-in scenario beijing-weekday is missing');
  return s;
}

describe('KPI sanity on beijing-weekday (one replication, seed 2025)', () => {
  const scenario = beijingWeekday();
  const seed = 2025;
  let rep: Replication;
  let report: Report;
  beforeAll(() => {
    rep = runReplication(scenario, seed);
    report = buildReport(scenario, seed, [rep]);
  });
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
      expect(s.evaluated).toBeGreaterThanOrEqual(MIN_RATED_TO_RANK);
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
    const rankable = obs.cityUnits.filter((r) => r.evaluated >= MIN_RATED_TO_RANK).length;
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
