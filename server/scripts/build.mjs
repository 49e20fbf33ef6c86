#!/usr/bin/env node
// Bundles the server, the worker, the CLI and the replication child into server/dist with esbuild
// (issue 16): one ES module per entry plus shared chunks, so the CLI's dynamic import()s stay lazy.
// @hotline-sim/shared (TypeScript source) is bundled in; every other package stays external and is
// loaded from node_modules. Source maps (without the sources' text) let stack traces name .ts lines
// once the bins turn them on.
//
// `node server/scripts/build.mjs` builds; the bins call ensureBuilt(), which builds only when the
// build is missing or older than any source (the way client/scripts/ensure-build.mjs treats the
// dashboard). Concurrent callers (parallel test files starting bins) take turns on a lock directory;
// every output file is written to a temporary name and renamed, so a process never reads half a file.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const server = dirname(dirname(fileURLToPath(import.meta.url)));
const root = dirname(server);
export const DIST = join(server, 'dist');
/** Written last by a successful build; its mtime is the build's time. */
const STAMP = join(DIST, '.built');
const LOCK = join(server, '.dist-lock');

/** The bundle's entry points: output name → source. */
const ENTRIES = {
  server: 'src/main.ts',
  worker: 'src/worker/main.ts',
  hotline: 'src/cli/main.ts',
  replication: 'src/experiments/replication-child.ts',
};

/** What the build depends on: a change to any of these makes it stale. */
const SOURCES = [
  join(server, 'src'),
  join(server, 'package.json'),
  join(root, 'shared', 'src'),
  join(root, 'shared', 'package.json'),
  fileURLToPath(import.meta.url),
];

/** Newest modification time (ms) of a file or of any file under a directory; 0 if it is absent. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Whether the build exists and is at least as new as every source (no sources, as in the image: fresh). */
export function isFresh() {
  return existsSync(STAMP) && statSync(STAMP).mtimeMs >= Math.max(...SOURCES.map(newest));
}

/**
 * The file URL of one entry's built module (e.g. `hotline`), building first if the build is stale.
 * Without esbuild (production dependencies only) a stale build runs as it is, with a warning.
 */
export async function ensureBuilt(entry) {
  if (!isFresh()) {
    if (hasEsbuild()) await withLock(async () => isFresh() || (await build()));
    else if (existsSync(STAMP)) {
      process.stderr.write(
        'server/dist is older than its sources and esbuild is not installed: running it as it is\n',
      );
    } else throw new Error(NO_ESBUILD);
  }
  return pathToFileURL(join(DIST, `${entry}.js`)).href;
}

const NO_ESBUILD =
  'server/dist is missing and esbuild is not installed to build it: run `npm install` (with dev dependencies), then `npm run build:server`';

function hasEsbuild() {
  try {
    import.meta.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

/** Build now, whatever the stamp says. */
export async function build() {
  if (!hasEsbuild()) throw new Error(NO_ESBUILD);
  const esbuild = await import('esbuild');
  // The stamp gets the time the build started: a source saved while it ran is newer, so it counts.
  const startedAt = new Date();
  const started = performance.now();
  const result = await esbuild.build({
    absWorkingDir: server,
    entryPoints: ENTRIES,
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    // Whitespace and comments out (names stay): a smaller file to read, decode and parse at every
    // start; the source maps still map each frame to its .ts line.
    minifyWhitespace: true,
    write: false,
    logLevel: 'warning',
    plugins: [lazyPackages, externalPackages, jsonAsString],
  });
  mkdirSync(DIST, { recursive: true });
  const written = new Set(result.outputFiles.map((f) => basename(f.path)));
  // Chunks before entries, so a new entry never imports a chunk that is not there yet.
  const isEntry = (f) => Object.hasOwn(ENTRIES, basename(f.path).replace(/\.js(\.map)?$/, ''));
  for (const file of [
    ...result.outputFiles.filter((f) => !isEntry(f)),
    ...result.outputFiles.filter(isEntry),
  ]) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  // The previous build's chunks: gone, so dist holds one build (a CLI still running that build and
  // about to import one of them lazily would fail; a rebuild happens only after a source changed).
  for (const name of readdirSync(DIST)) {
    if (name !== basename(STAMP) && !written.has(name)) rmSync(join(DIST, name), { force: true });
  }
  writeFileSync(STAMP, `${startedAt.toISOString()}\n`);
  utimesSync(STAMP, startedAt, startedAt);
  const ms = Math.round(performance.now() - started);
  process.stderr.write(`built server/dist (server, worker, hotline, replication) in ${ms} ms\n`);
  return true;
}

/**
 * Packages loaded on first use, with the functions the sources import from them: `yaml` parses and
 * writes YAML scenarios only, yet loading it cost every `hotline run` of a JSON scenario ~25 ms. The
 * bundle imports a stand-in whose functions require() the package when first called (its Node entry
 * is CommonJS, the module an import would load). Importing anything not listed fails the build.
 */
const LAZY = { yaml: ['parse', 'stringify'] };

const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    const names = Object.keys(LAZY).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({
      path: args.path,
      namespace: 'lazy',
    }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: [
        "import { createRequire } from 'node:module';",
        'let loaded;',
        `const load = () => (loaded ??= createRequire(import.meta.url)(${JSON.stringify(args.path)}));`,
        ...LAZY[args.path].map((f) => `export const ${f} = (...a) => load().${f}(...a);`),
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/** Every bare import but @hotline-sim/* (workspace TypeScript) is external: loaded from node_modules. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@hotline-sim/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * A JSON module becomes `JSON.parse("<its text>")` rather than esbuild's object literal: the city's
 * data (1.4 MB) as a literal cost every start-up ~150 ms of V8 parsing and a large source map, where
 * one string literal scans at once and JSON.parse builds the same value several times faster.
 * The built-in cities' data files (shared/src/city/data/, 2.4 MB for three cities) stay text until a
 * run needs that city: `createCity` parses text, so `hotline run mmc` (no city) parses none of it.
 * Only default imports of JSON exist in the sources, so nothing else is lost.
 */
const CITY_DATA = /[\\/]shared[\\/]src[\\/]city[\\/]data[\\/][^\\/]+\.json$/;
const jsonAsString = {
  name: 'json-as-string',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) => {
      // Parsed and written again without whitespace: smaller, and a malformed file fails the build.
      const text = JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8')));
      const value = CITY_DATA.test(args.path) ? JSON.stringify(text) : `JSON.parse(${JSON.stringify(text)})`;
      return { contents: `export default ${value};`, loader: 'js' };
    });
  },
};

/** Run `fn` holding LOCK (a directory: mkdir is atomic); a lock whose holder died is taken over. */
async function withLock(fn) {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (!holderAlive()) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    writeFileSync(join(LOCK, 'pid'), String(process.pid));
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Whether the process holding LOCK still runs (a lock not yet naming its holder counts while young). */
function holderAlive() {
  let pid;
  try {
    pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    try {
      return Date.now() - statSync(LOCK).mtimeMs < 5_000;
    } catch {
      return false; // released meanwhile: try again at once
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await withLock(build);
