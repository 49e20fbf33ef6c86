import type { Command } from 'commander';
import { formatScenario } from '@hotline-sim/shared';
import { loadScenario } from './load-scenario';

/** `hotline show <name> [--yaml]`: a scenario as a file to copy and edit (every default filled in). */
export function registerShowCommand(program: Command): void {
  program
    .command('show')
    .description(
      'print a scenario (built-in name or file, `extends` resolved) as a file to edit: JSON, or YAML with --yaml',
    )
    .argument('<scenario>', 'built-in scenario name or path to a scenario file')
    .option('--yaml', 'print YAML instead of JSON')
    .action((name: string, opts: { yaml?: boolean }) => {
      process.stdout.write(formatScenario(loadScenario(name), opts.yaml ? 'yaml' : 'json'));
    });
}
