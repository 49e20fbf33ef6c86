import type { VioteDriver } from '../hotline/levers';
import { scenarioLevers, withLever, type LeverValue } from '../levers/scenario-levers';
import { kpiNames, replicationKpis, type KpiValues } from '../report/kpis';
import type { Scenario } from '../scenario/schema';
import { meanCI } from '../stats';
import { replicationSeed, runReplication, type ProgressListener } from './run-scenario';

/** One lever that differs between the two scenarios of an explanation. */
export interface LeverChange {
  path: string;
  driver: VioteDriver;
  from: LeverValue;
  to: LeverValue;
}

/**
 * A group of changes switched from A's values to B's together: the levers of one VIOTE driver, one
 * lever, or `other` (whatever differs that is not a lever: demand, horizon, the city …).
 */
export interface ExplainGroup {
  name: string;
  levers: LeverChange[];
}

/** A mean over replications with its 95 % Student-t interval. */
export interface Estimate {
  mean: number;
  ci95: [number, number];
}

/** One group's share of a KPI's difference. */
export interface ExplainPart extends Estimate {
  group: string;
  /** The group switched alone (everything else at A): its main effect. */
  alone: Estimate;
}

export interface KpiExplanation {
  /** b − a, paired on common random numbers. */
  total: Estimate;
  /** Shapley values: each group's average marginal effect over every order of switching; they add up to `total`. */
  parts: ExplainPart[];
  /**
   * total − Σ alone: the part of the difference no group makes on its own (groups that need each
   * other, or cancel). The Shapley parts have already shared it out among the groups involved.
   */
  interaction: Estimate;
}

export interface Explanation {
  a: string;
  b: string;
  seed: number;
  replications: number;
  by: 'driver' | 'lever';
  groups: ExplainGroup[];
  kpis: Record<string, KpiExplanation>;
}

export interface ExplainOptions {
  /** Replications of every coalition (at least 2). @defaultValue 5 */
  replications?: number;
  /** Base seed; replication r of every coalition runs on the same seed. @defaultValue a's seed */
  seed?: number;
  /** Group per lever or per VIOTE driver. @defaultValue per lever when at most 4 levers differ */
  by?: 'driver' | 'lever';
  onProgress?: ProgressListener;
}

/** At most this many groups: a Shapley split runs every one of the 2^k coalitions. */
export const MAX_EXPLAIN_GROUPS = 7;

const comparable = (s: Scenario) => JSON.stringify({ ...s, name: '', description: '', seed: 0 });

/** The levers whose values differ between a and b (catalogue order), and whether anything else does. */
export function leverChanges(a: Scenario, b: Scenario): { changes: LeverChange[]; other: boolean } {
  const inA = new Map(scenarioLevers(a).map((e) => [e.path, e]));
  const changes: LeverChange[] = [];
  for (const e of scenarioLevers(b)) {
    const from = inA.get(e.path);
    if (from && from.value !== e.value) {
      changes.push({ path: e.path, driver: e.driver, from: from.value, to: e.value });
    }
  }
  // B with every changed lever put back to A's value: anything still different is not a lever.
  const bAtA = changes.reduce((s, c) => withLever(s, c.path, c.from), b);
  return { changes, other: comparable(bAtA) !== comparable(a) };
}

/** Group the changes by VIOTE driver or one group per lever, plus `other` when needed. */
export function explainGroups(
  a: Scenario,
  b: Scenario,
  by?: 'driver' | 'lever',
): { by: 'driver' | 'lever'; groups: ExplainGroup[] } {
  const { changes, other } = leverChanges(a, b);
  const mode = by ?? (changes.length <= 4 ? 'lever' : 'driver');
  const groups: ExplainGroup[] = [];
  for (const c of changes) {
    const name = mode === 'lever' ? c.path : c.driver;
    const g = groups.find((x) => x.name === name);
    if (g) g.levers.push(c);
    else groups.push({ name, levers: [c] });
  }
  if (other) groups.push({ name: 'other', levers: [] });
  if (groups.length > MAX_EXPLAIN_GROUPS) {
    throw new Error(
      `${groups.length} groups differ between ${a.name} and ${b.name}; at most ${MAX_EXPLAIN_GROUPS} can be split (2^k runs): use --by driver`,
    );
  }
  return { by: mode, groups };
}

/** The scenario with the groups in `mask` switched to B and the rest at A. */
function coalition(a: Scenario, b: Scenario, groups: readonly ExplainGroup[], mask: number): Scenario {
  const otherAt = groups.findIndex((g) => g.name === 'other');
  let s = otherAt >= 0 && mask & (1 << otherAt) ? b : a;
  groups.forEach((g, i) => {
    for (const c of g.levers) s = withLever(s, c.path, mask & (1 << i) ? c.to : c.from);
  });
  return s;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

const estimate = (values: readonly number[]): Estimate => {
  const ci = meanCI(values);
  return { mean: ci.mean, ci95: [ci.ci95[0], ci.ci95[1]] };
};

/** What an explanation runs: the groups, and the 2^k coalition scenarios (bit i set: group i at B). */
export interface ExplainPlan {
  by: 'driver' | 'lever';
  groups: ExplainGroup[];
  scenarios: Scenario[];
}

/** The groups of changes between a and b, and every coalition scenario to run on common random numbers. */
export function explainPlan(a: Scenario, b: Scenario, by?: 'driver' | 'lever'): ExplainPlan {
  const plan = explainGroups(a, b, by);
  const scenarios = Array.from({ length: 1 << plan.groups.length }, (_, m) =>
    coalition(a, b, plan.groups, m),
  );
  return { ...plan, scenarios };
}

function checkReplications(replications: number): void {
  if (!Number.isInteger(replications) || replications < 2) {
    throw new Error(
      `replications must be an integer of at least 2 (an interval needs two), got ${replications}`,
    );
  }
}

/**
 * Why did each KPI move from A to B? Run all 2^k coalitions of the k groups of changes on common
 * random numbers and split each KPI's difference into Shapley values: a group's marginal effect
 * averaged over every order in which the groups could be switched. Per replication the parts add up to
 * b − a exactly; intervals are across replications (paired, so common noise cancels).
 */
export function explainScenarios(a: Scenario, b: Scenario, options: ExplainOptions = {}): Explanation {
  const replications = options.replications ?? 5;
  checkReplications(replications);
  const seed = options.seed ?? a.seed;
  const plan = explainPlan(a, b, options.by);
  const masks = plan.scenarios.length;
  // values[m][r]: the KPIs of coalition m in replication r.
  const values: KpiValues[][] = plan.scenarios.map(() => []);
  const runs = masks * replications;
  for (let r = 0; r < replications; r++) {
    const s = replicationSeed(seed, r);
    plan.scenarios.forEach((scenario, m) => {
      const done = r * masks + m;
      const progress = options.onProgress && ((f: number) => options.onProgress?.((done + f) / runs));
      (values[m] as KpiValues[]).push(replicationKpis(runReplication(scenario, s, progress)));
    });
  }
  return explainFromSamples(a.name, b.name, seed, plan, values);
}

/**
 * The Shapley split from the coalitions' KPIs (`values[m][r]`: coalition m, replication r, all on the
 * same seeds): for callers that run the replications elsewhere (the experiments queue).
 */
export function explainFromSamples(
  a: string,
  b: string,
  seed: number,
  plan: Pick<ExplainPlan, 'by' | 'groups'>,
  values: readonly (readonly KpiValues[])[],
): Explanation {
  const { by, groups } = plan;
  const k = groups.length;
  const masks = 1 << k;
  if (values.length !== masks) throw new Error(`expected ${masks} coalitions' samples, got ${values.length}`);
  const replications = values[0]?.length ?? 0;
  checkReplications(replications);
  const kpis: Record<string, KpiExplanation> = {};
  const full = masks - 1;
  for (const kpi of kpiNames(values[0]?.[0] ?? {})) {
    // Replications where some coalition has no value for this KPI (nothing counted) are left out.
    const reps = [...Array(replications).keys()].filter((r) =>
      values.every((v) => Number.isFinite(v[r]?.[kpi] ?? NaN)),
    );
    if (reps.length < 2) continue;
    const v = (m: number, r: number) => values[m]?.[r]?.[kpi] as number;
    const total = reps.map((r) => v(full, r) - v(0, r));
    const alone = groups.map((_, i) => reps.map((r) => v(1 << i, r) - v(0, r)));
    const shapley = groups.map((_, i) =>
      reps.map((r) => {
        let phi = 0;
        for (let m = 0; m < masks; m++) {
          if (m & (1 << i)) continue;
          const size = popcount(m);
          const weight = (factorial(size) * factorial(k - size - 1)) / factorial(k);
          phi += weight * (v(m | (1 << i), r) - v(m, r));
        }
        return phi;
      }),
    );
    kpis[kpi] = {
      total: estimate(total),
      parts: groups.map((g, i) => ({
        group: g.name,
        ...estimate(shapley[i] as number[]),
        alone: estimate(alone[i] as number[]),
      })),
      interaction: estimate(
        reps.map((_, j) => (total[j] as number) - alone.reduce((t, x) => t + (x[j] as number), 0)),
      ),
    };
  }
  return { a, b, seed, replications, by, groups, kpis };
}

function popcount(m: number): number {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
}
