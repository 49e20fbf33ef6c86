import { describe, expect, it } from 'vitest';
import { withLever } from '../levers/scenario-levers';
import { builtInScenario } from '../scenarios';
import { mergePatch, resolveExtends, scenarioFromData, type ScenarioFileLoader } from './extends';
import { ScenarioError } from './load';

describe('mergePatch (RFC 7396)', () => {
  it('merges objects, replaces arrays and scalars, and deletes on null', () => {
    const target = { a: { b: 1, c: [1, 2, 3] }, d: 'x', e: 4 };
    const patched = mergePatch(target, { a: { c: [9], f: true }, d: null, e: 5 });
    expect(patched).toEqual({ a: { b: 1, c: [9], f: true }, e: 5 });
    // The target is left as it was.
    expect(target).toEqual({ a: { b: 1, c: [1, 2, 3] }, d: 'x', e: 4 });
  });
});

describe('extends', () => {
  const weekday = builtInScenario('beijing-weekday');
  if (!weekday) throw new Error('beijing-weekday is missing');

  it('a file that extends a built-in and overrides one lever is that built-in with the lever set', () => {
    const s = scenarioFromData({
      extends: 'beijing-weekday',
      name: 'weekday without the whistle',
      lifecycle: { whistle: { enabled: false } },
    });
    const expected = withLever(weekday, 'lifecycle.whistle.enabled', false);
    expect({ ...s, name: '' }).toEqual({ ...expected, name: '' });
    expect(s.name).toBe('weekday without the whistle');
    expect(s.intake).toEqual(weekday.intake);
  });

  it('chains through files the loader reads, nearest file last', () => {
    const files: Record<string, Record<string, unknown>> = {
      'base.yaml': { extends: 'beijing-weekday', hours: 12 },
      'mid.yaml': { extends: 'base.yaml', seed: 5 },
    };
    const loadFile: ScenarioFileLoader = (ref) => {
      const data = files[ref];
      if (!data) throw new Error(`no ${ref}`);
      return { data, source: ref };
    };
    const s = scenarioFromData({ extends: 'mid.yaml', name: 'top' }, 'top.yaml', loadFile);
    expect([s.hours, s.seed, s.name]).toEqual([12, 5, 'top']);
  });

  it('names the problem: not a string, an unknown name (files only from the CLI), a loop', () => {
    expect(() => resolveExtends({ extends: 3 })).toThrow(
      /extends: must name a built-in scenario or a scenario file/,
    );
    expect(() => resolveExtends({ extends: 'my.yaml' })).toThrow(
      /no built-in scenario "my.yaml" \(built-in: .*beijing-weekday.*\); files only from the CLI/,
    );
    const loop: ScenarioFileLoader = (ref) => ({ data: { extends: ref === 'a' ? 'b' : 'a' }, source: ref });
    expect(() => resolveExtends({ extends: 'a' }, 'top', loop)).toThrow(
      /leads back into itself \(a → b → a\)/,
    );
    expect(() => scenarioFromData({ extends: 'beijing-weekday', hours: -1 })).toThrow(ScenarioError);
  });
});
