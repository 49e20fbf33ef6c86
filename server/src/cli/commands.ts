import {
  SweepPathError,
  compareScenarios,
  runScenario,
  runScenarioByPeriod,
  sweepScenario,
  timelinePeriods,
  type PeriodSummary,
  type Report,
} from '@hotline-sim/shared';
import { formatComparison } from './format-comparison';
import { formatPeriods } from './format-periods';
import { formatReport } from './format-report';
import { formatSweep } from './format-sweep';
import { checkedKpis } from './kpi-list';
import { loadScenario } from './load-scenario';
import type { QueueFlags } from './options';
import { parseSet } from './parse-set';
import { createProgress } from './progress';
import { queueRun } from './queue-run';
import { UsageError } from './usage-error';
import { withFields } from './with-fields';

// What `hotline run`, `compare` and `sweep` do, loaded by main.ts (dynamic import) only when one of
// them runs, so `--help` and argument errors load neither the model nor BullMQ; BullMQ and ioredis
// load only for `--queue` (an in-process run of a million arrivals should not wait for them).

/** The experiments queue's client side, loaded for `--queue` only. */
const onQueue = () => import('../experiments');

export interface RunFlags extends QueueFlags {
  replications: number;
  seed?: number;
  /** compare and sweep: the KPIs to print. */
  kpis?: string[];
  json?: boolean;
  /** run: the city to run in (a registry key). */
  city?: string;
  /** run: fields to change (`path=value`, repeatable). */
  set?: string[];
  /** compare: fields of b to change (`path=value`, repeatable). */
  setB?: string[];
}

export async function run(name: string, opts: RunFlags): Promise<void> {
  const scenario = withFields(loadScenario(name, opts.city), opts.set);
  const progress = createProgress(scenario.name);
  const options = {
    replications: opts.replications,
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
    onProgress: (f: number) => progress.update(f),
  };
  const queue = await queueRun(opts, progress);
  // A timeline with periods (reform-timeline) is also reported by period; the queue's workers
  // return whole-run replications only, so a queued run prints the report alone, and says so.
  const hasPeriods = !!scenario.lifecycle && timelinePeriods(scenario.timeline, scenario.hours).length > 0;
  if (queue && hasPeriods) {
    process.stderr.write('note: the by-period table needs an in-process run (without --queue)\n');
  }
  const byPeriod = !queue && hasPeriods;
  let report: Report;
  let periods: PeriodSummary[] | undefined;
  try {
    if (queue) report = await (await onQueue()).runScenarioOnQueue(scenario, { ...options, ...queue });
    else if (byPeriod) ({ report, periods } = runScenarioByPeriod(scenario, options));
    else report = runScenario(scenario, options);
  } finally {
    progress.stop();
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(periods ? { ...report, periods } : report, null, 2)}\n`);
    return;
  }
  const table = periods ? `\n${formatPeriods(periods, opts.replications)}\n` : '';
  process.stdout.write(`${formatReport(report)}\n${table}`);
}

export async function compare(nameA: string, nameB: string, opts: RunFlags): Promise<void> {
  const kpis = checkedKpis(opts.kpis);
  const a = loadScenario(nameA);
  const b = withFields(loadScenario(nameB), opts.setB, '--set-b');
  const progress = createProgress(`${a.name} vs ${b.name}`);
  const options = {
    replications: opts.replications,
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
    onProgress: (f: number) => progress.update(f),
  };
  const queue = await queueRun(opts, progress);
  let comparison;
  try {
    comparison = queue
      ? await (await onQueue()).compareScenariosOnQueue(a, b, { ...options, ...queue })
      : compareScenarios(a, b, options);
  } finally {
    progress.stop();
  }
  process.stdout.write(
    opts.json ? `${JSON.stringify(comparison, null, 2)}\n` : `${formatComparison(comparison, kpis)}\n`,
  );
}

export async function sweep(name: string, opts: RunFlags & { set: string }): Promise<void> {
  const kpis = checkedKpis(opts.kpis);
  const { path, values } = parseSet(opts.set);
  const scenario = loadScenario(name);
  const progress = createProgress(`${scenario.name} ${path}`);
  const options = {
    replications: opts.replications,
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
    onProgress: (f: number) => progress.update(f),
  };
  const queue = await queueRun(opts, progress);
  let result;
  try {
    result = queue
      ? await (await onQueue()).sweepScenarioOnQueue(scenario, path, values, { ...options, ...queue })
      : sweepScenario(scenario, path, values, options);
  } catch (e) {
    // A path naming no number is the user's mistake: one line, exit code 2.
    throw e instanceof SweepPathError ? new UsageError(e.message) : e;
  } finally {
    progress.stop();
  }
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSweep(result, kpis)}\n`);
}
