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
import { checkedKpis } from './kpi-list';
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
  opts: QueueFlags & { kpi?: string; kpis?: string[]; replications: number; seed?: number; json?: boolean },
): Promise<void> {
  if (opts.kpi && opts.kpis) throw new UsageError('give --kpi or --kpis, not both');
  const chosen = checkedKpis(opts.kpis);
  if (opts.kpi !== undefined && !Object.hasOwn(KPIS, opts.kpi)) {
    throw new UsageError(`kpi must be one of ${Object.keys(KPIS).join(', ')}`);
  }
  const scenario = loadScenario(name);
  const kpis = chosen ?? [(opts.kpi as KpiName | undefined) ?? defaultSensitivityKpi(scenario)];
  const swings = leverSwings(scenario);
  const progress = createProgress(`${scenario.name} sensitivity`);
  const queue = await queueRun(opts, progress);
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
  const results = kpis.map((kpi) => {
    const result = sensitivityOf(scenario, kpi, swings, comparisons);
    if (!result.rows.some((r) => Number.isFinite(r.difference)) && swings.length > 0) {
      throw new UsageError(`${scenario.name} does not report ${kpi}`);
    }
    return result;
  });
  const json = chosen ? results : results[0];
  process.stdout.write(
    opts.json
      ? `${JSON.stringify(json, null, 2)}\n`
      : `${results.map((r) => formatSensitivity(r)).join('\n\n')}\n`,
  );
}
