import { loadBeijing } from './beijing';
import type { City } from './types';

/**
 * The city a model, a report or a scenario check uses when its caller names none: Beijing, the city
 * whose hotline the simulator models. Code outside city/ takes a `City` and falls back to this.
 */
export function defaultCity(): City {
  return loadBeijing();
}
