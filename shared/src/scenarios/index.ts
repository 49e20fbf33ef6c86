import { validateScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import beijingWeekday from './beijing-weekday.json';
import beijingWeekdayIntake from './beijing-weekday-intake.json';
import mmc from './mmc.json';
import { REFORM_STAGES } from './reform-stages';
import { SEASONAL_EVENTS } from './seasonal-events';

/** Built-in scenarios, runnable by name; their JSON files double as examples to copy. */
const BUILT_IN: Record<string, unknown> = {
  mmc,
  'beijing-weekday': beijingWeekday,
  ...REFORM_STAGES,
  ...SEASONAL_EVENTS,
  'beijing-weekday-intake': beijingWeekdayIntake,
};

/** Names of the built-in scenarios. */
export const builtInScenarioNames: readonly string[] = Object.keys(BUILT_IN);

/** A built-in scenario by name, validated; undefined when there is no such scenario. */
export function builtInScenario(name: string): Scenario | undefined {
  // Own names only: 'constructor' or 'toString' are not scenarios.
  const raw = Object.hasOwn(BUILT_IN, name) ? BUILT_IN[name] : undefined;
  return raw === undefined ? undefined : validateScenario(raw, `built-in scenario "${name}"`);
}

export { REFORM_STAGES, STAGE_LEVERS, STAGE_TARGETS, type StageName } from './reform-stages';
