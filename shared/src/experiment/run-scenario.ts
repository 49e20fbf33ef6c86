import { SECONDS_PER_HOUR } from '../engine/calendar';
import { IntakeModel, type IntakeObservation } from '../intake/intake-model';
import { distributionMean } from '../random/distributions';
import { hashSeed } from '../random/rng';
import {
  INTAKE_KPIS,
  batchKpis,
  replicationKpis,
  type IntakeKpiName,
  type IntakeKpiValues,
} from '../report/intake-kpis';
import type { Scenario } from '../scenario/schema';
import { QuantileSketch, meanCI } from '../stats';

/** A KPI's point estimate and its 95 % confidence interval. */
export interface KpiEstimate {
  mean: number;
  ci95: [number, number];
}

/** What a run reports; the CLI prints it and `--json` emits it as is. */
export interface Report {
  scenario: string;
  seed: number;
  replications: number;
  /** How the intervals were made: across replications, or batch means within one. */
  ciMethod: 'replications' | 'batch-means';
  hours: number;
  warmupHours: number;
  agents: number;
  /** λ·E[talk] / agents: the utilisation the agents would have if nobody hung up. */
  offeredLoad: number;
  kpis: Record<IntakeKpiName, KpiEstimate>;
  /** Time in queue of answered contacts, seconds, over all replications. */
  waitSeconds: { p50: number; p90: number; p99: number };
  /** Answered contacts settled on the spot vs handed on for dispatch, per replication. */
  directAnswers: number;
  dispatched: number;
}

/** Seed of replication r: the scenario seed itself for the first, a hash of (seed, r) after. */
export function replicationSeed(seed: number, r: number): number {
  return r === 0 ? seed : hashSeed(seed, r);
}

/** Progress of a long run: fraction done in [0, 1]. */
export type ProgressListener = (fraction: number) => void;

const PROGRESS_STEPS = 100;

/** Run one replication to its end. */
export function runReplication(
  scenario: Scenario,
  seed: number,
  onProgress?: ProgressListener,
): IntakeObservation {
  const model = new IntakeModel(scenario, seed);
  if (!onProgress) return model.run();
  const horizon = model.horizon;
  for (let i = 1; i <= PROGRESS_STEPS; i++) {
    model.advance((horizon * i) / PROGRESS_STEPS);
    onProgress(i / PROGRESS_STEPS);
  }
  return model.finish();
}

function estimates(samples: readonly IntakeKpiValues[]): Record<IntakeKpiName, KpiEstimate> {
  const out = {} as Record<IntakeKpiName, KpiEstimate>;
  for (const name of Object.keys(INTAKE_KPIS) as IntakeKpiName[]) {
    const ci = meanCI(samples.map((s) => s[name]));
    out[name] = { mean: ci.mean, ci95: [ci.ci95[0], ci.ci95[1]] };
  }
  return out;
}

/**
 * Turn replications' observations into a report. With several replications the intervals come from
 * their spread; with one, from batch means of its observed horizon (contacts scaled to the whole run).
 */
export function buildReport(
  scenario: Scenario,
  seed: number,
  observations: readonly IntakeObservation[],
): Report {
  const first = observations[0];
  if (!first) throw new Error('a report needs at least one replication');
  let kpis: Record<IntakeKpiName, KpiEstimate>;
  if (observations.length === 1) {
    const batches = batchKpis(first).map((k) => ({ ...k, contacts: k.contacts * first.batches.length }));
    kpis = estimates(batches);
    // The point estimates of one replication are its whole-run values, not averages of batch ratios.
    const whole = replicationKpis(first);
    for (const name of Object.keys(kpis) as IntakeKpiName[]) kpis[name].mean = whole[name];
  } else {
    kpis = estimates(observations.map(replicationKpis));
  }
  const waits = new QuantileSketch();
  for (const o of observations) waits.merge(o.waits);
  const n = observations.length;
  const perHour = scenario.arrivals.perHour ?? (scenario.arrivals.trace?.length ?? 0) / scenario.hours;
  return {
    scenario: scenario.name,
    seed,
    replications: n,
    ciMethod: n === 1 ? 'batch-means' : 'replications',
    hours: scenario.hours,
    warmupHours: scenario.warmupHours,
    agents: scenario.intake.agents,
    offeredLoad:
      (perHour * distributionMean(scenario.intake.talkMinutes) * 60) /
      SECONDS_PER_HOUR /
      scenario.intake.agents,
    kpis,
    waitSeconds: { p50: waits.quantile(0.5), p90: waits.quantile(0.9), p99: waits.quantile(0.99) },
    directAnswers: observations.reduce((a, o) => a + o.directAnswers, 0) / n,
    dispatched: observations.reduce((a, o) => a + o.dispatched, 0) / n,
  };
}

export interface RunOptions {
  replications?: number;
  /** Overrides the scenario's seed. */
  seed?: number;
  onProgress?: ProgressListener;
}

/** Run a scenario's replications one after another and report. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): Report {
  const replications = options.replications ?? 1;
  if (!Number.isInteger(replications) || replications < 1) {
    throw new Error(`replications must be a positive integer, got ${replications}`);
  }
  const seed = options.seed ?? scenario.seed;
  const observations: IntakeObservation[] = [];
  for (let r = 0; r < replications; r++) {
    const onProgress = options.onProgress;
    observations.push(
      runReplication(
        scenario,
        replicationSeed(seed, r),
        onProgress && ((f) => onProgress((r + f) / replications)),
      ),
    );
  }
  return buildReport(scenario, seed, observations);
}
