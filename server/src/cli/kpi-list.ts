import { KPIS, type KpiName } from '@hotline-sim/shared';
import { UsageError } from './usage-error';

/** `--kpis` checked against the KPI catalogue (in the command, so `--help` need not load the model). */
export function checkedKpis(names: readonly string[] | undefined): KpiName[] | undefined {
  if (names === undefined) return undefined;
  const unknown = names.filter((n) => !Object.hasOwn(KPIS, n));
  if (unknown.length > 0) {
    throw new UsageError(`unknown KPI ${unknown.join(', ')}; choose from ${Object.keys(KPIS).join(', ')}`);
  }
  return names as KpiName[];
}
