import type { Inject, RunInfo, SeatAppealView, SeatMessage, SeatScore } from '@hotline-sim/shared';

/** GET /api/runs/:id/seats/:seat (server/src/training/seat-routes.ts SeatView). */
export interface SeatView {
  seat: string;
  messages: SeatMessage[];
  injects: { at: number; kind: string }[];
  virtualTime: number;
  waiting: SeatAppealView[];
  history: SeatScore['decisions'];
  score: SeatScore | null;
}

/** GET /api/runs/:id/seats: one row per seat. */
export interface SeatSummary {
  seat: string;
  waiting: number;
  decided: number;
  timedOut: number;
  accuracy: number | null;
  meanMinutesToDecide: number | null;
  passed: boolean;
}

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';

export interface ExerciseDefinition {
  name: string;
  scenario: string | Record<string, unknown>;
  difficulty: Difficulty;
  seats: string[];
  script: Inject[];
}

export interface Exercise extends ExerciseDefinition {
  id: string;
  createdAt: string;
}

export interface StartedExercise {
  exercise: string;
  run: RunInfo;
  codes: { seat: string; code: string }[];
}

export interface HotWash {
  exercise: Exercise;
  runId: string;
  status: RunInfo['status'];
  trainees: {
    seat: string;
    passed: boolean;
    decided: number;
    correct: number;
    /** In Chinese and English. */
    strengths: { zh: string; en: string }[];
    misses: { zh: string; en: string }[];
    score: SeatScore;
  }[];
}

export interface SeatDecisionBody {
  appealId: number;
  action: 'answer' | 'redirect' | 'dispatch';
  channel?: '110' | '119' | '120' | '122' | 'repeat';
  unit?: number;
  multiUnit: boolean;
  whistle: boolean;
}
