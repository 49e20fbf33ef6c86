import type { Logger } from 'pino';
import type { RedisTarget } from '../redis/client';
import { createExperimentWorker } from '../experiments';
import type { ReplicationCaps } from '../experiments/replication-process';
import { startLiveWorkers } from '../live/workers';

/*
 * The kinds of BullMQ worker a worker process (`npm run worker`) runs: one entry of WORKER_ROLES per
 * kind, each started with the process's Redis and logger and closed with it. A new kind of job gets
 * its processors here.
 */

/** What every role's worker offers this process: wait until connected, and close gracefully. */
export interface RoleWorker {
  waitUntilReady(): Promise<unknown>;
  /** Stop taking jobs and wait for those in progress. */
  close(): Promise<void>;
}

/** What a role is given to start its worker. */
export interface RoleContext {
  redis: RedisTarget;
  logger: Logger;
  /** Caps on each replication's process. @defaultValue DEFAULT_REPLICATION_CAPS */
  caps?: ReplicationCaps;
}

/** A kind of worker this process runs, by name (the name tags its log lines). */
export interface WorkerRole {
  name: string;
  start(context: RoleContext): RoleWorker;
}

/** Every role a worker process runs. */
export const WORKER_ROLES: readonly WorkerRole[] = [
  /** The live runtime's appeal transitions: one worker per stage queue. */
  { name: 'live', start: ({ redis, logger }) => startLiveWorkers(redis, { logger }) },
  /** Replications of batch experiments (`hotline run|compare|sweep --queue`). */
  {
    name: 'experiments',
    start: ({ redis, logger, caps }) => createExperimentWorker(redis, { logger, ...(caps ? { caps } : {}) }),
  },
];

/** The workers of a process; `close()` closes them all, each waiting for its jobs in progress. */
export interface RunningWorkers {
  readonly roles: readonly string[];
  close(): Promise<void>;
}

/** Start every role's worker and wait until each is connected. */
export async function startWorkers(
  roles: readonly WorkerRole[],
  context: RoleContext,
): Promise<RunningWorkers> {
  const started = roles.map((role) => ({
    name: role.name,
    worker: role.start({ ...context, logger: context.logger.child({ role: role.name }) }),
  }));
  await Promise.all(started.map((s) => s.worker.waitUntilReady()));
  return {
    roles: started.map((s) => s.name),
    async close() {
      await Promise.all(started.map((s) => s.worker.close()));
    },
  };
}
