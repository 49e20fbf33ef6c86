/**
 * Adoption by street and district (issue 14 point 5): a share of streets, or the streets of listed
 * districts, adopt direct dispatch or shared data; partial adoption lands strictly between none and
 * all (paired 95 % CIs on common random numbers, 5 replications), and a sweep can set the share.
 */
import { describe, expect, it } from 'vitest';
import { HotlineModel, REFORM_STAGES, sweepVariants, validateScenario } from '../src';
import {
  comparePolicies,
  expectEffect,
  makeLifecycleScenario,
  type LifecycleOverrides,
} from './hotline-scenario';

type Lc = NonNullable<LifecycleOverrides['lifecycle']>;

/** Chaoyang and Haidian, the two busiest districts (DOMAIN.md §4: 320k and 220k appeals in 2019). */
const BUSY_DISTRICTS = ['110105', '110108'];

describe('direct dispatch (直派) adopted by a share of streets', () => {
  const at = (share: number): LifecycleOverrides => ({
    lifecycle: { dispatch: { mode: 'direct' }, adoption: { dispatch: { share } } } satisfies Lc,
  });

  it('30 % of streets: time to response lies strictly between none and all (paired 95 % CIs)', () => {
    // Streets without direct dispatch get their orders through the district (tiered), a day later.
    const some = comparePolicies(at(0), at(0.3));
    const rest = comparePolicies(at(0.3), at(1));
    // The response rate's clock runs from signing (issue 14), so the district's forwarding delay
    // shows in the hours from dispatch to response, not in the rate.
    for (const c of [some, rest]) expectEffect(c, 'meanHoursToResponse', 'down');
  });
});

describe('shared data (最多跑一次) adopted by district', () => {
  const with_ = (adoption: { share: number; districts?: string[] }): LifecycleOverrides => ({
    lifecycle: { reforms: { dataSharing: 0.8 }, adoption: { dataSharing: adoption } } satisfies Lc,
  });

  it('Chaoyang and Haidian alone: resolution lies strictly between no street and every street', () => {
    const none = with_({ share: 0 });
    const two = with_({ share: 0, districts: BUSY_DISTRICTS });
    const all = with_({ share: 1 });
    expectEffect(comparePolicies(none, two), 'resolutionRate', 'up');
    expectEffect(comparePolicies(two, all), 'resolutionRate', 'up');
  });
});

describe('grid patrols (热线+网格) adopted by district', () => {
  const with_ = (adoption: { share: number; districts?: string[] }): LifecycleOverrides => ({
    lifecycle: { grid: { enabled: true }, adoption: { grid: adoption } } satisfies Lc,
  });

  it('Chaoyang and Haidian alone: citizen contacts lie strictly between no street and every street', () => {
    // Problems the grid settles first do not become citizens' calls; streets without the grid find none.
    const none = with_({ share: 0 });
    const two = with_({ share: 0, districts: BUSY_DISTRICTS });
    const all = with_({ share: 1 });
    expectEffect(comparePolicies(none, two), 'contacts', 'down');
    expectEffect(comparePolicies(two, all), 'contacts', 'down');
  });
});

describe('sweep --set reaches the adoption shares', () => {
  it('sets lifecycle.adoption.dispatch.share in a validated stage scenario', () => {
    const stage = validateScenario(REFORM_STAGES['stage-2019-10'], 'stage');
    const variants = sweepVariants(stage, 'lifecycle.adoption.dispatch.share', [0, 0.3, 1]);
    expect(variants.map((v) => v.scenario.lifecycle?.adoption.dispatch.share)).toEqual([0, 0.3, 1]);
    const grid = sweepVariants(stage, 'lifecycle.adoption.grid.share', [0.5]);
    expect(grid[0]?.scenario.lifecycle?.adoption.grid.share).toBe(0.5);
  });
});

describe('staffing follows grid adoption', () => {
  const streetHandlers = (lifecycle: Lc) => {
    const model = new HotlineModel(makeLifecycleScenario({ lifecycle }));
    return model.city.units.filter((u) => u.kind === 'street').map((u) => u.handlers);
  };

  it('streets are staffed for grid orders only where the grid is adopted', () => {
    const off = streetHandlers({ grid: { enabled: false } });
    const none = streetHandlers({ grid: { enabled: true }, adoption: { grid: { share: 0 } } });
    const all = streetHandlers({ grid: { enabled: true }, adoption: { grid: { share: 1 } } });
    expect(none).toEqual(off);
    const more = all.filter((h, i) => h > (off[i] as number)).length;
    expect(more, 'streets with more handlers under the grid').toBeGreaterThan(all.length / 2);
  });
});
