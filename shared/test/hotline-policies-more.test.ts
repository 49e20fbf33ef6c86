import { describe, expect, it } from 'vitest';
import { pairedDifferenceCI, replicationKpis, replicationSeed, runReplication } from '../src';
import {
  POLICY_REPLICATIONS,
  POLICY_SEED,
  comparePolicies,
  counterTotals,
  expectEffect,
  makeLifecycleScenario,
  row,
  type LifecycleOverrides,
} from './hotline-scenario';

/**
 * The levers hotline-policies.test.ts leaves out, in the same form: B against A on common random
 * numbers, POLICY_REPLICATIONS replications from POLICY_SEED, the paired 95 % CI of b − a entirely on
 * the expected side of 0. Other levers stay at their defaults. The figures in the comments are those
 * of POLICY_SEED (b − a, 95 % CI).
 */
describe('more policy effects (paired 95 % CIs on common random numbers)', () => {
  it('首接负责 (lead unit) cuts the return rate that streets disputing multi-unit cases once add', () => {
    const c = comparePolicies(
      { lifecycle: { dispatch: { leadUnit: false } } },
      { lifecycle: { dispatch: { leadUnit: true } } },
    );
    // 0.234 → 0.139: −0.095 (−0.099 … −0.091)
    expectEffect(c, 'returnRate', 'down');
    // The dispute's round trip delays the response: −0.37 h (−0.40 … −0.34)
    expectEffect(c, 'meanHoursToResponse', 'down');
  });

  it('return review (派单异议审核) upholds dodged returns, so returned orders bounce less, but the review hours delay the response', () => {
    // Units dodge often, so repeated dodges of re-dispatched orders are common without review.
    const off: LifecycleOverrides = { lifecycle: { returns: { review: false, falseReturnShare: 0.3 } } };
    const on: LifecycleOverrides = { lifecycle: { returns: { review: true, falseReturnShare: 0.3 } } };
    // Returns per returned order is not a KPI: paired replications on the seeds compareScenarios uses.
    const measure = (o: LifecycleOverrides) => {
      const scenario = makeLifecycleScenario(o);
      return Array.from({ length: POLICY_REPLICATIONS }, (_, r) => {
        const rep = runReplication(scenario, replicationSeed(POLICY_SEED, r));
        if (!rep.hotline) throw new Error('a lifecycle scenario yields a hotline observation');
        const t = counterTotals(rep.hotline);
        const kpis = replicationKpis(rep);
        return {
          returnsPerReturned: t.returns / t.returnedOrders,
          returnRate: kpis.returnRate ?? NaN,
          meanHoursToResponse: kpis.meanHoursToResponse ?? NaN,
          responseRate: kpis.responseRate ?? NaN,
        };
      });
    };
    const a = measure(off);
    const b = measure(on);
    const effect = (k: keyof (typeof a)[number], direction: 'up' | 'down' | 'none'): void => {
      const d = pairedDifferenceCI(
        b.map((x) => x[k]),
        a.map((x) => x[k]),
      );
      const what = `${k}: b − a = ${d.mean} (95 % CI ${d.ci95[0]} … ${d.ci95[1]})`;
      if (direction === 'up') expect(d.ci95[0], what).toBeGreaterThan(0);
      else if (direction === 'down') expect(d.ci95[1], what).toBeLessThan(0);
      else expect(d.mean, what).toBe(0);
    };
    // 1.32 → 1.14 returns per returned order: −0.180 (−0.185 … −0.174)
    effect('returnsPerReturned', 'down');
    // Review does not prevent the first return: the share of orders returned at least once is the same.
    effect('returnRate', 'none');
    // WARNING: review is not faster. A review takes hours (returns.reviewHours, mean 4 h) where a
    // re-dispatch takes minutes, so the response comes later: +1.11 h (1.01 … 1.20), and the response
    // rate falls: −0.0137 (−0.0163 … −0.0111).
    effect('meanHoursToResponse', 'up');
    effect('responseRate', 'down');
  });

  it('tighter 7-day and 15-day time limits (24 h and 48 h) raise the share of orders supervised as overdue (督办)', () => {
    const c = comparePolicies({}, { lifecycle: { timeLimits: { '7d': 24, '15d': 48 } } });
    // 0.026 → 0.065: +0.039 (0.033 … 0.044)
    expectEffect(c, 'supervisedRate', 'up');
    // Callbacks come at the limit, so orders close much sooner: −313 h
    expectEffect(c, 'p90HoursToClose', 'down');
  });

  it("每月一题 (monthly topic) cuts work orders: the month's top recurring street category appeals less", () => {
    const c = comparePolicies({}, { lifecycle: { proactive: { monthlyTopic: { enabled: true } } } });
    // −153 work orders (−174 … −131) of 7140; −198 admitted contacts (−217 … −178)
    expectEffect(c, 'workOrders', 'down');
    expectEffect(c, 'contacts', 'down');
    expectEffect(c, 'appealsAvoided', 'up');
    expect(row(c, 'appealsAvoided').a).toBe(0);
  });

  it('seasonal pre-emption cuts contacts in a heating-season month (December), and nothing out of season (May)', () => {
    const seasonal: LifecycleOverrides['lifecycle'] = { proactive: { seasonal: { enabled: true } } };
    const december = comparePolicies({ start: '2025-12-10' }, { start: '2025-12-10', lifecycle: seasonal });
    // −619 admitted contacts (−653 … −584) of 19 229; −353 work orders (−367 … −338)
    expectEffect(december, 'contacts', 'down');
    expectEffect(december, 'workOrders', 'down');
    // May is neither heating nor flood season: the lever changes nothing on the same random numbers.
    const may = comparePolicies({ start: '2025-05-14' }, { start: '2025-05-14', lifecycle: seasonal });
    expect(row(may, 'contacts').difference).toBe(0);
    expect(row(may, 'workOrders').difference).toBe(0);
  });
});
