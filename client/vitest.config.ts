import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Unit tests of the dashboard's pure parts (the views are covered by the e2e suite). */
export default defineConfig({
  resolve: {
    alias: { '@hotline-sim/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'client',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.test.ts'],
    // Pure functions (a stubbed fetch is unstubbed after each test): the files share a worker process.
    isolate: false,
  },
});
