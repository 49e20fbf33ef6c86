import type { Command } from 'commander';
import {
  KPIS_OPTION_HELP,
  kpiListArg,
  pairedReplications,
  seedArg,
  withQueueOptions,
  type QueueFlags,
} from './options';

/**
 * `hotline levers` and `hotline sensitivity`: a scenario's levers catalogue, and its tornado. Only the
 * commands are registered here; what they do (lever-actions.ts) loads when one of them runs.
 */
export function registerLeverCommands(program: Command): void {
  program
    .command('levers')
    .description(
      "list a scenario's levers by VIOTE driver: path, value, kind, swing range or choices, what each does",
    )
    .argument('<scenario>', 'built-in scenario name or path to a scenario file')
    .option('--json', 'print only the levers as JSON on stdout')
    .action(async (name: string, opts: { json?: boolean }) =>
      (await import('./lever-actions')).levers(name, opts),
    );

  withQueueOptions(program.command('sensitivity'))
    .description(
      'swing every lever of a scenario over its range, one at a time, on common random numbers: a tornado of one KPI with 95 % CIs',
    )
    .argument('<scenario>', 'built-in scenario name or path to a scenario file')
    .option('-k, --kpi <kpi>', 'the KPI (default: resolutionRate, or meanWaitSeconds without a lifecycle)')
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
          kpi?: string;
          kpis?: string[];
          replications: number;
          seed?: number;
          json?: boolean;
        },
      ) => (await import('./lever-actions')).sensitivity(name, opts),
    );
}
