#!/usr/bin/env node
// Runs the worker process straight from source (tsx compiles on the fly; nothing to build first).
import { register } from 'tsx/esm/api';

register();
await import('../src/worker/main.ts');
