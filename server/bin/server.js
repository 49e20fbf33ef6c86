#!/usr/bin/env node
// Runs the live server from server/dist, the bundle server/scripts/build.mjs makes with esbuild;
// builds it first when it is missing or older than any source. Stack traces name .ts lines (source maps).
import { ensureBuilt } from '../scripts/build.mjs';

process.setSourceMapsEnabled(true);
await import(await ensureBuilt('server'));
