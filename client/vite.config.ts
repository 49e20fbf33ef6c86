import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const shared = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));
const sharedDir = fileURLToPath(new URL('../shared/src/', import.meta.url));
/** The live server `npm start` runs; `npm run dev -w @hotline-sim/client` proxies the API to it. */
const server = process.env.HOTLINE_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@hotline-sim/shared': shared } },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // shared/ is pure (no I/O, no globals: lint enforces it), so its modules have no side effects:
      // whatever the dashboard does not use (zod schemas, scenarios, the engine) stays out of the bundle.
      treeshake: { moduleSideEffects: (id) => !id.startsWith(sharedDir) },
    },
  },
  server: {
    proxy: {
      // Host kept (a string target would change it to the server's): the server checks a write's
      // Origin against its Host, and the page's origin is this dev server's (issue 13, point 3).
      '/api': { target: server },
      '/socket.io': { target: server, ws: true },
    },
  },
});
