import type { Comparison } from '@hotline-sim/shared';

/** The comparison as CSV (one row per KPI; numbers unformatted so a spreadsheet reads them). */
export function comparisonCsv(c: Comparison): string {
  const head = ['kpi', 'a', 'b', 'difference', 'ci95_low', 'ci95_high', 'relative_difference', 'significant'];
  const rows = c.rows.map((r) =>
    [r.kpi, r.a, r.b, r.difference, r.ci95[0], r.ci95[1], r.relativeDifference ?? '', r.significant].join(
      ',',
    ),
  );
  const meta = `# a=${csvField(c.a)} b=${csvField(c.b)} replications=${c.replications} seed=${c.seed}`;
  return [meta, head.join(','), ...rows].join('\n') + '\n';
}

function csvField(s: string): string {
  return /[",\n#=]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Let the browser save `blob` as `name`. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
