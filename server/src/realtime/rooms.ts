import type { ClientToServerEvents, RunUpdate, ServerToClientEvents, StageDepth } from '@hotline-sim/shared';
import type { Logger } from 'pino';
import type { Server as IoServer, Socket } from 'socket.io';
import { z } from 'zod';
import type { TickResult } from '../live/run-owner';
import type { RunManager } from '../live/run-manager';
import { STAGES } from '../live/stages';

export const roomOf = (runId: string) => `run:${runId}`;

/** Updates to one run's room go out at most this often, whatever the event rate. */
export const UPDATE_INTERVAL_MS = 100;
const QUEUES_EVERY_MS = 500;

export interface Realtime {
  /** Feed a settled tick of an owned run; it goes out batched. */
  onTick(tick: TickResult): void;
  close(): void;
}

const runIdSchema = z.string().regex(/^[a-zA-Z0-9-]{1,64}$/);

/**
 * Socket.IO rooms per run. A client joins with `join(runId)` and gets a snapshot first, then
 * batched updates (≤ 10 a second). Only the server owning a run produces its updates; with the
 * Redis adapter they reach clients connected to any server.
 */
export function attachRealtime(
  io: IoServer<ClientToServerEvents, ServerToClientEvents>,
  manager: RunManager,
  logger: Logger,
): Realtime {
  io.on('connection', (socket: Socket<ClientToServerEvents, ServerToClientEvents>) => {
    socket.on('join', async (runId: unknown, ack?: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
      const id = runIdSchema.safeParse(runId);
      if (!id.success) return reply({ error: 'join needs a run id (letters, digits, dashes)' });
      try {
        const run = await manager.get(id.data);
        if (!run) return reply({ error: `run "${id.data}" not found` });
        await socket.join(roomOf(id.data));
        socket.emit('snapshot', {
          run,
          states: await manager.states(id.data),
          report: await manager.report(id.data),
        });
        reply({ ok: true });
      } catch (err) {
        logger.warn({ err }, 'join failed');
        reply({ error: 'join failed; try again' });
      }
    });
    socket.on('leave', async (runId: unknown, ack?: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
      const id = runIdSchema.safeParse(runId);
      if (!id.success) return reply({ error: 'leave needs a run id' });
      await socket.leave(roomOf(id.data));
      reply({ ok: true });
    });
  });

  /** Per run: what accumulated since the last update went out. */
  const pending = new Map<string, { ticks: TickResult[]; timer: NodeJS.Timeout | undefined; last: number }>();
  let queues: Record<string, StageDepth> = {};
  let workers = 0;
  let queuesAt = 0;

  async function refreshQueues(): Promise<void> {
    if (Date.now() - queuesAt < QUEUES_EVERY_MS) return;
    queuesAt = Date.now();
    const next: Record<string, StageDepth> = {};
    let seen = 0;
    await Promise.all(
      STAGES.map(async (stage) => {
        const q = manager.queues[stage];
        const c = await q.getJobCounts('waiting', 'prioritized', 'active', 'completed');
        next[stage] = {
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
          active: c.active ?? 0,
          completed: c.completed ?? 0,
        };
        seen = Math.max(seen, await q.getWorkersCount());
      }),
    );
    queues = next;
    workers = seen;
  }

  async function flush(runId: string): Promise<void> {
    const p = pending.get(runId);
    if (!p || p.ticks.length === 0) return;
    const ticks = p.ticks;
    p.ticks = [];
    p.last = Date.now();
    const latest = ticks[ticks.length - 1] as TickResult;
    await refreshQueues().catch(() => undefined);
    const run = await manager.get(runId);
    if (!run) return;
    const moves = ticks.flatMap((t) => t.moves);
    const report = ticks.findLast((t) => t.report)?.report;
    const update: RunUpdate = {
      run: { ...run, virtualTime: latest.virtualTime, effectiveSpeed: latest.effectiveSpeed },
      states: await manager.states(runId),
      moves: moves.slice(0, 2_000),
      movesDropped: ticks.reduce((n, t) => n + t.movesDropped, 0) + Math.max(0, moves.length - 2_000),
      ...(report ? { report } : {}),
      queues,
      workers,
      releasedAt: latest.releasedAt,
    };
    io.to(roomOf(runId)).emit('update', update);
  }

  return {
    onTick(tick) {
      let p = pending.get(tick.runId);
      if (!p) {
        p = { ticks: [], timer: undefined, last: 0 };
        pending.set(tick.runId, p);
      }
      p.ticks.push(tick);
      if (p.timer) return;
      const wait = Math.max(0, p.last + UPDATE_INTERVAL_MS - Date.now());
      const entry = p;
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        flush(tick.runId).catch((err: unknown) => logger.warn({ err }, 'update failed'));
      }, wait);
    },
    close() {
      for (const p of pending.values()) if (p.timer) clearTimeout(p.timer);
      pending.clear();
    },
  };
}
