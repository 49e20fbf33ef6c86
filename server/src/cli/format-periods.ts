import Table from 'cli-table3';
import type { PeriodSummary } from '@hotline-sim/shared';

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '—');
const count = (x: number) => Math.round(x).toLocaleString('en-US');

/**
 * The by-period table of a timeline run: what came in during each period (work orders from appeals,
 * proactive tasks, grid orders) and the share that started without an appeal, with its 95 % CI over
 * the replications (one replication: no interval).
 */
export function formatPeriods(periods: readonly PeriodSummary[], replications: number): string {
  const withCi = replications > 1;
  const table = new Table({
    head: [
      'period',
      '期',
      '接诉工单 reactive',
      '主动任务 proactive',
      '网格派单 grid',
      '主动治理占比 share',
      ...(withCi ? ['95 % CI'] : []),
    ],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', ...(withCi ? (['right'] as const) : [])],
    style: { head: [], border: [] },
  });
  for (const p of periods) {
    const share = p.proactiveShare;
    table.push([
      p.period,
      p.title.zh,
      count(p.reactiveOrders),
      count(p.proactiveTasks),
      count(p.gridOrders),
      pct(share.mean),
      ...(withCi ? [`${pct(share.ci95[0])} … ${pct(share.ci95[1])}`] : []),
    ]);
  }
  const per = replications > 1 ? `mean of ${replications} replications` : 'one replication';
  return `By period (counted at receipt, ${per}):\n${table.toString()}`;
}
