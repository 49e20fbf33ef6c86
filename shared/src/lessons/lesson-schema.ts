import { z } from 'zod';
import { injectSchema } from '../hotline/lifecycle-schema';
import { speedSchema } from '../live/protocol';
import { KPIS, type KpiName } from '../report/kpis';

/**
 * A lesson: a guided class over a live run, written as a YAML or JSON file. Each step has narration
 * (zh and en) a teacher reads out, what the run does (`run`), what to look at (`focus`), and an
 * optional question whose answer is computed from the run's own figures. Steps are numbered from 0,
 * in the order of the list (the API's `step` and `fromStep` are these numbers).
 *
 * The JSON Schema published at GET /api/lessons/schema.json is generated from this file
 * (lesson.schema.json; `node --import tsx shared/scripts/lessons/write-schema.ts` rewrites it).
 */

/**
 * The dashboard panels a step can point at (ids of the live view's panels, client/src/app/LiveView.tsx,
 * plus the levers panel, the Compare view's "why did it move" waterfall and its three-city comparison).
 */
export const FOCUS_PANELS = [
  'controls',
  'map',
  'shift',
  'kpis',
  'league',
  'queues',
  'appeals',
  'levers',
  'compare',
  'cities',
] as const;
export type FocusPanel = (typeof FOCUS_PANELS)[number];

const KPI_NAMES = Object.keys(KPIS) as [KpiName, ...KpiName[]];

/** Text a teacher reads out or shows, in both languages. */
export const bilingualSchema = z.strictObject({
  zh: z.string().trim().min(1).max(4000),
  en: z.string().trim().min(1).max(4000),
});
export type Bilingual = z.infer<typeof bilingualSchema>;

/** A lever's new value, as a live run's lever change takes it: switches as true/false, numbers, choices. */
export const leverValueSchema = z.union([z.boolean(), z.number().finite(), z.string().min(1).max(100)]);

/**
 * What the run does when the step is entered, in this order: start `scenario` (a built-in name) at
 * `speed`, change the levers in `set`, fire `inject`, set `speed`, then `pause` or `resume`.
 */
export const lessonRunSchema = z
  .strictObject({
    /** Start a new live run of this built-in scenario. */
    scenario: z.string().min(1).max(200).optional(),
    /** Virtual seconds per wall second. */
    speed: speedSchema.optional(),
    /** Lever changes `{ <lever path>: value }` (the paths `hotline levers` lists, and `arrivals.perHour`). */
    set: z.record(z.string().min(1).max(200), leverValueSchema).optional(),
    /** An inject, as POST /api/runs/:id/injects takes it (it starts at once). */
    inject: injectSchema.optional(),
    pause: z.literal(true).optional(),
    resume: z.literal(true).optional(),
  })
  .refine((run) => !(run.pause && run.resume), { message: 'pause and resume cannot both be set' });
export type LessonRun = z.infer<typeof lessonRunSchema>;

/** What to look at: a panel, and on the map optionally a district, a street or a unit (by id). */
export const lessonFocusSchema = z
  .strictObject({
    panel: z.enum(FOCUS_PANELS),
    /** A district's division code, e.g. "110105" (朝阳区). */
    district: z.string().min(1).max(40).optional(),
    /** A street's (街乡) code. */
    street: z.string().min(1).max(40).optional(),
    /** A unit's id, e.g. "power" (a department or utility). */
    unit: z.string().min(1).max(60).optional(),
  })
  .refine((f) => [f.district, f.street, f.unit].filter((x) => x !== undefined).length <= 1, {
    message: 'at most one of district, street and unit',
  });
export type LessonFocus = z.infer<typeof lessonFocusSchema>;

/**
 * How a question's answer comes from the run's figures: the KPI when the question's step was shown
 * (`at: now`), or its change since step `fromStep` was shown (rates in percentage points).
 */
export const answerSpecSchema = z.union([
  z.strictObject({ kpi: z.enum(KPI_NAMES), at: z.literal('now') }),
  z.strictObject({
    kpi: z.enum(KPI_NAMES),
    change: z.strictObject({ fromStep: z.number().int().min(0) }),
  }),
]);
export type AnswerSpec = z.infer<typeof answerSpecSchema>;

export const lessonStepSchema = z
  .strictObject({
    narration: bilingualSchema,
    run: lessonRunSchema.optional(),
    focus: lessonFocusSchema.optional(),
    /** A question for the class. */
    question: bilingualSchema.optional(),
    /** The question's answer, computed from the run's own figures. */
    answer: answerSpecSchema.optional(),
  })
  .refine((s) => s.answer === undefined || s.question !== undefined, {
    message: 'an answer needs a question',
    path: ['question'],
  });
export type LessonStep = z.infer<typeof lessonStepSchema>;

/** A lesson's id: lower-case letters, digits and dashes (it appears in URLs). */
export const lessonIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'lower-case letters, digits and dashes, at most 64, not starting with a dash',
  );

export const lessonSchema = z.strictObject({
  id: lessonIdSchema,
  title: bilingualSchema,
  summary: bilingualSchema,
  steps: z.array(lessonStepSchema).min(1).max(60),
});
export type Lesson = z.infer<typeof lessonSchema>;

/** GET /api/lessons: one entry per lesson. */
export interface LessonSummary {
  id: string;
  title: Bilingual;
  /** How many steps the lesson has. */
  steps: number;
}

/** A step as presented in a run: the lesson, the step, the run's virtual second then. */
export interface PresentedStep {
  lessonId: string;
  step: number;
  vt: number;
}

/** GET /api/runs/:id/lesson: the step a run's class is on, for late joiners. */
export type RunLesson = { lessonId: string; step: number } | null;

/** GET /api/lessons/:id/answers: a question and its answer from the run's figures. */
export interface LessonAnswer {
  step: number;
  question: Bilingual;
  answer: number;
  /** `%` (a rate), `points` (a change of a rate), or the KPI's unit (`count`, `h`, `min`, `s`). */
  unit: string;
  /** The answer in a sentence. */
  text: Bilingual;
}
