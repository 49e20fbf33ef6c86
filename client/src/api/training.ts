import type {
  CallbackDecisionInput,
  Exercise,
  ExerciseDefinition,
  HotWash,
  Inject,
  ReturnDecisionInput,
  RunSchedule,
  ScheduledInject,
  SeatDecisionInput,
  SeatSummary,
  SeatView,
  StartedExercise,
} from '@hotline-sim/shared';
import { call } from './rest';

const enc = encodeURIComponent;

/** The training endpoints (server/src/training/*-routes.ts). */
export const trainingApi = {
  seat: (runId: string, seat: string) => call<SeatView>('GET', `/runs/${enc(runId)}/seats/${enc(seat)}`),
  seats: (runId: string) =>
    call<{ seats: SeatSummary[] }>('GET', `/runs/${enc(runId)}/seats`).then((r) => r.seats),
  decide: (runId: string, seat: string, body: SeatDecisionInput) =>
    call<{ ok: true }>('POST', `/runs/${enc(runId)}/seats/${enc(seat)}/decisions`, body),
  /** A review seat (退单审核) accepts a return and re-dispatches it, or refuses it. */
  review: (runId: string, seat: string, body: ReturnDecisionInput) =>
    call<{ ok: true }>('POST', `/runs/${enc(runId)}/seats/${enc(seat)}/returns`, body),
  /** A callback seat (回访) records the call. */
  callback: (runId: string, seat: string, body: CallbackDecisionInput) =>
    call<{ ok: true }>('POST', `/runs/${enc(runId)}/seats/${enc(seat)}/callbacks`, body),
  message: (runId: string, text: string, seat?: string) =>
    call<unknown>('POST', `/runs/${enc(runId)}/messages`, seat ? { text, seat } : { text }),
  exercises: () => call<{ exercises: Exercise[] }>('GET', '/exercises').then((r) => r.exercises),
  createExercise: (def: ExerciseDefinition) => call<Exercise>('POST', '/exercises', def),
  updateExercise: (id: string, def: ExerciseDefinition) =>
    call<Exercise>('PUT', `/exercises/${enc(id)}`, def),
  startExercise: (id: string) => call<StartedExercise>('POST', `/exercises/${enc(id)}/start`),
  /** A run's injects to come and those fired (the running exercise's script). */
  schedule: (runId: string) => call<RunSchedule>('GET', `/runs/${enc(runId)}/schedule`),
  scheduleInject: (runId: string, inject: Inject) =>
    call<ScheduledInject>('POST', `/runs/${enc(runId)}/schedule`, inject),
  updateScheduled: (runId: string, entry: string, inject: Inject) =>
    call<ScheduledInject>('PUT', `/runs/${enc(runId)}/schedule/${enc(entry)}`, inject),
  removeScheduled: (runId: string, entry: string) =>
    call<undefined>('DELETE', `/runs/${enc(runId)}/schedule/${enc(entry)}`),
  fireScheduled: (runId: string, entry: string) =>
    call<unknown>('POST', `/runs/${enc(runId)}/schedule/${enc(entry)}/fire`),
  hotWash: (runId: string) => call<HotWash>('GET', `/training/runs/${enc(runId)}/hot-wash`),
  exerciseRuns: () =>
    call<{ runs: { runId: string; exerciseId: string; startedAt: string }[] }>('GET', '/training/runs').then(
      (r) => r.runs,
    ),
};
