import { configDefaults, defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const shared = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));

/**
 * The edit-test loop (`npm run test:unit`, with the client's): the model's quick tests, the CLI's
 * usage errors and server code that needs no Redis and no server. Each file takes a few seconds of
 * CPU at most, but for cli-usage (a dozen CLI start-ups). A new test file lands in `slow` until it
 * is listed here.
 */
const UNIT = [
  'shared/src/**/*.test.ts',
  'shared/test/{demand-year,dispatch-policy,hotline-whistle,proactive-share,training}.test.ts',
  'server/test/{appeal-record,cli-usage,config,format-report,import-recognise,import-unseen,run-clock,store}.test.ts',
];

/** Where the tests of shared/ and server/ live; `slow` is all of them but UNIT. */
const ALL = [
  'shared/src/**/*.test.ts',
  'shared/test/**/*.test.ts',
  'server/src/**/*.test.ts',
  'server/test/**/*.test.ts',
];

export default defineConfig({
  resolve: { alias: { '@hotline-sim/shared': shared } },
  test: {
    projects: [
      // Unit files share a worker process (no isolation): the model is imported once per worker,
      // not once per file. None of them changes global state another could see.
      { extends: true, test: { name: 'unit', include: UNIT, isolate: false } },
      // Redis, servers, whole CLI runs and long model runs; projects run in name order, so these
      // (the longest files) start before the unit files fill the gaps at the end.
      { extends: true, test: { name: 'slow', include: ALL, exclude: [...configDefaults.exclude, ...UNIT] } },
      './client/vitest.config.ts',
    ],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 120_000,
    // Two cores. Many server tests wait on Redis, sockets and live runs at virtual speed, so a third
    // worker fills those waits; the model's tests are CPU-bound, so more than three only contend.
    maxWorkers: 3,
  },
});
