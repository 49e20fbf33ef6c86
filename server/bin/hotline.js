#!/usr/bin/env node
// Runs the TypeScript CLI straight from source (tsx compiles on the fly; nothing to build first).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
