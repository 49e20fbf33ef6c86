import { Command, CommanderError } from 'commander';
import { DEFAULT_REDIS_URL } from '../experiments/default-redis-url';
import { layoutArg, positiveArg } from '../import/import-args';
import type { ImportCommandOptions } from '../import/import-command';
import type { RunFlags } from './commands';
import { registerCitiesCommand } from './cities-command';
import { registerCityCommand } from './city-command';
import { registerExplainCommand } from './explain-command';
import { registerLeverCommands } from './levers-commands';
import {
  KPIS_OPTION_HELP,
  collect,
  kpiListArg,
  pairedReplications,
  positiveInt,
  redisUrlArg,
  seedArg,
  withQueueOptions,
} from './options';
import { registerShowCommand } from './show-command';
import { UsageError } from './usage-error';

// The `hotline` CLI. This module registers the commands and nothing heavier than commander: each
// action loads what it does (the model, the importer, BullMQ, ioredis) by dynamic import() when it
// runs, so `hotline --help` and argument errors start about as fast as Node itself (issue 16).

const program = new Command()
  .name('hotline')
  .description(
    'hotline-sim: simulate 12345 接诉即办 scenarios in Beijing, Shanghai, Hangzhou or any Chinese city',
  )
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

withQueueOptions(program.command('run'))
  .description('run a scenario (built-in name or JSON/YAML file) and print its report')
  .argument('<scenario>', 'built-in scenario name or path to a scenario file')
  .option(
    '-r, --replications <n>',
    'independent replications (intervals across them)',
    positiveInt('replications'),
    1,
  )
  .option('-s, --seed <s>', "override the scenario's seed", seedArg)
  .option(
    '--city <key>',
    'run it in this city: a built-in key or one cached by `hotline city` (hotline city --list)',
  )
  .option(
    '--set <path=value>',
    'change a field of the scenario, e.g. lifecycle.whistle.enabled=false or hours=48 (repeatable)',
    collect,
  )
  .option('--json', 'print only the report as JSON on stdout')
  .action(async (name: string, opts: RunFlags) => (await import('./commands')).run(name, opts));

withQueueOptions(program.command('compare'))
  .description('compare two scenarios on common random numbers: each KPI of b − a with its paired 95 % CI')
  .argument('<a>', 'baseline: built-in scenario name or path to a scenario file')
  .argument('<b>', 'alternative: built-in scenario name or path to a scenario file')
  .option(
    '-r, --replications <n>',
    'replications of each scenario, replication r of both on the same seed (at least 2)',
    pairedReplications,
    10,
  )
  .option('-s, --seed <s>', "base seed of both (default: a's seed)", seedArg)
  .option('--kpis <list>', KPIS_OPTION_HELP, kpiListArg)
  .option(
    '--set-b <path=value>',
    'change a field of b, e.g. compare stage-2024 stage-2024 --set-b lifecycle.whistle.enabled=false (repeatable)',
    collect,
  )
  .option('--json', 'print only the comparison as JSON on stdout')
  .action(async (a: string, b: string, opts: RunFlags) => (await import('./commands')).compare(a, b, opts));

withQueueOptions(program.command('sweep'))
  .description('run a scenario once per value of one numeric field, on the same seeds, and tabulate the KPIs')
  .argument('<scenario>', 'built-in scenario name or path to a scenario file')
  .requiredOption('--set <path=values>', 'the field to vary and its values, e.g. intake.agents=45,50,55')
  .option(
    '-r, --replications <n>',
    'replications at each value (intervals across them; 1: batch means)',
    positiveInt('replications'),
    1,
  )
  .option('-s, --seed <s>', "override the scenario's seed (the same for every value)", seedArg)
  .option('--kpis <list>', KPIS_OPTION_HELP, kpiListArg)
  .option('--json', 'print only the sweep as JSON on stdout')
  .action(async (name: string, opts: RunFlags & { set: string }) =>
    (await import('./commands')).sweep(name, opts),
  );

registerLeverCommands(program);
registerExplainCommand(program);
registerCitiesCommand(program);
registerShowCommand(program);
registerCityCommand(program);

program
  .command('audit')
  .description(
    'check a live run in Redis: every appeal created once, in exactly one state, with a gap-free history',
  )
  .argument('<runId>', 'the live run (GET /api/runs lists them)')
  .option(
    '--redis <url>',
    `the live server's Redis (default: the cluster of REDIS_CLUSTER_NODES, else REDIS_URL, else ${DEFAULT_REDIS_URL})`,
    redisUrlArg,
  )
  .option('--json', 'print the audit as JSON')
  .action(async (runId: string, opts: { redis?: string; json?: boolean }) =>
    (await import('./audit-command')).audit(runId, opts),
  );

program
  .command('import')
  .description(
    'turn a 311 export (CSV) into a scenario that replays its contacts as an arrival trace, or draws from its demand profile',
  )
  .argument(
    '<csv>',
    'the 311 export: NYC, Boston, any layout recognised by its columns, or any with --mapping',
  )
  .requiredOption('-o, --out <file>', 'where to write the scenario (JSON)')
  .option('--mapping <file>', 'column mapping (JSON) for a layout that is not built in')
  .option(
    '--layout <layout>',
    'nyc, boston, or auto: a built-in layout, else one recognised by its columns',
    layoutArg,
    'auto',
  )
  .option('--name <name>', 'scenario name (default: the file name without extension)')
  .option(
    '--profile',
    'build a demand profile (daily volume, hour × weekday shape, category mix, location density) and a scenario drawing from it, instead of a replay',
  )
  .option(
    '--per-day <n>',
    "with --profile: contacts per day (default: the export's per active day)",
    positiveArg('per-day', false),
  )
  .option('--days <n>', 'with --profile: days to run (default 7)', positiveArg('days', true))
  .action(async (file: string, opts: ImportCommandOptions) =>
    (await import('../import/import-command')).importCommand(file, opts),
  );

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Commander has printed its own message; help and version exit cleanly.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    await report(e);
  }
}

/** Say why a command failed in one line with its exit code; anything unforeseen is rethrown. */
async function report(e: unknown): Promise<void> {
  if (e instanceof UsageError) return fail(e.message, 2);
  // Loaded here, not above: a command that threw one of these has loaded its module already.
  const [{ ScenarioError }, experiments, { ConfigError }] = await Promise.all([
    import('@hotline-sim/shared'),
    import('../experiments'),
    import('../config'),
  ]);
  if (e instanceof ScenarioError) fail(`${e.source} is invalid: ${e.problems.join('; ')}`, 2);
  else if (e instanceof experiments.RedisUnreachableError || e instanceof ConfigError) fail(e.message, 2);
  // The experiment did not finish: one line saying why, and no report.
  else if (e instanceof experiments.ReplicationFailedError) fail(e.message, 1);
  else if (e instanceof experiments.ExperimentAbortedError) fail(e.message, 130);
  else throw e;
}

function fail(message: string, exitCode: number): void {
  process.stderr.write(`hotline: ${message}\n`);
  process.exitCode = exitCode;
}
