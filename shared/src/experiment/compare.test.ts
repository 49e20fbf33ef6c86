import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/load';
import type { ScenarioInput } from '../scenario/schema';
import { compareScenarios } from './compare';
import { runScenario } from './run-scenario';

/** A short M/M/c: 35 Erlangs offered (2,100 contacts an hour of one minute each), callers never hang up. */
function makeScenario(overrides: { agents?: number; seed?: number } = {}) {
  const input: ScenarioInput = {
    name: `mmc-${overrides.agents ?? 40}`,
    seed: overrides.seed ?? 11,
    hours: 4,
    warmupHours: 0.5,
    arrivals: { perHour: 2100 },
    intake: { agents: overrides.agents ?? 40, talkMinutes: { exponential: { mean: 1 } } },
  };
  return validateScenario(input);
}

const row = (c: ReturnType<typeof compareScenarios>, kpi: string) => {
  const r = c.rows.find((x) => x.kpi === kpi);
  if (!r) throw new Error(`no row for ${kpi}`);
  return r;
};

describe('compareScenarios: common random numbers', () => {
  it('finds no difference at all between a scenario and itself', () => {
    const s = makeScenario();
    const c = compareScenarios(s, s, { replications: 4 });
    expect(c.rows.map((r) => r.kpi)).toEqual([
      'contacts',
      'pWait',
      'meanWaitSeconds',
      'serviceLevel15s',
      'abandonRate',
      'agentUtilisation',
      'littleLawError',
    ]);
    for (const r of c.rows) {
      expect(r.b).toBe(r.a);
      expect(r.difference).toBe(0);
      expect(r.ci95).toEqual([0, 0]);
      expect(r.relativeDifference).toBe(0);
      expect(r.significant).toBe(false);
    }
  });

  it('shows 60 agents cut P(wait) and the mean wait significantly below 40, on the very same arrivals', () => {
    const c = compareScenarios(makeScenario({ agents: 40 }), makeScenario({ agents: 60 }));
    expect(c).toMatchObject({ a: 'mmc-40', b: 'mmc-60', seed: 11, replications: 10 });
    for (const kpi of ['pWait', 'meanWaitSeconds', 'agentUtilisation']) {
      const r = row(c, kpi);
      expect(r.difference).toBeLessThan(0);
      expect(r.ci95[1]).toBeLessThan(0);
      expect(r.significant).toBe(true);
      expect(r.relativeDifference).toBeCloseTo(r.difference / r.a, 12);
    }
    expect(row(c, 'serviceLevel15s').significant).toBe(true);
    expect(row(c, 'serviceLevel15s').difference).toBeGreaterThan(0);
    // Same seeds, separate arrival stream: not one contact more or less.
    expect(row(c, 'contacts')).toMatchObject({ difference: 0, ci95: [0, 0], significant: false });
  });

  it("runs each side on the run command's replication seeds (A's seed unless told otherwise)", () => {
    const a = makeScenario({ agents: 40, seed: 5 });
    const b = makeScenario({ agents: 45, seed: 999 });
    const c = compareScenarios(a, b, { replications: 3 });
    expect(c.seed).toBe(5);
    const reportA = runScenario(a, { replications: 3 });
    const reportB = runScenario(b, { replications: 3, seed: 5 });
    for (const r of c.rows) {
      expect(r.a).toBe(reportA.kpis[r.kpi]?.mean);
      expect(r.b).toBe(reportB.kpis[r.kpi]?.mean);
    }
    const reseeded = compareScenarios(a, b, { replications: 3, seed: 6 });
    expect(reseeded.seed).toBe(6);
    expect(row(reseeded, 'contacts').a).not.toBe(row(c, 'contacts').a);
  });

  it('gives a null relative difference when A is 0 and B is not', () => {
    const quiet = makeScenario({ agents: 200 });
    const c = compareScenarios(quiet, makeScenario({ agents: 36 }), { replications: 2 });
    const r = row(c, 'pWait');
    expect(r.a).toBe(0);
    expect(r.b).toBeGreaterThan(0);
    expect(r.relativeDifference).toBeNull();
  });

  it('reports progress up to 1 over both scenarios', () => {
    const seen: number[] = [];
    const s = makeScenario();
    compareScenarios(s, s, { replications: 2, onProgress: (f) => seen.push(f) });
    expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] ?? 0))).toBe(true);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toContain(0.5); // the first replication of both: half of 2 × 2 runs
  });

  it('refuses fewer than 2 replications, saying why', () => {
    const s = makeScenario();
    expect(() => compareScenarios(s, s, { replications: 1 })).toThrow(/at least 2.*got 1/);
    expect(() => compareScenarios(s, s, { replications: 2.5 })).toThrow(/at least 2/);
  });
});
