import {
  LESSON_JSON_SCHEMA,
  LessonError,
  builtInLesson,
  builtInScenarioNames,
  computeAnswers,
  lessonIdSchema,
  parseLesson,
  parseLessonText,
  type Lesson,
  type LessonAnswer,
  type LessonStepEvent,
} from '@hotline-sim/shared';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { allow } from '../auth';
import { ApiError, notFound } from '../http/errors';
import { json, parse, parseBody } from '../http/handlers';
import { runIdSchema } from '../http/run-id';
import type { RunManager } from '../live/run-manager';
import type { LessonStore } from './lesson-store';
import { NoChromiumError, pdfPrinter } from '../http/print-pdf';
import { worksheetHtml, type WorksheetRun } from './worksheet';

export interface LessonRouteDeps {
  manager: RunManager;
  lessons: LessonStore;
  /** CHROMIUM_PATH: the Chromium that prints worksheets. */
  chromiumPath: string;
  /** Send `lesson:step` to the run's room (every server's clients, through the Socket.IO adapter). */
  broadcast(event: LessonStepEvent): void;
}

/** POST /api/lessons/:id/present */
export const presentSchema = z.strictObject({
  runId: runIdSchema,
  step: z.number().int().min(0),
});

/** The body of POST /api/lessons: a lesson as JSON, or a file's text as `{ yaml }` (JSON is YAML too). */
export const yamlBodySchema = z.strictObject({ yaml: z.string().max(1_000_000) });

/** GET /api/lessons/:id/worksheet.html and .pdf */
export const worksheetQuerySchema = z.strictObject({
  run: runIdSchema.optional(),
  lang: z.enum(['zh', 'en']).default('zh'),
});
/** GET /api/lessons/:id/answers */
export const answersQuerySchema = z.strictObject({ run: runIdSchema });

/** Turn a lesson file's problems into a 422 naming each field. */
function readUpload(body: unknown): Lesson {
  try {
    const asText = yamlBodySchema.safeParse(body);
    return asText.success
      ? parseLessonText(asText.data.yaml, builtInScenarioNames)
      : parseLesson(body, builtInScenarioNames);
  } catch (err) {
    if (err instanceof LessonError) throw new ApiError(422, err.message);
    throw err;
  }
}

/**
 * Lessons under /api (contract C4): the list, one lesson, uploads (instructor), the JSON Schema of the
 * file, presenting a step in a run (recorded with the run's virtual time and broadcast as
 * `lesson:step`), the step a run is on, the questions' answers from the run's figures, the worksheet.
 */
export function lessonRoutes(deps: LessonRouteDeps): Router {
  const { manager, lessons } = deps;
  const print = pdfPrinter(deps.chromiumPath);
  const r = Router();
  const lessonOf = async (req: Request): Promise<Lesson> => {
    const id = parse(lessonIdSchema, req.params.id, 'lesson id');
    const lesson = await lessons.get(id);
    if (!lesson) throw notFound(`lesson "${id}"`);
    return lesson;
  };
  const answersOf = async (lesson: Lesson, runId: string): Promise<LessonAnswer[]> => {
    await manager.info(runId);
    const [records, series] = await Promise.all([lessons.presented(runId), manager.series(runId)]);
    return computeAnswers(lesson, records, series);
  };

  r.get(
    '/lessons',
    allow('everyone'),
    json(async () => lessons.list()),
  );
  // Before /lessons/:id, which would take "schema.json" for an id.
  r.get(
    '/lessons/schema.json',
    allow('everyone'),
    json(async () => LESSON_JSON_SCHEMA),
  );
  r.post(
    '/lessons',
    allow('instructor'),
    json(async (req, res) => {
      parseBody(z.record(z.string(), z.unknown()), req.body, 'lesson');
      const lesson = readUpload(req.body);
      if (builtInLesson(lesson.id))
        throw new ApiError(409, `lesson "${lesson.id}" is built in and read-only: give yours another id`);
      await lessons.put(lesson);
      res.status(201);
      return { id: lesson.id };
    }),
  );
  r.get(
    '/lessons/:id',
    allow('everyone'),
    json(async (req) => lessonOf(req)),
  );
  r.post(
    '/lessons/:id/present',
    allow('instructor'),
    json(async (req) => {
      const lesson = await lessonOf(req);
      const { runId, step } = parseBody(presentSchema, req.body, 'presentation');
      if (step >= lesson.steps.length)
        throw new ApiError(
          422,
          `step: lesson "${lesson.id}" has steps 0 to ${lesson.steps.length - 1}, got ${step}`,
        );
      const run = await manager.info(runId);
      const record = { lessonId: lesson.id, step, vt: run.virtualTime };
      await lessons.present(runId, record);
      deps.broadcast({ lessonId: lesson.id, runId, step });
      return { ...record, runId };
    }),
  );
  r.get(
    '/runs/:id/lesson',
    allow('run'),
    json(async (req) => {
      const id = parse(runIdSchema, req.params.id, 'run id');
      await manager.info(id);
      return lessons.current(id);
    }),
  );
  r.get(
    '/lessons/:id/answers',
    allow('staff'),
    json(async (req) => {
      const lesson = await lessonOf(req);
      const { run } = parse(answersQuerySchema, req.query, 'query');
      return answersOf(lesson, run);
    }),
  );
  const worksheet = async (req: Request) => {
    const lesson = await lessonOf(req);
    const query = parse(worksheetQuerySchema, req.query, 'query');
    let data: WorksheetRun | undefined;
    if (query.run !== undefined) {
      const [run, answers, series] = await Promise.all([
        manager.info(query.run),
        answersOf(lesson, query.run),
        manager.series(query.run),
      ]);
      data = { run, answers, latest: series.at(-1) };
    }
    return { lesson, html: worksheetHtml(lesson, query.lang, data) };
  };
  // The page the PDF is printed from, to preview it in a browser.
  r.get(
    '/lessons/:id/worksheet.html',
    allow('staff'),
    json(async (req, res) => {
      const { html } = await worksheet(req);
      res.type('text/html; charset=utf-8').send(html);
    }),
  );
  r.get(
    '/lessons/:id/worksheet.pdf',
    allow('staff'),
    json(async (req, res) => {
      const { lesson, html } = await worksheet(req);
      try {
        const pdf = await print(html);
        res
          .type('application/pdf')
          .set('Content-Disposition', `inline; filename="${lesson.id}-worksheet.pdf"`)
          .send(pdf);
      } catch (err) {
        if (!(err instanceof NoChromiumError)) throw err;
        res.status(503).json({ error: err.message });
      }
    }),
  );
  return r;
}
