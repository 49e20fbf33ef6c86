import { InvalidArgumentError, type Command } from 'commander';
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
import { compareScenariosOnQueue } from '../experiments';
import { formatLevers, formatSensitivity } from './format-levers';
import { loadScenario } from './load-scenario';
import {
  KPIS_OPTION_HELP,
  kpiListArg,
  pairedReplications,
  queueRun,
  seedArg,
  withQueueOptions,
  type QueueFlags,
} from './options';
import { createProgress } from './progress';
import { UsageError } from './usage-error';

function kpiArg(text: string): KpiName {
  if (!Object.hasOwn(KPIS, text)) {
    throw new InvalidArgumentError(`kpi must be one of ${Object.keys(KPIS).join(', ')}`);
  }
  return text as KpiName;
}

/** `hotline levers` and `hotline sensitivity`: a scenario's levers catalogue, and its tornado. */
export function registerLeverCommands(program: Command): void {
  program
    .command('levers')
    .description(
      "list a scenario's levers by VIOTE driver: path, value, kind, swing range or choices, what each does",
    )
    .argument('<scenario>', 'built-in scenario name or path to a scenario file')
    .option('--json', 'print only the levers as JSON on stdout')
    .action((name: string, opts: { json?: boolean }) => {
      const scenario = loadScenario(name);
      const levers = scenarioLevers(scenario);
      process.stdout.write(
        opts.json ? `${JSON.stringify(levers, null, 2)}\n` : `${formatLevers(scenario.name, levers)}\n`,
      );
    });

  withQueueOptions(program.command('sensitivity'))
    .description(
      'swing every lever of a scenario over its range, one at a time, on common random numbers: a tornado of one KPI with 95 % CIs',
    )
    .argument('<scenario>', 'built-in scenario name or path to a scenario file')
    .option(
      '-k, --kpi <kpi>',
      'the KPI (default: resolutionRate, or meanWaitSeconds without a lifecycle)',
      kpiArg,
    )
    .option(
      '-r, --replications <n>',
      'replications of each side of each swing (at least 2)',
      pairedReplications,
      5,
    )
    .option('-s, --seed <s>', "base seed of every swing (default: the scenario's)", seedArg)
    .option('--kpis <list>', `${KPIS_OPTION_HELP}: one tornado each, from the same runs`, kpiListArg)
    .option('--json', 'print only the sensitivity as JSON on stdout (an array of them with --kpis)')
    .action(
      async (
        name: string,
        opts: QueueFlags & {
          kpi?: KpiName;
          kpis?: KpiName[];
          replications: number;
          seed?: number;
          json?: boolean;
        },
      ) => {
        if (opts.kpi && opts.kpis) throw new UsageError('give --kpi or --kpis, not both');
        const scenario = loadScenario(name);
        const kpis = opts.kpis ?? [opts.kpi ?? defaultSensitivityKpi(scenario)];
        const swings = leverSwings(scenario);
        const progress = createProgress(`${scenario.name} sensitivity`);
        const queue = queueRun(opts, progress);
        const comparisons: Comparison[] = [];
        try {
          for (const [i, swing] of swings.entries()) {
            const options = {
              replications: opts.replications,
              seed: opts.seed ?? scenario.seed,
              onProgress: (f: number) => progress.update((i + f) / swings.length),
            };
            comparisons.push(
              queue
                ? await compareScenariosOnQueue(swing.a, swing.b, {
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
        const json = opts.kpis ? results : results[0];
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(json, null, 2)}\n`
            : `${results.map((r) => formatSensitivity(r)).join('\n\n')}\n`,
        );
      },
    );
}
