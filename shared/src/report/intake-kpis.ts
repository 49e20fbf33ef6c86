import { ratio } from '../util/ratio';
import { emptyBatch, type IntakeBatch, type IntakeObservation } from '../intake/intake-model';

/** The intake KPIs every report carries, with what each one measures. */
export const INTAKE_KPIS = {
  contacts: { en: 'Contacts (after warm-up)', zh: '来电量（预热后）', unit: 'count' },
  pWait: { en: 'P(wait): share of contacts that had to queue', zh: '排队概率', unit: 'share' },
  meanWaitSeconds: {
    en: 'Mean time in queue (answered and abandoned)',
    zh: '平均排队时长（秒）',
    unit: 's',
  },
  serviceLevel15s: {
    en: 'Service level: share answered within the threshold (15 s by default)',
    zh: '服务水平（15 秒接通率）',
    unit: 'share',
  },
  abandonRate: { en: 'Abandonment: share who hung up while queued', zh: '放弃率', unit: 'share' },
  agentUtilisation: { en: 'Agent utilisation (busy / on duty)', zh: '话务员利用率', unit: 'share' },
  littleLawError: {
    en: "Little's law check: |L − λW| / L for the queue",
    zh: '利特尔法则误差',
    unit: 'share',
  },
} as const;

export type IntakeKpiName = keyof typeof INTAKE_KPIS;
export type IntakeKpiValues = Record<IntakeKpiName, number>;

function sum(batches: readonly IntakeBatch[]): IntakeBatch {
  const total = emptyBatch();
  for (const b of batches) {
    total.contacts += b.contacts;
    total.waited += b.waited;
    total.answered += b.answered;
    total.abandoned += b.abandoned;
    total.withinServiceLevel += b.withinServiceLevel;
    total.waitSum += b.waitSum;
    total.busyArea += b.busyArea;
    total.queueArea += b.queueArea;
    total.agentArea += b.agentArea;
  }
  return total;
}

/**
 * KPIs of a stretch of observation (one batch, or the sum of all). Shares of outcomes are over
 * finished contacts (answered or abandoned), since a contact still queued at the end has no outcome.
 * Little's law compares the time-average queue length L with λW, λ being contacts per second and W
 * the mean time in queue of finished contacts: they are measured independently, so the gap is a
 * real check of the bookkeeping, shrinking as runs get longer.
 */
export function kpisOf(batches: readonly IntakeBatch[], seconds: number): IntakeKpiValues {
  const b = sum(batches);
  const finished = b.answered + b.abandoned;
  const lambda = b.contacts / seconds;
  const w = ratio(b.waitSum, finished);
  const l = b.queueArea / seconds;
  return {
    contacts: b.contacts,
    pWait: ratio(b.waited, b.contacts),
    meanWaitSeconds: w,
    serviceLevel15s: ratio(b.withinServiceLevel, finished),
    abandonRate: ratio(b.abandoned, finished),
    agentUtilisation: ratio(b.busyArea, b.agentArea),
    littleLawError: l > 0 ? Math.abs(l - lambda * w) / l : Math.abs(lambda * w),
  };
}

/** KPIs of a whole replication. */
export function intakeKpis(obs: IntakeObservation): IntakeKpiValues {
  return kpisOf(obs.batches, obs.seconds);
}

/** KPIs of each batch of one replication (for batch-means intervals). */
export function intakeBatchKpis(obs: IntakeObservation): IntakeKpiValues[] {
  const seconds = obs.seconds / obs.batches.length;
  return obs.batches.map((b) => kpisOf([b], seconds));
}
