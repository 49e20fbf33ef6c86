import { expect } from 'vitest';
import {
  BATCHES,
  HOTLINE_COUNTERS,
  HotlineModel,
  compareScenarios,
  validateScenario,
  type AppealState,
  type Comparison,
  type ComparisonRow,
  type HotlineCounter,
  type HotlineObservation,
  type KpiName,
  type LifecycleInput,
  type Scenario,
  type ScenarioInput,
} from '../src';

/** Test fixtures of the lifecycle model: a small scenario factory, a recording run, comparisons. */

/** Overrides of the test scenario: top-level fields replace (objects merge), `lifecycle` merges deeply. */
export interface LifecycleOverrides extends Partial<
  Omit<ScenarioInput, 'lifecycle' | 'intake' | 'arrivals'>
> {
  arrivals?: ScenarioInput['arrivals'];
  intake?: Partial<ScenarioInput['intake']>;
  lifecycle?: LifecycleInput;
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge of plain objects; arrays and scalars of `b` replace those of `a`. */
function merge(a: Plain, b: Plain): Plain {
  const out: Plain = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isPlain(prev) && isPlain(v) ? merge(prev, v) : v;
  }
  return out;
}

/**
 * A small lifecycle scenario: 400 contacts an hour for 48 hours from a Wednesday in March, 45 agents
 * for ≈ 35 Erlangs offered, every lifecycle lever at its default unless overridden. One replication
 * (arrivals, then the drain up to the 15-day limits) takes a few tenths of a second.
 */
export function makeLifecycleScenario(overrides: LifecycleOverrides = {}): Scenario {
  const base: ScenarioInput = {
    name: 'lifecycle-test',
    seed: 12345,
    start: '2025-03-12',
    hours: 48,
    warmupHours: 0,
    arrivals: { perHour: 400 },
    intake: {
      agents: 45,
      talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } },
      patienceMinutes: { exponential: { mean: 3 } },
    },
    lifecycle: {},
  };
  return validateScenario(merge(base as Plain, overrides as Plain), 'test scenario');
}

/** One lifecycle transition as `onTransition` reported it. */
export interface Step {
  from: AppealState | undefined;
  to: AppealState;
  t: number;
}

/** Run one replication (with its drain), recording every transition per appeal id in reported order. */
export function runRecorded(
  scenario: Scenario,
  seed: number = scenario.seed,
): { obs: HotlineObservation; histories: Map<number, Step[]> } {
  const histories = new Map<number, Step[]>();
  const model = new HotlineModel(scenario, seed, {
    onTransition: ({ id, from, to, at: t }) => {
      let h = histories.get(id);
      if (!h) {
        h = [];
        histories.set(id, h);
      }
      h.push({ from, to, t });
    },
  });
  return { obs: model.run(), histories };
}

/** Each counter summed over the batches of one observation. */
export function counterTotals(obs: HotlineObservation): Record<HotlineCounter, number> {
  const out = {} as Record<HotlineCounter, number>;
  HOTLINE_COUNTERS.forEach((name, c) => {
    let total = 0;
    for (let b = 0; b < BATCHES; b++) total += obs.counters[c * BATCHES + b] as number;
    out[name] = total;
  });
  return out;
}

/** Replications and base seed of every policy comparison: fixed, so the intervals are golden. */
export const POLICY_REPLICATIONS = 5;
export const POLICY_SEED = 20250312;

/** Compare two variants of the small scenario on common random numbers. */
export function comparePolicies(a: LifecycleOverrides, b: LifecycleOverrides): Comparison {
  return compareScenarios(makeLifecycleScenario(a), makeLifecycleScenario(b), {
    replications: POLICY_REPLICATIONS,
    seed: POLICY_SEED,
  });
}

/** The row of one KPI of a comparison. */
export function row(c: Comparison, kpi: KpiName): ComparisonRow {
  const r = c.rows.find((x) => x.kpi === kpi);
  if (!r) throw new Error(`comparison ${c.a} → ${c.b} has no row for ${kpi}`);
  return r;
}

/** Assert that B moved the KPI in the given direction: the 95 % CI of b − a lies entirely on that side of 0. */
export function expectEffect(c: Comparison, kpi: KpiName, direction: 'up' | 'down'): ComparisonRow {
  const r = row(c, kpi);
  const what = `${kpi}: b − a = ${r.difference} (95 % CI ${r.ci95[0]} … ${r.ci95[1]}), a = ${r.a}, b = ${r.b}`;
  if (direction === 'up') expect(r.ci95[0], what).toBeGreaterThan(0);
  else expect(r.ci95[1], what).toBeLessThan(0);
  expect(r.significant, what).toBe(true);
  return r;
}
