import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/hotline.js', import.meta.url));
const run = promisify(execFile);

async function hotline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'hotline-cli-'));
const small = join(dir, 'small.json');
writeFileSync(
  small,
  JSON.stringify({
    name: 'small',
    seed: 3,
    hours: 50,
    warmupHours: 1,
    arrivals: { perHour: 600 },
    intake: { agents: 12, talkMinutes: { exponential: { mean: 1 } } },
  }),
);

describe('hotline run', () => {
  it('prints only the report as JSON with --json, with every foundation KPI and its interval', async () => {
    const { code, stdout } = await hotline('run', small, '--json', '--replications', '3');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.replications).toBe(3);
    for (const k of [
      'pWait',
      'meanWaitSeconds',
      'serviceLevel15s',
      'abandonRate',
      'agentUtilisation',
      'contacts',
      'littleLawError',
    ]) {
      const kpi = report.kpis[k];
      expect(kpi.ci95[0]).toBeLessThanOrEqual(kpi.mean);
      expect(kpi.ci95[1]).toBeGreaterThanOrEqual(kpi.mean);
    }
    expect(report.kpis.abandonRate.mean).toBe(0); // no patience given: nobody hangs up
  });

  it('is reproducible for a seed and changes with --seed', async () => {
    const a = await hotline('run', small, '--json');
    const b = await hotline('run', small, '--json');
    const c = await hotline('run', small, '--json', '--seed', '99');
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(c.stdout).kpis.contacts.mean).not.toBe(JSON.parse(a.stdout).kpis.contacts.mean);
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await hotline('run', 'mmc', '--seed', '1');
    expect(code).toBe(0);
    expect(stdout).toMatch(/serviceLevel15s\s+│\s+服务水平/);
    expect(stdout).toMatch(/50 agents, offered load 90\.0 %/);
  });

  it('names an unknown scenario in one line and exits 2', async () => {
    const { code, stderr } = await hotline('run', 'no-such-scenario');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/no scenario file or built-in scenario named "no-such-scenario" \(built-in: mmc/);
  });

  it('names the bad field of an invalid file and exits 2 without running', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ name: 'x', hours: 10, arrivals: { perHour: 10 }, intake: { agents: 0 } }),
    );
    const { code, stderr, stdout } = await hotline('run', bad, '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/intake\.agents: .*got 0/);
    expect(stderr).toMatch(/intake\.talkMinutes/);
  });

  it('rejects bad options with exit code 2', async () => {
    expect((await hotline('run', small, '--replications', '0')).code).toBe(2);
    expect((await hotline('run', small, '--seed', '-1')).code).toBe(2);
    expect((await hotline('frobnicate')).code).toBe(2);
  });
});
