import type { Comparison } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { comparisonCsv } from './compare-export';

describe('comparison CSV', () => {
  it('writes one row per KPI with raw numbers, and the run facts first', () => {
    const c: Comparison = {
      a: 'mmc',
      b: 'beijing-weekday-intake',
      seed: 7,
      replications: 3,
      rows: [
        {
          kpi: 'agentUtilisation',
          a: 0.8869,
          b: 0.5299,
          difference: -0.357,
          ci95: [-0.3624, -0.3515],
          relativeDifference: -0.402,
          significant: true,
        },
        {
          kpi: 'littleLawError',
          a: 0,
          b: 0,
          difference: 0,
          ci95: [0, 0],
          relativeDifference: null,
          significant: false,
        },
      ],
    };
    expect(comparisonCsv(c).split('\n')).toEqual([
      '# a=mmc b=beijing-weekday-intake replications=3 seed=7',
      'kpi,a,b,difference,ci95_low,ci95_high,relative_difference,significant',
      'agentUtilisation,0.8869,0.5299,-0.357,-0.3624,-0.3515,-0.402,true',
      'littleLawError,0,0,0,0,0,,false',
      '',
    ]);
  });
});
