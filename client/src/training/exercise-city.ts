import type { ScenarioSummary } from '@hotline-sim/shared';

/**
 * The city an exercise takes place in, by key, for its script's district choices: a scenario object's
 * own `city`, a built-in scenario's as GET /api/scenarios lists it; null (the server's default city)
 * for an object naming none; undefined while the built-in's summary is not known yet.
 */
export function exerciseCity(
  scenario: string | Record<string, unknown>,
  summaries: readonly ScenarioSummary[],
): string | null | undefined {
  if (typeof scenario !== 'string') return typeof scenario.city === 'string' ? scenario.city : null;
  return summaries.find((s) => s.name === scenario)?.city;
}
