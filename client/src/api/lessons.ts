import type { Inject } from '@hotline-sim/shared';
import { call } from './rest';

const enc = encodeURIComponent;

/** Text in both languages, as a lesson file gives it. */
export interface LessonText {
  zh: string;
  en: string;
}

/** GET /api/lessons: one row. */
export interface LessonSummary {
  id: string;
  title: LessonText;
  steps: number;
}

/** What entering a step does to the run (in this order: scenario, levers, inject, speed, pause/resume). */
export interface LessonRunActions {
  /** A built-in scenario to start a new run of. */
  scenario?: string;
  speed?: number;
  /** Lever changes, `{ <lever path>: value }` (POST /api/runs/:id/levers). */
  set?: Record<string, unknown>;
  inject?: Inject;
  pause?: boolean;
  resume?: boolean;
}

/** Where to look: a panel of the live view (or `compare`), optionally a district, street or unit on it. */
export interface LessonFocus {
  panel: string;
  district?: string;
  street?: string;
  unit?: string;
}

export interface LessonStep {
  narration: LessonText;
  run?: LessonRunActions;
  focus?: LessonFocus;
  /** A question for the class; its answer comes from GET …/answers. */
  question?: LessonText;
}

/** GET /api/lessons/:id */
export interface Lesson {
  id: string;
  title: LessonText;
  summary?: LessonText;
  steps: LessonStep[];
}

/** GET /api/lessons/:id/answers?run=: a question's answer from the run's own figures. */
export interface LessonAnswer {
  step: number;
  question: LessonText;
  answer: number;
  unit: string;
  text: LessonText;
}

/** Which lesson a run is being taught with, and the presenter's step (the socket's `lesson:step`). */
export interface LessonPosition {
  lessonId: string;
  step: number;
}

/** The lessons endpoints (contract C4) and the live lever change a step makes (C3). */
export const lessonsApi = {
  list: () => call<LessonSummary[]>('GET', '/lessons'),
  lesson: (id: string) => call<Lesson>('GET', `/lessons/${enc(id)}`),
  /** A lesson file: JSON as an object, YAML as text. */
  upload: (body: Record<string, unknown> | { yaml: string }) =>
    call<{ id: string }>('POST', '/lessons', body),
  present: (id: string, runId: string, step: number) =>
    call<unknown>('POST', `/lessons/${enc(id)}/present`, { runId, step }),
  position: (runId: string) => call<LessonPosition | null>('GET', `/runs/${enc(runId)}/lesson`),
  answers: (id: string, runId: string) =>
    call<LessonAnswer[]>('GET', `/lessons/${enc(id)}/answers?run=${enc(runId)}`),
  setLevers: (runId: string, set: Record<string, unknown>) =>
    call<{ at: number; set: Record<string, unknown> }>('POST', `/runs/${enc(runId)}/levers`, { set }),
  /** A link (not a call): the browser downloads the PDF with the session cookie. */
  worksheetUrl: (id: string, runId: string, lang: 'zh' | 'en') =>
    `/api/lessons/${enc(id)}/worksheet.pdf?run=${enc(runId)}&lang=${lang}`,
};
