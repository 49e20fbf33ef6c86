import { loadBeijing } from './beijing';
import { loadHangzhou } from './hangzhou';
import { loadShanghai } from './shanghai';
import type { City } from './types';

/**
 * Cities by key. The built-in cities are loaded from committed data on first use; other cities (built
 * by `hotline city <code or name>` and cached on disk) are registered at start-up by the server or
 * the CLI, so shared code never touches the file system. A scenario names its city by key
 * (`scenario.city`, default `'beijing'`).
 */
const BUILT_IN: Record<string, () => City> = {
  beijing: loadBeijing,
  shanghai: loadShanghai,
  hangzhou: loadHangzhou,
};

const registered = new Map<string, City>();

/** The default city key: Beijing, the city whose hotline the simulator was first built for. */
export const DEFAULT_CITY_KEY = 'beijing';

/** Keys of the cities shipped with the product, in display order. */
export function builtInCityKeys(): readonly string[] {
  return Object.keys(BUILT_IN);
}

/** Keys of every city a scenario may name now: the built-in ones, then those registered. */
export function knownCityKeys(): readonly string[] {
  return [...new Set([...builtInCityKeys(), ...registered.keys()])];
}

/** Make a city (e.g. one built and cached by `hotline city`) available under `key`. */
export function registerCity(key: string, city: City): void {
  registered.set(key, city);
}

/** Add a built-in city's loader (used by city data modules; call once per key). */
export function addBuiltInCity(key: string, load: () => City): void {
  BUILT_IN[key] = load;
}

/** The city known as `key`; throws an error naming the known keys when there is none. */
export function cityByKey(key: string = DEFAULT_CITY_KEY): City {
  const city = registered.get(key) ?? (Object.hasOwn(BUILT_IN, key) ? BUILT_IN[key]?.() : undefined);
  if (!city) {
    throw new Error(
      `unknown city "${key}": known cities are ${knownCityKeys().join(', ')} (build another with \`hotline city <code or name>\`)`,
    );
  }
  return city;
}

/** The city a scenario runs in: its `city` key, else the default city. */
export function cityOfScenario(scenario: { readonly city?: string | undefined }): City {
  return cityByKey(scenario.city ?? DEFAULT_CITY_KEY);
}
