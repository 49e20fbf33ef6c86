import Table from 'cli-table3';
import {
  KPIS,
  explainScenarios,
  validateScenario,
  type Explanation,
  type KpiName,
  type Scenario,
} from '@hotline-sim/shared';
import { formatKpiChange, formatKpiChangeInterval } from './format-kpi';
import { loadScenario } from './load-scenario';
import { checkedKpis } from './kpi-list';
import { createProgress } from './progress';
import { UsageError } from './usage-error';

/** The KPIs a text explanation shows unless `--kpis` says otherwise: the 三率 and the shift. */
const DEFAULT_KPIS: KpiName[] = ['responseRate', 'resolutionRate', 'satisfactionRate', 'proactiveShare'];

const withHours = (s: Scenario, hours: number | undefined): Scenario =>
  hours === undefined ? s : validateScenario({ ...structuredClone(s), hours }, `${s.name} (${hours} h)`);

/** The text explanation: per KPI the total b − a, each group's Shapley part, and the interaction. */
export function formatExplanation(e: Explanation, kpis: readonly KpiName[]): string {
  const lines = [
    `why did the KPIs move from ${e.a} to ${e.b}?`,
    `${e.groups.length} group(s) of changes, by ${e.by}; all ${2 ** e.groups.length} combinations run ${e.replications}× on common random numbers (base seed ${e.seed})`,
  ];
  for (const g of e.groups) {
    const levers = g.levers.map((c) => `${c.path} ${String(c.from)} → ${String(c.to)}`);
    lines.push(
      `  ${g.name}: ${levers.join('; ') || 'what differs besides the levers (demand, horizon, city …)'}`,
    );
  }
  for (const kpi of kpis) {
    const x = e.kpis[kpi];
    if (!x) continue;
    const { unit, zh } = KPIS[kpi];
    const table = new Table({
      head: ['', 'Shapley part', '95 % CI', 'alone', 'share of total'],
      colAligns: ['left', 'right', 'right', 'right', 'right'],
      style: { head: [], border: [] },
    });
    const share = (m: number) => (x.total.mean === 0 ? 'n/a' : `${((m / x.total.mean) * 100).toFixed(0)} %`);
    for (const p of x.parts) {
      table.push([
        p.group,
        formatKpiChange(p.mean, unit),
        formatKpiChangeInterval(p.ci95, unit),
        formatKpiChange(p.alone.mean, unit),
        share(p.mean),
      ]);
    }
    table.push([
      'total b − a',
      formatKpiChange(x.total.mean, unit),
      formatKpiChangeInterval(x.total.ci95, unit),
      '',
      '100 %',
    ]);
    table.push([
      'interaction (total − Σ alone)',
      formatKpiChange(x.interaction.mean, unit),
      formatKpiChangeInterval(x.interaction.ci95, unit),
      '',
      '',
    ]);
    lines.push('', `${kpi} ${zh}`, table.toString());
  }
  lines.push(
    '',
    "Shapley part: the group's effect averaged over every order of switching the groups from a to b; the parts add up to the total.",
    'alone: the group switched on its own; interaction: what no group does alone (the Shapley parts share it out).',
  );
  return lines.join('\n');
}

/** Too many groups to split is the user's to fix (`--by driver`): a usage error, not a crash. */
function explainOrUsage(...args: Parameters<typeof explainScenarios>): Explanation {
  try {
    return explainScenarios(...args);
  } catch (e) {
    if (e instanceof Error && e.message.includes('can be split')) throw new UsageError(e.message);
    throw e;
  }
}

/** What `hotline explain` takes from its command line. */
export interface ExplainFlags {
  replications: number;
  seed?: number;
  by?: string;
  hours?: number;
  kpis?: string[];
  json?: boolean;
}

/** `hotline explain <a> <b>`, loaded by explain-command.ts only when it runs. */
export function explain(nameA: string, nameB: string, opts: ExplainFlags): void {
  const kpis = checkedKpis(opts.kpis);
  if (opts.by !== undefined && opts.by !== 'driver' && opts.by !== 'lever') {
    throw new UsageError(`--by must be "driver" or "lever", got "${opts.by}"`);
  }
  const a = withHours(loadScenario(nameA), opts.hours);
  const b = withHours(loadScenario(nameB), opts.hours);
  const progress = createProgress(`${a.name} → ${b.name} explain`);
  let explanation: Explanation;
  try {
    explanation = explainOrUsage(a, b, {
      replications: opts.replications,
      ...(opts.seed === undefined ? {} : { seed: opts.seed }),
      ...(opts.by === undefined ? {} : { by: opts.by }),
      onProgress: (f) => progress.update(f),
    });
  } finally {
    progress.stop();
  }
  process.stdout.write(
    opts.json
      ? `${JSON.stringify(explanation, null, 2)}\n`
      : `${formatExplanation(explanation, kpis ?? DEFAULT_KPIS)}\n`,
  );
}
