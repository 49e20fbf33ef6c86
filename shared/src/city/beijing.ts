import outline from './data/beijing-districts.geo.json' with { type: 'json' };
import units from './data/beijing-units.json' with { type: 'json' };
import { createCity } from './load';
import type { City } from './types';

let beijing: City | undefined;

/**
 * Beijing: 16 districts, 349 street-level units (343 streets/townships and 6 development zones),
 * 7,535 communities/villages as grid cells. Built on first call, then the same frozen object.
 */
export function loadBeijing(): City {
  beijing ??= createCity(units, outline, 'beijing-units.json');
  return beijing;
}
