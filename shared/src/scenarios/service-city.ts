import type { LifecycleInput } from '../hotline/lifecycle-schema';
import type { ScenarioInput } from '../scenario/schema';
import type { ServicesInput } from '../services/schema';
import { SAMPLE_SHARE } from './reform-timeline';

/**
 * A service-delivery city's week (Hangzhou, Shanghai: DOMAIN.md §10): its 12345 hotline on the
 * 接诉即办 lifecycle and its service matters, sharing demand and staffing between a city's years so
 * that two years differ by levers only (as Beijing's reform stages do).
 *
 * Hotline demand is Beijing's 2019 rate per resident (19,000 contacts a day, DOMAIN.md §4, for
 * 21.893 M residents: Beijing Statistics Bureau, 2021-05-19, 7th census bulletin) times the city's
 * census population, and a tenth of it is simulated (SAMPLE_SHARE, as the reform timeline does): the
 * per-resident rate is assumed to carry over (no comparable published daily count for either city's
 * 12345 was found). Agents and grid discoveries are Beijing's scaled the same way.
 */
const BEIJING_POPULATION = 21_893_095;
const BEIJING_CONTACTS_PER_DAY = 19_000;
/**
 * Share of the city's 12345 contacts that are about service matters (questions and complaints) in its
 * first year (assumed: no published split was found). They come from the services model
 * (hotline/injects/matter-calls.ts); the rest of the demand is Beijing's per-resident rate × (1 − this).
 */
export const MATTER_CONTACT_SHARE = 0.1;
/** Beijing's grid discoveries per cell per day (the lifecycle default, DOMAIN.md §5; assumed). */
const GRID_PER_CELL_PER_DAY = 3.6;
const HOUR_OF_DAY = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.9, 1.5, 1.85, 1.9, 1.6, 1.2, 1.35, 1.75, 1.8, 1.65, 1.4, 1.15,
  1.05, 0.95, 0.8, 0.55, 0.4,
];
/** Beijing's 2019 agents by hour (reform-stages.ts), for 85 % utilisation at 19,000 a day. */
const BEIJING_AGENTS_BY_HOUR = [
  22, 13, 9, 8, 8, 13, 35, 78, 129, 159, 164, 138, 104, 116, 151, 155, 142, 121, 99, 91, 82, 69, 48, 35,
];

export interface ServiceCity {
  /** The built-in city the week runs in (its districts, streets and units: shared/src/city/). */
  key: 'hangzhou' | 'shanghai';
  /** 2020 census population (7th census bulletin of the city's statistics bureau). */
  population: number;
  /** Start of the simulated week (a Monday), shared by the city's years. */
  start: string;
  seed: number;
  /** Applicants for service matters per working day (a sample; see each city's file). */
  applicantsPerDay: number;
  /**
   * Hotline contacts per matter call of the services sample, fitted so that in the city's first year
   * the matter contacts are MATTER_CONTACT_SHARE of its contacts: share / (1 − share) × the other
   * contacts ÷ the matter contacts at a scale of 1 (services-hotline.test.ts checks the fit). A
   * fitted scale, not a reform effect: it is the same in both of the city's years.
   */
  callsPerMatterCall: number;
}

export function serviceCityScenario(
  city: ServiceCity,
  name: string,
  description: string,
  lifecycle: LifecycleInput,
  services: Omit<ServicesInput, 'applicantsPerDay' | 'callsPerMatterCall'>,
): ScenarioInput {
  const scale = (city.population / BEIJING_POPULATION) * SAMPLE_SHARE;
  const agentsByHour = BEIJING_AGENTS_BY_HOUR.map((a) => Math.max(1, Math.round(a * scale)));
  return {
    name,
    description,
    city: city.key,
    seed: city.seed,
    start: city.start,
    hours: 168,
    warmupHours: 0,
    arrivals: {
      perHour: (BEIJING_CONTACTS_PER_DAY * scale * (1 - MATTER_CONTACT_SHARE)) / 24,
      hourOfDay: HOUR_OF_DAY,
    },
    intake: {
      agents: Math.max(...agentsByHour),
      agentsByHour,
      talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } },
      patienceMinutes: { exponential: { mean: 3 } },
    },
    // Grid discoveries per cell scaled as the contacts are (the default 3.6 a day is Beijing's whole
    // volume, DOMAIN.md §5), so 一网统管's patrols stand to the sampled hotline as Beijing's do.
    lifecycle: { ...lifecycle, grid: { ...lifecycle.grid, perCellPerDay: GRID_PER_CELL_PER_DAY * scale } },
    services: {
      applicantsPerDay: city.applicantsPerDay,
      callsPerMatterCall: city.callsPerMatterCall,
      ...services,
    },
  };
}
