import Table from 'cli-table3';
import { KPIS, SERVICE_KPIS, kpiNames, type KpiName, type Report, type StreetRow } from '@hotline-sim/shared';
import { formatKpiValue } from './format-kpi';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function leagueTable(title: string, rows: readonly StreetRow[]): string {
  const table = new Table({
    head: ['#', '街乡', 'street', 'orders', '响应率', '解决率', '满意率', 'score', '治理类'],
    colAligns: ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
    style: { head: [], border: [] },
  });
  for (const r of rows) {
    table.push([
      r.rank,
      r.name,
      r.nameEn,
      r.orders,
      pct(r.responseRate),
      pct(r.resolutionRate),
      pct(r.satisfactionRate),
      pct(r.score),
      r.underSupervision ? '治理类' : '',
    ]);
  }
  return `${title}\n${table.toString()}`;
}

const isServiceKpi = (name: KpiName) => Object.hasOwn(SERVICE_KPIS, name);

/**
 * The KPI rows of `names` with their 95 % intervals; a KPI nothing was counted for (a rate of no
 * callbacks, the epidemic rates outside 2020-22) goes to `empty`, named once below the tables.
 */
function kpiTable(report: Report, names: readonly KpiName[], empty: string[]): string {
  const table = new Table({
    head: ['KPI', '指标', 'mean', '95 % CI'],
    colAligns: ['left', 'left', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const name of names) {
    const { unit, zh } = KPIS[name];
    const kpi = report.kpis[name];
    if (!kpi) continue;
    if (Number.isNaN(kpi.mean)) {
      empty.push(name);
      continue;
    }
    table.push([
      name,
      zh,
      formatKpiValue(kpi.mean, unit),
      `${formatKpiValue(kpi.ci95[0], unit)} … ${formatKpiValue(kpi.ci95[1], unit)}`,
    ]);
  }
  return table.toString();
}

/**
 * The human-readable report: a header, the KPIs with their 95 % intervals (the service matters'
 * beside the hotline's, in a table of their own), and the street league.
 */
export function formatReport(report: Report): string {
  const empty: string[] = [];
  const names = kpiNames(report.kpis);
  const hotlineTable = kpiTable(
    report,
    names.filter((n) => !isServiceKpi(n)),
    empty,
  );
  const services = names.filter(isServiceKpi);
  const serviceTable = services.length > 0 ? kpiTable(report, services, empty) : undefined;
  const w = report.waitSeconds;
  const how =
    report.ciMethod === 'batch-means'
      ? 'intervals from batch means of one replication'
      : report.ciMethod === 'replications'
        ? 'intervals across replications'
        : 'no intervals (conditions change over the run: use --replications 5 or more)';
  const lines = [
    `${report.scenario}: ${report.hours} h (warm-up ${report.warmupHours} h), seed ${report.seed}, ` +
      `${report.replications} replication(s), ${how}`,
    `${report.agents} agents, offered load ${(report.offeredLoad * 100).toFixed(1)} %`,
    hotlineTable,
    ...(serviceTable ? [`Service matters (办事: 最多跑一次, 一网通办):\n${serviceTable}`] : []),
    ...(empty.length > 0 ? [`no value (nothing counted): ${empty.join(', ')}`] : []),
    `wait of answered contacts (s): p50 ${w.p50.toFixed(1)}, p90 ${w.p90.toFixed(1)}, p99 ${w.p99.toFixed(1)}`,
  ];
  const streets = report.streets;
  if (streets && streets.length > 0) {
    const flagged = streets.filter((s) => s.underSupervision).length;
    lines.push(
      leagueTable(`Street league (街乡排名), top 10 of ${streets.length} ranked:`, streets.slice(0, 10)),
      leagueTable(`Bottom 10 (${flagged} under city supervision, 治理类):`, streets.slice(-10)),
    );
  }
  return lines.join('\n');
}
