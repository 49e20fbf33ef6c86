import { describe, expect, it } from 'vitest';
import { comparePolicies, expectEffect, row } from './hotline-scenario';

/**
 * Repeat site visits as burden (issue 14 point 1: 基层负担) and lateness against the unit's promise
 * (point 2: 承诺时限), each as a direction test with 95 % intervals on common random numbers.
 */
describe('repeat visits and promised times', () => {
  it('going back after a failed attempt costs staff-hours and resolves more', () => {
    const c = comparePolicies(
      { lifecycle: { units: { revisitShare: 0 } } },
      { lifecycle: { units: { revisitShare: 1 } } },
    );
    expect(row(c, 'repeatVisitsPerOrder').a).toBe(0);
    expectEffect(c, 'repeatVisitsPerOrder', 'up');
    expectEffect(c, 'staffHoursPerOrder', 'up');
    expectEffect(c, 'resolutionRate', 'up');
  });

  it('shared data resolves more at the first attempt, so units go back less often', () => {
    const c = comparePolicies(
      { lifecycle: { reforms: { dataSharing: 0 } } },
      { lifecycle: { reforms: { dataSharing: 1 } } },
    );
    expectEffect(c, 'repeatVisitsPerOrder', 'down');
  });

  it('closing early to game the rating (low integrity under satisfaction pressure) sends units back more often', () => {
    const c = comparePolicies(
      { lifecycle: { assessment: { integrity: 1, weights: { satisfaction: 0.9 } } } },
      { lifecycle: { assessment: { integrity: 0.2, weights: { satisfaction: 0.9 } } } },
    );
    expectEffect(c, 'gamingShare', 'up');
    expectEffect(c, 'repeatVisitsPerOrder', 'up');
  });

  it('promising every 7- and 15-day order in a twentieth of its limit instead of the limit breaks promises and costs satisfaction', () => {
    const c = comparePolicies(
      { lifecycle: { promise: { share: 1, fraction: 1 } } },
      { lifecycle: { promise: { share: 1, fraction: 0.05 } } },
    );
    expectEffect(c, 'promiseKeptRate', 'down');
    expectEffect(c, 'satisfactionRate', 'down');
    expectEffect(c, 'resolutionRate', 'down');
  });

  it('a promise as long as the time limit is lateness against the limit: no outcome or rating changes', () => {
    const c = comparePolicies(
      { lifecycle: { promise: { share: 0 } } },
      { lifecycle: { promise: { share: 1, fraction: 1 } } },
    );
    for (const kpi of ['resolutionRate', 'satisfactionRate', 'overdueRate'] as const)
      expect(row(c, kpi).difference, kpi).toBe(0);
  });
});
