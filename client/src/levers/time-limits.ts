import { SLA_CLASSES, type SlaClass } from '@hotline-sim/shared';
import { round } from './lever-units';

/** The scenario object holding the time limits, in hours by class (lifecycle schema `timeLimits`). */
export const TIME_LIMITS_PATH = 'lifecycle.timeLimits';

/** A time limit's field: hours for the short classes, days for the 7- and 15-day ones. */
export type TimeLimitUnit = 'hours' | 'days';

/** The class a lever path is the time limit of, or null when the path is not a time limit. */
export function timeLimitClass(path: string): SlaClass | null {
  if (!path.startsWith(`${TIME_LIMITS_PATH}.`)) return null;
  const cls = path.slice(TIME_LIMITS_PATH.length + 1);
  return Object.hasOwn(SLA_CLASSES, cls) ? (cls as SlaClass) : null;
}

/** Classes whose draft limit is under two days are edited in hours, the others in days. */
export function timeLimitUnit(cls: SlaClass): TimeLimitUnit {
  return SLA_CLASSES[cls].hours < 48 ? 'hours' : 'days';
}

/** A limit in hours as its field shows it (168 h → 7 days). */
export function limitToField(unit: TimeLimitUnit, hours: number): number {
  return unit === 'days' ? round(hours / 24, 4) : hours;
}

/**
 * What a time-limit field holds, as hours: a positive number (the schema's rule), else an error
 * naming the rule. Days count as 24 h (as the draft's classes do).
 */
export function fieldToLimit(unit: TimeLimitUnit, text: string): { hours: number } | { error: string } {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n) || n <= 0) return { error: 'a time limit must be a positive number' };
  return { hours: unit === 'days' ? round(n * 24, 6) : n };
}
