import { z } from 'zod';
import type { Report } from '../experiment/run-scenario';
import type { AppealState } from '../hotline/lifecycle';
import { injectSchema } from '../hotline/lifecycle-schema';

/**
 * What the live server and its clients (dashboard, tests, scripts) say to each other: REST bodies
 * (zod schemas, validated at the edge) and Socket.IO event maps. Shared so both sides type-check
 * against one definition.
 */

/** The speed range of a live run's virtual clock (× wall time). */
export const SPEED_MIN = 0.5;
export const SPEED_MAX = 10_000;
export const speedSchema = z.number().min(SPEED_MIN).max(SPEED_MAX);

/** POST /api/runs */
export const createRunSchema = z.strictObject({
  /** A built-in scenario's name, or a whole scenario (validated like a scenario file). */
  scenario: z.union([z.string().min(1).max(200), z.record(z.string(), z.unknown())], {
    error: 'expected a built-in scenario name (1-200 characters) or a scenario object',
  }),
  speed: speedSchema.default(60),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  /** Create the run paused (a teacher sets the scene first). */
  paused: z.boolean().default(false),
});
export type CreateRunBody = z.input<typeof createRunSchema>;

/** POST /api/runs/:id/speed */
export const setSpeedSchema = z.strictObject({ speed: speedSchema });

/** POST /api/runs/:id/injects: an inject that starts now (its `atHours` is ignored). */
export const fireInjectSchema = injectSchema;

export const APPEALS_PAGE_SIZE = 50;

/** Where a run stands. */
export type RunStatus = 'running' | 'paused' | 'finished' | 'stopped';

/** A live run as the API lists it. */
export interface RunInfo {
  id: string;
  scenario: string;
  seed: number;
  status: RunStatus;
  /** Requested speed (× wall time). */
  speed: number;
  /** Speed actually achieved over the last seconds: below `speed` when workers fall behind. */
  effectiveSpeed: number;
  /** Virtual seconds since the scenario's start, released so far. */
  virtualTime: number;
  /** Virtual seconds of arrivals; the run then drains until every appeal has closed. */
  horizon: number;
  /** The scenario's first day (ISO date): virtual time 0 is its midnight. */
  start: string;
  createdAt: string;
  /** Appeals created and transitions applied so far. */
  appeals: number;
  transitions: number;
}

/** An appeal's move for the map: where it is and which unit holds it. */
export interface AppealMove {
  id: number;
  to: AppealState;
  at: number;
  source: 'citizen' | 'grid';
  category: number;
  street: number;
  cell: number;
  /** Index of the unit holding it (the city model's units), -1 when none. */
  unit: number;
}

/** Queue depth of one stage of the live runtime. */
export interface StageDepth {
  waiting: number;
  active: number;
  completed: number;
}

/** One batched update to a run's room (at most ten a second, whatever the event rate). */
export interface RunUpdate {
  run: RunInfo;
  /** Appeals currently in each state. */
  states: Partial<Record<AppealState, number>>;
  /** Appeal moves since the last update (at most `MAX_MOVES`; `movesDropped` counts the rest). */
  moves: AppealMove[];
  movesDropped: number;
  /** The report, when it changed (about once a second). */
  report?: Report;
  queues: Record<string, StageDepth>;
  workers: number;
  /** Wall-clock ms when the newest transitions in this update were released (update lag = receipt − this). */
  releasedAt: number;
}

/** What a client gets first when it joins a run's room. */
export interface RunSnapshot {
  run: RunInfo;
  states: Partial<Record<AppealState, number>>;
  report: Report | null;
}

export const MAX_MOVES = 2_000;

export type Ack = (reply: { ok: true } | { error: string }) => void;

export interface ServerToClientEvents {
  snapshot: (snapshot: RunSnapshot) => void;
  update: (update: RunUpdate) => void;
}

export interface ClientToServerEvents {
  /** Join a run's room: a snapshot comes first, then updates. */
  join: (runId: string, ack?: Ack) => void;
  leave: (runId: string, ack?: Ack) => void;
}
