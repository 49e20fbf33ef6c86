import { Command, CommanderError } from 'commander';
import { auditRun, type AuditResult } from '../live/audit';
import { runKeys } from '../live/keys';
import {
  ScenarioError,
  SweepPathError,
  compareScenarios,
  runScenario,
  sweepScenario,
} from '@hotline-sim/shared';
import {
  DEFAULT_REDIS_URL,
  ExperimentAbortedError,
  RedisUnreachableError,
  ReplicationFailedError,
  compareScenariosOnQueue,
  runScenarioOnQueue,
  sweepScenarioOnQueue,
} from '../experiments';
import { ConfigError, loadRedisTarget } from '../config';
import { createRedisClient, describeRedis, pingFailure } from '../redis/client';
import { importCommand, layoutArg, positiveArg, type ImportCommandOptions } from '../import/import-command';
import { formatComparison } from './format-comparison';
import { formatReport } from './format-report';
import { formatSweep } from './format-sweep';
import { loadScenario } from './load-scenario';
import { parseSet } from './parse-set';
import { registerLeverCommands } from './levers-commands';
import {
  pairedReplications,
  positiveInt,
  queueRun,
  redisUrlArg,
  seedArg,
  withQueueOptions,
  type QueueFlags,
} from './options';
import { createProgress } from './progress';
import { UsageError } from './usage-error';

const program = new Command()
  .name('hotline')
  .description('hotline-sim: simulate Beijing 12345 接诉即办 scenarios')
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
  .option('--json', 'print only the report as JSON on stdout')
  .action(
    async (name: string, opts: QueueFlags & { replications: number; seed?: number; json?: boolean }) => {
      const scenario = loadScenario(name);
      const progress = createProgress(scenario.name);
      const options = {
        replications: opts.replications,
        ...(opts.seed === undefined ? {} : { seed: opts.seed }),
        onProgress: (f: number) => progress.update(f),
      };
      const queue = queueRun(opts, progress);
      let report;
      try {
        report = queue
          ? await runScenarioOnQueue(scenario, { ...options, ...queue })
          : runScenario(scenario, options);
      } finally {
        progress.stop();
      }
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
    },
  );

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
  .option('--json', 'print only the comparison as JSON on stdout')
  .action(
    async (
      nameA: string,
      nameB: string,
      opts: QueueFlags & { replications: number; seed?: number; json?: boolean },
    ) => {
      const a = loadScenario(nameA);
      const b = loadScenario(nameB);
      const progress = createProgress(`${a.name} vs ${b.name}`);
      const options = {
        replications: opts.replications,
        ...(opts.seed === undefined ? {} : { seed: opts.seed }),
        onProgress: (f: number) => progress.update(f),
      };
      const queue = queueRun(opts, progress);
      let comparison;
      try {
        comparison = queue
          ? await compareScenariosOnQueue(a, b, { ...options, ...queue })
          : compareScenarios(a, b, options);
      } finally {
        progress.stop();
      }
      process.stdout.write(
        opts.json ? `${JSON.stringify(comparison, null, 2)}\n` : `${formatComparison(comparison)}\n`,
      );
    },
  );

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
  .option('--json', 'print only the sweep as JSON on stdout')
  .action(
    async (
      name: string,
      opts: QueueFlags & { set: string; replications: number; seed?: number; json?: boolean },
    ) => {
      const { path, values } = parseSet(opts.set);
      const scenario = loadScenario(name);
      const progress = createProgress(`${scenario.name} ${path}`);
      const options = {
        replications: opts.replications,
        ...(opts.seed === undefined ? {} : { seed: opts.seed }),
        onProgress: (f: number) => progress.update(f),
      };
      const queue = queueRun(opts, progress);
      let sweep;
      try {
        sweep = queue
          ? await sweepScenarioOnQueue(scenario, path, values, { ...options, ...queue })
          : sweepScenario(scenario, path, values, options);
      } catch (e) {
        // A path naming no number is the user's mistake: one line, exit code 2.
        throw e instanceof SweepPathError ? new UsageError(e.message) : e;
      } finally {
        progress.stop();
      }
      process.stdout.write(opts.json ? `${JSON.stringify(sweep, null, 2)}\n` : `${formatSweep(sweep)}\n`);
    },
  );

registerLeverCommands(program);

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
  .action(async (runId: string, opts: { redis?: string; json?: boolean }) => {
    const target = opts.redis ?? loadRedisTarget();
    const failure = await pingFailure(target, 3_000);
    if (failure !== null)
      throw new UsageError(
        `cannot reach Redis at ${describeRedis(target)} (${failure}): start the server's Redis or pass --redis`,
      );
    const redis = createRedisClient(target, 'hotline-audit');
    redis.on('error', () => undefined);
    try {
      if (!(await redis.exists(runKeys(runId).meta)))
        throw new UsageError(`no live run "${runId}" in ${describeRedis(target)}`);
      const audit = await auditRun(redis, runId);
      process.stdout.write(opts.json ? `${JSON.stringify(audit, null, 2)}\n` : `${formatAudit(audit)}\n`);
      if (!audit.ok) process.exitCode = 1;
    } finally {
      redis.disconnect();
    }
  });

/** The audit in a few lines: verdict, counts by state, the first problems. */
function formatAudit(a: AuditResult): string {
  const states = Object.entries(a.states)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return [
    `run ${a.run}: ${a.ok ? 'OK' : `${a.problemCount} problem(s)`}`,
    `as of virtual second ${a.virtualTime}: appeals stored ${a.appeals}, created by the model ${a.created}, transitions ${a.transitions}`,
    `states: ${states || 'none yet'}`,
    ...a.problems.slice(0, 20).map((p) => `  - ${p}`),
  ].join('\n');
}

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
  .action((file: string, opts: ImportCommandOptions) => importCommand(file, opts));

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Commander has printed its own message; help and version exit cleanly.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (
    e instanceof UsageError ||
    e instanceof ScenarioError ||
    e instanceof RedisUnreachableError ||
    e instanceof ConfigError
  ) {
    const message =
      e instanceof ScenarioError ? `${e.source} is invalid: ${e.problems.join('; ')}` : e.message;
    process.stderr.write(`hotline: ${message}\n`);
    process.exitCode = 2;
  } else if (e instanceof ReplicationFailedError || e instanceof ExperimentAbortedError) {
    // The experiment did not finish: one line saying why, and no report.
    process.stderr.write(`hotline: ${e.message}\n`);
    process.exitCode = e instanceof ExperimentAbortedError ? 130 : 1;
  } else {
    throw e;
  }
}
