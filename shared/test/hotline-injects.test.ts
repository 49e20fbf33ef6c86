import { describe, expect, it } from 'vitest';
import { meanCI, replicationKpis, runReplication, type Inject } from '../src';
import { comparePolicies, expectEffect, makeLifecycleScenario } from './hotline-scenario';

describe('injects: policy effects (paired 95 % CIs on common random numbers)', () => {
  it('a surge (e.g. a storm) raises the number of work orders', () => {
    const c = comparePolicies(
      {},
      { lifecycle: { injects: [{ kind: 'surge', atHours: 12, hours: 12, factor: 2 }] } },
    );
    expectEffect(c, 'contacts', 'up');
    expectEffect(c, 'workOrders', 'up');
  });

  it('an outage of a department raises the share of orders supervised as overdue', () => {
    // The market regulator is down for longer than its 7-day limit: its orders wait and go overdue.
    const c = comparePolicies(
      {},
      { lifecycle: { injects: [{ kind: 'outage', atHours: 6, hours: 200, unitId: 'market' }] } },
    );
    expectEffect(c, 'supervisedRate', 'up');
  });
});

/**
 * 50 contacts an hour for 24 hours, and a surge adding 500 an hour for `hours` from `atHours`:
 * nothing pre-empts a contact, so `contacts` counts every arrival.
 */
function surgeContacts(injects: Inject[], seeds: readonly number[]): number[] {
  const scenario = makeLifecycleScenario({
    hours: 24,
    arrivals: { perHour: 50 },
    intake: { agents: 80 },
    lifecycle: { injects },
  });
  return seeds.map((seed) => replicationKpis(runReplication(scenario, seed)).contacts);
}

describe('injects: the surge arrival process', () => {
  it('adds a Poisson number of contacts: across 40 fixed seeds the dispersion is in its Poisson interval', () => {
    // Expected 50 × 24 + 500 × 20 = 11,200 contacts. For a Poisson count the index of dispersion
    // D = Σ(x − x̄)² / x̄ over n seeds follows χ²(n − 1): with 40 seeds D lies in [16.27, 74.73] with
    // probability 99.9 %. A surge adding a fixed number of contacts leaves only the base day's
    // Poisson variance (≈ 1,200): D ≈ 39 × 1,200 / 11,200 ≈ 4, far below; a clumped one lands above.
    const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
    const counts = surgeContacts([{ kind: 'surge', atHours: 2, hours: 20, factor: 11 }], seeds);
    const { mean, halfWidth } = meanCI(counts);
    const dispersion = counts.reduce((a, x) => a + (x - mean) ** 2, 0) / mean;
    expect(dispersion, `counts ${counts.join(', ')}`).toBeGreaterThan(16.27);
    expect(dispersion, `counts ${counts.join(', ')}`).toBeLessThan(74.73);
    // The mean's 95 % interval holds the expected count.
    expect(Math.abs(mean - 11_200), `mean ${mean} ± ${halfWidth}`).toBeLessThan(halfWidth);
  });

  it('keeps a surge running to its end when another surge ends during it', () => {
    // A: 2-6 h, B: 4-20 h. Whatever the rule for the overlap, 2-20 h is surged at least once:
    // at least 50 × 24 + 500 × 18 = 10,200 contacts.
    const counts = surgeContacts(
      [
        { kind: 'surge', atHours: 2, hours: 4, factor: 11 },
        { kind: 'surge', atHours: 4, hours: 16, factor: 11 },
      ],
      [1, 2, 3, 4],
    );
    expect(meanCI(counts).mean, `counts ${counts.join(', ')}`).toBeGreaterThan(0.9 * 10_200);
  });
});
