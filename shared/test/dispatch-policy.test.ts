import { describe, expect, it } from 'vitest';
import { defaultCity, validateScenario, type LifecycleInput } from '../src';
import { Simulation } from '../src/engine/simulation';
import { ModelState } from '../src/hotline/model-state';
import { dispatchPolicy, type DispatchMode } from '../src/hotline/policies/dispatch-policy';

/** A model state for the policy alone, and an order of a street-owned category in street 0. */
function setUp(mode: DispatchMode, dispatch: LifecycleInput['dispatch'] = {}) {
  const scenario = validateScenario({
    name: 'dispatch-policy',
    hours: 1,
    arrivals: { perHour: 100 },
    intake: { agents: 5, talkMinutes: { exponential: { mean: 5 } } },
    lifecycle: { dispatch: { mode, ...dispatch } },
  });
  const lc = scenario.lifecycle as NonNullable<typeof scenario.lifecycle>;
  const s = new ModelState(new Simulation(600), scenario, lc, 7, defaultCity(), undefined);
  const category = s.city.categories.findIndex((c) => c.owner.kind === 'street');
  const order = s.createOrder(42, 'citizen', category, 0, 0, 0, 'received');
  return { s, order, policy: dispatchPolicy(mode, s) };
}

describe('dispatch policy', () => {
  it('tiered: a street order goes through its district first, then straight to the street', () => {
    const { s, order, policy } = setUp('tiered', { manualAccuracy: 1 });
    const district = s.city.districtUnit[s.city.streetDistrict[0] as number];
    expect(policy.route(order, 0)).toEqual({ unit: district, misrouted: false, viaDistrict: true });
    expect(policy.route(order, 1)).toEqual({ unit: order.owner, misrouted: false, viaDistrict: false });
  });

  it('direct: a street order goes straight to its owner', () => {
    const { order, policy } = setUp('direct', { manualAccuracy: 1 });
    expect(policy.route(order, 0)).toEqual({ unit: order.owner, misrouted: false, viaDistrict: false });
  });

  it('smart: misroutes by its own accuracy, and gets it right after the last allowed return', () => {
    const { s, order, policy } = setUp('smart', { smartAccuracy: 0, manualAccuracy: 1 });
    const first = policy.route(order, 0);
    expect(first.misrouted).toBe(true);
    expect(first.unit).not.toBe(order.owner);
    expect(policy.route(order, s.lc.returns.maxReturns)).toEqual({
      unit: order.owner,
      misrouted: false,
      viaDistrict: false,
    });
  });

  it('draws the dispatch delay from the mode’s own minutes, keyed by the appeal', () => {
    const smart = setUp('smart', {
      smartMinutes: { deterministic: { value: 3 } },
      minutes: { deterministic: { value: 6 } },
    }).policy;
    const direct = setUp('direct', {
      smartMinutes: { deterministic: { value: 3 } },
      minutes: { deterministic: { value: 6 } },
    }).policy;
    expect(smart.delay(42)).toBe(180);
    expect(direct.delay(42)).toBe(360);
  });
});
