import {
  buildReport,
  citiesFromSamples,
  compareKpiSamples,
  explainFromSamples,
  explainPlan,
  replicationKpis,
  sweepVariants,
  type CityComparison,
  type CityPlan,
  type Comparison,
  type Explanation,
  type Report,
  type Scenario,
  type SweepResult,
} from '@hotline-sim/shared';
import { runReplicationBatchesOnQueue, type QueueRunOptions } from './queue';

/*
 * `runScenario`, `compareScenarios`, `sweepScenario` and `compareCities` with the replications run by queue workers:
 * the same seeds and the same report code, so the same output as in-process.
 */

/** Replications and base seed, as the in-process runs take them. */
export interface QueuedRunOptions extends QueueRunOptions {
  /** @defaultValue 1 (`run`, `sweep`), 10 (`compare`) */
  replications?: number;
  /** Base seed. @defaultValue the scenario's own seed (`compare`: scenario A's) */
  seed?: number;
}

/** `runScenario` on the experiments queue: the same report for the same seeds. */
export async function runScenarioOnQueue(scenario: Scenario, options: QueuedRunOptions): Promise<Report> {
  const { replications = 1, seed = scenario.seed, ...queue } = options;
  const [runs = []] = await runReplicationBatchesOnQueue([{ scenario, replications, seed }], queue);
  return buildReport(scenario, seed, runs);
}

/** `compareScenarios` on the experiments queue: replication r of A and of B on the same seed. */
export async function compareScenariosOnQueue(
  a: Scenario,
  b: Scenario,
  options: QueuedRunOptions,
): Promise<Comparison> {
  const { replications = 10, seed = a.seed, ...queue } = options;
  if (!Number.isInteger(replications) || replications < 2) {
    throw new Error(
      `replications must be an integer of at least 2 (a paired interval needs two), got ${replications}`,
    );
  }
  const [runsA = [], runsB = []] = await runReplicationBatchesOnQueue(
    [
      { scenario: a, replications, seed, label: `${a.name} (a)` },
      { scenario: b, replications, seed, label: `${b.name} (b)` },
    ],
    queue,
  );
  return compareKpiSamples(a.name, b.name, seed, runsA.map(replicationKpis), runsB.map(replicationKpis));
}

/**
 * `explainScenarios` on the experiments queue, with the plain comparison of a and b that its first and
 * last coalitions (all at a, all at b) give for free.
 */
export async function explainScenariosOnQueue(
  a: Scenario,
  b: Scenario,
  options: QueuedRunOptions & { by?: 'driver' | 'lever' },
): Promise<{ comparison: Comparison; explanation: Explanation }> {
  const { replications = 5, seed = a.seed, by, ...queue } = options;
  const plan = explainPlan(a, b, by);
  const runs = await runReplicationBatchesOnQueue(
    plan.scenarios.map((scenario, m) => ({
      scenario,
      replications,
      seed,
      label: `${a.name} → ${b.name}: ${
        plan.groups
          .filter((_, i) => m & (1 << i))
          .map((g) => g.name)
          .join(' + ') || 'none'
      } at b`,
    })),
    queue,
  );
  const values = runs.map((r) => r.map(replicationKpis));
  return {
    comparison: compareKpiSamples(a.name, b.name, seed, values[0] ?? [], values[values.length - 1] ?? []),
    explanation: explainFromSamples(a.name, b.name, seed, plan, values),
  };
}

/**
 * `sweepScenario` on the experiments queue: every variant is validated first (the same errors), then
 * all their replications go on the queue at once.
 */
export async function sweepScenarioOnQueue(
  input: unknown,
  path: string,
  values: readonly number[],
  options: QueuedRunOptions,
): Promise<SweepResult> {
  const { replications = 1, seed, ...queue } = options;
  const variants = sweepVariants(input, path, values);
  // As runScenario: the base seed is the option's, else each variant's own (sweeping `seed` itself).
  const seeds = variants.map((v) => seed ?? v.scenario.seed);
  const runs = await runReplicationBatchesOnQueue(
    variants.map((v, i) => ({
      scenario: v.scenario,
      replications,
      seed: seeds[i] as number,
      label: `${v.scenario.name} with ${path} = ${v.value}`,
    })),
    queue,
  );
  return {
    scenario: variants[0]?.scenario.name ?? '',
    path,
    replications,
    rows: variants.map((v, i) => ({
      value: v.value,
      report: buildReport(v.scenario, seeds[i] as number, runs[i] ?? []),
    })),
  };
}

/**
 * `compareCities` on the experiments queue: the plan's runs (every city's scenario as it is and with
 * each lever in use switched off), all their replications on the queue at once; the same plan and
 * seeds, so the same comparison as in-process.
 */
export async function compareCitiesOnQueue(plan: CityPlan, queue: QueueRunOptions): Promise<CityComparison> {
  if (plan.runs.length === 0) return citiesFromSamples(plan, []);
  const runs = await runReplicationBatchesOnQueue(plan.runs, queue);
  return citiesFromSamples(
    plan,
    runs.map((r) => r.map(replicationKpis)),
  );
}
