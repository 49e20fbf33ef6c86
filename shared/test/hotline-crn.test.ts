/**
 * Common random numbers in the full model: levers that change who calls at all (self-service,
 * proactive work) must not change what any other citizen does, and appealsAvoided must be exactly
 * what the same seed without 未诉先办 has more.
 */
import { describe, expect, it } from 'vitest';
import { HotlineModel, runScenario } from '../src';
import { makeLifecycleScenario } from './hotline-scenario';

/** Each contact's first step after receipt, and when: the call's end, or the dispatch after it. */
function firstSteps(lifecycle: Parameters<typeof makeLifecycleScenario>[0]) {
  const steps = new Map<number, string>();
  const scenario = makeLifecycleScenario({ ...lifecycle, intake: { agents: 200 } });
  new HotlineModel(scenario, 7, {
    onTransition: ({ id, from, to, at: t }) => {
      if (from === 'received' && !steps.has(id)) steps.set(id, `${to}@${t}`);
    },
  }).run();
  return steps;
}

describe('common random numbers across levers that change who calls', () => {
  it('keeps every common contact’s call the same when self-service (一网通办) removes others', () => {
    const without = firstSteps({ lifecycle: { reforms: { oneNetwork: 0 } } });
    const withIt = firstSteps({ lifecycle: { reforms: { oneNetwork: 1 } } });
    // No one queues (200 agents): a call ends at arrival + talk, a dispatch follows after a keyed delay.
    // A contact with the same outcome in both runs must take that step at exactly the same time.
    let same = 0;
    let differ = 0;
    for (const [id, step] of without) {
      const other = withIt.get(id);
      if (other === undefined || other.split('@')[0] !== step.split('@')[0]) continue;
      if (other === step) same++;
      else differ++;
    }
    expect(withIt.size).toBeLessThan(without.size);
    expect(same).toBeGreaterThan(1000);
    expect(differ).toBe(0);
  });

  it.each([
    ['off', 12345],
    ['off', 1],
    ['on', 12345],
    ['on', 2],
  ] as const)(
    'reports as appealsAvoided exactly the contacts the same seed without 未诉先办 has more, grid %s, seed %i',
    (grid, seed) => {
      const proactive = { hotSpots: { enabled: true, threshold: 3 }, monthlyTopic: { enabled: true } };
      const base = { grid: grid === 'on' ? { enabled: true, perCellPerDay: 0.5 } : { enabled: false } };
      const off = runScenario(makeLifecycleScenario({ seed, lifecycle: base }));
      const on = runScenario(makeLifecycleScenario({ seed, lifecycle: { ...base, proactive } }));
      const avoided = on.kpis.appealsAvoided?.mean ?? NaN;
      expect(off.kpis.appealsAvoided?.mean).toBe(0);
      expect(avoided).toBeGreaterThan(100);
      // Exact: common random numbers keep every other contact, and the grid's own finds, the same.
      expect(off.kpis.contacts.mean - on.kpis.contacts.mean).toBe(avoided);
      expect(on.kpis.gridAppealsAvoided?.mean).toBe(off.kpis.gridAppealsAvoided?.mean);
      if (grid === 'on') expect(on.kpis.gridAppealsAvoided?.mean).toBeGreaterThan(0);
    },
  );
});
