import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CityComparison } from '@hotline-sim/shared';
import { TINY_LIFECYCLE } from './helpers/tiny-lifecycle';
import { hotline } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'hotline-cities-'));
const tiny = join(dir, 'tiny.json');
writeFileSync(tiny, JSON.stringify(TINY_LIFECYCLE));

describe.concurrent('hotline cities', () => {
  it('--json: every city (a missing one with its note), levers by VIOTE driver, effects with CIs', async () => {
    const { code, stdout, stderr } = await hotline(
      'cities',
      '--scenarios',
      `${tiny},wuhan-2030`,
      '-r',
      '2',
      '--json',
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/wuhan-2030: missing/);
    const c = JSON.parse(stdout) as CityComparison;
    expect(c).toMatchObject({ replications: 2, hours: 24 });
    expect(c.cities.map((x) => [x.city, x.scenario])).toEqual([
      ['beijing', 'tiny'],
      ['wuhan-2030', 'wuhan-2030'],
    ]);
    expect(c.cities[1]?.missing).toMatch(/not a built-in scenario/);
    expect(c.cities[0]?.measures?.satisfaction).toBe('satisfactionRate');
    expect(c.drivers.map((d) => d.driver)).toEqual([
      'value',
      'institution',
      'organization',
      'technology',
      'environment',
    ]);
    const levers = c.drivers.flatMap((d) => d.cities[0]?.levers ?? []);
    const paths = levers.map((l) => l.path);
    expect(paths).toContain('lifecycle.grid.enabled');
    expect(paths).toContain('lifecycle.reforms.dataSharing');
    expect(paths).not.toContain('lifecycle.dispatch.mode');
    for (const l of levers) {
      for (const e of Object.values(l.effects)) {
        expect(e.ci95[0]).toBeLessThanOrEqual(e.difference + 1e-12);
        expect(e.ci95[1]).toBeGreaterThanOrEqual(e.difference - 1e-12);
        expect(e.on - e.off).toBeCloseTo(e.difference, 9);
      }
    }
    expect(c.drivers.every((d) => d.cities[1]?.levers.length === 0)).toBe(true);
  });

  it('prints a table per driver without --json, and refuses one replication', async () => {
    const [table, one] = await Promise.all([
      hotline('cities', '--scenarios', tiny, '-r', '2', '--hours', '1'),
      hotline('cities', '-r', '1'),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Organization \(by whom\) 组织/);
    expect(table.stdout).toMatch(/lifecycle\.grid\.enabled false → true/);
    expect(table.stdout).toMatch(/at most 1 h a scenario/);
    expect(table.stdout).toMatch(/can show nothing in 1 h: run with --hours 168 or more/);
    expect(one.code).not.toBe(0);
    expect(one.stderr).toMatch(/replications must be an integer of at least 2/);
  });
});
