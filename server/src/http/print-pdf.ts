import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Chromium is not where the configuration says (CHROMIUM_PATH): the route answers 503 naming it. */
export class NoChromiumError extends Error {
  constructor(readonly path: string) {
    super(`no Chromium to print PDFs with at ${path} (set CHROMIUM_PATH, or install chromium)`);
    this.name = 'NoChromiumError';
  }
}

/** Longest a print may take before Chromium is killed. */
const PRINT_TIMEOUT_MS = 60_000;

const printers = new Map<string, (html: string) => Promise<Buffer>>();

/**
 * The printer of HTML pages to PDF with the Chromium at `chromiumPath` (lessons' worksheets, trainees'
 * certificates), one page at a time for the whole process (a headless Chromium takes a core for
 * seconds, and the machine may have two): see {@link printPdf}.
 */
export function pdfPrinter(chromiumPath: string): (html: string) => Promise<Buffer> {
  const known = printers.get(chromiumPath);
  if (known) return known;
  let queue: Promise<unknown> = Promise.resolve();
  const print = (html: string) => {
    const run = queue.then(() => printPdf(html, chromiumPath));
    queue = run.catch(() => undefined);
    return run;
  };
  printers.set(chromiumPath, print);
  return print;
}

/**
 * `html` printed to PDF by headless Chromium's own `--print-to-pdf` (no browser driver needed): the
 * page is written to a private temporary directory with a fresh profile, printed, read and removed.
 */
export async function printPdf(html: string, chromiumPath: string): Promise<Buffer> {
  try {
    await access(chromiumPath, constants.X_OK);
  } catch {
    throw new NoChromiumError(chromiumPath);
  }
  const dir = await mkdtemp(join(tmpdir(), 'hotline-pdf-'));
  try {
    const page = join(dir, 'page.html');
    const pdf = join(dir, 'page.pdf');
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
            reject(new Error(`Chromium could not print the page: ${err.message} ${stderr.slice(-500)}`));
          else resolve();
        },
      );
    });
    return await readFile(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
