import type { CityComparison, CityLever } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { cityEffects } from './city-effects';

const effect = (difference: number, lo: number, hi: number) => ({
  kpi: 'satisfactionRate' as const,
  off: 0.8,
  on: 0.8 + difference,
  difference,
  ci95: [lo, hi] as [number, number],
  significant: lo > 0 || hi < 0,
});

const lever = (path: string, sat: ReturnType<typeof effect>): CityLever => ({
  path,
  driver: 'organization',
  value: true,
  off: false,
  zh: path,
  en: path,
  effects: { satisfaction: sat },
});

const comparison: CityComparison = {
  replications: 2,
  hours: 24,
  cities: [
    { city: 'beijing', scenario: 'stage-2024' },
    { city: 'shanghai', scenario: 'shanghai-2024', missing: 'not built in' },
    { city: 'hangzhou', scenario: 'hangzhou-2018' },
  ],
  drivers: [
    {
      driver: 'value',
      cities: [
        { city: 'beijing', levers: [] },
        { city: 'shanghai', levers: [] },
        { city: 'hangzhou', levers: [] },
      ],
    },
    {
      driver: 'organization',
      cities: [
        {
          city: 'beijing',
          levers: [lever('grid', effect(0.02, 0.01, 0.03)), lever('whistle', effect(-0.01, -0.04, 0.02))],
        },
        { city: 'shanghai', levers: [] },
        { city: 'hangzhou', levers: [lever('window', effect(0.01, 0, 0.02))] },
      ],
    },
  ],
};

describe('the three-city view’s data', () => {
  const v = cityEffects(comparison);

  it('puts every KPI on one axis: its half-width the largest |interval end| of any lever', () => {
    expect(v.scale.satisfaction).toBeCloseTo(0.04, 12);
    expect(v.scale.timeToResult).toBe(0);
    const whistle = v.drivers[1]?.rows[1]?.bars.satisfaction;
    // −0.01 on an axis of ±0.04: an eighth left of the middle; its interval reaches the left edge.
    expect(whistle?.mean).toBeCloseTo(0.375, 12);
    expect(whistle?.lo).toBeCloseTo(0, 12);
    expect(whistle?.hi).toBeCloseTo(0.75, 12);
    expect(v.drivers[1]?.rows[0]?.bars.satisfaction?.significant).toBe(true);
  });

  it('keeps each driver’s rows in city order, and says which present city uses nothing there', () => {
    expect(v.drivers[1]?.rows.map((r) => [r.city, r.path, r.off, r.on])).toEqual([
      ['beijing', 'grid', 'false', 'true'],
      ['beijing', 'whistle', 'false', 'true'],
      ['hangzhou', 'window', 'false', 'true'],
    ]);
    expect(v.drivers[0]?.idle).toEqual(['beijing', 'hangzhou']);
    expect(v.drivers[1]?.idle).toEqual([]);
    expect(v.present).toEqual(['beijing', 'hangzhou']);
    expect(v.missing).toEqual([{ city: 'shanghai', scenario: 'shanghai-2024', note: 'not built in' }]);
  });
});
