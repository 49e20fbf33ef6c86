import type { SlaClass } from '@hotline-sim/shared';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { defineApply } from '../appeals/appeal-record';
import type { RedisClient } from '../redis/client';
import { BATCH_MAX, applyAppealBatch, type AppealBatch, type AppealJob } from './appeal-job';
import type { RunKeys } from './keys';
import { PRIORITY, queueName, stageOf, type Stage } from './stages';

export interface StageReleaseDeps {
  redis: RedisClient;
  queues: Record<Stage, Queue<AppealBatch>>;
  runId: string;
  keys: RunKeys;
  logger: Logger;
  /** The run's categories (a job's queue priority is its category's SLA class). */
  categories: readonly { slaClass: SlaClass }[];
  /** The owner has stopped: waiting for jobs ends (another owner settles them). */
  stopped: () => boolean;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** Re-release a tick's unapplied jobs when nothing has been applied for this long (a lost job). */
const STALL_MS = 3_000;

/**
 * How a run's owner hands its appeals' steps to the stage workers: jobs onto the stage queues, then
 * a wait until every one has been applied (its key leaves the run's pending set), releasing again
 * whatever a lost Redis or a killed worker dropped. An admission's jobs can also be applied here.
 */
export class StageRelease {
  constructor(private readonly deps: StageReleaseDeps) {}

  /**
   * Put a tick's appeal jobs on the stage queues, in batches of one stage and one priority (at most
   * {@link BATCH_MAX} appeals each); each appeal stays pending until its own script has run.
   */
  async release(jobs: AppealJob[], attempt: number): Promise<void> {
    if (jobs.length === 0) return;
    const { redis, queues, categories } = this.deps;
    await redis.sadd(this.deps.keys.pending, ...jobs.map((j) => j.key));
    const groups = new Map<string, { stage: Stage; priority: number; jobs: AppealJob[] }>();
    for (const job of jobs) {
      const stage = stageOf((job.steps[job.steps.length - 1] as AppealJob['steps'][number]).to);
      const priority = PRIORITY[categories[job.category]?.slaClass ?? '7d'];
      const group = groups.get(`${stage} ${priority}`);
      if (group) group.jobs.push(job);
      else groups.set(`${stage} ${priority}`, { stage, priority, jobs: [job] });
    }
    const byStage = new Map<Stage, { name: string; data: AppealBatch; opts: object }[]>();
    for (const { stage, priority, jobs: list } of groups.values()) {
      const bulk = byStage.get(stage) ?? [];
      byStage.set(stage, bulk);
      for (let i = 0; i < list.length; i += BATCH_MAX) {
        const batch = list.slice(i, i + BATCH_MAX);
        bulk.push({
          name: queueName(stage),
          data: { run: this.deps.runId, jobs: batch },
          // Run-unique: a job key is in one batch of an attempt, and names that batch.
          opts: {
            jobId: `${this.deps.runId}.${(batch[0] as AppealJob).key.replace(':', '.')}.${attempt}`,
            priority,
            attempts: 5,
            backoff: { type: 'fixed', delay: 200 },
          },
        });
      }
    }
    await Promise.all([...byStage].map(([stage, bulk]) => queues[stage].addBulk(bulk)));
  }

  /**
   * An admission's jobs (the filed appeals' first steps, on the POSTs' path) applied by the owner itself
   * with the stage workers' own processor and scripts, in one round trip rather than through the
   * queues (which cost a POST a worker's pickup and the owner's polling of the run's pending set, where
   * it also waited for the tick in flight). Should that fail, they go to the queues as a tick's do;
   * either way they are stored when this resolves.
   */
  async applyHere(jobs: AppealJob[]): Promise<void> {
    if (jobs.length === 0) return;
    try {
      await applyAppealBatch(defineApply(this.deps.redis), { run: this.deps.runId, jobs });
    } catch (err) {
      this.deps.logger.warn({ run: this.deps.runId, err }, 'admission applied through the queues');
      await this.release(jobs, 0);
      await this.settle(jobs);
    }
  }

  /**
   * Wait until every job of the tick has been applied. A job lost with a crashed Redis, or stuck with
   * a killed worker, is released again (under a new job id) when nothing moves for a while; the
   * apply script skips whatever was already applied, so the extra copy is harmless.
   */
  async settle(jobs: AppealJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const { redis } = this.deps;
    let left = await redis.scard(this.deps.keys.pending);
    let lastProgress = Date.now();
    let attempt = 0;
    while (left > 0) {
      if (this.deps.stopped()) return;
      await sleep(left > 50 ? 10 : 3);
      const now = await redis.scard(this.deps.keys.pending);
      if (now < left) lastProgress = Date.now();
      left = now;
      if (left > 0 && Date.now() - lastProgress > STALL_MS) {
        const missing = new Set(await redis.smembers(this.deps.keys.pending));
        attempt++;
        this.deps.logger.warn(
          { run: this.deps.runId, jobs: missing.size, attempt },
          're-releasing unapplied jobs',
        );
        await this.release(
          jobs.filter((j) => missing.has(j.key)),
          attempt,
        );
        lastProgress = Date.now();
      }
    }
  }
}
