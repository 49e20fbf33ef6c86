import {
  isBatchInject,
  seatNameSchema,
  scoreSeat,
  seatAppealView,
  seatDecisionSchema,
  mergeTargets,
  waitingOffers,
  type SeatMessage,
  type SeatSummary,
  type SeatView,
} from '@hotline-sim/shared';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { allow, sessionOf } from '../auth';
import { json, parse, parseBody } from '../http/handlers';
import { notFound } from '../http/errors';
import { runKeys } from '../live/keys';
import type { RunManager } from '../live/run-manager';
import { runIdSchema } from '../http/run-id';
import { roleView, roleWaiting } from './role-view';

/** A seat name in a path or a body: the one rule (shared's seatNameSchema). */
export const seatSchema = seatNameSchema;
export const messageSchema = z.strictObject({
  text: z.string().trim().min(1).max(500),
  seat: seatSchema.optional(),
});

/**
 * Training seats of a run (issue 7): what a seat is offered and has decided, its score, and
 * decisions. Access (roles.ts): a trainee reads and decides at their own seat only; observers read;
 * the instructor does everything.
 */
export function seatRoutes(
  manager: RunManager,
  /** Sends a message to the seats' rooms (the realtime layer, attached after the routes). */
  send: (message: SeatMessage, seats: readonly string[]) => void,
): Router {
  const r = Router();
  const ids = (req: Request) => ({
    id: parse(runIdSchema, req.params.id, 'run id'),
    seat: parse(seatSchema, req.params.seat, 'seat'),
  });
  const seatsOf = async (id: string) => {
    const live = await manager.lookup(id);
    return live.scenario.lifecycle?.training?.seats ?? [];
  };

  r.get(
    '/runs/:id/seats',
    allow('staff'),
    json(async (req) => {
      const id = parse(runIdSchema, req.params.id, 'run id');
      const [seats, events] = await Promise.all([seatsOf(id), manager.seatEvents(id)]);
      const summaries: SeatSummary[] = seats.map((seat) => {
        const score = scoreSeat(events, seat);
        const times = score.items.find((i) => i.id === 'time-to-decide');
        return {
          seat,
          waiting: waitingOffers(events, seat).length + roleWaiting(events, seat),
          decided: score.decided,
          timedOut: score.timedOut,
          accuracy: score.decided > 0 ? score.correct / score.decided : null,
          meanMinutesToDecide: score.decided > 0 ? (times?.value ?? null) : null,
          passed: score.passed,
        };
      });
      return { seats: summaries };
    }),
  );
  r.get(
    '/runs/:id/seats/:seat',
    allow('seat'),
    json(async (req, res) => {
      const { id, seat } = ids(req);
      if (!(await seatsOf(id)).includes(seat)) throw notFound(`seat "${seat}" in run "${id}"`);
      const [run, live, events, messages, fired] = await Promise.all([
        manager.info(id),
        manager.lookup(id),
        manager.seatEvents(id),
        manager.redis.lrange(runKeys(id).messages, 0, -1),
        manager.schedule.fired(id),
      ]);
      const ended = run.status === 'finished' || run.status === 'stopped';
      const score = scoreSeat(events, seat);
      const trainee = sessionOf(res)?.role === 'trainee';
      // A trainee hears of events in the city, not that the next appeals are trick questions.
      const told = trainee ? fired.filter((f) => !isBatchInject(f.inject)) : fired;
      const view: SeatView = {
        seat,
        messages: messages
          .map((m) => JSON.parse(m) as SeatMessage)
          .filter((m) => m.seat === null || m.seat === seat),
        injects: told.map((f) => ({ at: f.at, kind: f.inject.kind })),
        virtualTime: run.virtualTime,
        timeLimits: { ...live.scenario.lifecycle?.timeLimits },
        waiting: waitingOffers(events, seat).map((o) => seatAppealView(o, live.model.city, run.seed)),
        mergeTargets: ended ? [] : mergeTargets(events, seat),
        history: score.decisions.filter((d) => d.decidedAt !== null || ended).reverse(),
        score: trainee && !ended ? null : score,
        ...roleView(live.scenario.lifecycle?.training, seat, events, live.model.city, run.seed),
      };
      return view;
    }),
  );
  r.post(
    '/runs/:id/seats/:seat/decisions',
    allow('seat-decide'),
    json(async (req, res) => {
      const { id, seat } = ids(req);
      await manager.seats.decide(id, seat, parseBody(seatDecisionSchema, req.body, 'decision'));
      res.status(202);
      return { ok: true };
    }),
  );
  r.post(
    '/runs/:id/messages',
    allow('instructor'),
    json(async (req, res) => {
      const id = parse(runIdSchema, req.params.id, 'run id');
      const body = parseBody(messageSchema, req.body, 'message');
      const seats = await seatsOf(id);
      if (body.seat !== undefined && !seats.includes(body.seat))
        throw notFound(`seat "${body.seat}" in run "${id}"`);
      const message: SeatMessage = {
        runId: id,
        seat: body.seat ?? null,
        text: body.text,
        sentAt: new Date().toISOString(),
      };
      await manager.redis.rpush(runKeys(id).messages, JSON.stringify(message));
      send(message, seats);
      res.status(201);
      return message;
    }),
  );
  return r;
}
