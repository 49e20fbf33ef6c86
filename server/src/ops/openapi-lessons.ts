import { lessonIdSchema, lessonSchema, seatNameSchema } from '@hotline-sim/shared';
import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import {
  answersQuerySchema,
  presentSchema,
  worksheetQuerySchema,
  yamlBodySchema,
} from '../lessons/lesson-routes';
import { certificateQuery } from '../training/exercise-routes';
import { auth, error, json, runOp } from './openapi-parts';

/*
 * Lessons (server/src/lessons/lesson-routes.ts) and the printable pages: a lesson's worksheet and a
 * trainee's certificate, each as HTML to preview and as a PDF Chromium prints (503 without it).
 */

const str = z.string();
const bilingual = z.looseObject({ zh: str, en: str });
const lessonPath = z.object({ id: lessonIdSchema });
const LessonSummary = z
  .looseObject({ id: str, title: bilingual, steps: z.number().int() })
  .meta({ id: 'LessonSummary' });
const Lesson = lessonSchema.meta({ id: 'Lesson' });
const LessonAnswer = z
  .looseObject({
    step: z.number().int(),
    question: bilingual,
    answer: z.number(),
    unit: str,
    text: bilingual,
  })
  .meta({ id: 'LessonAnswer' });

const html: ZodOpenApiResponseObject = {
  description: 'a printable page (A4)',
  content: { 'text/html': { schema: str } },
};
const pdf: ZodOpenApiResponseObject = {
  description: 'the page printed by headless Chromium',
  content: { 'application/pdf': { schema: str.meta({ format: 'binary' }) } },
};
const noChromium = error('no Chromium at CHROMIUM_PATH to print with');

const worksheet = (as: 'HTML' | 'PDF', ok: ZodOpenApiResponseObject) => ({
  get: {
    summary:
      `The lesson's worksheet as ${as}: its steps and questions, with a run's answers and figures when ` +
      '`run` is given (instructor, observers)',
    requestParams: { path: lessonPath, query: worksheetQuerySchema },
    responses: {
      200: ok,
      400: error('malformed lesson id, or a bad query parameter (named)'),
      ...auth,
      404: error('no such lesson, or no such run'),
      ...(as === 'PDF' ? { 503: noChromium } : {}),
    },
  },
});

const certificate = (as: 'HTML' | 'PDF', ok: ZodOpenApiResponseObject) => ({
  get: {
    summary:
      `A trainee's certificate-style summary as ${as}: the exercises finished, each rubric item's latest ` +
      'value against its mark and trend, the goals met, lines to sign (instructor)',
    requestParams: { path: z.object({ seat: seatNameSchema }), query: certificateQuery },
    responses: {
      200: ok,
      400: error('malformed seat name, or a bad query parameter (named)'),
      ...auth,
      ...(as === 'PDF' ? { 503: noChromium } : {}),
    },
  },
});

export const LESSON_PATHS: ZodOpenApiPathsObject = {
  '/lessons': {
    get: {
      summary: 'Every lesson, built in and uploaded (everyone logged in)',
      responses: { 200: json(z.array(LessonSummary)), ...auth },
    },
    post: {
      summary:
        'Upload a lesson: the lesson as JSON, or a file’s text as {yaml} (instructor); its schema is ' +
        'GET /api/lessons/schema.json',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: z.union([z.record(str, z.unknown()), yamlBodySchema]) } },
      },
      responses: {
        201: json(z.looseObject({ id: str }), 'stored'),
        400: error('malformed body'),
        ...auth,
        409: error('a built-in lesson has that id'),
        422: error('the lesson is invalid (each field named)'),
      },
    },
  },
  '/lessons/schema.json': {
    get: {
      summary: 'The JSON Schema of a lesson file (everyone logged in)',
      responses: { 200: json(z.looseObject({})), ...auth },
    },
  },
  '/lessons/{id}': {
    get: {
      summary: 'A lesson with its steps (everyone logged in)',
      requestParams: { path: lessonPath },
      responses: {
        200: json(Lesson),
        400: error('malformed lesson id'),
        ...auth,
        404: error('no such lesson'),
      },
    },
  },
  '/lessons/{id}/present': {
    post: {
      summary:
        "Present a step of the lesson in a run: recorded with the run's virtual time and sent to the run's " +
        'room as lesson:step (instructor)',
      requestParams: { path: lessonPath },
      requestBody: { required: true, content: { 'application/json': { schema: presentSchema } } },
      responses: {
        200: json(z.looseObject({ lessonId: str, step: z.number().int(), vt: z.number(), runId: str })),
        400: error('malformed lesson id or body'),
        ...auth,
        404: error('no such lesson, or no such run'),
        422: error('no such step in the lesson'),
      },
    },
  },
  '/lessons/{id}/answers': {
    get: {
      summary: "The lesson's questions answered from a run's own figures (instructor, observers)",
      requestParams: { path: lessonPath, query: answersQuerySchema },
      responses: {
        200: json(z.array(LessonAnswer)),
        400: error('malformed lesson id, or a bad query parameter (named)'),
        ...auth,
        404: error('no such lesson, or no such run'),
      },
    },
  },
  '/lessons/{id}/worksheet.html': worksheet('HTML', html),
  '/lessons/{id}/worksheet.pdf': worksheet('PDF', pdf),
  '/runs/{id}/lesson': {
    get: runOp(
      'The lesson and step the run is being presented at, for late joiners (null: none)',
      json(z.looseObject({ lessonId: str, step: z.number().int() }).nullable()),
      { 400: error('malformed run id') },
    ),
  },
  '/training/trainees/{seat}/certificate.html': certificate('HTML', html),
  '/training/trainees/{seat}/certificate.pdf': certificate('PDF', pdf),
};
