import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  ScenarioError,
  builtInScenario,
  builtInScenarioNames,
  parseScenarioData,
  scenarioFromData,
  type Scenario,
  type ScenarioFileLoader,
} from '@hotline-sim/shared';
import { UsageError } from './usage-error';

/** `extends: other.yaml` in a file means that file beside it (or an absolute path). */
const loadFile: ScenarioFileLoader = (ref, from) => {
  const path = resolve(dirname(from), ref);
  if (!existsSync(path)) {
    throw new ScenarioError(
      [
        `extends: no built-in scenario or file "${ref}" (looked for ${path}; built-in: ${builtInScenarioNames.join(', ')})`,
      ],
      from,
    );
  }
  return { data: parseScenarioData(readFileSync(path, 'utf8'), path), source: path };
};

/** A scenario by built-in name or by file path (JSON or YAML, which may `extends` another). */
export function loadScenario(nameOrFile: string): Scenario {
  const builtIn = builtInScenario(nameOrFile);
  if (builtIn) return builtIn;
  if (!existsSync(nameOrFile)) {
    throw new UsageError(
      `no scenario file or built-in scenario named "${nameOrFile}" (built-in: ${builtInScenarioNames.join(', ')})`,
    );
  }
  if (!statSync(nameOrFile).isFile()) {
    throw new UsageError(
      `"${nameOrFile}" is a directory, not a scenario file: name a JSON or YAML file in it`,
    );
  }
  return scenarioFromData(
    parseScenarioData(readFileSync(nameOrFile, 'utf8'), nameOrFile),
    nameOrFile,
    loadFile,
  );
}
