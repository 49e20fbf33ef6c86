import { z } from 'zod';
import { injectSchema, seatNameSchema } from '../hotline/lifecycle-schema';
import { createRunSchema, type FiredInject, type RunInfo, type SeatMessage } from '../live/protocol';
import type { SeatScore } from './score';
import type { CallbackView, ReturnView } from './roles/role-views';
import { SEAT_ROLES, type SeatRole } from './seats';
import type { SeatAppealView } from './seat-text';

/**
 * What the training endpoints (issue 7) send and take: exercises, their runs' seats, the hot wash and
 * results. The server (server/src/training) answers with these shapes and the dashboard reads them,
 * so both type-check against one definition.
 */

/** Pace and ambiguity by difficulty: speed of the run, appeals per seat and virtual hour, how long a seat may take. */
export const DIFFICULTY = {
  beginner: { speed: 30, perSeatHour: 6, ambiguity: 0, holdMinutes: 30 },
  intermediate: { speed: 60, perSeatHour: 12, ambiguity: 0.15, holdMinutes: 20 },
  advanced: { speed: 120, perSeatHour: 20, ambiguity: 0.3, holdMinutes: 15 },
} as const;
export type Difficulty = keyof typeof DIFFICULTY;

/** POST /api/exercises, PUT /api/exercises/:id */
export const exerciseSchema = z.strictObject({
  name: z.string().min(1).max(120),
  /** A built-in scenario's name or a scenario object (it needs a lifecycle). */
  scenario: createRunSchema.shape.scenario,
  difficulty: z.enum(['beginner', 'intermediate', 'advanced']).default('intermediate'),
  /** One seat per trainee, named (the name follows the trainee's results from exercise to exercise). */
  seats: z
    .array(seatNameSchema)
    .min(1)
    .max(40)
    .refine((s) => new Set(s).size === s.length, 'seat names must differ'),
  /** What each seat does: 派单 dispatch (the default), 退单审核 review, 回访 callback. */
  roles: z.record(seatNameSchema, z.enum(SEAT_ROLES)).optional(),
  /** What the trainees should learn (zh and en), shown to the trainer and on the certificate. */
  goals: z
    .array(z.strictObject({ zh: z.string().max(200), en: z.string().max(200) }))
    .max(10)
    .optional(),
  /**
   * The script: injects at their virtual hours (surge, outage, heating start, a batch of ambiguous
   * appeals or of emergencies for the seats …).
   */
  script: z.array(injectSchema).max(200).default([]),
});
export type ExerciseDefinition = z.output<typeof exerciseSchema>;

/** A saved exercise (GET /api/exercises, /api/exercises/:id). */
export interface Exercise extends ExerciseDefinition {
  id: string;
  createdAt: string;
}

/** POST /api/exercises/:id/start */
export interface StartedExercise {
  exercise: string;
  run: RunInfo;
  codes: { seat: string; code: string }[];
}

/** GET /api/training/results: one seat's score in one exercise run. */
export interface TrainingResult {
  runId: string;
  exerciseId: string;
  seat: string;
  passed: boolean;
  finishedAt: string;
  score: SeatScore;
}

/** The one-page summary after an exercise (hot wash): per trainee, what went well and what was missed. */
export interface HotWash {
  exercise: Exercise;
  runId: string;
  status: RunInfo['status'];
  trainees: {
    seat: string;
    passed: boolean;
    decided: number;
    correct: number;
    /** In Chinese and English, like every label the dashboard shows. */
    strengths: { zh: string; en: string }[];
    misses: { zh: string; en: string }[];
    score: SeatScore;
  }[];
  /** The injects that fired, oldest first: what the trainees were up against, and when. */
  injects: FiredInject[];
}

/** One seat as its trainee (or the instructor) sees it (GET /api/runs/:id/seats/:seat). */
export interface SeatView {
  seat: string;
  /** The instructor's messages to this seat or to all seats, oldest first. */
  messages: SeatMessage[];
  /** Injects fired so far (scripted or by the instructor), oldest first: every seat sees them. */
  injects: { at: number; kind: string }[];
  /** Virtual time of the run now. */
  virtualTime: number;
  /** The scenario's time limits (hours from dispatch) by SLA class: a dispatched appeal's SLA clock. */
  timeLimits: Record<string, number>;
  /** Appeals waiting for this seat's decision, oldest first, each with its SLA class and hold time. */
  waiting: SeatAppealView[];
  /** Appeals a waiting one may be merged into (并单): waiting here, or dispatched by this seat; newest first. */
  mergeTargets: number[];
  /** Decided or timed-out appeals with what followed (returns, late responses, ratings), newest first. */
  history: SeatScore['decisions'];
  /** The rubric's score: always for the instructor; for the trainee once the exercise has ended. */
  score: SeatScore | null;
  /** What the seat does: 派单 dispatch, 退单审核 review, 回访 callback (lifecycle.training.roles). */
  role: SeatRole;
  /** A review seat's returns waiting for its decision, oldest first. */
  returns: ReturnView[];
  /** A callback seat's calls waiting for its record, oldest first. */
  callbacks: CallbackView[];
}

/** The instructor's glance at every seat (GET /api/runs/:id/seats: one row per seat). */
export interface SeatSummary {
  seat: string;
  waiting: number;
  decided: number;
  timedOut: number;
  accuracy: number | null;
  meanMinutesToDecide: number | null;
  passed: boolean;
}
