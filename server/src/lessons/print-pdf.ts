import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Chromium is not where the configuration says (CHROMIUM_PATH): the route answers 503 naming it. */
export class NoChromiumError extends Error {
  constructor(readonly path: string) {
    super(`no Chromium to print the worksheet with at ${path} (set CHROMIUM_PATH, or install chromium)`);
    this.name = 'NoChromiumError';
  }
}

/** Longest a print may take before Chromium is killed. */
const PRINT_TIMEOUT_MS = 60_000;

// One print at a time: a headless Chromium takes a core for seconds, and the machine may have two.
let queue: Promise<unknown> = Promise.resolve();

/**
 * `html` printed to PDF by headless Chromium's own `--print-to-pdf` (no browser driver needed): the
 * page is written to a private temporary directory with a fresh profile, printed, read and removed.
 */
export function printPdf(html: string, chromiumPath: string): Promise<Buffer> {
  const run = queue.then(() => print(html, chromiumPath));
  queue = run.catch(() => undefined);
  return run;
}

async function print(html: string, chromiumPath: string): Promise<Buffer> {
  try {
    await access(chromiumPath, constants.X_OK);
  } catch {
    throw new NoChromiumError(chromiumPath);
  }
  const dir = await mkdtemp(join(tmpdir(), 'hotline-worksheet-'));
  try {
    const page = join(dir, 'worksheet.html');
    const pdf = join(dir, 'worksheet.pdf');
    await writeFile(page, html);
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromiumPath,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--no-first-run',
          '--no-default-browser-check',
          '--disable-extensions',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--mute-audio',
          '--no-pdf-header-footer',
          `--user-data-dir=${join(dir, 'profile')}`,
          `--print-to-pdf=${pdf}`,
          pathToFileURL(page).href,
        ],
        { timeout: PRINT_TIMEOUT_MS, killSignal: 'SIGKILL' },
        (err, _stdout, stderr) => {
          if (err)
            reject(new Error(`Chromium could not print the worksheet: ${err.message} ${stderr.slice(-500)}`));
          else resolve();
        },
      );
    });
    return await readFile(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
