import type {
  AppealMove,
  AppealState,
  ClientToServerEvents,
  LessonStepEvent,
  OpenAppeals,
  Report,
  RunInfo,
  RunSnapshot,
  RunUpdate,
  SeriesPoint,
  ServerToClientEvents,
  StageDepth,
} from '@hotline-sim/shared';
import { io, type Socket } from 'socket.io-client';
import { api, type LeverChange } from '../api';

export type Connection = 'connecting' | 'live' | 'reconnecting';

/** What the panels draw: the run as the last snapshot and updates left it. Replaced, never mutated. */
export interface LiveState {
  connection: Connection;
  runId: string | null;
  /** Why joining the run failed (it is gone, say); null while all is well. */
  joinError: string | null;
  run: RunInfo | null;
  states: Partial<Record<AppealState, number>>;
  report: Report | null;
  /** Open appeals in total, by street and by the kind of unit holding them (with the report). */
  open: OpenAppeals | null;
  series: SeriesPoint[];
  queues: Record<string, StageDepth>;
  /** Jobs completed per wall second by stage, from the last two queue readings. */
  throughput: Record<string, number>;
  workers: number;
  /** Wall ms the last update or snapshot arrived. */
  receivedAt: number;
}

/** A batch of moves for the map, with how many the server left out (it sends at most MAX_MOVES). */
export interface MoveBatch {
  moves: readonly AppealMove[];
  dropped: number;
}

const INITIAL: LiveState = {
  connection: 'connecting',
  runId: null,
  joinError: null,
  run: null,
  states: {},
  report: null,
  open: null,
  series: [],
  queues: {},
  throughput: {},
  workers: 0,
  receivedAt: 0,
};

/**
 * The live side of the dashboard: one Socket.IO connection following one run. Socket.IO reconnects
 * by itself after a server restart; on every (re)connect the store joins its run again, and the
 * snapshot that comes first replaces everything, so the page resumes without a reload.
 * React reads the state through `subscribe`/`getState`; the map takes moves through `onMoves`,
 * outside React, so animation never waits for a render.
 */
export class LiveStore {
  private state: LiveState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly moveListeners = new Set<(batch: MoveBatch) => void>();
  private readonly leverListeners = new Set<(changes: readonly LeverChange[]) => void>();
  private readonly joinListeners = new Set<() => void>();
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private lastQueues: { at: number; queues: Record<string, StageDepth> } | null = null;
  private seriesLoading = false;
  private onUnauthorized: (() => void) | null = null;
  private onRunGone: ((runId: string) => void) | null = null;

  /** Called when the server refuses the connection for want of a session (null: nobody). */
  setUnauthorizedHandler(handler: (() => void) | null): void {
    this.onUnauthorized = handler;
  }

  /** Called when the server no longer has the followed run (after a restart with an empty Redis). */
  setRunGoneHandler(handler: ((runId: string) => void) | null): void {
    this.onRunGone = handler;
  }

  constructor(url?: string) {
    this.socket = io(url ?? '', {
      autoConnect: false,
      transports: ['websocket', 'polling'],
      reconnectionDelayMax: 2000,
    });
    this.socket.on('connect', () => {
      this.set({ connection: 'live' });
      this.join();
    });
    this.socket.on('disconnect', () => this.set({ connection: 'reconnecting' }));
    this.socket.on('connect_error', (err) => {
      this.set({ connection: 'reconnecting' });
      // Refused by the server (no session): Socket.IO does not retry those; the app asks to log in.
      if (err.message === 'unauthorized') this.onUnauthorized?.();
    });
    this.socket.on('snapshot', (s) => this.applySnapshot(s));
    this.socket.on('update', (u) => this.applyUpdate(u));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): LiveState => this.state;

  onMoves(listener: (batch: MoveBatch) => void): () => void {
    this.moveListeners.add(listener);
    return () => this.moveListeners.delete(listener);
  }

  /**
   * Listen to `lesson:step` (the presenter moved to another step of the lesson of the followed
   * run); returns the unsubscribe. The room is the one `follow` joined.
   */
  onLessonStep(listener: (step: LessonStepEvent) => void): () => void {
    const handler = (step: LessonStepEvent) => {
      if (step.runId === this.state.runId) listener(step);
    };
    this.socket.on('lesson:step', handler);
    return () => {
      this.socket.off('lesson:step', handler);
    };
  }

  /**
   * Called on every snapshot of the followed run: after each (re)join, so after whatever the room
   * sent while this page was away (a dropped connection, a server restart). Returns the unsubscribe.
   */
  onJoined(listener: () => void): () => void {
    this.joinListeners.add(listener);
    return () => this.joinListeners.delete(listener);
  }

  /** Lever changes of the followed run that took effect in an update (the levers panel keeps them). */
  onLeverChanges(listener: (changes: readonly LeverChange[]) => void): () => void {
    this.leverListeners.add(listener);
    return () => this.leverListeners.delete(listener);
  }

  /** Follow another run (null: none). The old room is left; the new run's snapshot replaces the state. */
  follow(runId: string | null): void {
    if (runId === this.state.runId) return;
    const previous = this.state.runId;
    if (previous && this.socket.connected) this.socket.emit('leave', previous);
    this.lastQueues = null;
    this.state = { ...INITIAL, connection: this.state.connection, runId };
    this.emit();
    this.join();
  }

  /** Merge a RunInfo the REST API answered with (pause, speed …): the header reacts at once. */
  patchRun(run: RunInfo): void {
    if (run.id === this.state.runId) this.set({ run });
  }

  /** Points of the series were missed (sent while joining): read the whole series again. */
  private reloadSeries(runId: string): void {
    if (this.seriesLoading) return;
    this.seriesLoading = true;
    api
      .series(runId)
      .then(
        (series) => {
          if (runId === this.state.runId) this.set({ series });
        },
        () => undefined, // the next gap tries again
      )
      .finally(() => {
        this.seriesLoading = false;
      });
  }

  /** Connect (and reconnect by itself from then on). */
  open(): void {
    this.socket.connect();
  }

  close(): void {
    this.socket.close();
  }

  private join(): void {
    const runId = this.state.runId;
    if (!runId || !this.socket.connected) return;
    this.socket.emit('join', runId, (reply) => {
      if ('error' in reply) {
        if (runId !== this.state.runId) return;
        this.set({ joinError: reply.error });
        if (/not found/.test(reply.error)) this.onRunGone?.(runId);
      } else if (this.state.joinError) this.set({ joinError: null });
    });
  }

  private applySnapshot(s: RunSnapshot): void {
    if (s.run.id !== this.state.runId) return;
    this.set({
      run: s.run,
      states: s.states,
      report: s.report,
      open: s.open ?? null,
      series: s.series ?? [],
      joinError: null,
      receivedAt: performance.now(),
    });
    for (const listener of this.joinListeners) listener();
  }

  private applyUpdate(u: RunUpdate): void {
    if (u.run.id !== this.state.runId) return;
    const now = performance.now();
    const throughput = this.throughputOf(u.queues, now);
    const merged = u.series?.length ? mergeSeries(this.state.series, u.series) : null;
    if (merged?.gap) this.reloadSeries(u.run.id);
    this.set({
      run: u.run,
      states: u.states,
      report: u.report ?? this.state.report,
      open: u.open ?? this.state.open,
      series: merged?.series ?? this.state.series,
      queues: u.queues,
      throughput,
      workers: u.workers,
      receivedAt: now,
    });
    const { leverChanges } = u;
    if (leverChanges?.length) for (const listener of this.leverListeners) listener(leverChanges);
    if (u.moves.length > 0 || u.movesDropped > 0) {
      const batch = { moves: u.moves, dropped: u.movesDropped };
      for (const listener of this.moveListeners) listener(batch);
    }
  }

  private throughputOf(queues: Record<string, StageDepth>, now: number): Record<string, number> {
    const last = this.lastQueues;
    const changed =
      !last || Object.keys(queues).some((k) => queues[k]?.completed !== last.queues[k]?.completed);
    if (!changed) return this.state.throughput;
    this.lastQueues = { at: now, queues };
    if (!last) return {};
    const seconds = (now - last.at) / 1000;
    if (seconds <= 0) return this.state.throughput;
    return Object.fromEntries(
      Object.entries(queues).map(([stage, d]) => [
        stage,
        Math.max(0, (d.completed - (last.queues[stage]?.completed ?? d.completed)) / seconds),
      ]),
    );
  }

  private set(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * Append new points to a series by their position `n`: points already held are skipped (a snapshot
 * and an update may overlap); a jump in `n` is a gap (points sent while joining), reported so the
 * caller reads the whole series again.
 */
export function mergeSeries(
  series: SeriesPoint[],
  points: readonly SeriesPoint[],
): { series: SeriesPoint[]; gap: boolean } {
  const last = series[series.length - 1];
  const fresh = last ? points.filter((p) => p.n > last.n) : points;
  const first = fresh[0];
  const gap = first !== undefined && first.n !== (last ? last.n + 1 : 0);
  return { series: fresh.length === 0 ? series : series.concat(fresh), gap };
}
