import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hotline } from './run-cli';

/** Two tiny lifecycle scenarios that differ in staffing: 150 contacts an hour for 3 hours. */
const dir = mkdtempSync(join(tmpdir(), 'hotline-kpis-'));
const scenario = (name: string, agents: number) => {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      name,
      seed: 7,
      hours: 3,
      warmupHours: 0,
      arrivals: { perHour: 150 },
      intake: { agents, talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } } },
      lifecycle: {},
    }),
  );
  return file;
};
const small = scenario('small', 14);
const large = scenario('large', 18);

/** The KPI names heading a text table's columns or rows, in the order printed. */
const mentions = (text: string, names: readonly string[]) =>
  names.filter((n) => new RegExp(`\\b${n}\\b`).test(text));

describe.concurrent('--kpis chooses the KPIs a table prints', () => {
  it('compare prints only the chosen rows', async () => {
    const all = await hotline('compare', small, large, '-r', '2');
    const some = await hotline('compare', small, large, '-r', '2', '--kpis', 'meanWaitSeconds,abandonRate');
    expect(some.code).toBe(0);
    expect(mentions(all.stdout, ['meanWaitSeconds', 'abandonRate', 'pWait', 'workOrders'])).toHaveLength(4);
    expect(mentions(some.stdout, ['meanWaitSeconds', 'abandonRate', 'pWait', 'workOrders'])).toEqual([
      'meanWaitSeconds',
      'abandonRate',
    ]);
  });

  it('sweep prints only the chosen columns', async () => {
    const r = await hotline('sweep', small, '--set', 'intake.agents=14,18', '--kpis', 'pWait');
    expect(r.code).toBe(0);
    expect(mentions(r.stdout, ['pWait', 'meanWaitSeconds', 'abandonRate'])).toEqual(['pWait']);
  });

  it('sensitivity prints one tornado per chosen KPI from the same runs, and refuses --kpi with --kpis', async () => {
    const r = await hotline(
      'sensitivity',
      small,
      '-r',
      '2',
      '--kpis',
      'resolutionRate,meanWaitSeconds',
      '--json',
    );
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as { kpi: string; rows: { path: string }[] }[];
    expect(results.map((x) => x.kpi)).toEqual(['resolutionRate', 'meanWaitSeconds']);
    // Each tornado is sorted by its own effects; both hold every swing.
    const paths = (i: number) => results[i]?.rows.map((x) => x.path).sort();
    expect(paths(0)?.length).toBeGreaterThan(10);
    expect(paths(0)).toEqual(paths(1));
    const both = await hotline('sensitivity', small, '--kpi', 'pWait', '--kpis', 'pWait');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--kpi or --kpis, not both/);
    const bad = await hotline('sweep', small, '--set', 'intake.agents=14', '--kpis', 'waiting');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown KPI waiting/);
  });
});
