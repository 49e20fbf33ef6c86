import { leverPathProblem, plainCopy, setPlainPath } from './lever-paths';
import { ScenarioError, validateScenario } from './load';
import type { Scenario } from './schema';

/** Lever path → new value, as `hotline --set`, a timeline entry and a live lever change take them. */
export type LeverSet = Readonly<Record<string, unknown>>;

/**
 * The scenario with the levers in `set` changed, validated by the scenario's own rules. Throws a
 * ScenarioError naming each path that cannot change during a run, is no field, or gets a value the
 * rules refuse (`lifecycle.whistle.enabled: expected boolean, received number, got 3`). The timeline
 * is kept as it was (it was checked with the scenario).
 */
export function applyLevers(scenario: Scenario, set: LeverSet, source = 'lever change'): Scenario {
  const paths = Object.keys(set);
  if (paths.length === 0) throw new ScenarioError(['set: needs at least one lever to set'], source);
  const { timeline, ...rest } = scenario;
  const input = plainCopy(rest) as Record<string, unknown>;
  const problems: string[] = [];
  for (const path of paths) {
    const problem = leverPathProblem(path) ?? setPlainPath(input, path, set[path]);
    if (problem) problems.push(`${path}: ${problem}`);
  }
  if (problems.length > 0) throw new ScenarioError(problems, source);
  const next = validateScenario(input, source);
  return timeline ? Object.freeze({ ...next, timeline }) : next;
}
