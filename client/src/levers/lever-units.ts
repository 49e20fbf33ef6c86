import type { MessageKey } from '../i18n';

/**
 * The unit a number lever is shown in. `share` is stored as 0–1 and shown as a percentage; `factor`
 * is relative to the scenario's load-sized staffing (×); `count`, `year` and `plain` have no unit.
 */
export type LeverUnit =
  'share' | 'minutes' | 'hours' | 'kmh' | 'months' | 'year' | 'factor' | 'count' | 'plain';

/**
 * The unit of every number lever in the catalogue (shared/src/hotline/levers.ts), read from its
 * schema field and explanation. A new number lever needs an entry (the levers test says which).
 * Time limits are not here: they are edited together, per class (time-limits.ts).
 */
export const LEVER_UNITS: Readonly<Record<string, LeverUnit>> = {
  'intake.agents': 'count',
  'lifecycle.whistle.reportLimitMinutes': 'minutes',
  'lifecycle.whistle.limitPull': 'plain',
  'lifecycle.whistle.loadPerReport': 'plain',
  'lifecycle.whistle.travelKmh': 'kmh',
  'lifecycle.whistle.jointMinutes': 'minutes',
  'lifecycle.streets.minRatedToRank': 'count',
  'lifecycle.units.targetUtilisation': 'share',
  'lifecycle.units.capacity.department': 'factor',
  'lifecycle.units.capacity.street': 'factor',
  'lifecycle.units.capacity.utility': 'factor',
  'lifecycle.streets.fringe.staffing': 'factor',
  'lifecycle.adoption.dispatch.share': 'share',
  'lifecycle.adoption.grid.share': 'share',
  'lifecycle.adoption.whistle.share': 'share',
  'lifecycle.adoption.dataSharing.share': 'share',
  'lifecycle.supervision.scorePenalty': 'plain',
  'lifecycle.assessment.weights.satisfaction': 'share',
  'lifecycle.assessment.weights.resolution': 'share',
  'lifecycle.assessment.weights.response': 'share',
  'lifecycle.assessment.rankingPressure': 'plain',
  'lifecycle.assessment.governanceListSize': 'count',
  'lifecycle.assessment.governanceListExitMonths': 'months',
  'lifecycle.assessment.governanceListHelp': 'share',
  // Hours of paperwork per unit of pressure: a small number of hours, not a share.
  'lifecycle.assessment.effortHours.paperwork': 'hours',
  'lifecycle.assessment.integrity': 'share',
  'lifecycle.assessment.gaming.excludeShare': 'share',
  'lifecycle.response.limitHours': 'hours',
  'lifecycle.proactive.monthlyTopic.topicsInForce': 'count',
  'lifecycle.dispatch.smartAccuracy': 'share',
  'lifecycle.reforms.dataSharing': 'share',
  'lifecycle.reforms.oneNetwork': 'share',
  'lifecycle.proactive.monthlyTopic.effect': 'share',
  'lifecycle.proactive.monthlyTopic.rampMonths': 'months',
  'lifecycle.citizens.callbackReach': 'share',
  'lifecycle.citizens.unresolvedReachLogit': 'plain',
  'lifecycle.streets.fringe.difficulty': 'plain',
  'lifecycle.demandYear': 'year',
};

/** The label shown after a lever's number field (none for counts, years and plain numbers). */
export const UNIT_LABELS: Readonly<Record<LeverUnit, MessageKey | null>> = {
  share: 'leverUnitPercent',
  minutes: 'leverUnitMinutes',
  hours: 'leverUnitHours',
  kmh: 'leverUnitKmh',
  months: 'leverUnitMonths',
  factor: 'leverUnitFactor',
  year: null,
  count: null,
  plain: null,
};

/** A stored value as the field shows it: shares as percentages. */
export function toDisplay(unit: LeverUnit, value: number): number {
  return unit === 'share' ? round(value * 100, 6) : value;
}

/** A field's number as stored: percentages back to shares. */
export function fromDisplay(unit: LeverUnit, shown: number): number {
  return unit === 'share' ? round(shown / 100, 8) : shown;
}

/** Rounded to `digits` decimals, so 0.07 × 100 reads 7 and not 7.000000000000001. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
