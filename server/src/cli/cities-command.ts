import { InvalidArgumentError, type Command } from 'commander';
import type { CitiesFlags } from './cities-action';
import { pairedReplications, seedArg, withQueueOptions } from './options';

function hoursArg(text: string): number {
  const h = Number(text);
  if (!Number.isFinite(h) || h <= 0) throw new InvalidArgumentError('hours must be a positive number');
  return h;
}

function scenarioListArg(text: string): string[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) {
    throw new InvalidArgumentError('scenarios must name at least one scenario, e.g. stage-2024');
  }
  return names;
}

/**
 * `hotline cities`: the three cities side by side by VIOTE driver. Only the command is registered
 * here; what it does (cities-action.ts) loads when it runs.
 */
export function registerCitiesCommand(program: Command): void {
  withQueueOptions(program.command('cities'))
    .description(
      "the three cities side by side by VIOTE driver: the levers each city's latest scenario uses, each switched off one at a time on common random numbers, and its effect on time to a result, visits per matter and satisfaction (95 % CIs)",
    )
    .option(
      '--scenarios <list>',
      'scenarios to compare, built-in names or files (default: stage-2024,shanghai-2024,hangzhou-2018)',
      scenarioListArg,
    )
    .option('-r, --replications <n>', 'replications of every run (at least 2)', pairedReplications, 3)
    .option('-s, --seed <s>', "base seed of every city (default: each scenario's own)", seedArg)
    .option('--hours <h>', "cap every scenario's horizon at this many hours", hoursArg, 24)
    .option('--json', 'print only the comparison as JSON on stdout')
    .action(async (opts: CitiesFlags) => (await import('./cities-action')).cities(opts));
}
