import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * What a `hotline run` loads: an in-process run of a JSON scenario needs neither Redis nor BullMQ
 * (they are for `--queue`) nor the YAML parser, and each of them costs every start tens of
 * milliseconds (issue 16: the whole process of a million-arrival run is measured against SimPy's).
 * A preloaded probe lists the CommonJS packages in the process when it exits; a YAML scenario shows
 * the probe sees a package the run does load.
 */
const bin = fileURLToPath(new URL('../bin/hotline.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hotline-lazy-load-'));
const probe = join(dir, 'probe.cjs');
writeFileSync(
  probe,
  `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify([...new Set(
    Object.keys(require.cache).map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(p)?.[1]).filter(Boolean),
  )]) + '\\n'));`,
);
const scenario = { name: 'lazy', seed: 3, hours: 1, warmupHours: 0, arrivals: { perHour: 300 } };
const intake = { agents: 6, talkMinutes: { exponential: { mean: 1 } } };
const json = join(dir, 'lazy.json');
writeFileSync(json, JSON.stringify({ ...scenario, intake }));
const yaml = join(dir, 'lazy.yaml');
writeFileSync(
  yaml,
  `${Object.entries(scenario)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n')}\nintake: ${JSON.stringify(intake)}\n`,
);

/** The packages a `hotline run <file>` process had loaded when it exited. */
async function packagesLoadedBy(file: string): Promise<string[]> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [
    '--require',
    probe,
    bin,
    'run',
    file,
  ]);
  expect(stdout).toContain('lazy: 1 h');
  const line = stderr.split('\n').find((l) => l.startsWith('LOADED '));
  return JSON.parse(line?.slice('LOADED '.length) ?? 'null') as string[];
}

describe('hotline run loads what it uses', () => {
  it('runs a JSON scenario without loading ioredis, bullmq or yaml', async () => {
    const loaded = await packagesLoadedBy(json);
    expect(loaded).toContain('commander');
    expect(loaded).not.toContain('ioredis');
    expect(loaded).not.toContain('bullmq');
    expect(loaded).not.toContain('yaml');
  });

  it('loads yaml for a YAML scenario', async () => {
    expect(await packagesLoadedBy(yaml)).toContain('yaml');
  });
});
