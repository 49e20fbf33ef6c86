import outline from './data/hangzhou-districts.geo.json' with { type: 'json' };
import units from './data/hangzhou-units.json' with { type: 'json' };
import { createCity } from './load';
import type { City } from './types';

let hangzhou: City | undefined;

/**
 * Hangzhou: 13 districts/counties (synthetic Voronoi outlines inside the city's ECharts outline), 196
 * street-level units, 3,320 communities/villages, district populations from the 2020 census (see
 * data/SOURCES.md). Built on first call, then the same object.
 */
export function loadHangzhou(): City {
  hangzhou ??= createCity(units, outline, 'hangzhou-units.json');
  return hangzhou;
}
