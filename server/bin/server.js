#!/usr/bin/env node
// Runs the live server straight from source (tsx compiles on the fly; nothing to build first).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
