import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents, type JobsOptions } from 'bullmq';
import {
  bullPrefix,
  createRedisClient,
  describeRedis,
  isRedisClient,
  pingFailure,
  type RedisClient,
  type RedisTarget,
} from '../redis/client';
import { z } from 'zod';
import {
  decodeReplication,
  replicationSeed,
  type EncodedReplication,
  type Replication,
  type Scenario,
} from '@hotline-sim/shared';

/*
 * Batch experiments on BullMQ: one job per replication on the `experiments` queue, so any number of
 * worker processes (`npm run worker`) share an experiment's replications. A job carries the scenario
 * and the replication's own seed; the worker runs the same `shared/` code as an in-process run and
 * returns the replication encoded as JSON (replication-codec), so a report built from queued
 * replications is identical to the in-process one for the same seeds.
 */

/** Name of the BullMQ queue of experiment replications. */
export const EXPERIMENTS_QUEUE = 'experiments';

export { DEFAULT_REDIS_URL } from './default-redis-url';

/** What one job of the experiments queue carries: one replication of one scenario. */
export interface ExperimentJobData {
  /** The scenario as plain data (validated again by the worker). */
  scenario: unknown;
  /** This replication's own seed: `replicationSeed(base seed, index)`. */
  seed: number;
  /** The replication's index within its scenario's replications (0 first). */
  index: number;
}

export const jobDataSchema = z.object({
  scenario: z.unknown(),
  seed: z.number().int().min(0).max(0xffffffff),
  index: z.number().int().min(0),
});

/**
 * Attempts of a replication whose process was killed (time limit) or died (out of memory): one
 * retry, in case a busy machine made it late, then the job fails and the experiment with it. A
 * replication that throws is deterministic and fails at once (UnrecoverableError), whatever this says.
 */
export const REPLICATION_ATTEMPTS = 2;

/**
 * Options of every job. A replication is deterministic, so one that threw would throw again: it
 * fails at once; one whose process was killed gets {@link REPLICATION_ATTEMPTS}; a worker that dies
 * mid-job is a stall, which BullMQ hands to another worker by itself. Finished jobs expire so Redis cannot grow without bound: completed ones after an hour or beyond the
 * latest 1000 (about 55 kB each for a Beijing day; a client reads each result as soon as it completes,
 * and removes it then unless the experiment is named), failed ones after a week, for inspection.
 */
export const EXPERIMENT_JOB_OPTIONS = {
  attempts: REPLICATION_ATTEMPTS,
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
} as const satisfies JobsOptions;

/** The id of replication `index` of an experiment: the same id twice adds the job once. */
export function replicationJobId(experimentId: string, index: number): string {
  return `${experimentId}-${index}`;
}

/** Where Redis is: a URL or a cluster's nodes, or a client the caller keeps (and closes). */
export type RedisConnection = RedisClient | RedisTarget;

/** A client of its own for BullMQ; connection errors reach BullMQ's `error` events, not the console. */
export function redisClient(target: RedisTarget): RedisClient {
  const client = createRedisClient(target);
  client.on('error', () => {});
  return client;
}

/** Redis does not answer at the target given; the message names it and why. */
export class RedisUnreachableError extends Error {
  constructor(
    readonly target: RedisTarget,
    reason: string,
  ) {
    super(`cannot reach Redis at ${describeRedis(target)}: ${reason}`);
    this.name = 'RedisUnreachableError';
  }
}

/** Fail fast with a clear error rather than let ioredis retry forever against nothing. */
async function assertReachable(target: RedisTarget, timeoutMs: number): Promise<void> {
  const failure = await pingFailure(target, timeoutMs);
  if (failure !== null) throw new RedisUnreachableError(target, failure);
}

/** A replication that failed on a worker; the message names the replication and the worker's reason. */
export class ReplicationFailedError extends Error {
  constructor(
    /** What ran: the scenario's name, or the batch's label. */
    readonly label: string,
    /** 0-based index of the replication within its batch. */
    readonly index: number,
    readonly replications: number,
    readonly seed: number,
    readonly jobId: string,
    readonly reason: string,
  ) {
    super(
      `replication ${index + 1}/${replications} of ${label} (seed ${seed}, job ${jobId}) failed: ${reason}`,
    );
    this.name = 'ReplicationFailedError';
  }
}

/** The caller gave up (its AbortSignal fired); the experiment's waiting jobs were removed. */
export class ExperimentAbortedError extends Error {
  constructor(readonly removedJobs: number) {
    super(`experiment interrupted; ${removedJobs} waiting replication(s) removed from the queue`);
    this.name = 'ExperimentAbortedError';
  }
}

/** Replications of one scenario to run on the queue. */
export interface ReplicationBatch {
  scenario: Scenario;
  replications: number;
  /** Base seed: replication r runs on `replicationSeed(seed, r)`. @defaultValue the scenario's seed */
  seed?: number;
  /** Names the batch in job names and errors. @defaultValue the scenario's name */
  label?: string;
}

/** How to reach the queue and follow an experiment. */
export interface QueueRunOptions {
  connection: RedisConnection;
  /**
   * BullMQ key prefix (tests use their own; on a cluster it must hold a hash tag).
   * @defaultValue bullPrefix(EXPERIMENTS_QUEUE)
   */
  prefix?: string;
  /**
   * Names the experiment's jobs (`<id>-<index>`): running with the same id again, or from a second
   * client at once, adds no job twice and reads the results while they are kept (an hour). Results of
   * a named experiment are left to expire; those of an unnamed one are removed once read.
   * @defaultValue a new random id per run, so a changed model never answers with results an older
   * one left behind
   */
  experimentId?: string;
  /** Fraction of all replications done, in [0, 1], as workers report progress. */
  onProgress?: (fraction: number) => void;
  /** Called once when no worker has started any of the jobs after `waitingHintMs`; waiting goes on. */
  onWaitingForWorkers?: () => void;
  /** @defaultValue 10000 */
  waitingHintMs?: number;
  /** How often job states are polled besides the queue's events (which a reconnect may miss). @defaultValue 2000 */
  pollMs?: number;
  /** Aborting removes the experiment's waiting jobs and rejects with {@link ExperimentAbortedError}. */
  signal?: AbortSignal;
}

interface Pending {
  batch: number;
  index: number;
  replications: number;
  seed: number;
  label: string;
}

/**
 * Put every replication of several batches on the experiments queue at once (so workers share them
 * all) and wait for the results, decoded, as `result[batch][index]`.
 *
 * @throws RedisUnreachableError when `connection` is a URL nobody answers; ReplicationFailedError
 * for the first replication that fails on a worker (the experiment's waiting jobs are removed);
 * ExperimentAbortedError when `signal` aborts.
 */
export async function runReplicationBatchesOnQueue(
  batches: readonly ReplicationBatch[],
  options: QueueRunOptions,
): Promise<Replication[][]> {
  for (const b of batches) {
    if (!Number.isInteger(b.replications) || b.replications < 1) {
      throw new Error(`replications must be a positive integer, got ${b.replications}`);
    }
  }
  const experimentId = options.experimentId ?? randomUUID();
  if (experimentId.includes(':')) throw new Error(`experiment id cannot contain ":", got ${experimentId}`);
  options.signal?.throwIfAborted();

  let connection: RedisClient;
  let owned: RedisClient | undefined;
  if (isRedisClient(options.connection)) {
    connection = options.connection;
  } else {
    await assertReachable(options.connection, 5000);
    connection = owned = redisClient(options.connection);
  }
  const prefix = { prefix: options.prefix ?? bullPrefix(EXPERIMENTS_QUEUE) };
  const queue = new Queue<ExperimentJobData, EncodedReplication>(EXPERIMENTS_QUEUE, {
    connection,
    ...prefix,
  });
  // QueueEvents blocks on its own duplicate of the connection (BullMQ makes and closes it).
  const events = new QueueEvents(EXPERIMENTS_QUEUE, { connection, ...prefix });
  queue.on('error', () => {});
  events.on('error', () => {});
  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    return await follow(queue, events, experimentId, batches, options);
  } finally {
    await events.close();
    await queue.close();
    if (owned) await owned.quit().catch(() => owned?.disconnect());
  }
}

async function follow(
  queue: Queue<ExperimentJobData, EncodedReplication>,
  events: QueueEvents,
  experimentId: string,
  batches: readonly ReplicationBatch[],
  options: QueueRunOptions,
): Promise<Replication[][]> {
  const pending = new Map<string, Pending>();
  const results: Replication[][] = batches.map(() => []);
  const jobs: Parameters<typeof queue.addBulk>[0] = [];
  batches.forEach((b, batch) => {
    const base = b.seed ?? b.scenario.seed;
    const label = b.label ?? b.scenario.name;
    for (let index = 0; index < b.replications; index++) {
      const jobId = replicationJobId(experimentId, pending.size);
      const seed = replicationSeed(base, index);
      pending.set(jobId, { batch, index, replications: b.replications, seed, label });
      jobs.push({
        name: `${label} #${index + 1}`,
        data: { scenario: b.scenario, seed, index },
        opts: { ...EXPERIMENT_JOB_OPTIONS, jobId },
      });
    }
  });
  const total = pending.size;
  const progress = new Map<string, number>();
  let started = false;
  const checking = new Set<string>();

  return new Promise<Replication[][]>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    // Events are the fast path; polling catches what they miss (completed before we listened, a
    // reconnect), so a lost event costs at most one poll interval.
    const poll = setInterval(() => {
      for (const id of pending.keys()) void check(id);
    }, options.pollMs ?? 2000);
    const finish = (error: unknown, value?: Replication[][]) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      clearInterval(poll);
      events
        .off('active', onActive)
        .off('progress', onProgress)
        .off('completed', onDone)
        .off('failed', onDone);
      options.signal?.removeEventListener('abort', onAbort);
      if (value) {
        resolve(value);
        return;
      }
      // Nobody needs the rest any more: take the waiting jobs off the queue (active ones finish).
      void removeWaiting().then(
        (removed) =>
          reject(error instanceof ExperimentAbortedError ? new ExperimentAbortedError(removed) : error),
        () => reject(error),
      );
    };
    const removeWaiting = async (): Promise<number> => {
      const removed = await Promise.all([...pending.keys()].map((id) => queue.remove(id).catch(() => 0)));
      return removed.reduce<number>((n, r) => n + r, 0);
    };
    const reportProgress = () => {
      if (!options.onProgress) return;
      let sum = 0;
      for (const f of progress.values()) sum += f;
      options.onProgress(Math.min(1, sum / total));
    };

    const check = async (jobId: string): Promise<void> => {
      const p = pending.get(jobId);
      if (!p || checking.has(jobId) || settled) return;
      checking.add(jobId);
      try {
        const state = await queue.getJobState(jobId);
        if (state === 'active') started = true;
        if (state === 'completed') {
          started = true;
          const job = await queue.getJob(jobId);
          if (!job) throw new Error(`job ${jobId} completed but is gone before its result was read`);
          let rep: Replication;
          try {
            rep = decodeReplication(job.returnvalue);
          } catch (e) {
            throw new ReplicationFailedError(
              p.label,
              p.index,
              p.replications,
              p.seed,
              jobId,
              `its result cannot be read (${(e as Error).message})`,
            );
          }
          (results[p.batch] as Replication[])[p.index] = rep;
          pending.delete(jobId);
          progress.set(jobId, 1);
          reportProgress();
          // A private experiment's results have one reader: free Redis at once. A named one may have
          // others (the same id run twice), so its results stay until they expire.
          if (options.experimentId === undefined) await job.remove().catch(() => {});
          if (pending.size === 0) finish(undefined, results);
        } else if (state === 'failed') {
          const job = await queue.getJob(jobId);
          const reason = job?.failedReason || 'no reason given';
          throw new ReplicationFailedError(p.label, p.index, p.replications, p.seed, jobId, reason);
        } else if (state === 'unknown') {
          throw new Error(
            `the job of replication ${p.index + 1}/${p.replications} of ${p.label} (job ${jobId}) is gone from the queue (removed by someone?)`,
          );
        }
      } catch (e) {
        finish(e);
      } finally {
        checking.delete(jobId);
      }
    };

    const onActive = ({ jobId }: { jobId: string }) => {
      if (pending.has(jobId)) started = true;
    };
    const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => {
      if (!pending.has(jobId) || typeof data !== 'number') return;
      started = true;
      progress.set(jobId, Math.min(1, Math.max(0, data)));
      reportProgress();
    };
    const onDone = ({ jobId }: { jobId: string }) => void check(jobId);
    const onAbort = () => finish(new ExperimentAbortedError(0));
    events.on('active', onActive).on('progress', onProgress).on('completed', onDone).on('failed', onDone);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();

    timers.push(
      setTimeout(() => {
        if (!started && !settled) options.onWaitingForWorkers?.();
      }, options.waitingHintMs ?? 10_000),
    );

    queue.addBulk(jobs).then(
      () => {
        // Re-adding an existing id is a no-op: those jobs may be finished already, so look at each once.
        for (const id of [...pending.keys()]) void check(id);
      },
      (e: unknown) => finish(e),
    );
  });
}

/**
 * Run `replications` of one scenario on the experiments queue and return them in index order
 * (replication r on `replicationSeed(seed, r)`, as `runScenario` does in-process).
 *
 * @throws as {@link runReplicationBatchesOnQueue}.
 */
export async function runReplicationsOnQueue(
  scenario: Scenario,
  options: QueueRunOptions & { replications: number; seed?: number },
): Promise<Replication[]> {
  const { replications, seed, ...queueOptions } = options;
  const [runs] = await runReplicationBatchesOnQueue(
    [{ scenario, replications, ...(seed === undefined ? {} : { seed }) }],
    queueOptions,
  );
  return runs ?? [];
}
