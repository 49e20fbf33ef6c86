import {
  KPIS,
  compareScenarios,
  defaultSensitivityKpi,
  leverSwings,
  scenarioLevers,
  sensitivityOf,
  type Comparison,
  type KpiName,
} from '@hotline-sim/shared';
import { formatLevers, formatSensitivity } from './format-levers';
import { loadScenario } from './load-scenario';
import type { QueueFlags } from './options';
import { createProgress } from './progress';
import { queueRun } from './queue-run';
import { UsageError } from './usage-error';

// What `hotline levers` and `hotline sensitivity` do, loaded by levers-commands.ts (dynamic import)
// only when one of them runs.

export function levers(name: string, opts: { json?: boolean }): void {
  const scenario = loadScenario(name);
  const list = scenarioLevers(scenario);
  process.stdout.write(
    opts.json ? `${JSON.stringify(list, null, 2)}\n` : `${formatLevers(scenario.name, list)}\n`,
  );
}

export async function sensitivity(
  name: string,
  opts: QueueFlags & { kpi?: string; replications: number; seed?: number; json?: boolean },
): Promise<void> {
  if (opts.kpi !== undefined && !Object.hasOwn(KPIS, opts.kpi)) {
    throw new UsageError(`kpi must be one of ${Object.keys(KPIS).join(', ')}`);
  }
  const scenario = loadScenario(name);
  const kpi = (opts.kpi as KpiName | undefined) ?? defaultSensitivityKpi(scenario);
  const swings = leverSwings(scenario);
  const progress = createProgress(`${scenario.name} sensitivity`);
  const queue = queueRun(opts, progress);
  const onQueue = queue ? await import('../experiments') : undefined;
  const comparisons: Comparison[] = [];
  try {
    for (const [i, swing] of swings.entries()) {
      const options = {
        replications: opts.replications,
        seed: opts.seed ?? scenario.seed,
        onProgress: (f: number) => progress.update((i + f) / swings.length),
      };
      comparisons.push(
        queue && onQueue
          ? await onQueue.compareScenariosOnQueue(swing.a, swing.b, {
              ...options,
              ...queue,
              onProgress: options.onProgress,
            })
          : compareScenarios(swing.a, swing.b, options),
      );
    }
  } finally {
    progress.stop();
  }
  const result = sensitivityOf(scenario, kpi, swings, comparisons);
  if (!result.rows.some((r) => Number.isFinite(r.difference)) && swings.length > 0) {
    throw new UsageError(`${scenario.name} does not report ${kpi}`);
  }
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSensitivity(result)}\n`);
}
