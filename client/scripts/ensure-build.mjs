#!/usr/bin/env node
// Builds the dashboard (client/dist) when it is missing or older than its sources, so `npm start`
// on a fresh clone serves it. Never stops the server from starting: a failed build is reported and
// the server then serves the API (and a note saying how to build) without the dashboard.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const client = dirname(dirname(fileURLToPath(import.meta.url)));
const root = dirname(client);
const built = join(client, 'dist', 'index.html');
const sources = [
  join(client, 'src'),
  join(client, 'index.html'),
  join(client, 'vite.config.ts'),
  join(client, 'package.json'),
  join(root, 'shared', 'src'),
];

/** Newest modification time (ms) of a file or of any file under a directory. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newest));
if (builtAt >= sourcesAt) process.exit(0);

console.log(
  builtAt === 0
    ? 'Building the dashboard (client/dist)…'
    : 'Dashboard sources changed: rebuilding client/dist…',
);
const result = spawnSync('npm', ['run', 'build', '--workspace', '@hotline-sim/client'], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error(
    existsSync(built)
      ? 'The dashboard build failed; serving the previous build.'
      : 'The dashboard build failed; the server starts without it (run `npm run build` to see why).',
  );
}
