import { cityOfScenario } from '../city/registry';
import type { City } from '../city/types';
import { SECONDS_PER_HOUR } from '../engine/calendar';
import { HotlineModel } from '../hotline/hotline-model';
import { IntakeModel } from '../intake/intake-model';
import type { ServiceObservation } from '../services/observation';
import { runServices } from '../services/service-model';
import { distributionMean } from '../random/distributions';
import { hashSeed } from '../random/rng';
import {
  KPIS,
  batchKpis,
  kpiNames,
  replicationKpis,
  type KpiName,
  type KpiRecord,
  type KpiValues,
  type Replication,
} from '../report/kpis';
import { departmentLeague, streetLeague, type DepartmentRow, type StreetRow } from '../report/league';
import { meanPerHour, type Scenario } from '../scenario/schema';
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
  /**
   * How the intervals were made: across replications, or batch means within one replication of a
   * stationary scenario. A single replication of a scenario whose conditions change over the run (a
   * daily profile, shifts, a lifecycle that drains) has no valid interval: `none`, and ci95 = [mean, mean].
   */
  ciMethod: 'replications' | 'batch-means' | 'none';
  hours: number;
  warmupHours: number;
  agents: number;
  /** λ·E[talk] / agents: the utilisation the agents would have if nobody hung up. */
  offeredLoad: number;
  /** Intake KPIs always; the 接诉即办 KPIs when the scenario has a lifecycle. */
  kpis: KpiRecord<KpiEstimate>;
  /** Time in queue of answered contacts, seconds, over all replications. */
  waitSeconds: { p50: number; p90: number; p99: number };
  /** Street league table by score (lifecycle runs only), best first, with 治理类 flags. */
  streets?: StreetRow[];
  /** The same for the city's departments and utilities, by the orders each handled. */
  departments?: DepartmentRow[];
}

/** Seed of replication r: the scenario seed itself for the first, a hash of (seed, r) after. */
export function replicationSeed(seed: number, r: number): number {
  return r === 0 ? seed : hashSeed(seed, r);
}

/** Progress of a long run: fraction done in [0, 1]. */
export type ProgressListener = (fraction: number) => void;

const PROGRESS_STEPS = 100;

/**
 * One replication in steps, for callers that must do other work while it runs (a queue worker lets
 * its event loop renew the job's lock between steps). Each `next()` advances the model by 1/steps of
 * its horizon and yields the fraction done; the call after the last step drains a lifecycle's open
 * appeals and returns the replication. The number of steps does not change the replication.
 */
export function* replicationSteps(
  scenario: Scenario,
  seed: number,
  steps = PROGRESS_STEPS,
  city?: City,
): Generator<number, Replication, void> {
  if (!Number.isInteger(steps) || steps < 1)
    throw new Error(`steps must be a positive integer, got ${steps}`);
  const model = scenario.lifecycle
    ? new HotlineModel(scenario, seed, { city: city ?? cityOfScenario(scenario) })
    : new IntakeModel(scenario, seed);
  const horizon = model.horizon;
  for (let i = 1; i <= steps; i++) {
    model.advance((horizon * i) / steps);
    yield i / steps;
  }
  if (model instanceof HotlineModel) {
    const hotline = model.drain();
    // The hotline model ran the services model itself: its matter calls are the hotline's callers.
    const services = model.services;
    return { intake: hotline.intake, hotline, ...(services ? { services } : {}) };
  }
  const services = scenarioServices(scenario, seed);
  return { intake: model.finish(), ...(services ? { services } : {}) };
}

/**
 * The service-matter part of a replication (undefined without a `services` section): its own random
 * streams, the scenario's days (a warm-up's whole days not observed). It depends on nothing the
 * hotline does, so tests of service KPIs may run it alone (a lifecycle scenario's hotline model runs
 * the same, with the same seed, and feeds its matter calls to 12345: injects/matter-calls.ts).
 */
export function scenarioServices(scenario: Scenario, seed: number): ServiceObservation | undefined {
  if (!scenario.services) return undefined;
  return runServices(scenario.services, {
    seed,
    start: scenario.start,
    days: Math.ceil(scenario.hours / 24),
    warmupDays: Math.ceil(scenario.warmupHours / 24),
  });
}

/** Run one replication to its end (a lifecycle run also drains its open appeals) in `city`. */
export function runReplication(
  scenario: Scenario,
  seed: number,
  onProgress?: ProgressListener,
  city?: City,
): Replication {
  const steps = replicationSteps(scenario, seed, onProgress ? PROGRESS_STEPS : 1, city);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
  }
}

function estimates(samples: readonly KpiValues[]): KpiRecord<KpiEstimate> {
  const out: Partial<Record<KpiName, KpiEstimate>> = {};
  for (const name of kpiNames(samples[0] ?? {})) {
    // A replication that counted nothing for a rate (no callbacks, no whistles) has no value for it.
    const values = samples.map((s) => s[name] ?? NaN).filter(Number.isFinite);
    if (values.length === 0) {
      out[name] = { mean: NaN, ci95: [NaN, NaN] };
      continue;
    }
    const ci = meanCI(values);
    // A share cannot leave [0, 1], nor a count or duration go below 0: clip the t-interval to what is possible.
    const hi = KPIS[name].unit === 'share' ? Math.min(1, ci.ci95[1]) : ci.ci95[1];
    out[name] = { mean: ci.mean, ci95: [Math.max(0, ci.ci95[0]), hi] };
  }
  return out as KpiRecord<KpiEstimate>;
}

/**
 * Turn replications into a report. With several replications the intervals come from their spread;
 * with one, from batch means of its observed horizon (counts scaled to the whole run). The street
 * league names the streets of `city`, the one the replications ran in.
 */
export function buildReport(
  scenario: Scenario,
  seed: number,
  replications: readonly Replication[],
  city?: City,
): Report {
  const first = replications[0];
  if (!first) throw new Error('a report needs at least one replication');
  let kpis: KpiRecord<KpiEstimate>;
  const stationary = isStationary(scenario);
  if (replications.length === 1 && !stationary) {
    const whole = replicationKpis(first);
    kpis = estimates([whole]);
  } else if (replications.length === 1) {
    kpis = estimates(batchKpis(first));
    // The point estimates of one replication are its whole-run values, not averages of batch ratios.
    const whole = replicationKpis(first);
    for (const name of kpiNames(kpis)) (kpis[name] as KpiEstimate).mean = whole[name] ?? NaN;
  } else {
    kpis = estimates(replications.map(replicationKpis));
  }
  const waits = new QuantileSketch();
  for (const r of replications) waits.merge(r.intake.waits);
  const n = replications.length;
  const perHour = meanPerHour(scenario);
  const report: Report = {
    scenario: scenario.name,
    seed,
    replications: n,
    ciMethod: n > 1 ? 'replications' : stationary ? 'batch-means' : 'none',
    hours: scenario.hours,
    warmupHours: scenario.warmupHours,
    agents: scenario.intake.agents,
    offeredLoad:
      (perHour * distributionMean(scenario.intake.talkMinutes) * 60) /
      SECONDS_PER_HOUR /
      scenario.intake.agents,
    kpis,
    waitSeconds: { p50: waits.quantile(0.5), p90: waits.quantile(0.9), p99: waits.quantile(0.99) },
  };
  const hotline = replications.flatMap((r) => (r.hotline ? [r.hotline] : []));
  if (hotline.length > 0 && scenario.lifecycle) {
    const where = city ?? cityOfScenario(scenario);
    report.streets = streetLeague(hotline, scenario.lifecycle, where);
    report.departments = departmentLeague(hotline, scenario.lifecycle, where);
  }
  return report;
}

/**
 * Whether the run's conditions stay the same throughout, so batches of one long replication are
 * alike and batch means give a valid interval.
 */
export function isStationary(scenario: Scenario): boolean {
  const a = scenario.arrivals;
  return (
    !a.hourOfDay &&
    !a.dayOfWeek &&
    !a.monthOfYear &&
    !a.trace &&
    !scenario.intake.agentsByHour &&
    !scenario.lifecycle &&
    !scenario.services
  );
}

export interface RunOptions {
  replications?: number;
  /** Overrides the scenario's seed. */
  seed?: number;
  onProgress?: ProgressListener;
  /** The city the scenario runs in. @defaultValue the scenario's city (`scenario.city`, else Beijing) */
  city?: City;
}

/** Run a scenario's replications one after another and report. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): Report {
  const replications = options.replications ?? 1;
  if (!Number.isInteger(replications) || replications < 1) {
    throw new Error(`replications must be a positive integer, got ${replications}`);
  }
  const seed = options.seed ?? scenario.seed;
  // The default city is built only by a lifecycle scenario, the one kind that uses it (an intake-only
  // run such as mmc skips building Beijing: about 0.2 s of a short run).
  const city = options.city;
  const runs: Replication[] = [];
  for (let r = 0; r < replications; r++) {
    const onProgress = options.onProgress;
    runs.push(
      runReplication(
        scenario,
        replicationSeed(seed, r),
        onProgress && ((f) => onProgress((r + f) / replications)),
        city,
      ),
    );
  }
  return buildReport(scenario, seed, runs, city);
}
