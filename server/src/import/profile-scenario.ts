import type { ScenarioInput } from '@hotline-sim/shared';
import type { ImportResult } from './import-csv';
import type { DemandProfile } from './profile';
import { IMPORTED_INTAKE, IMPORTED_SEED, type ScenarioSource } from './to-scenario';

/** How a profile is scaled: the volume and the length of the run. */
export interface ProfileScale {
  /** Contacts per day on average; omitted: the export's contacts per active day. */
  readonly perDay?: number;
  /** Days the run lasts. @defaultValue 7 */
  readonly days?: number;
}

/** Days a profile-based scenario runs when `--days` is not given: one of each weekday. */
export const PROFILE_DAYS = 7;

/**
 * The scenario drawing contacts at random from a demand profile, scaled to a volume: `perHour` is
 * the daily volume over 24, shaped by the profile's hour-of-day and weekday multipliers; the run
 * starts on the export's first day. The profile's month multipliers are left out, so that the volume
 * asked for is the run's, whatever its month. The simulator places
 * contacts in its own city and draws their categories from its catalogue: the profile's category
 * mix and location density are written beside the scenario, not replayed. Agents are sized, as for
 * a replay, to the busiest hour the multipliers allow.
 */
export function buildProfileScenario(
  profile: DemandProfile,
  result: ImportResult,
  source: ScenarioSource,
  scale: ProfileScale = {},
): ScenarioInput {
  const { talkMinutes, serviceLevelSeconds, targetUtilisation } = IMPORTED_INTAKE;
  const perDay = scale.perDay ?? profile.perActiveDay;
  const days = scale.days ?? PROFILE_DAYS;
  const perHour = perDay / 24;
  const peak = perHour * Math.max(...profile.hourOfDay) * Math.max(...profile.dayOfWeek);
  const agents = Math.max(1, Math.ceil((peak * talkMinutes.lognormal.mean) / 60 / targetUtilisation));
  const description =
    `Demand profile of ${result.imported} contacts from ${source.file} (${result.layout} layout), ` +
    `${profile.activeDays} active day(s) of ${profile.daysSpanned}, scaled to ${perDay} contacts a day ` +
    `for ${days} day(s): hour-of-day and weekday shape from the export; categories and places drawn ` +
    `by the simulator (the export's mix is in the profile file). The intake is assumed: ${agents} ` +
    `agent(s) for the busiest hour (${Math.round(peak)} contacts at ${targetUtilisation * 100} % load), ` +
    `talk time lognormal with mean ${talkMinutes.lognormal.mean} min and cv ${talkMinutes.lognormal.cv}, ` +
    `service level ${serviceLevelSeconds} s: edit intake to fit.`;
  return {
    name: source.name,
    description,
    seed: IMPORTED_SEED,
    start: result.start,
    hours: days * 24,
    warmupHours: 0,
    intake: { agents, talkMinutes: { lognormal: { ...talkMinutes.lognormal } }, serviceLevelSeconds },
    arrivals: {
      perHour,
      hourOfDay: [...profile.hourOfDay],
      dayOfWeek: [...profile.dayOfWeek],
    },
  };
}
