import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Router } from 'express';

export const ADMIN_QUEUES_PATH = '/admin/queues';

/** bull-board over the given queues at /admin/queues (the caller puts the instructor check in front). */
export function queuesBoard(queues: readonly Queue[]): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter });
  return adapter.getRouter() as Router;
}
