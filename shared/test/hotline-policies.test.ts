import { describe, expect, it } from 'vitest';
import { runScenario } from '../src';
import { POLICY_SEED, comparePolicies, expectEffect, makeLifecycleScenario, row } from './hotline-scenario';

/**
 * Each reform lever moves its KPI the expected way: B (lever on) against A (lever off) on common
 * random numbers, POLICY_REPLICATIONS replications from POLICY_SEED, the paired 95 % CI of b − a
 * entirely on the expected side of 0. Other levers stay at their defaults.
 */
describe('policy effects (paired 95 % CIs on common random numbers)', () => {
  it('direct dispatch (直派) cuts the hours to response that tiered dispatch adds with its district hop', () => {
    const c = comparePolicies(
      { lifecycle: { dispatch: { mode: 'tiered' } } },
      { lifecycle: { dispatch: { mode: 'direct' } } },
    );
    // The response rate's clock starts at signing (the district's hop comes before it): only the hours move.
    expectEffect(c, 'meanHoursToResponse', 'down');
  });

  it('smart dispatch with high accuracy cuts the return rate of manual dispatch with low accuracy', () => {
    const c = comparePolicies(
      { lifecycle: { dispatch: { mode: 'direct', manualAccuracy: 0.6 } } },
      { lifecycle: { dispatch: { mode: 'smart', smartAccuracy: 0.98 } } },
    );
    expectEffect(c, 'returnRate', 'down');
    expectEffect(c, 'meanMinutesToDispatch', 'down');
  });

  it('hot-spot work (未诉先办) cuts admitted contacts and work orders, and only then reports appeals avoided', () => {
    const off = {};
    // A lower threshold than the default makes more street-category pairs hot within two days.
    const on = { lifecycle: { proactive: { hotSpots: { enabled: true, threshold: 3 } } } };
    const c = comparePolicies(off, on);
    expectEffect(c, 'contacts', 'down');
    expectEffect(c, 'workOrders', 'down');
    expectEffect(c, 'appealsAvoided', 'up');
    expect(row(c, 'appealsAvoided').a).toBe(0);
    // The same seed, as a report: avoided > 0 with hot spots, exactly 0 without.
    const without = runScenario(makeLifecycleScenario(off), { seed: POLICY_SEED });
    const withIt = runScenario(makeLifecycleScenario(on), { seed: POLICY_SEED });
    expect(without.kpis.appealsAvoided?.mean).toBe(0);
    expect(withIt.kpis.appealsAvoided?.mean).toBeGreaterThan(0);
    expect(withIt.kpis.contacts.mean).toBeLessThan(without.kpis.contacts.mean);
  });

  it('the whistle (吹哨报到) raises the resolution rate', () => {
    const c = comparePolicies(
      { lifecycle: { whistle: { enabled: false } } },
      { lifecycle: { whistle: { enabled: true } } },
    );
    expectEffect(c, 'resolutionRate', 'up');
    expect(row(c, 'whistles').a).toBe(0);
  });

  it('assessment (三率 ranking and the 治理类 list) raises the response and satisfaction rates', () => {
    const c = comparePolicies(
      { lifecycle: { assessment: { ranking: false, governanceList: false } } },
      { lifecycle: { assessment: { ranking: true, governanceList: true } } },
    );
    expectEffect(c, 'responseRate', 'up');
    expectEffect(c, 'satisfactionRate', 'up');
  });

  it('data sharing (最多跑一次) cuts the return rate', () => {
    const c = comparePolicies(
      { lifecycle: { reforms: { dataSharing: 0 } } },
      { lifecycle: { reforms: { dataSharing: 1 } } },
    );
    expectEffect(c, 'returnRate', 'down');
  });

  it('one network (一网通办) raises the direct-answer rate and cuts work orders', () => {
    const c = comparePolicies(
      { lifecycle: { reforms: { oneNetwork: 0 } } },
      { lifecycle: { reforms: { oneNetwork: 1 } } },
    );
    expectEffect(c, 'directAnswerRate', 'up');
    expectEffect(c, 'workOrders', 'down');
  });

  it('grid patrols (热线+网格) raise the proactive share', () => {
    const c = comparePolicies(
      { lifecycle: { grid: { enabled: false } } },
      { lifecycle: { grid: { enabled: true, perCellPerDay: 0.5 } } },
    );
    expectEffect(c, 'proactiveShare', 'up');
    expect(row(c, 'proactiveShare').a).toBe(0);
  });

  it('supervision (督办) on supervises some orders; off supervises none', () => {
    const c = comparePolicies(
      { lifecycle: { supervision: { enabled: false } } },
      { lifecycle: { supervision: { enabled: true } } },
    );
    expectEffect(c, 'supervisedRate', 'up');
    expect(row(c, 'supervisedRate').a).toBe(0);
  });
});
