import type { CityMap } from '@hotline-sim/shared';
import { api } from '../api';

let cached: Promise<CityMap> | null = null;

/** The city's geometry, fetched once per page (it is not bundled: ~7,500 cells and the outlines). */
export function loadCity(): Promise<CityMap> {
  cached ??= api.city().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}
