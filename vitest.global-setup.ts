import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Before any test file: server/dist built once if it is missing or stale, by the CLI's own start
// (server/bin/hotline.js builds it with server/scripts/build.mjs), so no test's first CLI or server
// start pays for the build or prints its "built server/dist" line on the stderr that tests read. A
// child process, as the tests start the bins: in vitest's own process the build script could not
// resolve esbuild (a fresh clone failed so).
export default function setup(): void {
  const bin = fileURLToPath(new URL('./server/bin/hotline.js', import.meta.url));
  const built = spawnSync(process.execPath, [bin, '--help'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0)
    throw new Error(`building server/dist failed (hotline --help exited ${built.status})`);
}
