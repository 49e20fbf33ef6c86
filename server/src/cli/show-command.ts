import type { Command } from 'commander';

/** `hotline show <name> [--yaml]`: a scenario as a file to copy and edit (every default filled in). */
export function registerShowCommand(program: Command): void {
  program
    .command('show')
    .description(
      'print a scenario (built-in name or file, `extends` resolved) as a file to edit: JSON, or YAML with --yaml',
    )
    .argument('<scenario>', 'built-in scenario name or path to a scenario file')
    .option('--yaml', 'print YAML instead of JSON')
    .action(async (name: string, opts: { yaml?: boolean }) => {
      // Loaded when the command runs, so `--help` need not load the model.
      const [{ formatScenario }, { loadScenario }] = await Promise.all([
        import('@hotline-sim/shared'),
        import('./load-scenario'),
      ]);
      process.stdout.write(formatScenario(loadScenario(name), opts.yaml ? 'yaml' : 'json'));
    });
}
