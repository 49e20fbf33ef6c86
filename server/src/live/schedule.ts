import { randomUUID } from 'node:crypto';
import type { FiredInject, Inject, LiveInput, LiveRun, RunInfo, ScheduledInject } from '@hotline-sim/shared';
import type { RedisClient } from '../redis/client';
import { ApiError } from '../http/errors';
import { runKeys } from './keys';

/**
 * A live run's schedule of injects to come: an exercise's script (the master scenario events list),
 * which the instructor may edit, add to, delete from or fire early while the run goes on. An entry
 * is a member of a sorted set (score: its virtual second) with its inject in a hash. The run's owner
 * moves the entries due by the end of each tick into the input log (`TAKE_DUE`), at their own time,
 * after the inbox's inputs of that tick: the log stays in time order and a replay fires them exactly
 * when the run did. Editing and taking are Redis scripts, so an entry is either still to come or in
 * the log, never both and never lost.
 */

/**
 * Move the entries due by ARGV[2] (the tick's end) from the schedule into the input log, each at its
 * time, or at ARGV[1] (the released time) if that has passed; returns the log lines written.
 * Times are spliced in as text, as the inbox's are (cjson would round them).
 */
export const TAKE_DUE = `local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'WITHSCORES')
local outs = {}
for i = 1, #due, 2 do
  local id = due[i]
  local at = due[i + 1]
  if tonumber(at) < tonumber(ARGV[1]) then at = ARGV[1] end
  local inject = redis.call('HGET', KEYS[2], id)
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
  if inject then
    local out = '{"at":' .. at .. ',"kind":"inject","inject":' .. inject .. '}'
    redis.call('RPUSH', KEYS[3], out)
    outs[#outs + 1] = out
  end
end
return outs`;

/** Change an entry still to come (0 when it has fired or never was). */
const UPDATE = `if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return 1`;
/** Delete an entry still to come; with KEYS[3], put its inject in the inbox (fire it now). */
const TAKE_OUT = `if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return false end
local inject = redis.call('HGET', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
if KEYS[3] and inject then redis.call('RPUSH', KEYS[3], inject) end
return inject or ''`;

const HOUR = 3600;
const entryId = /^[a-f0-9]{8}$/;

/** What the schedule needs of the run manager (which owns it: `RunManager.schedule`). */
export interface ScheduleHost {
  readonly redis: RedisClient;
  info(runId: string): Promise<RunInfo>;
  lookup(runId: string): Promise<LiveRun>;
  checkInject(runId: string, inject: Inject): Promise<RunInfo>;
  poke(runId: string): void;
}

export class InjectSchedule {
  constructor(private readonly manager: ScheduleHost) {}

  /** Entries to come, in the order they fire. */
  async list(runId: string): Promise<ScheduledInject[]> {
    await this.manager.info(runId);
    const k = runKeys(runId);
    const [ids, injects] = await Promise.all([
      this.manager.redis.zrange(k.schedule, '0', '-1', 'WITHSCORES'),
      this.manager.redis.hgetall(k.scheduled),
    ]);
    const out: ScheduledInject[] = [];
    for (let i = 0; i < ids.length; i += 2) {
      const id = ids[i] as string;
      const inject = injects[id];
      if (inject) out.push({ id, at: Number(ids[i + 1]), inject: JSON.parse(inject) as Inject });
    }
    return out;
  }

  /**
   * Injects that have taken effect so far, oldest first: the scenario's own ones whose hour has come
   * and those in the input log (fired by the instructor or from the schedule), at the time they did.
   */
  async fired(runId: string): Promise<FiredInject[]> {
    const [run, live, inputs] = await Promise.all([
      this.manager.info(runId),
      this.manager.lookup(runId),
      this.manager.redis.lrange(runKeys(runId).inputs, 0, -1),
    ]);
    const scripted = (live.scenario.lifecycle?.injects ?? [])
      .map((inject) => ({ at: inject.atHours * HOUR, inject: inject as Inject }))
      .filter((i) => i.at <= run.virtualTime);
    const logged = inputs
      .map((text) => JSON.parse(text) as LiveInput)
      .flatMap((i) => (i.kind === 'inject' ? [{ at: i.at, inject: i.inject as Inject }] : []));
    return [...scripted, ...logged].sort((a, b) => a.at - b.at);
  }

  /** Schedule an inject at its `atHours` (virtual hours from the run's start). */
  async add(runId: string, inject: Inject): Promise<ScheduledInject> {
    const at = await this.check(runId, inject);
    const id = randomUUID().slice(0, 8);
    const k = runKeys(runId);
    await this.manager.redis
      .multi()
      .hset(k.scheduled, id, JSON.stringify(inject))
      .zadd(k.schedule, at, id)
      .exec();
    return { id, at, inject };
  }

  /** Change an entry still to come (its time, kind or figures). */
  async update(runId: string, id: string, inject: Inject): Promise<ScheduledInject> {
    this.checkId(id);
    const at = await this.check(runId, inject);
    const k = runKeys(runId);
    const done = await this.manager.redis.eval(
      UPDATE,
      2,
      k.schedule,
      k.scheduled,
      id,
      at,
      JSON.stringify(inject),
    );
    if (done !== 1) throw this.gone(runId, id);
    return { id, at, inject };
  }

  /** Delete an entry still to come. */
  async remove(runId: string, id: string): Promise<void> {
    this.checkId(id);
    await this.manager.info(runId);
    const k = runKeys(runId);
    const taken = await this.manager.redis.eval(TAKE_OUT, 2, k.schedule, k.scheduled, id);
    if (taken === null) throw this.gone(runId, id);
  }

  /** Fire an entry now instead of at its time: it leaves the schedule and enters the run at the next tick. */
  async fire(runId: string, id: string): Promise<void> {
    this.checkId(id);
    const run = await this.manager.info(runId);
    if (run.status === 'finished' || run.status === 'stopped')
      throw new ApiError(409, `run "${runId}" is ${run.status}: nothing can be injected`);
    const k = runKeys(runId);
    const taken = await this.manager.redis.eval(TAKE_OUT, 3, k.schedule, k.scheduled, k.inbox, id);
    if (taken === null) throw this.gone(runId, id);
    this.manager.poke(runId);
  }

  /** An inject may be scheduled at a whole virtual second between the run's clock and the end of arrivals. */
  private async check(runId: string, inject: Inject): Promise<number> {
    const run = await this.manager.checkInject(runId, inject);
    const at = Math.round(inject.atHours * HOUR);
    const hours = (s: number) => `${(s / HOUR).toFixed(2)} h`;
    if (at < run.virtualTime)
      throw new ApiError(
        422,
        `atHours ${inject.atHours} is before the run's clock (${hours(run.virtualTime)}): schedule it later, or fire it now (POST /api/runs/${runId}/injects)`,
      );
    if (at >= run.horizon)
      throw new ApiError(
        422,
        `atHours ${inject.atHours} is at or after the end of arrivals (${hours(run.horizon)}): nothing would happen`,
      );
    return at;
  }

  private checkId(id: string): void {
    if (!entryId.test(id))
      throw new ApiError(400, `invalid schedule entry id "${id}": expected 8 hex digits`);
  }

  private gone(runId: string, id: string): ApiError {
    return new ApiError(
      404,
      `no scheduled inject "${id}" in run "${runId}": it may have fired already (GET /api/runs/${runId}/schedule lists what is to come and what has fired)`,
    );
  }
}
