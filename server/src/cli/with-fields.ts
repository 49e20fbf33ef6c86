import { plainCopy, setPlainPath, validateScenario, type Scenario } from '@hotline-sim/shared';
import { knownCity } from './load-scenario';
import { parseFieldSets } from './parse-set';
import { UsageError } from './usage-error';

/**
 * The scenario with the fields of `--set path=value` changed (any field: `hours`, `intake.agents`,
 * `lifecycle.whistle.enabled` …), validated by the scenario's rules, and named for the change so that
 * reports and comparisons say what ran (`stage-2024 with lifecycle.whistle.enabled=false`). Nothing
 * given: the scenario as it is. A path that is no field is a UsageError, a value the rules refuse a
 * ScenarioError, each naming it (one line, exit 2).
 */
export function withFields(
  scenario: Scenario,
  items: readonly string[] | undefined,
  flag = '--set',
): Scenario {
  if (!items || items.length === 0) return scenario;
  const set = parseFieldSets(items, flag);
  const input = plainCopy(scenario) as unknown as Record<string, unknown>;
  const problems: string[] = [];
  for (const [path, value] of Object.entries(set)) {
    if (path === 'name') problems.push(`name: name the scenario in a file, not with ${flag}`);
    const problem = setPlainPath(input, path, value);
    if (problem) problems.push(`${path}: ${problem}`);
  }
  if (problems.length > 0) throw new UsageError(`${flag}: ${problems.join('; ')}`);
  const change = Object.entries(set)
    .map(([path, value]) => `${path}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
  const next = validateScenario(
    { ...input, name: `${scenario.name} with ${change}` },
    `${scenario.name} ${flag}`,
  );
  return knownCity(next, `${flag} city`);
}
