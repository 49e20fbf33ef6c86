import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The tests run against the production build: build it when missing or stale (as `npm start` does). */
export default function globalSetup(): void {
  const script = fileURLToPath(new URL('../client/scripts/ensure-build.mjs', import.meta.url));
  spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (!existsSync(fileURLToPath(new URL('../client/dist/index.html', import.meta.url)))) {
    throw new Error('client/dist is missing: the dashboard build failed (npm run build)');
  }
}
