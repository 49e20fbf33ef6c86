import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const shared = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@hotline-sim/shared': shared } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['shared/src/**/*.test.ts', 'shared/test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'server', include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'] },
      },
    ],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 120_000,
  },
});
