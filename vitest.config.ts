import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const shared = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));
const cityBuild = fileURLToPath(new URL('./shared/src/city/build/index.ts', import.meta.url));

/**
 * The edit-test loop (`npm run test:unit`, with the client's): the model's quick tests, the CLI's
 * usage errors and server code that needs no Redis and no server. Each file takes a few seconds of
 * CPU at most, but for cli-usage (a dozen CLI start-ups). A new test file lands in `model` (under
 * shared/test) or `slow` (under server/) until it is listed here.
 */
const UNIT = [
  'shared/src/**/*.test.ts',
  'shared/test/{demand-year,dispatch-policy,hotline-whistle,proactive-share,reform-timeline,role-seats,run-by-period,seat-cues,training}.test.ts',
  'server/test/{appeal-record,cli-lazy-load,cli-usage,config,format-periods,format-report,import-recognise,import-unseen,run-clock,store,worksheet}.test.ts',
];

/**
 * The model's long tests (whole runs, comparisons, calibration): pure computation like UNIT, so they
 * too share a worker process; each file imports the model once per worker instead of once per file
 * (a few seconds of CPU each, ~40 files).
 */
const MODEL = ['shared/test/**/*.test.ts'];

/** Tests of server/: Redis, servers, whole CLI runs, child processes; each file in its own process. */
const SERVER = ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'];

/**
 * Files that take half a minute or more of wall time, most of it waiting for a live run to drain
 * (paced at ×10,000) or for killed processes to be replaced; longest first (measured at 147211a+,
 * `--project slow` at load 5–9: open311 108 s before its Monday drain, fuzz 76, live-clock 71,
 * live-faults 62, live-lock 58, dashboard-api 56, redis-cluster 46, experiments-queue 36,
 * role-seats-api 34). They start before everything else: on a clean clone vitest has no timings and
 * starts the largest files first, which left some of these (small files) for last, one worker running
 * a long file alone at the end while the others sat idle.
 */
const LONG = [
  'server/test/fuzz.test.ts',
  'server/test/live-clock.test.ts',
  'server/test/open311.test.ts',
  'server/test/live-faults.test.ts',
  'server/test/live-lock.test.ts',
  'server/test/dashboard-api.test.ts',
  'server/test/redis-cluster.test.ts',
  'server/test/experiments-queue.test.ts',
  'server/test/role-seats-api.test.ts',
];

/** Vitest's order (measured durations when it has them, else file size), with LONG moved to the front. */
class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = LONG.indexOf(relative(this.ctx.config.root, spec.moduleId));
      return i < 0 ? LONG.length : i;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  resolve: {
    // The subpath first: an alias matches a prefix.
    alias: [
      { find: '@hotline-sim/shared/city-build', replacement: cityBuild },
      { find: '@hotline-sim/shared', replacement: shared },
    ],
  },
  test: {
    projects: [
      // Unit and model files share a worker process (no isolation): the model is imported once per
      // worker, not once per file. None of them changes global state another could see.
      { extends: true, test: { name: 'unit', include: UNIT, isolate: false } },
      {
        extends: true,
        test: {
          name: 'model',
          include: MODEL,
          exclude: [...configDefaults.exclude, ...UNIT],
          isolate: false,
        },
      },
      // Redis, servers, whole CLI runs; the longest files (LONG) start first.
      {
        extends: true,
        test: { name: 'slow', include: SERVER, exclude: [...configDefaults.exclude, ...UNIT] },
      },
      './client/vitest.config.ts',
    ],
    setupFiles: ['./vitest.setup.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    sequence: { sequencer: LongFirst },
    testTimeout: 120_000,
    // Two cores. Many server tests wait on Redis, sockets and live runs at virtual speed, so a third
    // worker fills those waits; the model's tests are CPU-bound, so more than three only contend.
    maxWorkers: 3,
  },
});
