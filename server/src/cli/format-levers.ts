import Table from 'cli-table3';
import {
  KPIS,
  VIOTE_DRIVERS,
  type LeverEntry,
  type Sensitivity,
  type VioteDriver,
} from '@hotline-sim/shared';
import { formatKpiChange, formatKpiChangeInterval, formatKpiValue } from './format-kpi';

const show = (v: unknown) => (typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v));

/** `hotline levers`: the scenario's levers by VIOTE driver, each with its value, swing and sentence. */
export function formatLevers(scenario: string, levers: readonly LeverEntry[]): string {
  const table = new Table({
    head: ['driver', 'lever (path)', 'value', 'swing', 'what it does'],
    colWidths: [14, 52, 9, 22, 60],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const driver of Object.keys(VIOTE_DRIVERS) as VioteDriver[]) {
    for (const l of levers.filter((x) => x.driver === driver)) {
      const swing = l.range
        ? `${l.range[0]} … ${l.range[1]}`
        : l.choices
          ? l.choices.join(' | ')
          : 'off | on';
      table.push([
        driver,
        `${l.en} ${l.zh}\n${l.path}`,
        show(l.value),
        swing,
        `${l.explain.en}\n${l.explain.zh}`,
      ]);
    }
  }
  return [
    `${scenario}: ${levers.length} levers (sweep a number with --set path=lo,hi, a switch with --set path=0,1)`,
    table.toString(),
  ].join('\n');
}

/** `hotline sensitivity`: the tornado, largest |effect| first, with a bar and the paired 95 % CI. */
export function formatSensitivity(s: Sensitivity): string {
  const unit = KPIS[s.kpi].unit;
  const largest = Math.max(
    ...s.rows.map((r) => (Number.isFinite(r.difference) ? Math.abs(r.difference) : 0)),
  );
  const width = 20;
  const table = new Table({
    head: ['lever', 'swing', `${s.kpi} at from → to`, 'b − a', '95 % CI', '', 'tornado'],
    style: { head: [], border: [] },
  });
  for (const r of s.rows) {
    const n =
      largest > 0 && Number.isFinite(r.difference)
        ? Math.round((Math.abs(r.difference) / largest) * width)
        : 0;
    const bar =
      r.difference < 0
        ? `${' '.repeat(width - n)}${'█'.repeat(n)}|`
        : `${' '.repeat(width)}|${'█'.repeat(n)}`;
    table.push([
      r.path,
      `${show(r.from)} → ${show(r.to)}`,
      `${formatKpiValue(r.a, unit)} → ${formatKpiValue(r.b, unit)}`,
      formatKpiChange(r.difference, unit),
      formatKpiChangeInterval(r.ci95, unit),
      r.significant ? '*' : '',
      bar,
    ]);
  }
  return [
    `${s.scenario}: sensitivity of ${s.kpi} (${KPIS[s.kpi].en}), one lever at a time`,
    `${s.replications} replications of each side on seeds from ${s.seed} (common random numbers); * the 95 % CI excludes 0`,
    table.toString(),
  ].join('\n');
}
