import { existsSync, readFileSync } from 'node:fs';
import { builtInScenario, builtInScenarioNames, parseScenario, type Scenario } from '@hotline-sim/shared';
import { UsageError } from './usage-error';

/** A scenario by built-in name or by file path (JSON or YAML). */
export function loadScenario(nameOrFile: string): Scenario {
  const builtIn = builtInScenario(nameOrFile);
  if (builtIn) return builtIn;
  if (!existsSync(nameOrFile)) {
    throw new UsageError(
      `no scenario file or built-in scenario named "${nameOrFile}" (built-in: ${builtInScenarioNames.join(', ')})`,
    );
  }
  return parseScenario(readFileSync(nameOrFile, 'utf8'), nameOrFile);
}
