import type { Lesson } from '../lesson-schema';
import { APPEAL_JOURNEY } from './appeal-journey';
import { ASSESSMENT } from './assessment';
import { FROM_RECEIPT_TO_PREVENTION } from './reform-timeline';
import { VIOTE } from './viote';
import { WHISTLE } from './whistle';

/** The built-in lessons, in teaching order; read-only (an upload may not take their ids). */
export const BUILT_IN_LESSONS: readonly Lesson[] = [
  APPEAL_JOURNEY,
  WHISTLE,
  ASSESSMENT,
  FROM_RECEIPT_TO_PREVENTION,
  VIOTE,
];

/** A built-in lesson by id, or undefined. */
export const builtInLesson = (id: string): Lesson | undefined => BUILT_IN_LESSONS.find((l) => l.id === id);
