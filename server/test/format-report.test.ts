import { runScenario, validateScenario } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../src/cli/format-report';

describe('the text report', () => {
  it('names KPIs nothing was counted for once, below the table, instead of rows of n/a', () => {
    // Three hours of a 2025 lifecycle: no epidemic appeals (2020-22 only), so those rates have no value.
    const scenario = validateScenario({
      name: 'tiny',
      seed: 7,
      start: '2025-03-12',
      hours: 3,
      warmupHours: 0,
      arrivals: { perHour: 150 },
      intake: { agents: 16, talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } } },
      lifecycle: {},
    });
    const report = runScenario(scenario, { replications: 2 });
    expect(report.kpis.epidemicResolutionRate?.mean).toBeNaN();
    const text = formatReport(report);
    expect(text).not.toMatch(/n\/a/);
    expect(text).toMatch(/no value \(nothing counted\): .*epidemicResolutionRate/);
    expect(text).toMatch(/│ contacts /);
  });
});
