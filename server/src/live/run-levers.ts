import {
  applyLevers,
  leverHistory,
  scenarioLimitProblems,
  ScenarioError,
  type LeversAccepted,
  type LiveInput,
  type RunInfo,
  type RunLevers as RunLeversAnswer,
  type Scenario,
  type SetLeversBody,
} from '@hotline-sim/shared';
import { ApiError } from '../http/errors';
import type { RedisClient } from '../redis/client';
import { runKeys } from './keys';

/** What the levers need of the run manager (which owns them: `RunManager.levers`). */
export interface LeversHost {
  readonly redis: RedisClient;
  info(runId: string): Promise<RunInfo>;
  scenarioOf(runId: string): Promise<Scenario>;
  poke(runId: string): void;
}

/** How long a POST waits for a running run's owner to log the change (then it answers the time it expects). */
const LOG_WAIT_MS = 2_000;

/**
 * Levers of a live run (contract C3). An instructor's change is an input like an inject: it waits in
 * the run's inbox, and the run's owner logs it at the virtual second it has released and applies it
 * there (run-inputs.ts), so a replay of the log gives the same run. What the levers are now is read
 * from the scenario, its timeline and the log (`leverHistory`), so any server answers for any run.
 */
export class RunLevers {
  constructor(private readonly host: LeversHost) {}

  /** Every lever's value as of the run's settled tick, and the changes that took effect by then. */
  async get(runId: string): Promise<RunLeversAnswer> {
    const run = await this.host.info(runId);
    const { values, changes } = await this.history(runId, run.virtualTime);
    return { values, changes };
  }

  /**
   * Check a change against the levers as they stand (422 naming the path and rule, or a limit the
   * server keeps) and put it in the run's inbox (409 once the run has ended). Answers when it takes
   * effect: the virtual second it was logged at, or (a paused run, an owner on another server still
   * to take it) the run's released time, when it will be applied.
   */
  async set(runId: string, body: SetLeversBody): Promise<LeversAccepted> {
    const run = await this.host.info(runId);
    if (run.status === 'finished' || run.status === 'stopped')
      throw new ApiError(409, `run "${runId}" is ${run.status}: its levers cannot change`);
    const k = runKeys(runId);
    const [vtText, logLength] = await Promise.all([
      this.host.redis.hget(k.meta, 'vt'),
      this.host.redis.llen(k.inputs),
    ]);
    const vt = Number(vtText ?? 0);
    const { scenario } = await this.history(runId, vt);
    let next: Scenario;
    try {
      if ('intake.agents' in body.set && scenario.intake.agentsByHour)
        throw new ScenarioError([
          'intake.agents: does nothing while intake.agentsByHour sets the agents by hour',
        ]);
      next = applyLevers(scenario, body.set);
    } catch (err) {
      if (err instanceof ScenarioError) throw new ApiError(422, err.problems.join('; '));
      throw err;
    }
    const over = scenarioLimitProblems(next);
    if (over.length > 0) throw new ApiError(422, over.join('; '));
    const text = JSON.stringify({
      kind: 'levers',
      set: body.set,
      ...(body.label ? { label: body.label } : {}),
    });
    await this.host.redis.rpush(k.inbox, text);
    this.host.poke(runId);
    const logged = run.status === 'running' ? await this.loggedAt(runId, logLength, body.set) : undefined;
    const last = await this.host.redis.lindex(k.inputs, -1);
    const logEnd = last ? (JSON.parse(last) as LiveInput).at : 0;
    return { at: logged ?? Math.max(vt, logEnd), set: body.set };
  }

  /** The time the owner logged a change setting `set` at, looking past the first `from` log entries. */
  private async loggedAt(
    runId: string,
    from: number,
    set: SetLeversBody['set'],
  ): Promise<number | undefined> {
    const wanted = JSON.stringify(set);
    const deadline = Date.now() + LOG_WAIT_MS;
    while (Date.now() < deadline) {
      const entries = await this.host.redis.lrange(runKeys(runId).inputs, from, -1);
      for (const text of entries) {
        const input = JSON.parse(text) as LiveInput;
        if (input.kind === 'levers' && JSON.stringify(input.set) === wanted) return input.at;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return undefined;
  }

  private async history(runId: string, upTo: number) {
    const [scenario, inputs] = await Promise.all([
      this.host.scenarioOf(runId),
      this.host.redis.lrange(runKeys(runId).inputs, 0, -1),
    ]);
    return leverHistory(
      scenario,
      inputs.map((text) => JSON.parse(text) as LiveInput),
      upTo,
    );
  }
}
