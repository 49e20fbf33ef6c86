import { describe, expect, it } from 'vitest';
import { hotline } from './run-cli';

interface Estimate {
  mean: number;
  ci95: [number, number];
}
interface Explanation {
  a: string;
  b: string;
  by: string;
  groups: { name: string; levers: { path: string }[] }[];
  kpis: Record<
    string,
    { total: Estimate; parts: ({ group: string; alone: Estimate } & Estimate)[]; interaction: Estimate }
  >;
}

describe('hotline explain', () => {
  it('splits stage-2019-01 → stage-2024 by VIOTE driver; the parts add up to each KPI total', async () => {
    const r = await hotline('explain', 'stage-2019-01', 'stage-2024', '--hours', '12', '-r', '2', '--json');
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as Explanation;
    expect(e.by).toBe('driver');
    expect(e.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['organization', 'institution', 'technology']),
    );
    const resolution = e.kpis['resolutionRate'];
    expect(resolution).toBeDefined();
    // The reforms raise resolution, and the split accounts for all of it.
    expect(resolution?.total.mean).toBeGreaterThan(0.05);
    for (const [kpi, x] of Object.entries(e.kpis)) {
      const parts = x.parts.reduce((t, p) => t + p.mean, 0);
      expect(Math.abs(parts - x.total.mean), kpi).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(x.total.mean)),
      );
      const alone = x.parts.reduce((t, p) => t + p.alone.mean, 0);
      expect(Math.abs(alone + x.interaction.mean - x.total.mean), kpi).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(x.total.mean)),
      );
    }
  });

  it('prints the chosen KPIs as tables, and names what is wrong in bad options', async () => {
    const text = await hotline(
      'explain',
      'stage-2019-10',
      'stage-2024',
      '--hours',
      '2',
      '-r',
      '2',
      '--kpis',
      'resolutionRate,whistles',
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/resolutionRate 解决率/);
    expect(text.stdout).toMatch(/whistles 吹哨次数/);
    expect(text.stdout).not.toMatch(/satisfactionRate 满意率/);
    expect(text.stdout).toMatch(/total b − a/);

    const badKpi = await hotline('explain', 'stage-2019-01', 'stage-2024', '--kpis', 'resolution');
    expect(badKpi.code).not.toBe(0);
    expect(badKpi.stderr).toMatch(/unknown KPI resolution; choose from .*resolutionRate/);

    const tooMany = await hotline('explain', 'stage-2019-01', 'stage-2024', '--by', 'lever');
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/use --by driver/);
  });
});
