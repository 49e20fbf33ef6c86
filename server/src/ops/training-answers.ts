import {
  APPEAL_TYPES,
  CALLBACK_RATINGS,
  DIFFICULTY,
  ORDER_FACT_IDS,
  REFUSE_REASONS,
  SCORE_ITEMS,
  SEAT_CHANNELS,
  SEAT_ROLES,
} from '@hotline-sim/shared';
import { z } from 'zod';
import {
  int,
  num,
  str,
  bool,
  dateTime,
  array,
  zhEn,
  runStatus,
  place,
  joinCode,
  seatName,
  eightHex,
  exerciseIdAnswer,
  inject,
  firedInject,
} from './answer-parts';
import type * as shared from '@hotline-sim/shared';
import { RunInfo, type Describes } from './api-answers';

/**
 * The REST API's training answers (join codes, exercises, seats, scores, the review, trainees'
 * progress) for the OpenAPI document; the rest are in api-answers.ts, their parts in answer-parts.ts.
 */
export const JoinCode = z
  .looseObject({
    code: joinCode,
    role: z.enum(['observer', 'trainee']),
    runId: str.nullable(),
    seat: str.nullable(),
    createdAt: dateTime,
    expiresAt: dateTime,
  })
  .meta({ id: 'JoinCode' });

export const Exercise = z
  .looseObject({
    id: exerciseIdAnswer,
    createdAt: dateTime,
    name: z.string().min(1).max(120),
    scenario: z.union([str, z.looseObject({})]),
    difficulty: z.enum(Object.keys(DIFFICULTY) as [string, ...string[]]),
    seats: array(seatName).min(1).max(40).meta({ uniqueItems: true }),
    roles: z.record(str, z.enum(SEAT_ROLES)).optional(),
    goals: array(z.looseObject({ zh: str, en: str })).optional(),
    script: array(inject).max(200),
  })
  .meta({ id: 'Exercise' });

export const ScheduledInject = z
  .looseObject({ id: eightHex, at: num, inject })
  .meta({ id: 'ScheduledInject' });

export const RunSchedule = z
  .looseObject({ scheduled: array(ScheduledInject), fired: array(firedInject) })
  .meta({ id: 'RunSchedule' });

export const StartedExercise = z
  .looseObject({
    exercise: exerciseIdAnswer,
    run: RunInfo,
    codes: array(z.looseObject({ seat: str, code: joinCode })),
  })
  .meta({ id: 'StartedExercise' });

const decisionAction = z.enum(['answer', 'redirect', 'dispatch']);
const orderFactId = z.enum(ORDER_FACT_IDS);
const seatChannel = z.enum(SEAT_CHANNELS);

/** A seat's decision as logged (defaults filled). */
export const SeatDecision = z
  .looseObject({
    appealId: int.min(0),
    action: z.enum(['answer', 'redirect', 'dispatch', 'merge']),
    channel: seatChannel.optional(),
    unit: int.min(0).optional(),
    appealType: z.enum(APPEAL_TYPES).optional(),
    assisting: z.array(int.min(0)).optional(),
    kbEntry: str.optional(),
    summary: str.optional(),
    mergeInto: int.min(0).optional(),
  })
  .meta({ id: 'SeatDecision' });

/** The right decision, from the generated appeal. */
export const SeatTruth = z
  .looseObject({
    action: decisionAction,
    channel: seatChannel.nullable(),
    unit: int,
    whistle: bool,
    slaClass: str,
    appealType: z.enum(APPEAL_TYPES),
    assisting: z.array(int),
    kbEntry: str.nullable(),
    mergeKey: str.nullable(),
    facts: array(z.looseObject({ id: orderFactId, phrases: array(str) })),
  })
  .meta({ id: 'SeatTruth' });

export const ScoreItem = z
  .looseObject({
    id: z.enum(SCORE_ITEMS),
    class: z.enum(['critical', 'essential', 'non-critical']),
    zh: str,
    en: str,
    cases: int,
    met: int,
    value: num,
    threshold: num,
    passed: bool,
  })
  .meta({ id: 'ScoreItem' });

export const DecisionReview = z
  .looseObject({
    appealId: int,
    offeredAt: num,
    decidedAt: num.nullable(),
    decision: SeatDecision.nullable(),
    truth: SeatTruth,
    correct: bool,
    summary: array(
      z.looseObject({ id: orderFactId, present: bool, matched: str.nullable(), phrases: array(str) }),
    ).nullable(),
    category: int,
    textCategory: int,
    consequences: array(z.looseObject({ kind: z.enum(['returned', 'late', 'rated']), at: num, detail: str })),
  })
  .meta({ id: 'DecisionReview' });

// --- review (退单审核) and callback (回访) seats ---
const unitIndex = int.min(0);
export const ReturnDecision = z
  .looseObject({
    appealId: int,
    action: z.enum(['accept', 'refuse']),
    unit: unitIndex.optional(),
    reason: z.enum(REFUSE_REASONS).optional(),
  })
  .meta({ id: 'ReturnDecision' });
export const CallbackDecision = z
  .looseObject({ appealId: int, resolved: bool, rating: z.enum(CALLBACK_RATINGS), pressure: bool })
  .meta({ id: 'CallbackDecision' });
const roleRow = {
  appealId: int,
  offeredAt: num,
  decidedAt: num.nullable(),
  unit: int,
  category: int,
  correct: bool,
};
export const ReturnReview = z
  .looseObject({
    ...roleRow,
    decision: ReturnDecision.nullable(),
    truth: z.looseObject({
      action: z.enum(['accept', 'refuse']),
      unit: int,
      reason: z.enum(['not-ours', 'disputed']),
    }),
  })
  .meta({ id: 'ReturnReview' });
export const CallbackReview = z
  .looseObject({
    ...roleRow,
    decision: CallbackDecision.nullable(),
    truth: z.looseObject({
      outcome: z.enum(['resolved', 'partly', 'not']),
      rating: z.enum(CALLBACK_RATINGS),
      pressed: bool,
    }),
  })
  .meta({ id: 'CallbackReview' });
const roleView = {
  appealId: int,
  text: zhEn,
  place,
  category: int,
  unit: int,
  offeredAt: num,
  holdUntil: num,
};
export const ReturnView = z.looseObject({ ...roleView, note: zhEn }).meta({ id: 'ReturnView' });
export const CallbackView = z
  .looseObject({
    ...roleView,
    conversation: array(z.looseObject({ who: z.enum(['agent', 'citizen']), zh: str, en: str })),
  })
  .meta({ id: 'CallbackView' });

export const SeatScore = z
  .looseObject({
    seat: str,
    offered: int,
    decided: int,
    timedOut: int,
    correct: int,
    items: array(ScoreItem),
    passed: bool,
    decisions: array(DecisionReview),
    returns: array(ReturnReview),
    callbacks: array(CallbackReview),
  })
  .meta({ id: 'SeatScore' });

export const SeatAppealView = z
  .looseObject({
    appealId: int,
    text: zhEn,
    caller: z.looseObject({ name: str, phone: str }),
    place,
    slaClass: str,
    slaHours: num,
    offeredAt: num,
    holdUntil: num,
  })
  .meta({ id: 'SeatAppealView' });

export const SeatMessage = z
  .looseObject({ runId: str, seat: str.nullable(), text: str, sentAt: dateTime })
  .meta({ id: 'SeatMessage' });

export const SeatView = z
  .looseObject({
    seat: str,
    messages: array(SeatMessage),
    injects: array(z.looseObject({ at: num, kind: str })),
    virtualTime: num,
    timeLimits: z.record(z.string(), num),
    waiting: array(SeatAppealView),
    mergeTargets: array(int),
    history: array(DecisionReview),
    score: SeatScore.nullable(),
    role: z.enum(SEAT_ROLES),
    returns: array(ReturnView),
    callbacks: array(CallbackView),
  })
  .meta({ id: 'SeatView' });

export const SeatSummary = z
  .looseObject({
    seat: str,
    waiting: int,
    decided: int,
    timedOut: int,
    accuracy: num.nullable(),
    meanMinutesToDecide: num.nullable(),
    passed: bool,
  })
  .meta({ id: 'SeatSummary' });

export const TrainingResult = z
  .looseObject({
    runId: str,
    exerciseId: str,
    seat: str,
    passed: bool,
    finishedAt: dateTime,
    score: SeatScore,
  })
  .meta({ id: 'TrainingResult' });

export const HotWash = z
  .looseObject({
    exercise: Exercise,
    runId: str,
    status: runStatus,
    trainees: array(
      z.looseObject({
        seat: str,
        passed: bool,
        decided: int,
        correct: int,
        strengths: array(zhEn),
        misses: array(zhEn),
        score: SeatScore,
      }),
    ),
    injects: array(firedInject),
  })
  .meta({ id: 'HotWash' });

export const ScenarioSummary = z.looseObject({
  name: str,
  description: str,
  descriptionZh: str,
  start: str,
  hours: num,
  lifecycle: bool,
  city: str,
});

export const TrainingRun = z.looseObject({ runId: str, exerciseId: str, startedAt: dateTime });

/** A built-in exercise of the library (GET /api/exercises/library). */
export const LibraryExercise = Exercise.extend({
  id: z.string().regex(/^lib-[a-z0-9-]{1,40}$/),
  builtin: z.literal(true),
  level: int,
  title: zhEn,
  description: zhEn,
  emphasis: array(str),
}).meta({ id: 'LibraryExercise' });

/** A trainee's progress over exercises (GET /api/training/trainees/:seat). */
export const TraineeProgress = z
  .looseObject({
    seat: seatName,
    runs: array(
      z.looseObject({
        runId: str,
        exerciseId: str,
        name: str,
        difficulty: z.enum(Object.keys(DIFFICULTY) as [string, ...string[]]).nullable(),
        finishedAt: dateTime,
        passed: bool,
        decided: int,
        correct: int,
      }),
    ),
    items: array(
      z.looseObject({
        id: str,
        class: str,
        zh: str,
        en: str,
        threshold: num,
        higherIsBetter: bool,
        values: array(num.nullable()),
        latest: z.looseObject({ value: num, passed: bool }).nullable(),
        trend: z.looseObject({ change: num, better: bool }).nullable(),
      }),
    ),
    goalsMet: array(zhEn),
  })
  .meta({ id: 'TraineeProgress' });

// WARNING: a false here means the document and the type have drifted apart: fix one of them (see
// ANSWERS_MATCH_TYPES in api-answers.ts).
export const TRAINING_ANSWERS_MATCH_TYPES: [
  Describes<typeof SeatView, shared.SeatView>,
  Describes<typeof SeatSummary, shared.SeatSummary>,
  Describes<typeof SeatMessage, shared.SeatMessage>,
  Describes<typeof StartedExercise, shared.StartedExercise>,
  Describes<typeof TrainingResult, shared.TrainingResult>,
  Describes<typeof ScenarioSummary, shared.ScenarioSummary>,
] = [true, true, true, true, true, true];
