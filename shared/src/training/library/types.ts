import type { ScoreItem } from '../score';
import type { Exercise } from '../wire';

/** A label in both languages the dashboard speaks. */
export interface ZhEn {
  zh: string;
  en: string;
}

/**
 * A built-in exercise of the library (issue 18, point 7): a saved exercise that is read-only, with a
 * title and a description in both languages and the rubric items it stresses. The rubric itself is
 * the same for every exercise (score.ts); `emphasis` tells the trainer which of its items the
 * exercise is built to exercise (the certificate and the library list show them).
 */
export interface LibraryExercise extends Exercise {
  /** `lib-…`: never an 8-hex id of a saved exercise. */
  id: `lib-${string}`;
  builtin: true;
  /** Order in the library, beginner first. */
  level: number;
  title: ZhEn;
  description: ZhEn;
  emphasis: ScoreItem['id'][];
}

/** When the library was written: every built-in's `createdAt`. */
export const LIBRARY_DATE = '2026-12-02T00:00:00.000Z';
