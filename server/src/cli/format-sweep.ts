import Table from 'cli-table3';
import { KPIS, kpiNames, type KpiName, type SweepResult } from '@hotline-sim/shared';
import { formatKpiCompact } from './format-kpi';

/** The human-readable sweep: one row per value, each KPI as `mean ±half-width` of its 95 % interval. */
export function formatSweep(sweep: SweepResult, kpis?: readonly KpiName[]): string {
  const all = kpiNames(sweep.rows[0]?.report.kpis ?? {});
  const names = kpis ? all.filter((n) => kpis.includes(n)) : all;
  const table = new Table({
    head: [sweep.path, 'offered\nload', ...names],
    colAligns: ['right', 'right', ...names.map(() => 'right' as const)],
    style: { head: [], border: [] },
  });
  for (const { value, report } of sweep.rows) {
    table.push([
      String(value),
      `${(report.offeredLoad * 100).toFixed(1)} %`,
      ...names.map((n) => {
        const kpi = report.kpis[n];
        return kpi ? formatKpiCompact(kpi.mean, kpi.ci95, KPIS[n].unit) : '';
      }),
    ]);
  }
  const first = sweep.rows[0]?.report;
  const seeds = [...new Set(sweep.rows.map((r) => r.report.seed))];
  const how =
    first?.ciMethod === 'batch-means'
      ? '1 replication each, intervals from batch means'
      : first?.ciMethod === 'none'
        ? '1 replication each, no intervals (use --replications 5 or more)'
        : `${sweep.replications} replications each, intervals across them`;
  const seed =
    seeds.length === 1
      ? `seed ${seeds[0]} for every value (common random numbers)`
      : `seeds ${seeds.join(', ')}`;
  return [
    `${sweep.scenario}: ${sweep.path} swept over ${sweep.rows.map((r) => r.value).join(', ')}`,
    first ? `${first.hours} h (warm-up ${first.warmupHours} h), ${how}, ${seed}` : '',
    table.toString(),
    'each cell: mean ±half-width of its 95 % interval (shares in %, the ± in percentage points; waits in s)',
  ].join('\n');
}
