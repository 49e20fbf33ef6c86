import { describe, expect, it } from 'vitest';
import { LEVERS } from '../hotline/levers';
import { builtInScenario } from '../scenarios';
import { leverSwings, scenarioLevers, withLever } from './scenario-levers';

const scenario = (name: string) => {
  const s = builtInScenario(name);
  if (!s) throw new Error(name);
  return s;
};

describe("a scenario's levers", () => {
  it('are the catalogue levers the scenario has, with its values', () => {
    // Intake only: no lifecycle levers; agents with a relative range around the scenario's 50.
    expect(scenarioLevers(scenario('mmc'))).toMatchObject([
      { path: 'intake.agents', value: 50, range: [40, 60] },
    ]);
    const levers = scenarioLevers(scenario('stage-2019-01'));
    // Agents by hour override intake.agents, and without a demand year of its own the start's year
    // applies (lifecycle.demandYear is unset): both left out.
    const absent = ['intake.agents', 'lifecycle.demandYear'];
    expect(levers.map((l) => l.path)).toEqual(LEVERS.map((l) => l.path).filter((p) => !absent.includes(p)));
    expect(levers.find((l) => l.path === 'lifecycle.assessment.ranking')?.value).toBe(false);
    expect(levers.find((l) => l.path === 'lifecycle.dispatch.mode')).toMatchObject({
      value: 'direct',
      choices: ['tiered', 'direct', 'smart'],
    });
  });

  it('set one lever at a time, a choice by its word and a switch by true / false', () => {
    const base = scenario('stage-2019-01');
    expect(withLever(base, 'lifecycle.dispatch.mode', 'smart').lifecycle?.dispatch.mode).toBe('smart');
    expect(withLever(base, 'lifecycle.grid.enabled', true).lifecycle?.grid.enabled).toBe(true);
    expect(withLever(base, 'lifecycle.reforms.dataSharing', 0.5).lifecycle?.reforms.dataSharing).toBe(0.5);
    expect(base.lifecycle?.dispatch.mode).toBe('direct');
    expect(() => withLever(base, 'lifecycle.reforms.dataSharing', 2)).toThrow(/dataSharing/);
  });

  it('swing a switch off → on, a number low → high, a choice to each other choice', () => {
    const swings = leverSwings(scenario('stage-2019-01'));
    const of = (path: string) => swings.filter((s) => s.path === path).map((s) => [s.from, s.to]);
    expect(of('lifecycle.grid.enabled')).toEqual([[false, true]]);
    expect(of('lifecycle.reforms.dataSharing')).toEqual([[0, 0.8]]);
    expect(of('lifecycle.dispatch.mode')).toEqual([
      ['direct', 'tiered'],
      ['direct', 'smart'],
    ]);
  });
});
