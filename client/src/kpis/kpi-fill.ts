import { CATEGORIES, SLA_CLASSES, type KpiName, type SlaClass } from '@hotline-sim/shared';

/**
 * KPIs counted from the citizen's rating at the callback (回访), which the hotline makes when an
 * order's time limit expires: they stay empty until the first callbacks.
 */
export const NEEDS_CALLBACKS: ReadonlySet<KpiName> = new Set<KpiName>([
  'resolutionRate',
  'satisfactionRate',
  'score',
  'p90HoursToClose',
]);

/** Hours of each time-limit class, as a scenario's `lifecycle.timeLimits` gives them. */
export type TimeLimits = Readonly<Record<SlaClass, number>>;

/** The Regulation's time limits (the catalogue's classes): what a scenario uses unless it says otherwise. */
export const DEFAULT_TIME_LIMITS: TimeLimits = Object.fromEntries(
  Object.entries(SLA_CLASSES).map(([k, v]) => [k, v.hours]),
) as Record<SlaClass, number>;

/**
 * Virtual hours from the start of a run to its first callbacks: the shortest time limit among the
 * classes the catalogue's categories use (an emergency order dispatched in the first minutes gets its
 * callback when its limit expires).
 */
export function hoursToFirstCallbacks(limits: TimeLimits): number {
  const used = new Set(CATEGORIES.map((c) => c.slaClass));
  return Math.min(...[...used].map((c) => limits[c]));
}

/**
 * Whole virtual hours still to wait for the first callbacks, `elapsedSeconds` into the run (0 when
 * they are due: a run without an emergency order in its first hours waits a little longer).
 */
export function hoursUntilCallbacks(limits: TimeLimits, elapsedSeconds: number): number {
  return Math.max(0, Math.ceil(hoursToFirstCallbacks(limits) - elapsedSeconds / 3600));
}

/** A scenario's time limits from its JSON (the API's), the defaults for any class it leaves out. */
export function timeLimitsOf(scenario: unknown): TimeLimits {
  const raw = (scenario as { lifecycle?: { timeLimits?: Partial<Record<SlaClass, unknown>> } } | null)
    ?.lifecycle?.timeLimits;
  const limits: Record<SlaClass, number> = { ...DEFAULT_TIME_LIMITS };
  for (const k of Object.keys(limits) as SlaClass[]) {
    const v = raw?.[k];
    if (typeof v === 'number' && v > 0) limits[k] = v;
  }
  return limits;
}
