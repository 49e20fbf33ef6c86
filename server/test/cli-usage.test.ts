import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hotline } from './run-cli';

/**
 * The CLI's usage errors, as a user meets them: exit code 2 and one line naming the mistake, before
 * any run. Each call is the start-up of a fresh process and nothing more, so this is a unit file;
 * the calls run one after another (a test's time is its own calls', however busy the machine). The
 * CLI's runs, comparisons and sweeps are in cli.test.ts.
 */
const dir = mkdtempSync(join(tmpdir(), 'hotline-cli-usage-'));
const short = join(dir, 'short.json');
writeFileSync(
  short,
  JSON.stringify({
    name: 'short',
    seed: 5,
    hours: 4,
    warmupHours: 0.5,
    arrivals: { perHour: 600 },
    intake: { agents: 12, talkMinutes: { exponential: { mean: 1 } } },
  }),
);

/** A usage mistake: exit code 2, nothing on stdout, one line on stderr matching `message`. */
async function expectUsageError(args: string[], message: RegExp) {
  const { code, stdout, stderr } = await hotline(...args);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(message);
}

describe('hotline run: usage errors', () => {
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

  it('names a directory given as a scenario in one line and exits 2', async () => {
    const { code, stderr } = await hotline('run', dir);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/is a directory, not a scenario file/);
  });

  it('rejects bad options with exit code 2', async () => {
    expect((await hotline('run', short, '--replications', '0')).code).toBe(2);
    expect((await hotline('run', short, '--seed', '-1')).code).toBe(2);
    expect((await hotline('frobnicate')).code).toBe(2);
  });
});

describe('hotline compare: usage errors', () => {
  it('refuses an unknown scenario and fewer than 2 replications with exit code 2', async () => {
    await expectUsageError(
      ['compare', short, 'no-such-scenario'],
      /no scenario file or built-in scenario named "no-such-scenario"/,
    );
    const { code, stderr } = await hotline('compare', short, short, '--replications', '1');
    expect(code).toBe(2);
    expect(stderr).toMatch(/at least 2/);
  });
});

describe('hotline sweep: usage errors', () => {
  it('names a path that is not a field in one line and exits 2', async () => {
    await expectUsageError(
      ['sweep', short, '--set', 'intake.agnets=5'],
      /^hotline: intake\.agnets is not a field of the scenario \(fields of intake: agents,/,
    );
    await expectUsageError(
      ['sweep', short, '--set', 'intake.talkMinutes=2'],
      /intake\.talkMinutes is not a number/,
    );
  });

  it('rejects a malformed --set in one line with exit code 2', async () => {
    await expectUsageError(['sweep', short, '--set', 'intake.agents'], /--set must look like path=v1,v2/);
    await expectUsageError(['sweep', short, '--set', 'intake.agents=12,many'], /"many" is not a number/);
    expect((await hotline('sweep', short)).code).toBe(2); // --set is required
  });

  it('refuses an unknown scenario, and a value that breaks a rule before running anything', async () => {
    await expectUsageError(
      ['sweep', 'no-such-scenario', '--set', 'intake.agents=5'],
      /no scenario file or built-in/,
    );
    await expectUsageError(
      ['sweep', short, '--set', 'intake.agents=12,0'],
      /short with intake\.agents = 0 is invalid: intake\.agents: .*got 0/,
    );
  });
});
