import type { CityComparisonStatus, CreateCityComparisonBody } from '@hotline-sim/shared';
import { call } from './rest';

/** The three cities side by side, on the server's experiments queue (POST, then poll GET). */
export const citiesApi = {
  create: (body: CreateCityComparisonBody) => call<CityComparisonStatus>('POST', '/comparisons/cities', body),
  get: (id: string) => call<CityComparisonStatus>('GET', `/comparisons/cities/${encodeURIComponent(id)}`),
};
