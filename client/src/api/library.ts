import type { Exercise, LibraryExercise, TraineeProgress, TrainingResult } from '@hotline-sim/shared';
import { call } from './rest';

const enc = encodeURIComponent;

/** The library of built-in exercises and trainees' progress (server/src/training/exercise-routes.ts). */
export const libraryApi = {
  library: () => call<{ exercises: LibraryExercise[] }>('GET', '/exercises/library').then((r) => r.exercises),
  /** A saved, editable copy of an exercise (built-in or saved), under `name`. */
  copy: (id: string, name: string) => call<Exercise>('POST', `/exercises/${enc(id)}/copy`, { name }),
  results: () => call<{ results: TrainingResult[] }>('GET', '/training/results').then((r) => r.results),
  progress: (seat: string) => call<TraineeProgress>('GET', `/training/trainees/${enc(seat)}`),
  /** The trainee's printable certificate (`pdf` or its `html` preview) in `lang`. */
  certificateUrl: (seat: string, lang: 'zh' | 'en', format: 'pdf' | 'html') =>
    `/api/training/trainees/${enc(seat)}/certificate.${format}?lang=${lang}`,
};
