import { transition, type AppealState, type AppealStep, type HistoryEntry } from '@hotline-sim/shared';
import { applySteps, type ApplyClient, type StepsToApply } from '../appeals/appeal-record';

/** One step as a job carries it (the model's transition, compacted): a history entry before it is applied. */
export type JobStep = Omit<HistoryEntry, 'clock' | 'appliedAt'>;

/** One appeal's transitions within one clock tick: the unit the owner releases and waits for. */
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
 * A BullMQ job of the live runtime: appeal jobs of one run, one tick, one stage queue and one
 * priority, carried together so that BullMQ's own bookkeeping (add, take, finish: some 25 Redis
 * commands a job) is paid once for up to {@link BATCH_MAX} appeals rather than once for each.
 */
export interface AppealBatch {
  run: string;
  jobs: AppealJob[];
}

/**
 * Appeals a batch carries at most: a tick's work still spreads over the stage workers' 50 slots (a
 * tick of 5,000 appeals is some 80 batches), and a batch's scripts run in one round trip.
 */
export const BATCH_MAX = 64;

/**
 * The thin processor of one appeal: checks the job's steps against the lifecycle (the same
 * `transition` the engine calls: an illegal step throws), then applies them in one atomic script
 * (`appeals/appeal-record.ts`, which owns the stored record).
 */
export async function applyAppealJob(redis: ApplyClient, job: AppealJob): Promise<number> {
  return applySteps(redis, checkedSteps(job, Date.now()));
}

/**
 * The processor of a batch: every appeal checked and applied as {@link applyAppealJob} would, their
 * scripts sent in one pipeline (the run's keys share one hash tag, so on a cluster it goes to one
 * node). Each script is atomic and idempotent on its own; an appeal whose steps are illegal, or whose
 * script fails, fails the batch after the others are applied, and BullMQ's retry re-applies nothing
 * twice (the scripts skip steps already stored). Resolves to the steps applied.
 */
export async function applyAppealBatch(redis: ApplyClient, batch: AppealBatch): Promise<number> {
  const appliedAt = Date.now();
  const errors: string[] = [];
  const checked: StepsToApply[] = [];
  for (const job of batch.jobs) {
    try {
      checked.push(checkedSteps(job, appliedAt));
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  let applied = 0;
  if (checked.length === 1) applied = await applySteps(redis, checked[0] as StepsToApply);
  else if (checked.length > 1) {
    const pipe = redis.pipeline() as unknown as ApplyClient;
    for (const steps of checked) void applySteps(pipe, steps);
    const results = (await (pipe as unknown as ReturnType<ApplyClient['pipeline']>).exec()) ?? [];
    for (const [err, n] of results) {
      if (err) errors.push(err.message);
      else applied += Number(n);
    }
  }
  if (errors.length > 0) throw new Error(errors.join('; '));
  return applied;
}

function checkedSteps(job: AppealJob, appliedAt: number): StepsToApply {
  let state: AppealState | null = job.steps[0]?.from ?? null;
  for (const step of job.steps) {
    if (step.from !== state)
      throw new Error(`appeal ${job.id}: step ${step.seq} starts from ${step.from}, not ${state}`);
    state = step.from === null ? entry(job.id, step.to) : transition(step.from, step.to);
  }
  const last = job.steps[job.steps.length - 1] as JobStep;
  return {
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
  };
}

/** An appeal enters the lifecycle received (a citizen's call) or dispatched (a grid discovery). */
function entry(id: number, to: AppealState): AppealState {
  if (to !== 'received' && to !== 'dispatched') throw new Error(`appeal ${id} cannot enter at ${to}`);
  return to;
}
