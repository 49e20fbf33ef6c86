import type { Difficulty, Exercise, TrainingResult } from '../wire';
import type { ScoreItem } from '../score';
import type { ZhEn } from './types';

/**
 * A trainee's progress over exercises (issue 18, point 8): the seat name follows the trainee from
 * exercise to exercise, so their results, oldest first, give each rubric item's trend.
 */
export interface TraineeProgress {
  seat: string;
  /** Each exercise run the trainee finished, oldest first. */
  runs: {
    runId: string;
    exerciseId: string;
    /** The exercise's name; the id when the exercise is gone. */
    name: string;
    difficulty: Difficulty | null;
    finishedAt: string;
    passed: boolean;
    decided: number;
    correct: number;
  }[];
  /** One row per rubric item, in the rubric's order. */
  items: ProgressItem[];
  /** What the exercises the trainee passed set out to teach (distinct, in order). */
  goalsMet: ZhEn[];
}

export interface ProgressItem extends ZhEn {
  id: ScoreItem['id'];
  class: ScoreItem['class'];
  threshold: number;
  /** False for the items whose value should stay under the mark (returns caused, minutes to decide). */
  higherIsBetter: boolean;
  /** One point per run, in `runs` order; null where the item had no cases in that run. */
  values: (number | null)[];
  /** The latest value with cases, and whether it met the mark; null before any. */
  latest: { value: number; passed: boolean } | null;
  /**
   * Last value with cases minus the first (positive: the value rose), and whether that is better;
   * null with fewer than two runs with cases.
   */
  trend: { change: number; better: boolean } | null;
}

/** The rubric items scored lower-is-better (score.ts holds them to `value ≤ threshold`). */
const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['returns-caused', 'time-to-decide']);

/** The progress of `seat` from its results (any order; other seats' ignored) and the exercises they came from. */
export function traineeProgress(
  seat: string,
  results: readonly TrainingResult[],
  exerciseOf: (id: string) => Pick<Exercise, 'name' | 'difficulty' | 'goals'> | undefined,
): TraineeProgress {
  const own = results
    .filter((r) => r.seat === seat)
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt) || a.runId.localeCompare(b.runId));
  const rows = new Map<string, ProgressItem>();
  own.forEach((r, n) => {
    for (const i of r.score.items) {
      let row = rows.get(i.id);
      if (!row) {
        row = {
          id: i.id,
          class: i.class,
          zh: i.zh,
          en: i.en,
          threshold: i.threshold,
          higherIsBetter: !LOWER_IS_BETTER.has(i.id),
          values: own.map(() => null),
          latest: null,
          trend: null,
        };
        rows.set(i.id, row);
      }
      if (i.cases > 0) {
        row.values[n] = i.value;
        row.latest = { value: i.value, passed: i.passed };
      }
    }
  });
  for (const row of rows.values()) {
    const seen = row.values.filter((v): v is number => v !== null);
    const first = seen[0];
    const last = seen.at(-1);
    if (seen.length >= 2 && first !== undefined && last !== undefined) {
      const change = last - first;
      row.trend = { change, better: row.higherIsBetter ? change > 0 : change < 0 };
    }
  }
  const goals = new Map<string, ZhEn>();
  for (const r of own) {
    if (!r.passed) continue;
    for (const g of exerciseOf(r.exerciseId)?.goals ?? []) goals.set(g.en, g);
  }
  return {
    seat,
    runs: own.map((r) => {
      const ex = exerciseOf(r.exerciseId);
      return {
        runId: r.runId,
        exerciseId: r.exerciseId,
        name: ex?.name ?? r.exerciseId,
        difficulty: ex?.difficulty ?? null,
        finishedAt: r.finishedAt,
        passed: r.passed,
        decided: r.score.decided,
        correct: r.score.correct,
      };
    }),
    items: [...rows.values()],
    goalsMet: [...goals.values()],
  };
}
