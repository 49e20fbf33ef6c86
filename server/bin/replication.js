#!/usr/bin/env node
// A replication's own process (forked by the experiments worker, issue 13): straight from source like
// the server (tsx compiles on the fly), with the memory cap the worker puts on its command line.
import { register } from 'tsx/esm/api';

register();
await import('../src/experiments/replication-child.ts');
