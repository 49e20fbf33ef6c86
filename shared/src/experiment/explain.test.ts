import { describe, expect, it } from 'vitest';
import { builtInScenario } from '../scenarios';
import { validateScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { withLever } from '../levers/scenario-levers';
import { explainGroups, explainScenarios } from './explain';

/** beijing-weekday cut to 6 hours: long enough for callbacks to report the 三率, quick to run 2^k times. */
function short(): Scenario {
  const base = builtInScenario('beijing-weekday');
  if (!base) throw new Error('beijing-weekday is missing');
  return validateScenario({ ...structuredClone(base), hours: 6 }, 'beijing-weekday 6 h');
}

describe('explain: a Shapley split of b − a over the levers that differ', () => {
  it('a pair differing in one lever gives that lever the whole difference, with no interaction', () => {
    const a = short();
    const b = withLever(a, 'lifecycle.reforms.dataSharing', 0.9);
    const e = explainScenarios(withLever(a, 'lifecycle.reforms.dataSharing', 0), b, { replications: 3 });
    expect(e.groups.map((g) => g.name)).toEqual(['lifecycle.reforms.dataSharing']);
    const x = e.kpis['resolutionRate'];
    expect(x).toBeDefined();
    if (!x) return;
    // The lever moves resolution (so the share below is a real 100 %, not 0 / 0) …
    expect(x.total.ci95[0]).toBeGreaterThan(0);
    // … and takes all of it: its part, alone or averaged over orders, is the total.
    expect(x.parts[0]?.mean).toBeCloseTo(x.total.mean, 12);
    expect(x.parts[0]?.alone.mean).toBeCloseTo(x.total.mean, 12);
    expect(x.interaction.mean).toBeCloseTo(0, 12);
  });

  it("with several groups the parts add up to the total for every KPI, and each lever's part lands where its mechanism acts", () => {
    const a = withLever(
      withLever(short(), 'lifecycle.reforms.dataSharing', 0),
      'lifecycle.dispatch.mode',
      'tiered',
    );
    const b = withLever(
      withLever(a, 'lifecycle.reforms.dataSharing', 0.9),
      'lifecycle.dispatch.mode',
      'smart',
    );
    const e = explainScenarios(a, b, { replications: 3, by: 'lever' });
    expect(e.groups).toHaveLength(2);
    for (const [kpi, x] of Object.entries(e.kpis)) {
      const sum = x.parts.reduce((t, p) => t + p.mean, 0);
      expect(sum, kpi).toBeCloseTo(x.total.mean, 9);
      const alone = x.parts.reduce((t, p) => t + p.alone.mean, 0);
      expect(alone + x.interaction.mean, kpi).toBeCloseTo(x.total.mean, 9);
    }
    // Smart dispatch (vs tiered) is what shortens dispatch; data sharing does not touch the dispatcher's minutes.
    const dispatch = e.kpis['meanMinutesToDispatch'];
    const smart = dispatch?.parts.find((p) => p.group === 'lifecycle.dispatch.mode');
    const sharing = dispatch?.parts.find((p) => p.group === 'lifecycle.reforms.dataSharing');
    expect(Math.abs(smart?.mean ?? 0)).toBeGreaterThan(10 * Math.abs(sharing?.mean ?? 0));
  });

  it('groups by VIOTE driver when many levers differ, and puts non-lever differences under "other"', () => {
    const a = builtInScenario('stage-2019-01');
    const b = builtInScenario('stage-2024');
    if (!a || !b) throw new Error('the stage scenarios are missing');
    const { by, groups } = explainGroups(a, b);
    expect(by).toBe('driver');
    expect(new Set(groups.map((g) => g.name)).size).toBe(groups.length);
    for (const g of groups) expect(g.levers.every((c) => c.driver === g.name)).toBe(true);
    const longer = validateScenario({ ...structuredClone(a), hours: a.hours * 2 }, 'longer');
    expect(explainGroups(a, longer).groups.map((g) => g.name)).toEqual(['other']);
    expect(explainGroups(a, a).groups).toEqual([]);
  });

  it('refuses a split of more groups than it can run, naming the way out', () => {
    const a = builtInScenario('stage-2019-01');
    const b = builtInScenario('stage-2024');
    if (!a || !b) throw new Error('the stage scenarios are missing');
    expect(() => explainGroups(a, b, 'lever')).toThrow(/use --by driver/);
  });
});
