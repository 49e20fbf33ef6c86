import type { Lesson, LessonAnswer, LessonSummary, RunLesson } from '@hotline-sim/shared';
import { call } from './rest';

const enc = encodeURIComponent;

/** The lessons endpoints (contract C4). */
export const lessonsApi = {
  list: () => call<LessonSummary[]>('GET', '/lessons'),
  lesson: (id: string) => call<Lesson>('GET', `/lessons/${enc(id)}`),
  /** A lesson file: JSON as an object, YAML as text. */
  upload: (body: Record<string, unknown> | { yaml: string }) =>
    call<{ id: string }>('POST', '/lessons', body),
  present: (id: string, runId: string, step: number) =>
    call<unknown>('POST', `/lessons/${enc(id)}/present`, { runId, step }),
  /** The step the run's class is on (null: no lesson), for a page joining late. */
  position: (runId: string) =>
    call<RunLesson | undefined>('GET', `/runs/${enc(runId)}/lesson`).then((p) => p ?? null),
  answers: (id: string, runId: string) =>
    call<LessonAnswer[]>('GET', `/lessons/${enc(id)}/answers?run=${enc(runId)}`),
  /** A link (not a call): the browser downloads the PDF with the session cookie. */
  worksheetUrl: (id: string, runId: string, lang: 'zh' | 'en') =>
    `/api/lessons/${enc(id)}/worksheet.pdf?run=${enc(runId)}&lang=${lang}`,
};
