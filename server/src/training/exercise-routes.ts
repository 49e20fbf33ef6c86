import { SCORE_ITEMS, exerciseSchema, seatNameSchema } from '@hotline-sim/shared';
import type { Request } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import { allow } from '../auth';
import { json, parse, parseBody } from '../http/handlers';
import { NoChromiumError, pdfPrinter } from '../http/print-pdf';
import { csvRow } from '../ops/csv';
import { certificateHtml } from './certificate';
import type { Exercises } from './exercises';
import { runIdSchema } from '../http/run-id';

export const exerciseId = z
  .string()
  .regex(
    /^([a-f0-9]{8}|lib-[a-z0-9-]{1,40})$/,
    'an exercise id is 8 hex digits, or lib- and a built-in exercise’s name',
  );
export const seatQuery = z.strictObject({
  seat: seatNameSchema.optional(),
});

/** POST /api/exercises/:id/copy: the copy's name (the original's when omitted). */
export const copySchema = z.strictObject({ name: exerciseSchema.shape.name.optional() });
/** GET /api/training/trainees/:seat/certificate.html and .pdf */
export const certificateQuery = z.strictObject({ lang: z.enum(['zh', 'en']).default('zh') });

/**
 * Exercises and training results (issue 7), the library of built-in exercises and each trainee's
 * progress and certificate (issue 18), under /api. Writes are the instructor's (roles.ts); trainees
 * see none of this: their own seat's score comes with their seat. `chromiumPath` prints certificates.
 */
export function exerciseRoutes(exercises: Exercises, deps: { chromiumPath: string }): Router {
  const r = Router();
  const print = pdfPrinter(deps.chromiumPath);
  r.get(
    '/exercises',
    allow('instructor'),
    json(async () => ({ exercises: exercises.list() })),
  );
  r.get(
    '/exercises/library',
    allow('instructor'),
    json(async () => ({ exercises: exercises.library() })),
  );
  r.post(
    '/exercises',
    allow('instructor'),
    json(async (req, res) => {
      const exercise = exercises.create(parseBody(exerciseSchema, req.body, 'exercise'));
      res.status(201);
      return exercise;
    }),
  );
  r.get(
    '/exercises/:id',
    allow('instructor'),
    json(async (req) => exercises.get(parse(exerciseId, req.params.id, 'exercise id'))),
  );
  r.put(
    '/exercises/:id',
    allow('instructor'),
    json(async (req) =>
      exercises.update(
        parse(exerciseId, req.params.id, 'exercise id'),
        parseBody(exerciseSchema, req.body, 'exercise'),
      ),
    ),
  );
  r.post(
    '/exercises/:id/copy',
    allow('instructor'),
    json(async (req, res) => {
      const { name } = parseBody(copySchema, req.body ?? {}, 'copy');
      const copy = exercises.copy(parse(exerciseId, req.params.id, 'exercise id'), name);
      res.status(201);
      return copy;
    }),
  );
  r.post(
    '/exercises/:id/start',
    allow('instructor'),
    json(async (req, res) => {
      const started = await exercises.start(parse(exerciseId, req.params.id, 'exercise id'));
      res.status(201);
      return started;
    }),
  );
  r.get(
    '/training/runs',
    allow('instructor'),
    json(async () => ({ runs: exercises.runs() })),
  );
  r.get(
    '/training/runs/:runId/hot-wash',
    allow('instructor'),
    json(async (req) => exercises.hotWash(parse(runIdSchema, req.params.runId, 'run id'))),
  );
  r.get(
    '/training/results',
    allow('instructor'),
    json(async (req) => ({ results: exercises.results(parse(seatQuery, req.query, 'query').seat) })),
  );
  const certificate = (req: Request) => {
    const progress = exercises.progress(parse(seatNameSchema, req.params.seat, 'seat'));
    return {
      progress,
      html: certificateHtml(progress, parse(certificateQuery, req.query, 'query').lang, new Date()),
    };
  };
  r.get(
    '/training/trainees/:seat',
    allow('instructor'),
    json(async (req) => exercises.progress(parse(seatNameSchema, req.params.seat, 'seat'))),
  );
  // The page the PDF is printed from, to preview it in a browser.
  r.get(
    '/training/trainees/:seat/certificate.html',
    allow('instructor'),
    json(async (req, res) => {
      res.type('text/html; charset=utf-8').send(certificate(req).html);
    }),
  );
  r.get(
    '/training/trainees/:seat/certificate.pdf',
    allow('instructor'),
    json(async (req, res) => {
      const { progress, html } = certificate(req);
      try {
        const pdf = await print(html);
        res
          .type('application/pdf')
          .set('Content-Disposition', `inline; filename="${progress.seat}-certificate.pdf"`)
          .send(pdf);
      } catch (err) {
        if (!(err instanceof NoChromiumError)) throw err;
        res.status(503).json({ error: err.message });
      }
    }),
  );
  r.get(
    '/training/results.csv',
    allow('instructor'),
    json(async (req, res) => {
      const results = exercises.results(parse(seatQuery, req.query, 'query').seat);
      const header = [
        'finished_at',
        'seat',
        'exercise_id',
        'run_id',
        'passed',
        'offered',
        'decided',
        'correct',
        'timed_out',
      ];
      // Columns by item id: results kept before an item was added to the rubric leave its cell empty.
      const rows = results.map((r) => [
        r.finishedAt,
        r.seat,
        r.exerciseId,
        r.runId,
        r.passed ? 'yes' : 'no',
        r.score.offered,
        r.score.decided,
        r.score.correct,
        r.score.timedOut,
        ...SCORE_ITEMS.map((id) => r.score.items.find((i) => i.id === id)?.value ?? ''),
      ]);
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', 'attachment; filename="training-results.csv"')
        .send(csvRow([...header, ...SCORE_ITEMS]) + rows.map(csvRow).join(''));
    }),
  );
  return r;
}
