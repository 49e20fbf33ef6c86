import { describe, expect, it } from 'vitest';
import { HotlineModel, type AppealTransition } from '../src';
import { comparePolicies, expectEffect, makeLifecycleScenario } from './hotline-scenario';

const HOUR = 3600;

/**
 * Time matters and who answers the callback matters (issue 14, points 2 and 7): lateness costs
 * resolution and satisfaction, 督办 does not make an order better, office hours bind, and citizens
 * whose problem was not resolved take the callback less often.
 */
describe('time limits, office hours and callback reach', () => {
  it('a 24 h limit instead of 7 days, without more capacity, does not raise satisfaction (it lowers it)', () => {
    const c = comparePolicies({}, { lifecycle: { timeLimits: { '7d': 24 } } });
    expectEffect(c, 'supervisedRate', 'up');
    expectEffect(c, 'overdueRate', 'up');
    expectEffect(c, 'satisfactionRate', 'down');
    expectEffect(c, 'resolutionRate', 'down');
  });

  it('half the staff of every unit kind makes more orders late and costs satisfaction', () => {
    const half = { street: 0.5, district: 0.5, department: 0.5, utility: 0.5 };
    const c = comparePolicies({}, { lifecycle: { units: { capacity: half } } });
    expectEffect(c, 'overdueRate', 'up');
    expectEffect(c, 'satisfactionRate', 'down');
  });

  it('callback reach 0.92 instead of 0.5 lowers the measured satisfaction rate (the unresolved answer less)', () => {
    const c = comparePolicies(
      { lifecycle: { citizens: { callbackReach: 0.5 } } },
      { lifecycle: { citizens: { callbackReach: 0.92 } } },
    );
    expectEffect(c, 'satisfactionRate', 'down');
    expectEffect(c, 'resolutionRate', 'down');
  });

  it('a 2-hour order to an office-hours unit on a Saturday waits until Monday and is late', () => {
    // Saturday 15 March 2025, from midnight, for 24 hours.
    const scenario = makeLifecycleScenario({ start: '2025-03-15', hours: 24, arrivals: { perHour: 300 } });
    const handled = new Map<number, AppealTransition>();
    const dispatched = new Map<number, AppealTransition>();
    const model = new HotlineModel(scenario, scenario.seed, {
      onTransition: (step) => {
        if (step.to === 'handled') handled.set(step.id, step);
        if (step.to === 'dispatched' && !dispatched.has(step.id)) dispatched.set(step.id, step);
      },
    });
    model.run();
    const monday9 = (2 * 24 + 9) * HOUR;
    let twoHourOrders = 0;
    for (const [id, step] of handled) {
      const unit = model.city.units[step.unit];
      const sent = dispatched.get(id);
      // Units that work office hours: their kind signs in working hours and they keep weekdays only.
      if (!unit || unit.signsAlways || unit.hours.days !== 'weekdays' || !sent) continue;
      const limit = step.deadline - sent.at;
      if (limit > 2 * HOUR + 1) continue;
      twoHourOrders++;
      expect(step.at, `order ${id} to ${unit.id}`).toBeGreaterThanOrEqual(monday9);
      expect(step.at).toBeGreaterThan(step.deadline);
    }
    expect(twoHourOrders).toBeGreaterThan(0);
  });
});
