import {
  APPEAL_STATES,
  createRunSchema,
  fireInjectSchema,
  injectSchema,
  setSpeedSchema,
  type RunInfo,
  type RunSchedule,
} from '@hotline-sim/shared';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { allow, hideAnswersFromTrainee, sessionOf } from '../auth';
import { ApiError } from './errors';
import type { RunManager } from '../live/run-manager';
import { auditRun } from '../live/audit';
import { emptyToUndefined, json, parse, parseBody } from './handlers';
import { addLeverRoutes } from './lever-routes';
import { runIdSchema } from './run-id';

/** Whole decimal numbers only: `Number()` would also take ' ', '0x10' and '1e3'. */
const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, 'must be a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
export const appealIdSchema = decimal(0, 2 ** 31);
export const scheduleEntrySchema = z.string().regex(/^[a-f0-9]{8}$/, 'a schedule entry id is 8 hex digits');
export const appealsQuerySchema = z.strictObject({
  state: z.enum(APPEAL_STATES).optional(),
  street: z.string().min(1).max(40).optional(),
  category: z.string().min(1).max(60).optional(),
  page: decimal(1, 100_000).default(1),
});

const runId = (req: Request): string => parse(runIdSchema, req.params.id, 'run id');

/** REST routes of live runs, under /api. */
export function runRoutes(manager: RunManager): Router {
  const r = Router();
  const control = (action: (id: string) => Promise<RunInfo>) =>
    json(async (req) => {
      parseBody(
        z.union([z.undefined(), z.strictObject({})]),
        emptyToUndefined(req.body),
        'body (expected none)',
      );
      return action(runId(req));
    });

  r.get(
    '/runs',
    allow('everyone'),
    json(async (_req, res) => {
      const runs = await manager.list();
      // A trainee sees their exercise only.
      const session = sessionOf(res);
      return { runs: session?.role === 'trainee' ? runs.filter((run) => run.id === session.runId) : runs };
    }),
  );
  r.post(
    '/runs',
    allow('instructor'),
    json(async (req, res) => {
      const body = parseBody(createRunSchema, req.body, 'run');
      const run = await manager.create(body);
      res.status(201);
      return run;
    }),
  );
  r.get(
    '/runs/:id',
    allow('run'),
    json(async (req) => manager.info(runId(req))),
  );
  r.post(
    '/runs/:id/pause',
    allow('instructor'),
    control((id) => manager.pause(id)),
  );
  r.post(
    '/runs/:id/resume',
    allow('instructor'),
    control((id) => manager.resume(id)),
  );
  r.post(
    '/runs/:id/stop',
    allow('instructor'),
    control((id) => manager.stop(id)),
  );
  r.post(
    '/runs/:id/speed',
    allow('instructor'),
    json(async (req) => {
      const id = runId(req);
      return manager.setSpeed(id, parseBody(setSpeedSchema, req.body, 'speed').speed);
    }),
  );
  r.post(
    '/runs/:id/injects',
    allow('instructor'),
    json(async (req, res) => {
      const id = runId(req);
      const run = await manager.inject(id, parseBody(fireInjectSchema, req.body, 'inject'));
      res.status(202);
      return run;
    }),
  );
  addLeverRoutes(r, manager);
  // The run's injects to come (an exercise's script): instructor only, trainees must not see them coming.
  const entry = (req: Request) => parse(scheduleEntrySchema, req.params.entry, 'schedule entry id');
  r.get(
    '/runs/:id/schedule',
    allow('instructor'),
    json(async (req): Promise<RunSchedule> => {
      const id = runId(req);
      const [scheduled, fired] = await Promise.all([manager.schedule.list(id), manager.schedule.fired(id)]);
      return { scheduled, fired };
    }),
  );
  r.post(
    '/runs/:id/schedule',
    allow('instructor'),
    json(async (req, res) => {
      const added = await manager.schedule.add(runId(req), parseBody(injectSchema, req.body, 'inject'));
      res.status(201);
      return added;
    }),
  );
  r.put(
    '/runs/:id/schedule/:entry',
    allow('instructor'),
    json(async (req) =>
      manager.schedule.update(runId(req), entry(req), parseBody(injectSchema, req.body, 'inject')),
    ),
  );
  r.delete(
    '/runs/:id/schedule/:entry',
    allow('instructor'),
    json(async (req, res) => {
      await manager.schedule.remove(runId(req), entry(req));
      res.status(204).end();
    }),
  );
  r.post(
    '/runs/:id/schedule/:entry/fire',
    allow('instructor'),
    json(async (req, res) => {
      parseBody(
        z.union([z.undefined(), z.strictObject({})]),
        emptyToUndefined(req.body),
        'body (expected none)',
      );
      const id = runId(req);
      await manager.schedule.fire(id, entry(req));
      res.status(202);
      return manager.info(id);
    }),
  );
  r.get(
    '/runs/:id/report',
    allow('run'),
    json(async (req) => {
      const id = runId(req);
      const report = await manager.report(id);
      return {
        run: await manager.info(id),
        states: await manager.states(id),
        report,
        open: await manager.open(id),
      };
    }),
  );
  r.get(
    '/runs/:id/series',
    allow('run'),
    json(async (req) => ({ series: await manager.series(runId(req)) })),
  );
  r.get(
    '/runs/:id/appeals',
    allow('run'),
    json(async (req, res) => {
      const id = runId(req);
      hideAnswersFromTrainee(sessionOf(res), await manager.info(id), 'the appeal list');
      return manager.appealViews.page(id, parse(appealsQuerySchema, req.query, 'query'));
    }),
  );
  r.get(
    '/runs/:id/appeals/:appealId',
    allow('run'),
    json(async (req, res) => {
      const id = runId(req);
      hideAnswersFromTrainee(sessionOf(res), await manager.info(id), 'the appeal log');
      const appealId = parse(appealIdSchema, req.params.appealId, 'appeal id');
      const appeal = await manager.appealViews.detail(id, appealId);
      if (!appeal) throw new ApiError(404, `appeal ${appealId} not found in run "${id}"`);
      return appeal;
    }),
  );
  r.get(
    '/runs/:id/audit',
    allow('run'),
    json(async (req) => {
      const id = runId(req);
      await manager.info(id);
      return auditRun(manager.redis, id);
    }),
  );
  return r;
}
