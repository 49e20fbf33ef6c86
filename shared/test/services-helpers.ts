import { expect } from 'vitest';
import {
  pairedDifferenceCI,
  replicationSeed,
  runServices,
  serviceKpis,
  servicesSchema,
  type ServiceKpiName,
  type ServicesInput,
} from '../src';

/** Fixtures of the service-matter tests: paired replications of the services model alone. */

export interface ServiceRun {
  input: ServicesInput;
  days?: number;
  start?: string;
}

/** KPI values of R replications (seeds as a scenario's replications: common random numbers). */
export function serviceSamples(run: ServiceRun, replications: number, seed = 2025) {
  const s = servicesSchema.parse(run.input);
  return Array.from({ length: replications }, (_, r) =>
    serviceKpis(
      runServices(s, {
        seed: replicationSeed(seed, r),
        start: run.start ?? '2025-03-10',
        days: run.days ?? 7,
      }),
    ),
  );
}

/** Expected sign of a change b − a. */
export type Direction = 'up' | 'down';

/**
 * Asserts that every KPI moved from samples a to samples b in its direction: the paired 95 %
 * interval of b − a lies wholly above (up) or below (down) zero. Returns the intervals, for messages.
 */
export function expectMoves(
  a: readonly Record<ServiceKpiName, number>[],
  b: readonly Record<ServiceKpiName, number>[],
  moves: Partial<Record<ServiceKpiName, Direction>>,
): void {
  for (const [kpi, dir] of Object.entries(moves) as [ServiceKpiName, Direction][]) {
    const ci = pairedDifferenceCI(
      b.map((k) => k[kpi]),
      a.map((k) => k[kpi]),
    );
    const [lo, hi] = ci.ci95;
    const text = `${kpi}: ${ci.mean.toPrecision(3)} [${lo.toPrecision(3)}, ${hi.toPrecision(3)}], expected ${dir}`;
    if (dir === 'up') expect(lo, text).toBeGreaterThan(0);
    else expect(hi, text).toBeLessThan(0);
  }
}
