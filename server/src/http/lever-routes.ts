import { setLeversSchema } from '@hotline-sim/shared';
import type { Request, Router } from 'express';
import { allow } from '../auth';
import type { RunManager } from '../live/run-manager';
import { json, parse, parseBody } from './handlers';
import { runIdSchema } from './run-id';

const runId = (req: Request): string => parse(runIdSchema, req.params.id, 'run id');

/**
 * A live run's levers (contract C3), added to the run routes: anyone who may read the run sees their
 * values and changes; only an instructor changes them (a change is an input in the run's log).
 */
export function addLeverRoutes(r: Router, manager: RunManager): void {
  r.get(
    '/runs/:id/levers',
    allow('run'),
    json(async (req) => manager.levers.get(runId(req))),
  );
  r.post(
    '/runs/:id/levers',
    allow('instructor'),
    json(async (req, res) => {
      const id = runId(req);
      const accepted = await manager.levers.set(id, parseBody(setLeversSchema, req.body, 'levers'));
      res.status(202);
      return accepted;
    }),
  );
}
