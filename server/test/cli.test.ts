import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hotline } from './run-cli';

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

/** The CLI's usage errors (exit code 2, before any run) are in cli-usage.test.ts, a unit file. */
describe.concurrent('hotline run', () => {
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
    const [a, b, c] = await Promise.all([
      hotline('run', small, '--json'),
      hotline('run', small, '--json'),
      hotline('run', small, '--json', '--seed', '99'),
    ]);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(c.stdout).kpis.contacts.mean).not.toBe(JSON.parse(a.stdout).kpis.contacts.mean);
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await hotline('run', 'mmc', '--seed', '1');
    expect(code).toBe(0);
    expect(stdout).toMatch(/serviceLevel15s\s+│\s+服务水平/);
    expect(stdout).toMatch(/50 agents, offered load 90\.0 %/);
  });
});

/** A few simulated hours: enough for the comparisons below (their calls run concurrently). */
const short = join(dir, 'short.json');
const shortMore = join(dir, 'short-14.json');
const shortInput = {
  name: 'short',
  seed: 5,
  hours: 4,
  warmupHours: 0.5,
  arrivals: { perHour: 600 },
  intake: { agents: 12, talkMinutes: { exponential: { mean: 1 } } },
};
writeFileSync(short, JSON.stringify(shortInput));
writeFileSync(
  shortMore,
  JSON.stringify({ ...shortInput, name: 'short-14', intake: { ...shortInput.intake, agents: 14 } }),
);

const KPIS = [
  'contacts',
  'pWait',
  'meanWaitSeconds',
  'serviceLevel15s',
  'abandonRate',
  'agentUtilisation',
  'littleLawError',
];

describe.concurrent('hotline compare', () => {
  it('prints the paired comparison as JSON with --json: both means, b − a, its interval and verdict', async () => {
    const { code, stdout } = await hotline('compare', short, shortMore, '--json', '--replications', '3');
    expect(code).toBe(0);
    const c = JSON.parse(stdout);
    expect(c).toMatchObject({ a: 'short', b: 'short-14', seed: 5, replications: 3 });
    expect(c.rows.map((r: { kpi: string }) => r.kpi)).toEqual(KPIS);
    for (const r of c.rows) {
      expect(Object.keys(r).sort()).toEqual(
        ['a', 'b', 'ci95', 'difference', 'kpi', 'relativeDifference', 'significant'].sort(),
      );
      expect(r.ci95[0]).toBeLessThanOrEqual(r.difference);
      expect(r.ci95[1]).toBeGreaterThanOrEqual(r.difference);
    }
    const row = (k: string) => c.rows.find((r: { kpi: string }) => r.kpi === k);
    expect(row('contacts')).toMatchObject({ difference: 0, significant: false }); // same arrivals
    expect(row('pWait').significant).toBe(true);
    expect(row('pWait').difference).toBeLessThan(0);
  });

  it('prints a readable table marking significant differences', async () => {
    const { code, stdout } = await hotline('compare', short, shortMore, '-r', '2', '--seed', '8');
    expect(code).toBe(0);
    expect(stdout).toMatch(/a: short {2}vs {2}b: short-14/);
    expect(stdout).toMatch(/base seed 8/);
    expect(stdout).toMatch(/pWait\s+│\s+排队概率.*pp.*│ \* yes/);
    expect(stdout).toMatch(/contacts\s+│.*│\s+no\s+│/);
  });
});

describe.concurrent('hotline sweep', () => {
  it('prints one report per value as JSON with --json, on the same arrivals for every value', async () => {
    const { code, stdout } = await hotline('sweep', short, '--set', 'intake.agents=11,12,14', '--json');
    expect(code).toBe(0);
    const s = JSON.parse(stdout);
    expect(s).toMatchObject({ scenario: 'short', path: 'intake.agents', replications: 1 });
    expect(s.rows.map((r: { value: number }) => r.value)).toEqual([11, 12, 14]);
    for (const r of s.rows) expect(Object.keys(r.report.kpis)).toEqual(KPIS);
    const pWait = s.rows.map(
      (r: { report: { kpis: { pWait: { mean: number } } } }) => r.report.kpis.pWait.mean,
    );
    expect(pWait[1]).toBeLessThan(pWait[0]);
    expect(pWait[2]).toBeLessThan(pWait[1]);
    expect(
      new Set(
        s.rows.map((r: { report: { kpis: { contacts: { mean: number } } } }) => r.report.kpis.contacts.mean),
      ).size,
    ).toBe(1);
  });

  it('prints a row per value with compact means and half-widths', async () => {
    const { code, stdout } = await hotline('sweep', short, '--set', 'arrivals.perHour=500,600', '-r', '2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/short: arrivals\.perHour swept over 500, 600/);
    expect(stdout).toMatch(/2 replications each.*seed 5 for every value/);
    expect(stdout).toMatch(/│\s+600 │.*\d+\.\d % ±\d+\.\d/);
  });
});

/** The part of a report's street league row the tests read. */
interface LeagueRow {
  rank: number;
  score: number;
  underSupervision: boolean;
}

describe.concurrent('reform stages end to end: hotline run and compare with the lifecycle', () => {
  it('reports the 三率, their score and a ranked street league with the 治理类 flags as JSON', async () => {
    const { code, stdout } = await hotline('run', 'stage-2024', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.scenario).toBe('stage-2024');
    const rate = (k: string): number => {
      const kpi = report.kpis[k];
      expect(kpi, k).toBeDefined();
      expect(kpi.mean, k).toBeGreaterThan(0);
      expect(kpi.mean, k).toBeLessThanOrEqual(1);
      return kpi.mean;
    };
    const [response, resolution, satisfaction] = [
      rate('responseRate'),
      rate('resolutionRate'),
      rate('satisfactionRate'),
    ];
    // The default weights 10/45/45.
    expect(rate('score')).toBeCloseTo(0.1 * response + 0.45 * resolution + 0.45 * satisfaction, 12);

    const streets: LeagueRow[] = report.streets;
    expect(streets.length).toBeGreaterThan(10);
    expect(streets.map((s) => s.rank)).toEqual(streets.map((_, i) => i + 1));
    for (let i = 1; i < streets.length; i++) {
      expect(streets[i]?.score).toBeLessThanOrEqual(streets[i - 1]?.score ?? NaN);
    }
    // The 治理类 list: the worst governanceListSize (10) streets, and only they.
    const flagged = streets.filter((s) => s.underSupervision).map((s) => s.rank);
    expect(flagged).toEqual(streets.slice(-10).map((s) => s.rank));
  });

  it('prints the street league and its bottom 10 under city supervision (治理类) by default', async () => {
    const { code, stdout } = await hotline('run', 'stage-2024');
    expect(code).toBe(0);
    expect(stdout).toMatch(/resolutionRate\s+│\s+解决率/);
    expect(stdout).toMatch(/Street league \(街乡排名\), top 10 of \d+ ranked:/);
    expect(stdout).toMatch(/Bottom 10 \(10 under city supervision, 治理类\):/);
    const bottom = stdout.slice(stdout.indexOf('Bottom 10'));
    // Ten ranked rows flagged (the header row ends in 治理类 too, without a rank).
    expect(bottom.match(/^│\s+\d+ │.*│ 治理类 │$/gm)).toHaveLength(10);
  });

  it("compares two reform stages: October 2019's levers (ranking, 治理类 list, return review) raise the resolution rate", async () => {
    const { code, stdout } = await hotline(
      'compare',
      'stage-2019-01',
      'stage-2019-10',
      '--replications',
      '2',
      '--json',
    );
    expect(code).toBe(0);
    const c = JSON.parse(stdout);
    expect(c).toMatchObject({ a: 'stage-2019-01', b: 'stage-2019-10', replications: 2 });
    const resolution = c.rows.find((r: { kpi: string }) => r.kpi === 'resolutionRate');
    expect(resolution.difference).toBeGreaterThan(0);
    expect(resolution.ci95[0]).toBeGreaterThan(0);
  });
});
