import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Comparison } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { parseFieldSets } from '../src/cli/parse-set';
import { hotline } from './run-cli';

interface RunJson {
  scenario: string;
  agents: number;
  kpis: Record<string, { mean: number }>;
}

describe('parseFieldSets', () => {
  it('reads JSON values as JSON and anything else as text', () => {
    expect(
      parseFieldSets([
        'intake.agents=60',
        'lifecycle.whistle.enabled=false',
        'lifecycle.dispatch.mode=direct',
        'lifecycle.reforms.dataSharing=0.35',
        'name="quoted"',
      ]),
    ).toEqual({
      'intake.agents': 60,
      'lifecycle.whistle.enabled': false,
      'lifecycle.dispatch.mode': 'direct',
      'lifecycle.reforms.dataSharing': 0.35,
      name: 'quoted',
    });
  });

  it('refuses what is not path=value, and a path given twice', () => {
    expect(() => parseFieldSets(['agents'])).toThrow(/must look like path=value/);
    expect(() => parseFieldSets(['=5'])).toThrow(/must look like path=value/);
    expect(() => parseFieldSets(['intake.agents='])).toThrow(/must look like path=value/);
    expect(() => parseFieldSets(['a=1', 'a=2'], '--set-b')).toThrow(/--set-b a: given twice/);
  });
});

describe.concurrent('hotline run --set and compare --set-b', () => {
  it('run --set city=… runs the scenario in that city', async () => {
    const { code, stdout } = await hotline(
      'run',
      'beijing-weekday',
      '--set',
      'city=shanghai',
      '--set',
      'hours=1',
      '--json',
    );
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as RunJson).scenario).toBe('beijing-weekday with city=shanghai, hours=1');
  });

  it('a scenario file naming an unknown city: one line naming it, exit 2 (not a stack trace)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-set-'));
    const file = join(dir, 'atlantis.json');
    writeFileSync(file, JSON.stringify({ extends: 'beijing-weekday', city: 'atlantis', hours: 1 }));
    const { code, stdout, stderr } = await hotline('run', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/atlantis\.json: city atlantis: no such city/);
  });

  it('run --set changes the field, names the change and moves the KPI it drives', async () => {
    const [base, more] = await Promise.all([
      hotline('run', 'mmc', '--json'),
      hotline('run', 'mmc', '--set', 'intake.agents=60', '--json'),
    ]);
    expect(base.code).toBe(0);
    expect(more.code).toBe(0);
    const [a, b] = [JSON.parse(base.stdout) as RunJson, JSON.parse(more.stdout) as RunJson];
    expect(b.scenario).toBe('mmc with intake.agents=60');
    expect(b.agents).toBe(60);
    expect(a.agents).toBeLessThan(60);
    // The same calls spread over more agents: each is busier less of the time.
    expect(b.kpis.agentUtilisation?.mean).toBeLessThan(a.kpis.agentUtilisation?.mean ?? 0);
  });

  it('compare --set-b: b is a with the change, and the paired interval shows its effect', async () => {
    const { code, stdout } = await hotline(
      'compare',
      'mmc',
      'mmc',
      '--set-b',
      'intake.agents=60',
      '-r',
      '2',
      '--json',
    );
    expect(code).toBe(0);
    const c = JSON.parse(stdout) as Comparison;
    expect([c.a, c.b]).toEqual(['mmc', 'mmc with intake.agents=60']);
    const wait = c.rows.find((r) => r.kpi === 'meanWaitSeconds');
    expect(wait?.significant).toBe(true);
    expect(wait?.ci95[1]).toBeLessThan(0);
    // Arrivals are the same draws (common random numbers): only the agents changed.
    expect(c.rows.find((r) => r.kpi === 'contacts')?.difference).toBe(0);
  });

  it.each([
    [['--set', 'lifecycle.whistle.enabled=maybe'], /lifecycle\.whistle\.enabled: expected boolean/],
    [['--set', 'nothing.here=3'], /--set: nothing\.here: is not a field of the scenario/],
    [['--set', 'intake.agentz=3'], /intake: unknown field\(s\) agentz/],
    [['--set', 'name=mine'], /--set: name: name the scenario in a file/],
    [['--set', 'agents'], /--set must look like path=value/],
    [['--set', 'city=atlantis'], /--set city atlantis: no such city \(known: beijing, shanghai, hangzhou/],
  ])('run stage-2024 %j: one line naming the problem, exit 2', async (args, message) => {
    const { code, stdout, stderr } = await hotline('run', 'stage-2024', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
