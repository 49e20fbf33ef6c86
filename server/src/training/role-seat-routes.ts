import { callbackDecisionSchema, returnDecisionSchema } from '@hotline-sim/shared';
import { Router, type Request } from 'express';
import { allow } from '../auth';
import { json, parse, parseBody } from '../http/handlers';
import { runIdSchema } from '../http/run-id';
import type { RunManager } from '../live/run-manager';
import { seatSchema } from './seat-routes';

/**
 * Decisions at the review (退单审核) and callback (回访) seats (issue 18): a return accepted and
 * re-dispatched or refused, a callback recorded. Access (roles.ts): the instructor, and the trainee at
 * that seat. Like a dispatch decision, each is logged at the run's next tick (202), or refused (409)
 * when the item is not waiting at that seat any more.
 */
export function roleSeatRoutes(manager: RunManager): Router {
  const r = Router();
  const ids = (req: Request) => ({
    id: parse(runIdSchema, req.params.id, 'run id'),
    seat: parse(seatSchema, req.params.seat, 'seat'),
  });
  r.post(
    '/runs/:id/seats/:seat/returns',
    allow('seat-decide'),
    json(async (req, res) => {
      const { id, seat } = ids(req);
      const decision = parseBody(returnDecisionSchema, req.body, 'return decision');
      await manager.seats.decideRole(id, { kind: 'review', seat, decision });
      res.status(202);
      return { ok: true };
    }),
  );
  r.post(
    '/runs/:id/seats/:seat/callbacks',
    allow('seat-decide'),
    json(async (req, res) => {
      const { id, seat } = ids(req);
      const decision = parseBody(callbackDecisionSchema, req.body, 'callback record');
      await manager.seats.decideRole(id, { kind: 'callback', seat, decision });
      res.status(202);
      return { ok: true };
    }),
  );
  return r;
}
