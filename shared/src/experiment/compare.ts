import { kpiNames, replicationKpis, type KpiName, type KpiValues } from '../report/kpis';
import type { Scenario } from '../scenario/schema';
import { meanCI, pairedDifferenceCI } from '../stats';
import { replicationSeed, runReplication, type ProgressListener } from './run-scenario';

/** One KPI of a comparison: both means and what changed from A to B. */
export interface ComparisonRow {
  kpi: KpiName;
  /** Mean over A's replications. */
  a: number;
  /** Mean over B's replications. */
  b: number;
  /** Mean paired difference b − a (equal to b − a up to rounding). */
  difference: number;
  /** 95 % Student-t interval of the paired difference b − a. */
  ci95: [number, number];
  /**
   * difference / |a|: 0 when nothing changed, null when a is 0 and something did (no ratio exists;
   * null rather than Infinity so it survives JSON).
   */
  relativeDifference: number | null;
  /** True when the interval excludes 0: B differs from A at the 95 % level. */
  significant: boolean;
}

/** What `compareScenarios` reports; the CLI prints it and `--json` emits it as is. */
export interface Comparison {
  /** Name of scenario A (the baseline). */
  a: string;
  /** Name of scenario B (the alternative). */
  b: string;
  /** Base seed: replication r of both scenarios ran on `replicationSeed(seed, r)`. */
  seed: number;
  replications: number;
  /** One row per KPI both scenarios report, in report order (KPIS). */
  rows: ComparisonRow[];
}

export interface CompareOptions {
  /** Replications of each scenario; a paired interval needs at least 2. @defaultValue 10 */
  replications?: number;
  /** Base seed of both scenarios. @defaultValue scenario A's seed */
  seed?: number;
  /** Fraction of all 2 × replications runs done, in [0, 1]. */
  onProgress?: ProgressListener;
}

/**
 * Compare two scenarios on common random numbers: replication r of A and of B run on the same seed,
 * so their arrivals (and each contact's talk time and patience) coincide and a KPI's per-replication
 * difference isolates the effect of what differs between them. Each KPI's difference b − a gets a
 * paired 95 % interval ({@link pairedDifferenceCI}); far narrower than comparing two separate means.
 *
 * @throws Error when replications is not an integer of at least 2.
 */
export function compareScenarios(a: Scenario, b: Scenario, options: CompareOptions = {}): Comparison {
  const replications = options.replications ?? 10;
  if (!Number.isInteger(replications) || replications < 2) {
    throw new Error(
      `replications must be an integer of at least 2 (a paired interval needs two), got ${replications}`,
    );
  }
  const seed = options.seed ?? a.seed;
  const onProgress = options.onProgress;
  const runs = 2 * replications;
  const samplesA: KpiValues[] = [];
  const samplesB: KpiValues[] = [];
  for (let r = 0; r < replications; r++) {
    const s = replicationSeed(seed, r);
    // Only the KPIs are kept: a replication's wait sketch is not needed for a comparison.
    samplesA.push(
      replicationKpis(runReplication(a, s, onProgress && ((f) => onProgress((2 * r + f) / runs)))),
    );
    samplesB.push(
      replicationKpis(runReplication(b, s, onProgress && ((f) => onProgress((2 * r + 1 + f) / runs)))),
    );
  }
  return compareKpiSamples(a.name, b.name, seed, samplesA, samplesB);
}

/**
 * The comparison of KPI samples already gathered: `samplesA[r]` and `samplesB[r]` from replication r
 * of A and of B on the same seed (`replicationSeed(seed, r)`), as {@link compareScenarios} gathers
 * them; for callers that run the replications elsewhere (a queue of workers).
 *
 * @throws Error when the two lists differ in length.
 */
export function compareKpiSamples(
  a: string,
  b: string,
  seed: number,
  samplesA: readonly KpiValues[],
  samplesB: readonly KpiValues[],
): Comparison {
  if (samplesA.length !== samplesB.length) {
    throw new Error(`paired samples differ in number: ${samplesA.length} of A, ${samplesB.length} of B`);
  }
  const names = kpiNames(samplesA[0] ?? {}).filter((kpi) => samplesB[0]?.[kpi] !== undefined);
  const rows = names.flatMap((kpi): ComparisonRow[] => {
    // Pairs where either side has no value for a rate (nothing counted) are left out; a KPI with no
    // pair at all (the epidemic rates outside 2020-22) has nothing to compare and no row.
    const pairs = samplesA
      .map((v, r) => [v[kpi] ?? NaN, samplesB[r]?.[kpi] ?? NaN] as const)
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (pairs.length === 0) return [];
    const va = pairs.map(([x]) => x);
    const vb = pairs.map(([, y]) => y);
    const meanA = meanCI(va).mean;
    const diff = pairedDifferenceCI(vb, va);
    return [
      {
        kpi,
        a: meanA,
        b: meanCI(vb).mean,
        difference: diff.mean,
        ci95: [diff.ci95[0], diff.ci95[1]],
        relativeDifference: diff.mean === 0 ? 0 : meanA === 0 ? null : diff.mean / Math.abs(meanA),
        significant: diff.significant,
      },
    ];
  });
  return { a, b, seed, replications: samplesA.length, rows };
}
