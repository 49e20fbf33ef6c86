/**
 * The reform stages differ only by levers, and land within ±3 points of the published resolution
 * and satisfaction rates (DOMAIN.md §3) with the calibrated citizen model.
 */
import { describe, expect, it } from 'vitest';
import { REFORM_STAGES, STAGE_TARGETS, builtInScenario, runScenario, type StageName } from '../src';

describe('reform stages', () => {
  it('share everything but their levers', () => {
    const strip = (name: StageName) => {
      const { name: _n, description: _d, lifecycle: _l, ...rest } = REFORM_STAGES[name];
      return rest;
    };
    expect(strip('stage-2019-10')).toEqual(strip('stage-2019-01'));
    expect(strip('stage-2024')).toEqual(strip('stage-2019-01'));
    // The levers never set outcome rates: no stage touches the citizen model.
    for (const name of Object.keys(REFORM_STAGES) as StageName[]) {
      expect(REFORM_STAGES[name].lifecycle).not.toHaveProperty('citizens');
    }
  });

  for (const name of Object.keys(STAGE_TARGETS) as StageName[]) {
    it(`${name} lands within 3 points of its published 三率, with a 95 % interval inside that band`, () => {
      const scenario = builtInScenario(name);
      if (!scenario) throw new Error(`missing ${name}`);
      const report = runScenario(scenario, { replications: 3, seed: 77 });
      const target = STAGE_TARGETS[name];
      for (const kpi of ['resolutionRate', 'satisfactionRate'] as const) {
        const got = report.kpis[kpi];
        expect(got, kpi).toBeDefined();
        expect(
          Math.abs((got?.mean ?? 0) - target[kpi]),
          `${kpi} ${got?.mean} vs ${target[kpi]}`,
        ).toBeLessThan(0.03);
        expect(got?.ci95[0]).toBeGreaterThan(target[kpi] - 0.03);
        expect(got?.ci95[1]).toBeLessThan(target[kpi] + 0.03);
      }
    });
  }
});
