import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { ScenarioError, formatIssues, validateScenario, type EncodedReplication } from '@hotline-sim/shared';
import { bullPrefix, isRedisClient, type RedisClient } from '../redis/client';
import {
  EXPERIMENTS_QUEUE,
  jobDataSchema,
  redisClient,
  type ExperimentJobData,
  type RedisConnection,
} from './queue';
import { ReplicationError, ReplicationProcess, type ReplicationCaps } from './replication-process';

/*
 * The worker side of the experiments queue: each replication runs in a child process with capped
 * memory and time (replication-process.ts), so no scenario can hold the worker's (or the server's)
 * event loop.
 */

/** Options of {@link createExperimentWorker}. */
export interface ExperimentWorkerOptions {
  /** Replications run at once by this worker, each in its own process. @defaultValue 1 */
  concurrency?: number;
  /** Caps on each replication's process. @defaultValue {@link DEFAULT_REPLICATION_CAPS} */
  caps?: ReplicationCaps;
  /** One line per finished or failed replication, and worker errors. */
  logger?: Logger;
  /** BullMQ key prefix; must match the producers'. @defaultValue bullPrefix(EXPERIMENTS_QUEUE) */
  prefix?: string;
}

/**
 * Caps on one replication when nothing says otherwise (REPLICATION_MEMORY_MB,
 * REPLICATION_TIMEOUT_SECONDS): a Beijing day takes about 2 s and 200 MB, the largest scenario a
 * server accepts (SCENARIO_LIMITS.contacts) a minute or so of one core.
 */
export const DEFAULT_REPLICATION_CAPS: ReplicationCaps = Object.freeze({
  memoryMb: 2048,
  timeoutSeconds: 600,
});

/**
 * The processor of an experiments job: validate the data, run the replication in a child process
 * (`processes` hands one out), return it encoded. Bad data (a malformed scenario, a bad seed) and a
 * replication that throws fail the job at once with an UnrecoverableError whose message names the
 * problem; a process killed at the time limit or out of memory fails this attempt (BullMQ tries
 * {@link REPLICATION_ATTEMPTS} times).
 *
 * The replication runs in its own process (node:child_process) with a capped heap, never on the
 * worker's thread: there a scenario without bounds held the event loop (and the server's HTTP with
 * it) and took gigabytes, and a server restarted into the next such job never got to listen. The
 * worker's thread only relays progress, so BullMQ renews the job's lock on time whatever runs.
 */
export async function processExperimentJob(
  job: Job<ExperimentJobData, EncodedReplication>,
  processes: ReplicationPool,
): Promise<EncodedReplication> {
  const parsed = jobDataSchema.safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(
      `job ${job.id} is malformed: ${formatIssues(parsed.error.issues, job.data).join('; ')}`,
    );
  }
  try {
    validateScenario(parsed.data.scenario, `the scenario of job ${job.id}`);
  } catch (e) {
    if (e instanceof ScenarioError)
      throw new UnrecoverableError(`${e.source} is invalid: ${e.problems.join('; ')}`);
    throw e;
  }
  const child = processes.take();
  try {
    return await child.run({ scenario: parsed.data.scenario, seed: parsed.data.seed }, (fraction) => {
      job.updateProgress(fraction).catch(() => undefined);
    });
  } catch (e) {
    if (e instanceof ReplicationError) throw new UnrecoverableError(e.message);
    throw e;
  } finally {
    processes.give(child);
  }
}

/** Idle replication processes of one worker (at most its concurrency), each reused until it dies. */
export class ReplicationPool {
  private readonly idle: ReplicationProcess[] = [];
  private readonly all = new Set<ReplicationProcess>();

  constructor(private readonly caps: ReplicationCaps) {}

  take(): ReplicationProcess {
    const child = this.idle.pop() ?? new ReplicationProcess(this.caps);
    this.all.add(child);
    return child;
  }

  give(child: ReplicationProcess): void {
    this.idle.push(child);
  }

  /** Kill every process (the worker is closing: nothing runs any more). */
  close(): void {
    for (const p of this.all) p.kill();
    this.all.clear();
    this.idle.length = 0;
  }
}

/**
 * Lock held on a job and renewed every half of it. The event loop is never blocked for long (see
 * {@link processExperimentJob}), so this only has to outlast GC pauses and a busy machine; the
 * price of a longer one is a slower hand-over when a worker dies (its job waits out the lock).
 */
const LOCK_MS = 60_000;

/** A BullMQ worker that closes the Redis client it made for itself once it is closed. */
class ExperimentWorker extends Worker<ExperimentJobData, EncodedReplication> {
  private readonly processes: ReplicationPool;

  constructor(
    connection: RedisClient,
    options: ExperimentWorkerOptions,
    private readonly ownedClient: RedisClient | undefined,
  ) {
    const processes = new ReplicationPool(options.caps ?? DEFAULT_REPLICATION_CAPS);
    super(EXPERIMENTS_QUEUE, (job) => processExperimentJob(job, processes), {
      connection,
      concurrency: options.concurrency ?? 1,
      lockDuration: LOCK_MS,
      prefix: options.prefix ?? bullPrefix(EXPERIMENTS_QUEUE),
    });
    this.processes = processes;
  }

  override async close(force?: boolean): Promise<void> {
    await super.close(force);
    this.processes.close();
    if (this.ownedClient) await this.ownedClient.quit().catch(() => this.ownedClient?.disconnect());
  }
}

/**
 * A worker of the experiments queue: takes replications, runs them with `shared/` code, returns
 * them encoded. `close()` waits for the replications in progress (BullMQ's graceful close), then
 * closes the Redis client made from a URL (a client passed in stays open).
 */
export function createExperimentWorker(
  connection: RedisConnection,
  options: ExperimentWorkerOptions = {},
): Worker<ExperimentJobData, EncodedReplication> {
  const owned = isRedisClient(connection) ? undefined : redisClient(connection);
  const worker = new ExperimentWorker(owned ?? (connection as RedisClient), options, owned);
  const logger = options.logger;
  worker.on('completed', (job) => {
    logger?.info(
      { job: job.id, name: job.name, ms: (job.finishedOn ?? 0) - (job.processedOn ?? 0) },
      'replication done',
    );
  });
  worker.on('failed', (job, err) => {
    logger?.warn({ job: job?.id, name: job?.name, reason: err.message }, 'replication failed');
  });
  worker.on('error', (err) => {
    logger?.error({ err: err.message }, 'experiments worker error');
  });
  return worker;
}
