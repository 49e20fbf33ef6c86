#!/usr/bin/env node
/**
 * Run shell commands at the same time; print each one's output whole when it ends (never
 * interleaved), with its name and time; exit 1 when any failed, naming which.
 *
 *   node scripts/parallel.mjs 'tsc -p shared' 'tsc -p server' 'eslint .'
 *
 * For the checks before `npm test`: on two cores, seven checks that each use one core finish in
 * about half the time they take one after another.
 */
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('usage: node scripts/parallel.mjs <command> [<command> …]');
  process.exit(2);
}

/** Run one command in a shell (npm puts node_modules/.bin on its PATH); resolve with how it ended. */
function run(command) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (err) => chunks.push(Buffer.from(String(err))));
    child.on('close', (code, signal) => {
      const ok = code === 0;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const how = ok ? 'ok' : signal ? `killed by ${signal}` : `exit ${code}`;
      process.stdout.write(`── ${command}: ${how} in ${seconds} s\n${Buffer.concat(chunks).toString()}`);
      resolve({ command, ok });
    });
  });
}

const failed = (await Promise.all(commands.map(run))).filter((r) => !r.ok);
if (failed.length > 0) {
  console.error(`failed: ${failed.map((r) => r.command).join(', ')}`);
  process.exit(1);
}
