/**
 * The training wire types, defined once in shared (shared/src/training/wire.ts) and re-exported here
 * under the names this folder imports them by.
 */
export type {
  Difficulty,
  Exercise,
  ExerciseDefinition,
  HotWash,
  SeatDecisionInput as SeatDecisionBody,
  SeatSummary,
  SeatView,
  StartedExercise,
} from '@hotline-sim/shared';
