import {
  DEFAULT_CITY_KEY,
  ScenarioError,
  knownCityKeys,
  builtInScenario,
  builtInScenarioNames,
  scenarioLimitProblems,
  scenarioFromData,
  validateScenario,
  type RunInfo,
  type RunStatus,
  type Scenario,
} from '@hotline-sim/shared';
import { ApiError } from '../http/errors';

/** A run as the API shows it, from its meta hash in Redis. */
export function infoOf(id: string, m: Record<string, string>): RunInfo {
  return {
    id,
    scenario: m.scenarioName ?? '',
    // Runs made before runs kept their city took place in the default city.
    city: m.city ?? DEFAULT_CITY_KEY,
    seed: Number(m.seed),
    status: (m.status ?? 'running') as RunStatus,
    speed: Number(m.speed),
    effectiveSpeed: m.status === 'running' ? Number(m.effectiveSpeed ?? 0) : 0,
    virtualTime: Number(m.settledVt ?? 0),
    horizon: Number(m.horizon),
    start: m.start ?? '',
    clock: m.clock === 'wall' ? 'wall' : 'virtual',
    createdAt: m.createdAt ?? '',
    appeals: Number(m.appeals ?? 0),
    transitions: Number(m.transitions ?? 0),
  };
}

/**
 * A built-in scenario by name, or a scenario object validated like a file (it may `extends` a built-in,
 * not a file); errors name the problem.
 */
export function resolveScenario(input: string | Record<string, unknown>): Scenario {
  if (typeof input === 'string') {
    // Only the listed names ('constructor' would find a property of the lookup object's prototype).
    const s = builtInScenarioNames.includes(input) ? builtInScenario(input) : undefined;
    if (!s)
      throw new ApiError(
        404,
        `no built-in scenario "${input}" (built-in: ${builtInScenarioNames.join(', ')})`,
      );
    return s;
  }
  let scenario: Scenario;
  try {
    scenario = scenarioFromData(input, 'scenario');
  } catch (err) {
    if (err instanceof ScenarioError) throw new ApiError(422, err.message);
    throw err;
  }
  if (scenario.city !== undefined) assertKnownCity(scenario.city, 'scenario.city');
  assertWithinLimits(scenario);
  return scenario;
}

/**
 * `scenario` to run in the city `key` (unchanged without one), checked again there: a scenario whose
 * injects name streets or districts of its own city cannot move to another (422 naming them).
 */
export function inCity(scenario: Scenario, key: string | undefined): Scenario {
  if (key === undefined || key === (scenario.city ?? DEFAULT_CITY_KEY)) return scenario;
  assertKnownCity(key);
  try {
    return validateScenario({ ...scenario, city: key }, `scenario "${scenario.name}" in ${key}`);
  } catch (err) {
    if (err instanceof ScenarioError) throw new ApiError(422, err.message);
    throw err;
  }
}

/**
 * 422 when no city is known as `key` (built in, or built by `hotline city` and registered at
 * start-up), naming the known ones; `what` names the field.
 */
export function assertKnownCity(key: string, what = 'city'): void {
  const known = knownCityKeys();
  if (!known.includes(key))
    throw new ApiError(422, `${what}: unknown city "${key}" (known cities: ${known.join(', ')})`);
}

/** 422 naming each limit (SCENARIO_LIMITS, issue 13) `scenario` is over: a server runs nothing larger. */
export function assertWithinLimits(scenario: Scenario, what = 'scenario'): void {
  const problems = scenarioLimitProblems(scenario);
  if (problems.length > 0)
    throw new ApiError(422, `${what} is too large to run here: ${problems.join('; ')}`);
}
