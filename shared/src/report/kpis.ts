import type { HotlineObservation } from '../hotline/observation';
import type { IntakeObservation } from '../intake/intake-model';
import { HOTLINE_KPIS, hotlineBatchKpis, hotlineKpis, type HotlineKpiName } from './hotline-kpis';
import {
  INTAKE_KPIS,
  intakeBatchKpis,
  intakeKpis,
  type IntakeKpiName,
  type IntakeKpiValues,
} from './intake-kpis';
import type { ServiceObservation } from '../services/observation';
import { SERVICE_KPIS, serviceKpis, type ServiceKpiName } from './service-kpis';

/** Every KPI a report can carry, in report order: intake first, then the lifecycle's, then service matters'. */
export const KPIS = { ...INTAKE_KPIS, ...HOTLINE_KPIS, ...SERVICE_KPIS } as const;
export type KpiName = keyof typeof KPIS;
/** Intake KPIs are always there; lifecycle KPIs only when the scenario has a lifecycle. */
export type KpiValues = IntakeKpiValues & Partial<Record<HotlineKpiName | ServiceKpiName, number>>;
/** The same shape for any per-KPI value (estimates in reports). */
export type KpiRecord<T> = Record<IntakeKpiName, T> & Partial<Record<HotlineKpiName | ServiceKpiName, T>>;

/** What one replication observed: the intake always, the lifecycle when the scenario has one. */
export interface Replication {
  intake: IntakeObservation;
  hotline?: HotlineObservation;
  /** The service-matter model's counts, when the scenario has a `services` section. */
  services?: ServiceObservation;
}

/** KPI values of a whole replication. */
export function replicationKpis(rep: Replication): KpiValues {
  return {
    ...intakeKpis(rep.intake),
    ...(rep.hotline ? hotlineKpis(rep.hotline) : {}),
    ...(rep.services ? serviceKpis(rep.services) : {}),
  };
}

/**
 * KPI values of each batch of one replication (batch means), counts scaled to the whole run. Only
 * stationary scenarios use them, and a scenario with service matters is not one (working days).
 */
export function batchKpis(rep: Replication): KpiValues[] {
  const intake = intakeBatchKpis(rep.intake).map((k) => ({
    ...k,
    contacts: k.contacts * rep.intake.batches.length,
  }));
  if (!rep.hotline) return intake;
  const hotline = hotlineBatchKpis(rep.hotline);
  return intake.map((k, b) => ({ ...k, ...hotline[b] }));
}

/** The KPI names present in a set of values, in report order. */
export function kpiNames(values: Partial<Record<KpiName, unknown>>): KpiName[] {
  return (Object.keys(KPIS) as KpiName[]).filter((name) => values[name] !== undefined);
}
