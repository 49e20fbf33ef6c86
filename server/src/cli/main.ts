import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ScenarioError, runScenario } from '@hotline-sim/shared';
import { formatReport } from './format-report';
import { loadScenario } from './load-scenario';
import { createProgress } from './progress';
import { UsageError } from './usage-error';

function positiveInt(name: string) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
    return n;
  };
}

function seedArg(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new InvalidArgumentError('seed must be an integer from 0 to 4294967295');
  }
  return n;
}

const program = new Command()
  .name('hotline')
  .description('hotline-sim: simulate Beijing 12345 接诉即办 scenarios')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

program
  .command('run')
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
  .action((name: string, opts: { replications: number; seed?: number; json?: boolean }) => {
    const scenario = loadScenario(name);
    const progress = createProgress(scenario.name);
    const report = runScenario(scenario, {
      replications: opts.replications,
      ...(opts.seed === undefined ? {} : { seed: opts.seed }),
      onProgress: (f) => progress.update(f),
    });
    progress.stop();
    process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Commander has printed its own message; help and version exit cleanly.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof UsageError || e instanceof ScenarioError) {
    const message =
      e instanceof ScenarioError ? `${e.source} is invalid: ${e.problems.join('; ')}` : e.message;
    process.stderr.write(`hotline: ${message}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
