import {
  mergeTargets,
  waitingOffers,
  waitingRoleOffers,
  type RoleInput,
  type RunInfo,
  type Scenario,
  type SeatDecision,
  type SeatEvent,
} from '@hotline-sim/shared';
import { ApiError, notFound } from '../http/errors';
import type { RedisClient } from '../redis/client';
import { runKeys } from './keys';

/** What the seats need of the run manager (which owns them: `RunManager.seats`). */
export interface SeatsHost {
  readonly redis: RedisClient;
  info(runId: string): Promise<RunInfo>;
  scenarioOf(runId: string): Promise<Scenario>;
  seatEvents(runId: string): Promise<SeatEvent[]>;
  poke(runId: string): void;
}

/**
 * Decisions at a live run's training seats. Each is checked against what is waiting at the seat now
 * (the run's seat events), then waits in the run's inbox like any input until its owner logs it at the
 * next tick, so a replay of the log gives the same run.
 */
export class RunSeats {
  constructor(private readonly host: SeatsHost) {}

  /**
   * A trainee's decision at their seat: logged at the owner's next tick like any input. Refused
   * (409) when the appeal is not waiting at that seat any more: decided, or taken by the model.
   */
  async decide(id: string, seat: string, decision: SeatDecision): Promise<void> {
    await this.input(id, { kind: 'decision', seat, decision }, (events) =>
      waitingOffers(events, seat).some((o) => o.appealId === decision.appealId),
    );
  }

  /** A review (退单审核) or callback (回访) seat's decision, as {@link decide}. */
  async decideRole(id: string, input: RoleInput): Promise<void> {
    await this.input(id, input, (events) => {
      const waiting = waitingRoleOffers(events, input.seat);
      const list = input.kind === 'review' ? waiting.returns : waiting.callbacks;
      return list.some((o) => o.appealId === input.decision.appealId);
    });
  }

  private async input(
    id: string,
    input: RoleInput | { kind: 'decision'; seat: string; decision: SeatDecision },
    waiting: (events: SeatEvent[]) => boolean,
  ): Promise<void> {
    const { seat, decision } = input;
    const run = await this.host.info(id);
    if (run.status === 'finished' || run.status === 'stopped')
      throw new ApiError(409, `run "${id}" is ${run.status}: no more decisions`);
    const seats = (await this.host.scenarioOf(id)).lifecycle?.training?.seats ?? [];
    if (!seats.includes(seat)) throw notFound(`seat "${seat}" in run "${id}"`);
    const events = await this.host.seatEvents(id);
    if (!waiting(events))
      throw new ApiError(
        409,
        `appeal ${decision.appealId} is not waiting at seat "${seat}" (already decided, taken by the model, or another seat's)`,
      );
    if (input.kind === 'decision') {
      const d = input.decision;
      if (d.mergeInto !== undefined && !mergeTargets(events, seat).includes(d.mergeInto))
        throw new ApiError(
          409,
          `mergeInto: appeal ${d.mergeInto} is neither waiting at seat "${seat}" nor an order it dispatched`,
        );
      // No 协办 is logged as none: the log's Lua round trip would turn an empty array into an object.
      const { assisting, ...rest } = d;
      if (!assisting || assisting.length === 0) input = { ...input, decision: rest };
    }
    await this.host.redis.rpush(runKeys(id).inbox, JSON.stringify(input));
    this.host.poke(id);
  }
}
