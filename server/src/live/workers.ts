import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { defineApply } from '../appeals/appeal-record';
import { bullConnection, bullPrefix, createRedisClient, type RedisTarget } from '../redis/client';
import { applyAppealBatch, type AppealBatch } from './appeal-job';
import { STAGES, queueName } from './stages';

export interface LiveWorkerOptions {
  /** Jobs in flight per stage queue. @defaultValue 50 */
  concurrency?: number;
  logger?: Logger;
}

/** The live runtime's processors: one BullMQ Worker per stage queue, all running the same thin processor. */
export interface LiveWorkers {
  readonly workers: Worker[];
  /** Resolves once every stage worker is connected. */
  waitUntilReady(): Promise<unknown>;
  /** Finish the jobs in flight, then disconnect. */
  close(): Promise<void>;
}

/**
 * Start the stage workers against `target` (a Redis or a cluster). Any number of processes may do
 * this against one Redis (`npm run worker`); BullMQ hands each job to one of them, and a job whose worker dies is
 * retried elsewhere after its lock expires (the script's idempotence makes the retry harmless).
 */
export function startLiveWorkers(target: RedisTarget, options: LiveWorkerOptions = {}): LiveWorkers {
  const redis = defineApply(createRedisClient(target, 'hotline-live-apply'));
  redis.on('error', (err: Error) =>
    options.logger?.warn({ err: err.message }, 'live apply connection error'),
  );
  // A connection per stage worker, as BullMQ wants it (bullConnection), ended with the worker.
  const connections: (() => void)[] = [];
  const workers = STAGES.map((stage) => {
    const { connection, close } = bullConnection(target, `hotline-live-${stage}`);
    connections.push(close);
    const worker = new Worker<AppealBatch, number>(
      queueName(stage),
      async (job) => applyAppealBatch(redis, job.data),
      {
        connection,
        prefix: bullPrefix(queueName(stage)),
        concurrency: options.concurrency ?? 50,
        // A killed worker's jobs come back within seconds, not BullMQ's default 30 s.
        lockDuration: 5_000,
        stalledInterval: 2_500,
        maxStalledCount: 100,
        removeOnComplete: { count: 0 },
        removeOnFail: { count: 1_000 },
        name: `live-${stage}`,
      },
    );
    worker.on('failed', (job, err) =>
      options.logger?.warn(
        {
          stage,
          job: job?.data.jobs[0]?.key,
          appeals: job?.data.jobs.length,
          run: job?.data.run,
          err: err.message,
        },
        'live job failed',
      ),
    );
    worker.on('error', (err) => options.logger?.warn({ stage, err: err.message }, 'live worker error'));
    return worker;
  });
  return {
    workers,
    waitUntilReady: () => Promise.all(workers.map((w) => w.waitUntilReady())),
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      redis.disconnect();
      for (const close of connections) close();
    },
  };
}
