import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVERS, builtInScenario, sweepVariants } from '@hotline-sim/shared';
import { hotline } from './run-cli';

/** A tiny lifecycle scenario: 150 contacts an hour for 3 hours, every lever at its default. */
const dir = mkdtempSync(join(tmpdir(), 'hotline-levers-'));
const tiny = join(dir, 'tiny.json');
const tinyInput = {
  name: 'tiny',
  seed: 7,
  hours: 3,
  warmupHours: 0,
  arrivals: { perHour: 150 },
  intake: { agents: 16, talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } } },
  lifecycle: {},
};
writeFileSync(tiny, JSON.stringify(tinyInput));

interface Entry {
  path: string;
  driver: string;
  value: unknown;
  kind: string;
  range?: [number, number];
  choices?: string[];
  zh: string;
  en: string;
  explain: { zh: string; en: string };
}

describe.concurrent('hotline levers', () => {
  it('prints every lever of a scenario as JSON: path, driver, value, kind, range or choices, zh/en', async () => {
    const { code, stdout } = await hotline('levers', 'stage-2024', '--json');
    expect(code).toBe(0);
    const levers = JSON.parse(stdout) as Entry[];
    // stage-2024 has agents by hour, so intake.agents does nothing there and is left out; it sets no
    // demand year of its own (the start's year applies), so lifecycle.demandYear is left out too.
    const absent = ['intake.agents', 'lifecycle.demandYear'];
    expect(levers.map((l) => l.path)).toEqual(
      LEVERS.filter((l) => !absent.includes(l.path)).map((l) => l.path),
    );
    const scenario = builtInScenario('stage-2024');
    for (const l of levers) {
      expect(['value', 'institution', 'organization', 'technology', 'environment']).toContain(l.driver);
      expect(['boolean', 'number', 'choice']).toContain(l.kind);
      expect(typeof l.value).toBe(l.kind === 'choice' ? 'string' : l.kind);
      if (l.kind === 'number') expect(l.range).toHaveLength(2);
      if (l.kind === 'choice') expect(l.choices).toContain(l.value);
      for (const text of [l.zh, l.en, l.explain.zh, l.explain.en]) expect(text.length).toBeGreaterThan(1);
      // The path is one `sweep --set` accepts: a number over its range, a switch as 0 and 1.
      if (l.kind !== 'choice') {
        const values = l.kind === 'number' ? (l.range as [number, number]) : [0, 1];
        expect(sweepVariants(scenario, l.path, values), l.path).toHaveLength(2);
      }
    }
    expect(levers.find((l) => l.path === 'lifecycle.dispatch.mode')?.value).toBe('smart');
  });

  it('prints a table by driver without --json, and sweeps a switch with --set path=0,1', async () => {
    const [table, sweep] = await Promise.all([
      hotline('levers', 'stage-2019-01'),
      hotline('sweep', tiny, '--set', 'lifecycle.grid.enabled=0,1', '--json'),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/stage-2019-01: \d+ levers/);
    expect(table.stdout).toMatch(/lifecycle\.returns\.review/);
    expect(sweep.code).toBe(0);
    const rows = JSON.parse(sweep.stdout).rows as { report: { kpis: { workOrders: { mean: number } } } }[];
    expect(rows[1]?.report.kpis.workOrders.mean).toBeGreaterThan(
      rows[0]?.report.kpis.workOrders.mean ?? Infinity,
    );
  });
});

describe('hotline sensitivity', () => {
  it('swings every lever of a tiny scenario and sorts the tornado by |effect|, each with its CI', async () => {
    const { code, stdout } = await hotline('sensitivity', tiny, '--replications', '2', '--json');
    expect(code).toBe(0);
    const s = JSON.parse(stdout) as {
      scenario: string;
      kpi: string;
      replications: number;
      rows: { path: string; difference: number; ci95: [number, number]; significant: boolean }[];
    };
    expect(s).toMatchObject({ scenario: 'tiny', kpi: 'resolutionRate', replications: 2 });
    // Every lever once, the dispatch mode once per other choice; tiny sets no demand year, so that
    // lever is not among its levers.
    expect(s.rows).toHaveLength(LEVERS.length - 1 + 1);
    const sizes = s.rows.map((r) => Math.abs(r.difference));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const r of s.rows) {
      expect(r.ci95[0]).toBeLessThanOrEqual(r.difference);
      expect(r.ci95[1]).toBeGreaterThanOrEqual(r.difference);
    }
  }, 120_000);

  it('prints the tornado for a chosen KPI, and refuses a KPI it does not know', async () => {
    const [table, bad] = await Promise.all([
      hotline('sensitivity', tiny, '--kpi', 'meanWaitSeconds', '-r', '2'),
      hotline('sensitivity', tiny, '--kpi', 'happiness'),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/tiny: sensitivity of meanWaitSeconds/);
    expect(table.stdout.split('\n').find((l) => l.includes('intake.agents'))).toBeDefined();
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/kpi must be one of/);
  }, 120_000);
});
