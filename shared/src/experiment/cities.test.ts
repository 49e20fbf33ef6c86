import { describe, expect, it } from 'vitest';
import type { KpiValues } from '../report/kpis';
import { validateScenario } from '../scenario/load';
import { builtInScenario } from '../scenarios';
import { cityEntries, cityPlan, citiesFromSamples, compareCities, leversInUse } from './cities';

/** A tiny lifecycle scenario: 150 contacts an hour for 2 hours; data sharing and the grid on. */
const tiny = validateScenario({
  name: 'tiny',
  seed: 7,
  hours: 2,
  arrivals: { perHour: 150 },
  intake: { agents: 16, talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } } },
  lifecycle: { reforms: { dataSharing: 0.8 }, grid: { enabled: true }, dispatch: { mode: 'tiered' } },
});

describe('levers in use', () => {
  it('are switches on, choices past the first and numbers away from their default', () => {
    const levers = leversInUse(tiny);
    const byPath = Object.fromEntries(levers.map((l) => [l.path, l]));
    expect(byPath['lifecycle.grid.enabled']).toMatchObject({
      value: true,
      off: false,
      driver: 'organization',
    });
    expect(byPath['lifecycle.reforms.dataSharing']).toMatchObject({
      value: 0.8,
      off: 0,
      driver: 'technology',
    });
    // Tiered dispatch is the first choice (the traditional way): not in use. Agents have no default.
    expect(byPath['lifecycle.dispatch.mode']).toBeUndefined();
    expect(byPath['intake.agents']).toBeUndefined();
    // A number at its default (one network 0) is off; a switch off is not listed.
    expect(byPath['lifecycle.reforms.oneNetwork']).toBeUndefined();
    expect(levers.every((l) => l.value !== l.off)).toBe(true);
  });

  it('in stage-2024: smart dispatch, the grid, 未诉先办, data sharing and one network', () => {
    const paths = leversInUse(builtInScenario('stage-2024') ?? tiny).map((l) => l.path);
    for (const p of ['dispatch.mode', 'grid.enabled', 'proactive.hotSpots.enabled', 'reforms.dataSharing'])
      expect(paths).toContain(`lifecycle.${p}`);
    expect(paths).not.toContain('lifecycle.assessment.weights.satisfaction');
  });
});

describe('the comparison, from samples', () => {
  const entries = [...cityEntries((n) => (n === 'tiny' ? tiny : undefined), ['tiny', 'shanghai-2024'])];
  const plan = cityPlan(entries, { replications: 2, paths: ['lifecycle.grid.enabled'] });
  // Synthetic samples: a service-matter report (days per matter) beside the hotline's KPIs.
  const kpis = (days: number, sat: number): KpiValues =>
    ({
      p90HoursToClose: 48,
      daysPerMatter: days,
      satisfactionRate: sat,
      repeatVisitsPerOrder: 0.1,
    }) as unknown as KpiValues;
  const result = citiesFromSamples(plan, [
    [kpis(2, 0.9), kpis(3, 0.92)],
    [kpis(4, 0.8), kpis(5, 0.81)],
  ]);

  it('lists a city whose scenario is not built in as missing, under its city', () => {
    expect(result.cities[1]).toMatchObject({ city: 'shanghai', scenario: 'shanghai-2024' });
    expect(result.cities[1]?.missing).toMatch(/not a built-in scenario/);
    expect(plan.runs).toHaveLength(2);
  });

  it('maps each citizen KPI to the first report KPI present: a service matter before the hotline', () => {
    expect(result.cities[0]?.measures).toEqual({
      timeToResult: 'daysPerMatter',
      visitsPerMatter: 'repeatVisitsPerOrder',
      satisfaction: 'satisfactionRate',
    });
    const hotlineOnly = citiesFromSamples(plan, [
      [{ p90HoursToClose: 48 }, { p90HoursToClose: 72 }] as unknown as KpiValues[],
      [{ p90HoursToClose: 96 }, { p90HoursToClose: 96 }] as unknown as KpiValues[],
    ]);
    expect(hotlineOnly.cities[0]?.measures?.timeToResult).toBe('p90HoursToClose');
    expect(hotlineOnly.cities[0]?.baseline?.timeToResult).toBeCloseTo(2.5, 9); // (48 + 72) / 2 / 24
    expect(hotlineOnly.drivers[2]?.cities[0]?.levers[0]?.effects.timeToResult?.difference).toBeCloseTo(
      -1.5,
      9,
    );
  });

  it('groups levers by driver in VIOTE order, every city in every driver, effect = on − off', () => {
    expect(result.drivers.map((d) => d.driver)).toEqual([
      'value',
      'institution',
      'organization',
      'technology',
      'environment',
    ]);
    const org = result.drivers[2];
    expect(org?.cities.map((c) => c.city)).toEqual(['beijing', 'shanghai']);
    const grid = org?.cities[0]?.levers[0];
    expect(grid?.path).toBe('lifecycle.grid.enabled');
    expect(grid?.effects.timeToResult).toMatchObject({
      kpi: 'daysPerMatter',
      on: 2.5,
      off: 4.5,
      difference: -2,
    });
    expect(grid?.effects.satisfaction?.difference).toBeCloseTo(0.105, 9);
    expect(result.drivers[3]?.cities[0]?.levers).toEqual([]);
  });
});

describe('the comparison, run on common random numbers', () => {
  it("stage-2024's 每月一题 policies raise satisfaction and cut repeat visits, 95 % intervals clear of 0", () => {
    const stage = builtInScenario('stage-2024');
    if (!stage) throw new Error('stage-2024 is built in');
    const result = compareCities([{ city: 'beijing', scenario: stage }], {
      replications: 5,
      hours: 12,
      paths: ['lifecycle.proactive.monthlyTopic.topicsInForce'],
    });
    expect(result.hours).toBe(12);
    const lever = result.drivers.find((d) => d.driver === 'institution')?.cities[0]?.levers[0];
    expect(lever).toMatchObject({
      path: 'lifecycle.proactive.monthlyTopic.topicsInForce',
      off: 0,
      value: 62,
    });
    const sat = lever?.effects.satisfaction;
    expect(sat?.kpi).toBe('satisfactionRate');
    expect(sat?.ci95[0]).toBeGreaterThan(0);
    expect(sat?.significant).toBe(true);
    expect(lever?.effects.visitsPerMatter?.kpi).toBe('repeatVisitsPerOrder');
    expect(lever?.effects.visitsPerMatter?.ci95[1]).toBeLessThan(0);
  });
});
