import { describe, expect, it } from 'vitest';
import { ScenarioError, validateScenario } from './load';
import type { ScenarioInput } from './schema';

const label = { zh: '变化', en: 'Change' };

function scenario(timeline: unknown): ScenarioInput {
  return {
    name: 'timeline-test',
    hours: 48,
    arrivals: { perHour: 100 },
    intake: { agents: 10, talkMinutes: { exponential: { mean: 5 } } },
    lifecycle: {},
    timeline: timeline as ScenarioInput['timeline'],
  };
}

/** The problems validation reports for a timeline. */
function problems(timeline: unknown): readonly string[] {
  try {
    validateScenario(scenario(timeline));
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  return [];
}

describe('scenario timeline validation', () => {
  it('accepts dated lever changes and keeps them in order', () => {
    const s = validateScenario(
      scenario([
        { at: 0, label, set: { 'lifecycle.whistle.enabled': false } },
        { at: 24, label, period: 'day 2', set: { 'lifecycle.adoption.whistle': { share: 0.5 } } },
        { at: 24, label, set: { 'arrivals.perHour': 150, 'lifecycle.demandYear': 2021 } },
      ]),
    );
    expect(s.timeline?.map((e) => e.at)).toEqual([0, 24, 24]);
  });

  it('names an unknown lever path', () => {
    expect(problems([{ at: 1, label, set: { 'lifecycle.whistle.nope': true } }])).toEqual([
      expect.stringMatching(
        /^timeline\.0\.set\.lifecycle\.whistle\.nope: is not a field of the scenario, got true/,
      ),
    ]);
    expect(problems([{ at: 1, label, set: { 'lifecycle.nowhere.x': 1 } }])).toEqual([
      expect.stringMatching(/^timeline\.0\.set\.lifecycle\.nowhere\.x: is not a field of the scenario/),
    ]);
  });

  it('names a path that cannot change during a run', () => {
    expect(problems([{ at: 1, label, set: { hours: 10 } }])).toEqual([
      expect.stringMatching(/^timeline\.0\.set\.hours: cannot change during a run/),
    ]);
    expect(problems([{ at: 1, label, set: { 'lifecycle.training': undefined } }])).toEqual([
      expect.stringMatching(
        /^timeline\.0\.set\.lifecycle\.training: cannot change during a run: training seats/,
      ),
    ]);
  });

  it('names a value of the wrong kind, or out of range', () => {
    expect(problems([{ at: 1, label, set: { 'lifecycle.grid.enabled': 'yes' } }])).toEqual([
      expect.stringMatching(/^timeline\.0\.set\.lifecycle\.grid\.enabled: expected boolean/),
    ]);
    expect(problems([{ at: 1, label, set: { 'arrivals.perHour': -5 } }])).toEqual([
      expect.stringMatching(/^timeline\.0\.set\.arrivals\.perHour: .*>0/),
    ]);
  });

  it('names entries out of time order or beyond the horizon', () => {
    const set = { 'lifecycle.grid.enabled': true };
    expect(
      problems([
        { at: 10, label, set },
        { at: 5, label, set },
      ]),
    ).toEqual([
      expect.stringMatching(/^timeline\.1\.at: must not come before the entry above it \(at 10 h\)/),
    ]);
    expect(problems([{ at: 48, label, set }])).toEqual([
      expect.stringMatching(/^timeline\.0\.at: must lie within the run \(before hours: 48\)/),
    ]);
  });

  it('names a missing label and an empty set', () => {
    expect(problems([{ at: 1, set: { 'lifecycle.grid.enabled': true } }])).toEqual([
      expect.stringMatching(/^timeline\.0\.label: /),
    ]);
    expect(problems([{ at: 1, label, set: {} }])).toEqual([
      expect.stringMatching(/^timeline\.0\.set: needs at least one lever to set/),
    ]);
  });

  it('needs the lifecycle', () => {
    const { lifecycle: _none, ...intakeOnly } = scenario([{ at: 1, label, set: { 'intake.agents': 12 } }]);
    expect(() => validateScenario(intakeOnly)).toThrow(/timeline: needs the lifecycle section/);
  });
});
