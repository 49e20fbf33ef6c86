// Before any test file: server/dist built once if it is missing or stale (server/scripts/build.mjs),
// so no test's first CLI or server start pays for the build, or prints its "built server/dist" line
// on the stderr that tests read.
import { ensureBuilt } from './server/scripts/build.mjs';

export default async function setup(): Promise<void> {
  await ensureBuilt('hotline');
}
