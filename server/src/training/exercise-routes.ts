import { SCORE_ITEMS, exerciseSchema, seatNameSchema } from '@hotline-sim/shared';
import { Router } from 'express';
import { z } from 'zod';
import { allow } from '../auth';
import { json, parse, parseBody } from '../http/handlers';
import { csvRow } from '../ops/csv';
import type { Exercises } from './exercises';
import { runIdSchema } from '../http/run-id';

export const exerciseId = z.string().regex(/^[a-f0-9]{8}$/, 'an exercise id is 8 hex digits');
export const seatQuery = z.strictObject({
  seat: seatNameSchema.optional(),
});

/**
 * Exercises and training results (issue 7), under /api. Writes are the instructor's (roles.ts);
 * trainees see none of this: their own seat's score comes with their seat.
 */
export function exerciseRoutes(exercises: Exercises): Router {
  const r = Router();
  r.get(
    '/exercises',
    allow('instructor'),
    json(async () => ({ exercises: exercises.list() })),
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
