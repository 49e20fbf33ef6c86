import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { validateScenario } from '@hotline-sim/shared';
import { createProgress } from '../cli/progress';
import { UsageError } from '../cli/usage-error';
import { formatSummary } from './format-summary';
import { importCsv, type ImportResult } from './import-csv';
import { ImportError } from './import-error';
import { LAYOUTS, type LayoutName } from './layouts';
import { parseMapping, type Layout } from './mapping';
import { buildProfile } from './profile';
import { compactJson, formatProfile, sparseWarning } from './format-profile';
import { buildProfileScenario } from './profile-scenario';
import { buildScenario, scenarioJson } from './to-scenario';

/** Options of `hotline import`, as commander hands them over. */
export interface ImportCommandOptions {
  readonly out: string;
  readonly mapping?: string;
  readonly layout: LayoutName | 'auto';
  readonly name?: string;
  /** Build a demand profile and a scenario drawing from it, instead of a literal replay. */
  readonly profile?: boolean;
  /** With `profile`: contacts per day, and days to run. */
  readonly perDay?: number;
  readonly days?: number;
}

function fsProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error).message;
}

function readMapping(path: string): Layout {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read mapping ${path}: ${fsProblem(e)}`);
  }
  try {
    return parseMapping(text, path);
  } catch (e) {
    if (e instanceof ImportError) throw new UsageError(e.message);
    throw e;
  }
}

async function readExport(file: string, layout: Layout | undefined): Promise<ImportResult> {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = stat.size;
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${fsProblem(e)}`);
  }
  const progress = createProgress(`import ${basename(file)}`);
  try {
    return await importCsv(createReadStream(file), {
      ...(layout ? { layout } : {}),
      onProgress: (bytes) => progress.update(size > 0 ? bytes / size : 1),
    });
  } catch (e) {
    if (e instanceof ImportError) throw new UsageError(`${file}: ${e.message}`);
    if ((e as NodeJS.ErrnoException).code !== undefined && (e as NodeJS.ErrnoException).syscall) {
      throw new UsageError(`cannot read ${file}: ${fsProblem(e)}`);
    }
    throw e;
  } finally {
    progress.stop();
  }
}

/**
 * `hotline import <csv> --out scenario.json`: read a 311 export, write a scenario replaying it (or,
 * with `--profile`, drawing from its demand profile, written beside it), print the summary on
 * stderr, with a warning when a replay would be sparse. Every expected failure is a {@link UsageError} (one line, exit code 2).
 */
export async function importCommand(file: string, opts: ImportCommandOptions): Promise<void> {
  if (opts.mapping !== undefined && opts.layout !== 'auto') {
    throw new UsageError('give either --layout or --mapping, not both');
  }
  const layout =
    opts.mapping !== undefined
      ? readMapping(opts.mapping)
      : opts.layout === 'auto'
        ? undefined
        : LAYOUTS[opts.layout];
  if (!opts.profile && (opts.perDay !== undefined || opts.days !== undefined)) {
    throw new UsageError('--per-day and --days scale a profile: give --profile too');
  }
  const result = await readExport(file, layout);
  const source = { name: opts.name ?? basename(file, extname(file)), file: basename(file) };
  const profile = buildProfile(result);
  const summary = formatSummary(result, basename(file));
  if (opts.profile) {
    const scale = {
      ...(opts.perDay ? { perDay: opts.perDay } : {}),
      ...(opts.days ? { days: opts.days } : {}),
    };
    const scenario = buildProfileScenario(profile, result, source, scale);
    validateScenario(scenario, opts.out);
    const profileFile = `${opts.out.replace(/\.json$/i, '')}.profile.json`;
    write(opts.out, compactJson(scenario));
    write(profileFile, compactJson(profile));
    process.stderr.write(
      `${summary}\n${formatProfile(profile)}\nwrote ${opts.out}: scenario "${scenario.name}", ` +
        `${(scenario.arrivals.perHour ?? 0) * 24} contacts a day on average over ${scenario.hours} h; ` +
        `wrote ${profileFile}: the profile\n`,
    );
    return;
  }
  const scenario = buildScenario(result, source);
  // The output must load as it is; a failure here is a bug in the importer, reported like a bad file.
  validateScenario(scenario, opts.out);
  write(opts.out, scenarioJson(scenario));
  const warning = profile.sparse ? `\n${sparseWarning(profile)}` : '';
  process.stderr.write(
    `${summary}${warning}\nwrote ${opts.out}: scenario "${scenario.name}", ` +
      `${result.imported.toLocaleString('en-US')} contacts over ${result.hours} h\n`,
  );
}

function write(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${path}: ${code === 'ENOENT' ? 'no such directory' : fsProblem(e)}`);
  }
}
