import { transition, type AppealState, type AppealStep, type HistoryEntry } from '@hotline-sim/shared';
import { applySteps, type ApplyClient } from '../appeals/appeal-record';

/** One step as a job carries it (the model's transition, compacted): a history entry before it is applied. */
export type JobStep = Omit<HistoryEntry, 'clock' | 'appliedAt'>;

/** A BullMQ job of the live runtime: one appeal's transitions within one clock tick. */
export interface AppealJob {
  run: string;
  /** Key of this job in the run's pending set (run-unique: appeal id and first seq). */
  key: string;
  id: number;
  source: 'citizen' | 'grid';
  category: number;
  street: number;
  cell: number;
  deadline: number | null;
  /** Virtual time the clock released this tick at (the steps' `at` are ≤ it). */
  clock: number;
  /** Wall-clock ms of the release. */
  releasedAt: number;
  steps: JobStep[];
}

export function toJob(
  run: string,
  steps: readonly AppealStep[],
  clock: number,
  releasedAt: number,
): AppealJob {
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (!first || !last) throw new Error('a job needs at least one step');
  return {
    run,
    key: `${first.id}:${first.seq}`,
    id: first.id,
    source: last.source,
    category: last.category,
    street: last.street,
    cell: last.cell,
    deadline: Number.isFinite(last.deadline) ? last.deadline : null,
    clock,
    releasedAt,
    steps: steps.map((s) => ({
      seq: s.seq,
      from: s.from ?? null,
      to: s.to,
      at: s.at,
      unit: s.unit,
      ...(s.outcome ? { outcome: s.outcome } : {}),
      ...(s.rating ? { rating: s.rating } : {}),
    })),
  };
}

/**
 * The thin processor: checks the job's steps against the lifecycle (the same `transition` the
 * engine calls: an illegal step fails the job), then applies them in one atomic script
 * (`appeals/appeal-record.ts`, which owns the stored record).
 */
export async function applyAppealJob(redis: ApplyClient, job: AppealJob): Promise<number> {
  let state: AppealState | null = job.steps[0]?.from ?? null;
  for (const step of job.steps) {
    if (step.from !== state)
      throw new Error(`appeal ${job.id}: step ${step.seq} starts from ${step.from}, not ${state}`);
    state = step.from === null ? entry(step.to) : transition(step.from, step.to);
  }
  const appliedAt = Date.now();
  const last = job.steps[job.steps.length - 1] as JobStep;
  return applySteps(redis, {
    run: job.run,
    key: job.key,
    id: job.id,
    steps: job.steps.map((step): HistoryEntry => ({ ...step, clock: job.clock, appliedAt })),
    fields: {
      source: job.source,
      category: job.category,
      street: job.street,
      cell: job.cell,
      unit: last.unit,
      deadline: job.deadline,
      // A step carries the order's outcome and rating once they exist, so the last one has both.
      outcome: last.outcome ?? null,
      rating: last.rating ?? null,
      updated: last.at,
    },
  });
}

/** An appeal enters the lifecycle received (a citizen's call) or dispatched (a grid discovery). */
function entry(to: AppealState): AppealState {
  if (to !== 'received' && to !== 'dispatched') throw new Error(`an appeal cannot enter at ${to}`);
  return to;
}
