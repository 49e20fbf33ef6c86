import Table from 'cli-table3';
import { KPIS, type Comparison, type KpiName } from '@hotline-sim/shared';
import { formatKpiChange, formatKpiChangeInterval, formatKpiValue, formatRelative } from './format-kpi';

/** The human-readable comparison: what ran, then per KPI both means, b − a, its interval and verdict. */
export function formatComparison(c: Comparison, kpis?: readonly KpiName[]): string {
  const table = new Table({
    head: ['KPI', '指标', 'a', 'b', 'b − a', 'relative', '95 % CI of b − a', 'significant'],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
    style: { head: [], border: [] },
  });
  for (const r of kpis ? c.rows.filter((row) => kpis.includes(row.kpi)) : c.rows) {
    const { unit, zh } = KPIS[r.kpi];
    table.push([
      r.kpi,
      zh,
      formatKpiValue(r.a, unit),
      formatKpiValue(r.b, unit),
      formatKpiChange(r.difference, unit),
      formatRelative(r.relativeDifference),
      formatKpiChangeInterval(r.ci95, unit),
      r.significant ? '* yes' : '  no',
    ]);
  }
  return [
    `a: ${c.a}  vs  b: ${c.b}`,
    `${c.replications} replications each on common random numbers (replication r of both on the same seed; base seed ${c.seed})`,
    table.toString(),
    '* yes: the paired 95 % interval of b − a excludes 0, so b differs from a at that level',
  ].join('\n');
}
