import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The CLI entry point the tests run, as a user would: `node server/bin/hotline.js …`. */
const bin = fileURLToPath(new URL('../bin/hotline.js', import.meta.url));
const run = promisify(execFile);

/** What one CLI call left behind: its exit code and everything it printed. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `hotline …args` in a fresh Node process; a non-zero exit is a result, not a rejection. */
export async function hotline(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as CliResult;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
