import { ambiguousDay } from './ambiguous-day';
import { heatingStart } from './heating-start';
import { massEvent } from './mass-event';
import { normalDay } from './normal-day';
import { returnsCallbacks } from './returns-callbacks';
import { summerStorm } from './summer-storm';
import type { LibraryExercise } from './types';

export { LIBRARY_DATE, type LibraryExercise, type ZhEn } from './types';

/**
 * The library of built-in exercises (issue 18, point 7), beginner first. Read-only: a trainer starts
 * one as it is or copies it into a saved exercise to change.
 */
export const EXERCISE_LIBRARY: readonly LibraryExercise[] = [
  normalDay,
  heatingStart,
  summerStorm,
  ambiguousDay,
  massEvent,
  returnsCallbacks,
].sort((a, b) => a.level - b.level);

/** Whether `id` names a built-in exercise's id form (`lib-…`), known or not. */
export const isLibraryId = (id: string): boolean => id.startsWith('lib-');

/** The built-in exercise `id`, or undefined. */
export const libraryExercise = (id: string): LibraryExercise | undefined =>
  EXERCISE_LIBRARY.find((e) => e.id === id);
export { traineeProgress, type ProgressItem, type TraineeProgress } from './progress';
