import type { ScenarioInput } from '@hotline-sim/shared';
import { formatWallClock } from './created-time';
import type { ImportResult, TraceEntry } from './import-csv';

/**
 * The intake an imported scenario starts with. A 311 export records when contacts came, not how the
 * hotline answered them, so these are assumptions to edit, stated in the scenario's description:
 * talk time lognormal with mean 5.3 min and cv 0.8 (as `beijing-weekday-intake`: an operator handles
 * 80-100 calls per 8-hour shift, DOMAIN.md §2), no hang-ups, a 15 s service level, and agents sized
 * by {@link agentsFor}.
 */
export const IMPORTED_INTAKE = {
  talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } },
  serviceLevelSeconds: 15,
  /** Utilisation the busiest hour of the trace is sized to. */
  targetUtilisation: 0.85,
} as const;

/** Contacts in the busiest clock hour of a trace. */
export function peakHourContacts(trace: readonly TraceEntry[]): number {
  const perHour = new Map<number, number>();
  let peak = 0;
  for (const { at } of trace) {
    const hour = Math.floor(at / 3600);
    const n = (perHour.get(hour) ?? 0) + 1;
    perHour.set(hour, n);
    if (n > peak) peak = n;
  }
  return peak;
}

/**
 * Agents on duty: enough that the busiest clock hour's offered load (contacts × mean talk time) keeps
 * them {@link IMPORTED_INTAKE}`.targetUtilisation` busy, at least 1. A fixed count would leave a
 * busy city's trace hopelessly queued and a quiet one idle.
 */
export function agentsFor(trace: readonly TraceEntry[]): number {
  const erlangs = (peakHourContacts(trace) * IMPORTED_INTAKE.talkMinutes.lognormal.mean) / 60;
  return Math.max(1, Math.ceil(erlangs / IMPORTED_INTAKE.targetUtilisation));
}

/** Seed of an imported scenario: the trace itself draws nothing; talk times do. */
export const IMPORTED_SEED = 1;

/** Where the trace came from, for the description. */
export interface ScenarioSource {
  /** Scenario name. */
  readonly name: string;
  /** File name of the export, as the user should recognise it. */
  readonly file: string;
}

/** The scenario replaying an import's trace: passes `validateScenario` as is. */
export function buildScenario(result: ImportResult, source: ScenarioSource): ScenarioInput {
  const { talkMinutes, serviceLevelSeconds, targetUtilisation } = IMPORTED_INTAKE;
  const agents = agentsFor(result.trace);
  const description =
    `Replay of ${result.imported} contacts from ${source.file} (${result.layout} layout), ` +
    `${formatWallClock(result.firstTime)} to ${formatWallClock(result.lastTime)} local time; ` +
    `categories mapped from the source's request types (${result.unmappedTypes.reduce((a, [, n]) => a + n, 0)} ` +
    `of unknown type went to ${result.fallbackCategory}). The intake is assumed, not from the data: ` +
    `${agents} agent${agents === 1 ? '' : 's'} (the busiest hour, ${peakHourContacts(result.trace)} contacts, at ` +
    `${targetUtilisation * 100} % load), talk time lognormal with mean ${talkMinutes.lognormal.mean} min ` +
    `and cv ${talkMinutes.lognormal.cv}, callers never hang up, service level ${serviceLevelSeconds} s: ` +
    'edit intake to fit.';
  return {
    name: source.name,
    description,
    seed: IMPORTED_SEED,
    start: result.start,
    hours: result.hours,
    warmupHours: 0,
    intake: {
      agents,
      talkMinutes: { lognormal: { ...talkMinutes.lognormal } },
      serviceLevelSeconds,
    },
    arrivals: { trace: result.trace.map((e) => ({ ...e })) },
  };
}

/**
 * The scenario as JSON text: indented, with one trace entry per line so a long trace stays readable
 * and diffable.
 */
export function scenarioJson(scenario: ScenarioInput): string {
  const { arrivals, ...rest } = scenario;
  const marker = '"@@trace@@"';
  const skeleton = JSON.stringify({ ...rest, arrivals: { ...arrivals, trace: '@@trace@@' } }, null, 2);
  const entries = (arrivals.trace ?? []).map((e) => `      ${JSON.stringify(e)}`).join(',\n');
  return `${skeleton.replace(marker, () => `[\n${entries}\n    ]`)}\n`;
}
