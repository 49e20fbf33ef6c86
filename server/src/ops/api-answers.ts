import {
  APPEAL_STATES,
  APPEAL_TYPES,
  CALLBACK_RATINGS,
  DIFFICULTY,
  ORDER_FACT_IDS,
  REFUSE_REASONS,
  SCORE_ITEMS,
  SEAT_CHANNELS,
  SEAT_ROLES,
  seatNameSchema,
} from '@hotline-sim/shared';
import type * as shared from '@hotline-sim/shared';
import type { AuditResult } from '../live/audit';
import { z } from 'zod';

/*
 * Zod schemas of the REST API's answers, for the OpenAPI document (openapi.ts): each with an `id`
 * becomes a component. Objects are loose (a later field does not break an older client), and list
 * what a client may rely on.
 */

const int = z.number().int();
const num = z.number();
const str = z.string();
const bool = z.boolean();
const dateTime = z.iso.datetime({ offset: true });
const array = <T extends z.ZodType>(item: T) => z.array(item);
/** An object known only by the fields it must have. */
export const withFields = (...keys: string[]) =>
  z.looseObject(Object.fromEntries(keys.map((k) => [k, z.unknown()])));

/** A label or a text in Chinese and English. */
const zhEn = z.looseObject({ zh: str, en: str });
const runStatus = z.enum(['running', 'paused', 'finished', 'stopped']);
const appealState = z.enum(APPEAL_STATES);
const place = z.looseObject({
  district: str,
  street: str,
  community: str,
  districtEn: str,
  streetEn: str,
  communityEn: str,
  lon: num,
  lat: num,
});
const joinCode = z.string().regex(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
const seatName = seatNameSchema;
const eightHex = z.string().regex(/^[a-f0-9]{8}$/);
/** A saved exercise's 8 hex digits, or a built-in's `lib-…` (the exercise library). */
const exerciseIdAnswer = z.string().regex(/^([a-f0-9]{8}|lib-[a-z0-9-]{1,40})$/);
/** An inject of an exercise's script, at its virtual hour (the kinds of POST /runs/{id}/injects). */
const inject = z.looseObject({ kind: str, atHours: num, hours: num.optional() });
const firedInject = z.looseObject({ at: num, inject });

export const ErrorAnswer = z.looseObject({ error: str }).meta({ id: 'Error' });

export const Session = z
  .looseObject({
    role: z.enum(['instructor', 'trainee', 'observer']),
    runId: str.nullable(),
    seat: str.nullable(),
    expiresAt: dateTime,
  })
  .meta({ id: 'Session' });

export const RunInfo = z
  .looseObject({
    id: str,
    scenario: str,
    city: str.meta({ description: 'key of the city the run takes place in (GET /api/cities)' }),
    seed: int,
    status: runStatus,
    speed: num,
    effectiveSpeed: num,
    virtualTime: num,
    horizon: num,
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    clock: z.enum(['virtual', 'wall']).meta({
      description:
        'wall: virtual time is Beijing time now (×1); virtual: the scenario calendar at its speed, which Open311 maps to the wall time the run reached each moment',
    }),
    createdAt: dateTime,
    appeals: int,
    transitions: int,
  })
  .meta({ id: 'RunInfo' });

/** A KPI's estimate; null where no replication counted anything for it (a rate of no callbacks, no whistles). */
const noValue = num.nullable();
const kpi = z.looseObject({ mean: noValue, ci95: z.tuple([noValue, noValue]) });

export const Report = z
  .looseObject({
    scenario: str,
    seed: int,
    replications: int,
    ciMethod: z.enum(['replications', 'batch-means', 'none']),
    hours: num.optional(),
    warmupHours: num.optional(),
    agents: num.optional(),
    offeredLoad: num.optional(),
    kpis: z.record(z.string(), kpi),
    waitSeconds: z.looseObject({ p50: num, p90: num, p99: num }),
    streets: array(z.looseObject({})).optional(),
    departments: array(z.looseObject({})).optional(),
  })
  .meta({ id: 'Report' });

export const States = z.partialRecord(appealState, int).meta({ id: 'States' });

export const HistoryEntry = z
  .looseObject({
    seq: int,
    from: appealState.nullable(),
    to: appealState,
    at: num,
    unit: int,
    outcome: str.optional(),
    rating: str.optional(),
    clock: num,
    appliedAt: num,
  })
  .meta({ id: 'HistoryEntry' });

export const AppealDetail = z
  .looseObject({
    id: int,
    state: appealState,
    stateLabel: zhEn,
    source: z.enum(['citizen', 'grid']),
    category: z.looseObject({ index: int, id: str, zh: str, en: str, slaClass: str }),
    place,
    unit: z.looseObject({ index: int, name: str, nameEn: str, kind: str }).nullable(),
    deadline: num.nullable(),
    updated: num.nullable(),
    outcome: str.nullable(),
    rating: str.nullable(),
    text: zhEn,
    matter: z
      .looseObject({
        kind: z.enum(['question', 'complaint']),
        id: str,
        zh: str,
        en: str,
        matters: int,
        channel: z.enum(['counter', 'online']),
        visits: int,
        materials: int,
      })
      .nullable()
      .meta({
        description:
          'the government service matter (事项) a caller about matters asked or complained about (service cities), else null',
      }),
    history: array(HistoryEntry),
  })
  .meta({ id: 'AppealDetail' });

export const AuditAnswer = z.looseObject({
  run: str,
  ok: bool,
  virtualTime: num,
  appeals: int,
  created: int,
  transitions: int,
  states: States,
  replayedSteps: int,
  problems: array(str),
  problemCount: int,
});

const leverValue = z.union([num, bool, str]);
const label = z.looseObject({ zh: str, en: str });

/** A lever change that took effect in a live run. */
export const LeverChange = z
  .looseObject({
    at: num,
    set: z.record(z.string(), z.unknown()),
    source: z.enum(['timeline', 'instructor']),
    label: label.optional(),
  })
  .meta({ id: 'LeverChange' });

export const RunLevers = z
  .looseObject({ values: z.record(z.string(), leverValue), changes: array(LeverChange) })
  .meta({ id: 'RunLevers' });

export const LeversAccepted = z.looseObject({ at: num, set: z.record(z.string(), z.unknown()) });

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

export const ApiKeyInfo = z
  .looseObject({ id: str, name: str, runId: str.nullable(), createdAt: dateTime })
  .meta({ id: 'ApiKeyInfo' });

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

/** True when what a schema accepts is the shared type the client reads (checked at compile time). */
type Describes<S extends z.ZodType, T> = z.output<S> extends T ? true : false;
// WARNING: a false here means the document and the type have drifted apart: fix one of them. (The
// schedule and the hot wash are left out: their injects are documented by kind and times only.)
export const ANSWERS_MATCH_TYPES: [
  Describes<typeof RunInfo, shared.RunInfo>,
  Describes<typeof AppealDetail, shared.AppealDetail>,
  Describes<typeof HistoryEntry, shared.HistoryEntry>,
  Describes<typeof SeatView, shared.SeatView>,
  Describes<typeof SeatSummary, shared.SeatSummary>,
  Describes<typeof SeatMessage, shared.SeatMessage>,
  Describes<typeof StartedExercise, shared.StartedExercise>,
  Describes<typeof TrainingResult, shared.TrainingResult>,
  Describes<typeof ScenarioSummary, shared.ScenarioSummary>,
  Describes<typeof AuditAnswer, AuditResult>,
  Describes<typeof RunLevers, shared.RunLevers>,
  Describes<typeof LeversAccepted, shared.LeversAccepted>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
