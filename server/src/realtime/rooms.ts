import {
  MAX_MOVES,
  seatNameSchema,
  type ClientToServerEvents,
  type RunUpdate,
  type SeatEvent,
  type SeatMessage,
  type ServerToClientEvents,
  type StageDepth,
} from '@hotline-sim/shared';
import type { Logger } from 'pino';
import type { Server as IoServer, Socket } from 'socket.io';
import { mayWatch, type Session } from '../auth';
import type { TickResult } from '../live/tick-result';
import type { RunManager } from '../live/run-manager';
import { STAGES } from '../live/stages';
import { runIdSchema } from '../http/run-id';

export const roomOf = (runId: string) => `run:${runId}`;
/** A training seat's room: its trainee, and whoever watches the seat (the instructor). */
export const seatRoomOf = (runId: string, seat: string) => `seat:${runId}:${seat}`;

/**
 * Updates to one run's room go out at least this far apart, whatever the event rate: at most ten a
 * second as a client counts them. The 10 % over 100 ms absorbs delivery jitter (two updates sent
 * 100 ms apart may arrive 80 ms apart, and a client would count eleven in some second).
 */
export const UPDATE_INTERVAL_MS = 110;
const QUEUES_EVERY_MS = 500;

export interface Realtime {
  /** Feed a settled tick of an owned run; it goes out batched. */
  onTick(tick: TickResult): void;
  /** An instructor's message to one seat's room, or to every seat of the run. */
  message(message: SeatMessage, seats: readonly string[]): void;
  close(): void;
}

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
      const session = socket.data.session as Session | undefined;
      if (!session) return reply({ error: 'unauthorized' });
      if (!mayWatch(session, id.data))
        return reply({ error: `forbidden: this seat belongs to run "${session.runId ?? ''}"` });
      try {
        const run = await manager.get(id.data);
        if (!run) return reply({ error: `run "${id.data}" not found` });
        const [states, report, open, series] = await Promise.all([
          manager.states(id.data),
          manager.report(id.data),
          manager.open(id.data),
          manager.series(id.data),
        ]);
        // A socket gone while the snapshot was read must not be put in the room (it would stay there).
        if (!socket.connected) return;
        // Snapshot, then join, in one synchronous step (joining is synchronous): no update can reach
        // the client ahead of its snapshot. An update broadcast while the snapshot was being read is
        // not seen by this client; the next one carries the whole state again (only the moves in
        // between go unanimated).
        socket.emit('snapshot', { run, states, report, open, series });
        await socket.join(roomOf(id.data));
        reply({ ok: true });
      } catch (err) {
        logger.warn({ err }, 'join failed');
        reply({ error: 'join failed; try again' });
      }
    });
    socket.on('joinSeat', async (runId: unknown, seat: unknown, ack?: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
      const id = runIdSchema.safeParse(runId);
      const name = seatNameSchema.safeParse(seat);
      if (!id.success || !name.success)
        return reply({ error: 'joinSeat needs a run id and a seat name (letters, digits, dashes)' });
      const session = socket.data.session as Session | undefined;
      if (!session) return reply({ error: 'unauthorized' });
      if (session.role === 'trainee' && (session.runId !== id.data || session.seat !== name.data))
        return reply({ error: `forbidden: you may follow only seat "${session.seat ?? ''}"` });
      await socket.join(seatRoomOf(id.data, name.data));
      reply({ ok: true });
    });
    socket.on('leave', async (runId: unknown, ack?: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
      const id = runIdSchema.safeParse(runId);
      if (!id.success) return reply({ error: 'leave needs a run id' });
      await socket.leave(roomOf(id.data));
      reply({ ok: true });
    });
  });

  /**
   * Per run: the ticks settled since the last update went out, the timer of the next one, whether
   * one is being built, and when the last one left. One update per run is built at a time and the
   * next is due `UPDATE_INTERVAL_MS` after the previous one left, so updates never overtake each
   * other and never come closer together than that, however long building one takes.
   */
  interface Pending {
    ticks: TickResult[];
    timer: NodeJS.Timeout | undefined;
    building: boolean;
    sentAt: number;
    ended: boolean;
  }
  const pending = new Map<string, Pending>();
  let closed = false;
  let queues: Record<string, StageDepth> = {};
  let workers = 0;
  let queuesAt = 0;
  let refreshing: Promise<void> | undefined;

  /**
   * Queue depths and workers, refreshed at most every `QUEUES_EVERY_MS` in the background (off the
   * update path). Resolves when the refresh in flight, if any, is done.
   */
  function refreshQueues(): Promise<void> {
    if (refreshing) return refreshing;
    if (Date.now() - queuesAt < QUEUES_EVERY_MS) return Promise.resolve();
    queuesAt = Date.now();
    refreshing = (async () => {
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
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function flush(runId: string, p: Pending): Promise<void> {
    const ticks = p.ticks;
    p.ticks = [];
    const latest = ticks[ticks.length - 1] as TickResult;
    if (latest.status !== 'running') p.ended = true;
    const refreshed = refreshQueues().catch((err: unknown) => logger.warn({ err }, 'queue depths failed'));
    // Only the very first update waits for the depths; later ones carry the latest known.
    if (Object.keys(queues).length === 0) await refreshed;
    const [run, states] = await Promise.all([manager.get(runId), manager.states(runId)]);
    if (!run || closed) return;
    const moves = ticks.flatMap((t) => t.moves);
    const withReport = ticks.findLast((t) => t.report);
    const update: RunUpdate = {
      run: { ...run, virtualTime: latest.virtualTime, effectiveSpeed: latest.effectiveSpeed },
      states,
      moves: moves.slice(0, MAX_MOVES),
      movesDropped: ticks.reduce((n, t) => n + t.movesDropped, 0) + Math.max(0, moves.length - MAX_MOVES),
      ...(withReport?.report ? { report: withReport.report } : {}),
      ...(withReport?.open ? { open: withReport.open } : {}),
      queues,
      workers,
      releasedAt: latest.releasedAt,
      series: ticks.flatMap((t) => (t.point ? [t.point] : [])),
    };
    const leverChanges = ticks.flatMap((t) => t.leverChanges ?? []);
    if (leverChanges.length > 0) update.leverChanges = leverChanges;
    p.sentAt = Date.now();
    io.to(roomOf(runId)).emit('update', update);
  }

  function schedule(runId: string, p: Pending): void {
    if (closed || p.timer || p.building || p.ticks.length === 0) return;
    p.timer = setTimeout(
      () => {
        p.timer = undefined;
        p.building = true;
        flush(runId, p)
          .catch((err: unknown) => logger.warn({ err, run: runId }, 'update failed'))
          .finally(() => {
            p.building = false;
            if (p.ticks.length > 0) schedule(runId, p);
            else if (p.ended) pending.delete(runId);
          });
      },
      Math.max(0, p.sentAt + UPDATE_INTERVAL_MS - Date.now()),
    );
  }

  return {
    onTick(tick) {
      // Seat notices go out at once: a few a second at most, and a trainee waits for each.
      const bySeat = new Map<string, Set<SeatEvent['kind']>>();
      for (const e of tick.seatEvents ?? []) {
        const kinds = bySeat.get(e.seat) ?? new Set();
        kinds.add(e.kind);
        bySeat.set(e.seat, kinds);
      }
      for (const [seat, kinds] of bySeat) {
        io.to(seatRoomOf(tick.runId, seat)).emit('seat', {
          runId: tick.runId,
          seat,
          kinds: [...kinds],
          at: tick.virtualTime,
          releasedAt: tick.releasedAt,
        });
      }
      let p = pending.get(tick.runId);
      if (!p) {
        p = { ticks: [], timer: undefined, building: false, sentAt: 0, ended: false };
        pending.set(tick.runId, p);
      }
      p.ticks.push(tick);
      schedule(tick.runId, p);
    },
    message(message, seats) {
      const rooms =
        message.seat === null
          ? seats.map((s) => seatRoomOf(message.runId, s))
          : [seatRoomOf(message.runId, message.seat)];
      if (rooms.length > 0) io.to(rooms).emit('message', message);
    },
    close() {
      closed = true;
      for (const p of pending.values()) if (p.timer) clearTimeout(p.timer);
      pending.clear();
    },
  };
}
