import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  ScenarioError,
  builtInScenario,
  builtInScenarioNames,
  knownCityKeys,
  parseScenarioData,
  scenarioFromData,
  type Scenario,
  type ScenarioFileLoader,
  validateScenario,
} from '@hotline-sim/shared';
import { loadCachedCities } from '../cities/cache';
import { loadCityDir } from '../cities/city-dir';
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

/**
 * A scenario by built-in name or by file path (JSON or YAML, which may `extends` another), moved to
 * `city` when given. The cities cached by `hotline city` are registered first, so it may name one.
 */
export function loadScenario(nameOrFile: string, city?: string): Scenario {
  registerCachedCitiesOnce();
  const scenario = knownCity(loadNamed(nameOrFile), `${nameOrFile}: city`);
  if (city === undefined) return scenario;
  return validateScenario(
    { ...scenario, city: knownCity({ city }, '--city').city },
    `${nameOrFile} in ${city}`,
  );
}

/**
 * `scenario` when its city (if it names one) is known: built in or cached by `hotline city`; else a
 * UsageError naming `where` and the known cities (one line, exit 2, not a stack trace at run time).
 */
export function knownCity<T extends { readonly city?: string | undefined }>(scenario: T, where: string): T {
  const city = scenario.city;
  if (city === undefined || knownCityKeys().includes(city)) return scenario;
  throw new UsageError(
    `${where} ${city}: no such city (known: ${knownCityKeys().join(', ')}; build another with \`hotline city <code or name>\`)`,
  );
}

let registered = false;
function registerCachedCitiesOnce(): void {
  if (registered) return;
  registered = true;
  loadCachedCities(loadCityDir());
}

function loadNamed(nameOrFile: string): Scenario {
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
