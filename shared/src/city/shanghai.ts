import outline from './data/shanghai-districts.geo.json' with { type: 'json' };
import units from './data/shanghai-units.json' with { type: 'json' };
import { createCity } from './load';
import type { City } from './types';

let shanghai: City | undefined;

/**
 * Shanghai: 16 districts (ECharts outlines), 234 street-level units, 6,509 communities/villages, district
 * populations from the 2020 census (see data/SOURCES.md). Built on first call, then the same object.
 */
export function loadShanghai(): City {
  shanghai ??= createCity(units, outline, 'shanghai-units.json');
  return shanghai;
}
