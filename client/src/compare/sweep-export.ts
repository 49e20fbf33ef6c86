import type { KpiName, SweepResult } from '@hotline-sim/shared';

/** Mean and 95 % interval of one KPI at each value of a sweep (values in the sweep's order). */
export function sweepSeries(
  sweep: SweepResult,
  kpi: KpiName,
): { value: number; mean: number; low: number; high: number }[] {
  return sweep.rows.flatMap((r) => {
    const e = r.report.kpis[kpi];
    return e ? [{ value: r.value, mean: e.mean, low: e.ci95[0], high: e.ci95[1] }] : [];
  });
}

/** KPIs every row of the sweep reports. */
export function sweepKpis(sweep: SweepResult): KpiName[] {
  const first = sweep.rows[0]?.report.kpis ?? {};
  return (Object.keys(first) as KpiName[]).filter((k) => sweep.rows.every((r) => r.report.kpis[k]));
}

/** The sweep as CSV: one row per (value, KPI), numbers unformatted so a spreadsheet reads them. */
export function sweepCsv(sweep: SweepResult): string {
  const kpis = sweepKpis(sweep);
  const head = ['value', 'kpi', 'mean', 'ci95_low', 'ci95_high'];
  const rows = sweep.rows.flatMap((r) =>
    kpis.map((k) => {
      const e = r.report.kpis[k];
      return [r.value, k, e?.mean ?? '', e?.ci95[0] ?? '', e?.ci95[1] ?? ''].join(',');
    }),
  );
  const meta = `# scenario=${csvField(sweep.scenario)} path=${csvField(sweep.path)} replications=${sweep.replications} seed=${sweep.rows[0]?.report.seed ?? ''}`;
  return [meta, head.join(','), ...rows].join('\n') + '\n';
}

function csvField(s: string): string {
  return /[",\n#=]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Values typed as a list ("8, 10 12"): numbers, or an error key when they are not 2-8 numbers. */
export function parseSweepValues(text: string): number[] | 'sweepValuesInvalid' {
  const parts = text
    .split(/[\s,，;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const values = parts.map(Number);
  if (parts.length < 2 || parts.length > 8 || values.some((v) => !Number.isFinite(v))) {
    return 'sweepValuesInvalid';
  }
  return values;
}
