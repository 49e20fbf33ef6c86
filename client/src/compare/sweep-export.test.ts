import type { Report, SweepResult } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { parseSweepValues, sweepCsv, sweepKpis, sweepSeries } from './sweep-export';

const report = (wait: number, util: number): Report =>
  ({
    scenario: 'mmc',
    seed: 7,
    replications: 3,
    kpis: {
      meanWaitSeconds: { mean: wait, ci95: [wait - 1, wait + 1] },
      agentUtilisation: { mean: util, ci95: [util - 0.01, util + 0.01] },
    },
  }) as unknown as Report;

const sweep: SweepResult = {
  scenario: 'mmc',
  path: 'intake.agents',
  replications: 3,
  rows: [
    { value: 45, report: report(30, 0.99) },
    { value: 50, report: report(12, 0.9) },
  ],
};

describe('sweep export', () => {
  it('gives a KPI’s mean and interval per value, in the sweep’s order', () => {
    expect(sweepKpis(sweep)).toEqual(['meanWaitSeconds', 'agentUtilisation']);
    expect(sweepSeries(sweep, 'meanWaitSeconds')).toEqual([
      { value: 45, mean: 30, low: 29, high: 31 },
      { value: 50, mean: 12, low: 11, high: 13 },
    ]);
  });

  it('writes one CSV row per value and KPI with raw numbers, the sweep facts first', () => {
    const lines = sweepCsv(sweep).trim().split('\n');
    expect(lines[0]).toBe('# scenario=mmc path=intake.agents replications=3 seed=7');
    expect(lines[1]).toBe('value,kpi,mean,ci95_low,ci95_high');
    expect(lines).toContain('45,meanWaitSeconds,30,29,31');
    expect(lines).toContain('50,agentUtilisation,0.9,0.89,0.91');
    expect(lines).toHaveLength(2 + 4);
  });

  it('reads 2-8 numbers typed with commas or spaces, and refuses anything else', () => {
    expect(parseSweepValues('8, 10，12')).toEqual([8, 10, 12]);
    expect(parseSweepValues('0.2 0.5')).toEqual([0.2, 0.5]);
    expect(parseSweepValues('8')).toBe('sweepValuesInvalid');
    expect(parseSweepValues('1,2,3,4,5,6,7,8,9')).toBe('sweepValuesInvalid');
    expect(parseSweepValues('8, ten')).toBe('sweepValuesInvalid');
  });
});
