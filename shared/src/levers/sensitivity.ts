import { compareScenarios, type Comparison } from '../experiment/compare';
import type { ProgressListener } from '../experiment/run-scenario';
import type { VioteDriver } from '../hotline/levers';
import type { KpiName } from '../report/kpis';
import type { Scenario } from '../scenario/schema';
import { leverSwings, type LeverSwing, type LeverValue } from './scenario-levers';

/** One bar of the tornado: a lever swung from `from` to `to` and what the KPI did. */
export interface SensitivityRow {
  path: string;
  driver: VioteDriver;
  from: LeverValue;
  to: LeverValue;
  /** The KPI's mean at `from` and at `to`. */
  a: number;
  b: number;
  /** Mean paired difference b − a and its 95 % interval (common random numbers). */
  difference: number;
  ci95: [number, number];
  significant: boolean;
}

/** What `hotline sensitivity` reports; `--json` emits it as is. */
export interface Sensitivity {
  scenario: string;
  kpi: KpiName;
  seed: number;
  replications: number;
  /** Sorted by |difference|, largest first; a KPI the swing leaves undefined sorts last. */
  rows: SensitivityRow[];
}

export interface SensitivityOptions {
  /** @defaultValue 'resolutionRate' with a lifecycle, else 'meanWaitSeconds' */
  kpi?: KpiName;
  /** Replications of each side of each swing (≥ 2). @defaultValue 5 */
  replications?: number;
  /** Base seed of every swing. @defaultValue the scenario's own */
  seed?: number;
  /** Only these lever paths. @defaultValue every lever of the scenario */
  paths?: readonly string[];
  onProgress?: ProgressListener;
}

/** The KPI a sensitivity analysis of this scenario reports unless told otherwise. */
export function defaultSensitivityKpi(scenario: Scenario): KpiName {
  return scenario.lifecycle ? 'resolutionRate' : 'meanWaitSeconds';
}

/**
 * The tornado from the swings' comparisons (one per swing, in the same order), for callers that run
 * the comparisons elsewhere (a queue of workers).
 */
export function sensitivityOf(
  scenario: Scenario,
  kpi: KpiName,
  swings: readonly LeverSwing[],
  comparisons: readonly Comparison[],
): Sensitivity {
  const rows = swings.map((swing, i): SensitivityRow => {
    const c = comparisons[i];
    const r = c?.rows.find((x) => x.kpi === kpi);
    return {
      path: swing.path,
      driver: swing.driver,
      from: swing.from,
      to: swing.to,
      a: r?.a ?? NaN,
      b: r?.b ?? NaN,
      difference: r?.difference ?? NaN,
      ci95: r ? [r.ci95[0], r.ci95[1]] : [NaN, NaN],
      significant: r?.significant ?? false,
    };
  });
  const size = (r: SensitivityRow) => (Number.isFinite(r.difference) ? Math.abs(r.difference) : -1);
  rows.sort((x, y) => size(y) - size(x));
  return {
    scenario: scenario.name,
    kpi,
    seed: comparisons[0]?.seed ?? scenario.seed,
    replications: comparisons[0]?.replications ?? 0,
    rows,
  };
}

/**
 * One-at-a-time sensitivity: every lever of the scenario swung over its range (a switch off → on, a
 * number low → high, a choice current → each other), each swing on common random numbers
 * (replication r of both sides on the same seed), the KPI's paired difference with its 95 % CI.
 */
export function sensitivityAnalysis(scenario: Scenario, options: SensitivityOptions = {}): Sensitivity {
  const kpi = options.kpi ?? defaultSensitivityKpi(scenario);
  const swings = leverSwings(scenario, options.paths);
  const onProgress = options.onProgress;
  const comparisons = swings.map((swing, i) =>
    compareScenarios(swing.a, swing.b, {
      replications: options.replications ?? 5,
      seed: options.seed ?? scenario.seed,
      ...(onProgress ? { onProgress: (f: number) => onProgress((i + f) / swings.length) } : {}),
    }),
  );
  return sensitivityOf(scenario, kpi, swings, comparisons);
}
