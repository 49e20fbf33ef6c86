import type { ScenarioInput } from '../scenario/schema';
import { STORM_CATEGORY_IDS } from '../catalogue/categories';
import beijingWeekday from './beijing-weekday.json';

/**
 * Seasonal event scenarios built on beijing-weekday (same city, demand, intake and 2024 levers),
 * each adding the injects of one known event (DOMAIN.md §4).
 */
function onWeekday(
  name: string,
  description: string,
  start: string,
  hours: number,
  injects: unknown[],
): ScenarioInput {
  const base = structuredClone(beijingWeekday) as ScenarioInput & { lifecycle: Record<string, unknown> };
  return {
    ...base,
    name,
    description,
    start,
    hours,
    lifecycle: { ...base.lifecycle, injects },
  } as ScenarioInput;
}

export const SEASONAL_EVENTS: Record<string, ScenarioInput> = {
  'heating-season': onWeekday(
    'heating-season',
    "Beijing's heating season runs from 15 November to 15 March: three days from 14 November 2025 with the 2024 levers. The catalogue's heating profile triples heating appeals in the season's first week, so no inject is needed (the heating-start inject fires the same surge at another date); seasonal pre-emption (pre-repairs in summer) is on.",
    '2025-11-14',
    72,
    [],
  ),
  'summer-storm': onWeekday(
    'summer-storm',
    'The 29 July - 1 August 2023 rainstorm (its call counts are not public, so the surge is assumed): waterlogging, power, water, facilities and fallen-tree appeals surge fivefold in Fangshan for two days, the power utility is swamped (an outage of its handling for 12 hours).',
    '2023-07-29',
    72,
    [
      {
        kind: 'surge',
        atHours: 6,
        hours: 48,
        factor: 5,
        categories: [...STORM_CATEGORY_IDS],
        districtId: '110111',
      },
      { kind: 'outage', atHours: 18, hours: 12, unitId: 'power' },
    ],
  ),
};
