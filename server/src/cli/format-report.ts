import Table from 'cli-table3';
import { INTAKE_KPIS, type IntakeKpiName, type Report } from '@hotline-sim/shared';

function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'share') return `${(value * 100).toFixed(2)} %`;
  if (unit === 'count') return Math.round(value).toLocaleString('en-US');
  return value.toFixed(2);
}

/** The human-readable report: a header line and a table of KPIs with their 95 % intervals. */
export function formatReport(report: Report): string {
  const table = new Table({
    head: ['KPI', '指标', 'mean', '95 % CI'],
    colAligns: ['left', 'left', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const name of Object.keys(INTAKE_KPIS) as IntakeKpiName[]) {
    const { unit, zh } = INTAKE_KPIS[name];
    const kpi = report.kpis[name];
    table.push([
      name,
      zh,
      formatValue(kpi.mean, unit),
      `${formatValue(kpi.ci95[0], unit)} … ${formatValue(kpi.ci95[1], unit)}`,
    ]);
  }
  const w = report.waitSeconds;
  const how = report.ciMethod === 'batch-means' ? 'batch means of one replication' : 'across replications';
  return [
    `${report.scenario}: ${report.hours} h (warm-up ${report.warmupHours} h), seed ${report.seed}, ` +
      `${report.replications} replication(s), intervals ${how}`,
    `${report.agents} agents, offered load ${(report.offeredLoad * 100).toFixed(1)} %`,
    table.toString(),
    `wait of answered contacts (s): p50 ${w.p50.toFixed(1)}, p90 ${w.p90.toFixed(1)}, p99 ${w.p99.toFixed(1)}`,
    `per replication: ${Math.round(report.directAnswers).toLocaleString('en-US')} answered directly (直接答复), ` +
      `${Math.round(report.dispatched).toLocaleString('en-US')} for dispatch (派单)`,
  ].join('\n');
}
