import { describe, expect, it } from 'vitest';
import { encodeReplication } from '../report/replication-codec';
import { validateScenario } from '../scenario/load';
import { builtInScenario } from '../scenarios';
import { replicationSteps, runReplication } from './run-scenario';

const weekday = builtInScenario('beijing-weekday');
if (!weekday) throw new Error('beijing-weekday is missing');
const lifecycle = validateScenario({ ...structuredClone(weekday), name: 'steps', hours: 3 });
const intake = validateScenario({
  name: 'steps-intake',
  hours: 10,
  arrivals: { perHour: 600 },
  intake: { agents: 11, talkMinutes: { exponential: { mean: 1 } } },
});

function stepped(scenario: typeof lifecycle, seed: number, steps: number) {
  const gen = replicationSteps(scenario, seed, steps);
  const fractions: number[] = [];
  for (;;) {
    const s = gen.next();
    if (s.done) return { rep: s.value, fractions };
    fractions.push(s.value);
  }
}

describe('replicationSteps', () => {
  it('yields the fraction done after each step, then returns the replication', () => {
    const { fractions } = stepped(intake, 3, 4);
    expect(fractions).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('gives the same replication whatever the number of steps', () => {
    for (const scenario of [lifecycle, intake]) {
      const whole = JSON.stringify(encodeReplication(runReplication(scenario, 9)));
      for (const steps of [1, 7, 100]) {
        expect(JSON.stringify(encodeReplication(stepped(scenario, 9, steps).rep))).toBe(whole);
      }
    }
  });

  it('refuses a step count that is not a positive integer', () => {
    expect(() => replicationSteps(intake, 1, 0).next()).toThrow(/steps must be a positive integer, got 0/);
  });
});
