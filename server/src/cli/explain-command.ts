import { InvalidArgumentError, type Command } from 'commander';
import type { ExplainFlags } from './explain-action';
import { KPIS_OPTION_HELP, kpiListArg, pairedReplications, seedArg } from './options';

function hoursArg(text: string): number {
  const h = Number(text);
  if (!Number.isFinite(h) || h <= 0) throw new InvalidArgumentError('hours must be a positive number');
  return h;
}

/**
 * `hotline explain <a> <b>`: split each KPI's difference over the groups of levers that differ. Only
 * the command is registered here; what it does (explain-action.ts) loads when it runs.
 */
export function registerExplainCommand(program: Command): void {
  program
    .command('explain')
    .description(
      'why did each KPI move from a to b? Shapley split of b − a over the groups of levers that differ (by VIOTE driver, or per lever when few differ), on common random numbers',
    )
    .argument('<a>', 'baseline: built-in scenario name or path to a scenario file')
    .argument('<b>', 'alternative: built-in scenario name or path to a scenario file')
    .option('-r, --replications <n>', 'replications of every combination (at least 2)', pairedReplications, 5)
    .option('-s, --seed <s>', "base seed (default: a's seed)", seedArg)
    .option(
      '--by <mode>',
      'group the changes by "driver" or by "lever" (default: per lever when at most 4 differ)',
    )
    .option('--hours <h>', 'run both scenarios for this many hours instead of their own horizon', hoursArg)
    .option(
      '--kpis <list>',
      `${KPIS_OPTION_HELP} (default: responseRate,resolutionRate,satisfactionRate,proactiveShare)`,
      kpiListArg,
    )
    .option('--json', 'print only the explanation as JSON on stdout (every KPI)')
    .action(async (a: string, b: string, opts: ExplainFlags) =>
      (await import('./explain-action')).explain(a, b, opts),
    );
}
