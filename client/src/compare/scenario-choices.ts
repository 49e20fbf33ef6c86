import type { ScenarioSummary } from '@hotline-sim/shared';
import type { Choice } from '../components';

/** The built-in scenarios as choices of a Select, by name. */
export function scenarioChoices(scenarios: readonly ScenarioSummary[]): Choice<string>[] {
  return scenarios.map((s) => ({ value: s.name, label: s.name }));
}
