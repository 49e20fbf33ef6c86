import { transition, type AppealState, type AppealStep, type HistoryEntry } from '@hotline-sim/shared';
import type { Redis } from 'ioredis';
import { runKeys } from './keys';

/** One step as a job carries it (the model's transition, compacted): a history entry before it is applied. */
export type JobStep = Omit<HistoryEntry, 'clock' | 'appliedAt'>;

/** A BullMQ job of the live runtime: one appeal's transitions within one clock tick. */
export interface AppealJob {
  run: string;
  /** Key of this job in the run's pending set (run-unique: appeal id and first seq). */
  key: string;
  id: number;
  source: 'citizen' | 'grid';
  category: number;
  street: number;
  cell: number;
  deadline: number | null;
  /** Virtual time the clock released this tick at (the steps' `at` are ≤ it). */
  clock: number;
  /** Wall-clock ms of the release. */
  releasedAt: number;
  steps: JobStep[];
}

export function toJob(
  run: string,
  steps: readonly AppealStep[],
  clock: number,
  releasedAt: number,
): AppealJob {
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (!first || !last) throw new Error('a job needs at least one step');
  return {
    run,
    key: `${first.id}:${first.seq}`,
    id: first.id,
    source: last.source,
    category: last.category,
    street: last.street,
    cell: last.cell,
    deadline: Number.isFinite(last.deadline) ? last.deadline : null,
    clock,
    releasedAt,
    steps: steps.map((s) => ({
      seq: s.seq,
      from: s.from ?? null,
      to: s.to,
      at: s.at,
      unit: s.unit,
      ...(s.outcome ? { outcome: s.outcome } : {}),
      ...(s.rating ? { rating: s.rating } : {}),
    })),
  };
}

/**
 * Applies a job's steps atomically: skips the steps already applied (a retried or re-released job),
 * refuses a gap or a state that does not match, moves the appeal between the state indexes, appends
 * its history and clears the job from the tick's pending set. Returns how many steps it applied.
 * A Lua script because these writes must happen together or not at all, whichever worker runs them.
 */
const APPLY = `
local p = ARGV[1]
local id = ARGV[2]
local key = ARGV[3]
local n = tonumber(ARGV[4])
local akey = p .. 'a:' .. id
local stored = tonumber(redis.call('HGET', akey, 'seq') or '-1')
local state = redis.call('HGET', akey, 'state')
local base = 5
local first = -1
for i = 0, n - 1 do
  local seq = tonumber(ARGV[base + i * 4])
  if seq > stored then first = i break end
end
if first < 0 then
  redis.call('SREM', p .. 'pending', key)
  return 0
end
local seq0 = tonumber(ARGV[base + first * 4])
local from = ARGV[base + first * 4 + 1]
if seq0 ~= stored + 1 then
  return redis.error_reply('GAP appeal ' .. id .. ' has steps up to ' .. stored .. ', job starts at ' .. seq0)
end
if (state or '') ~= from then
  return redis.error_reply('STATE appeal ' .. id .. ' is ' .. tostring(state) .. ', job expects ' .. from)
end
if state then
  redis.call('ZREM', p .. 'state:' .. state, id)
  redis.call('HINCRBY', p .. 'states', state, -1)
else
  redis.call('ZADD', p .. 'all', id, id)
  redis.call('ZADD', p .. 'street:' .. ARGV[base + n * 4], id, id)
  redis.call('ZADD', p .. 'category:' .. ARGV[base + n * 4 + 1], id, id)
end
local last = base + (n - 1) * 4
local final = ARGV[last + 2]
redis.call('ZADD', p .. 'state:' .. final, id, id)
redis.call('HINCRBY', p .. 'states', final, 1)
for i = first, n - 1 do
  redis.call('RPUSH', p .. 'h:' .. id, ARGV[base + i * 4 + 3])
end
redis.call('HSET', akey, 'seq', ARGV[last], 'state', final, 'fields', ARGV[base + n * 4 + 2])
redis.call('HINCRBY', p .. 'meta', 'transitions', n - first)
redis.call('SREM', p .. 'pending', key)
return n - first
`;

/** A client with the script registered. */
type ApplyClient = Redis & { hotlineApply(...args: (string | number)[]): Promise<number> };

/** Register the script on a client (once per connection). */
export function defineApply(redis: Redis): ApplyClient {
  const client = redis as ApplyClient;
  if (typeof (client as Partial<ApplyClient>).hotlineApply !== 'function') {
    redis.defineCommand('hotlineApply', { numberOfKeys: 0, lua: APPLY });
  }
  return client;
}

/**
 * The thin processor: checks the job's steps against the lifecycle (the same `transition` the
 * engine calls: an illegal step fails the job), then applies them in one atomic script.
 */
export async function applyAppealJob(redis: ApplyClient, job: AppealJob): Promise<number> {
  let state: AppealState | null = job.steps[0]?.from ?? null;
  for (const step of job.steps) {
    if (step.from !== state)
      throw new Error(`appeal ${job.id}: step ${step.seq} starts from ${step.from}, not ${state}`);
    state = step.from === null ? entry(step.to) : transition(step.from, step.to);
  }
  const appliedAt = Date.now();
  const args: (string | number)[] = [runKeys(job.run).prefix, job.id, job.key, job.steps.length];
  for (const step of job.steps) {
    const entry: HistoryEntry = { ...step, clock: job.clock, appliedAt };
    args.push(step.seq, step.from ?? '', step.to, JSON.stringify(entry));
  }
  const last = job.steps[job.steps.length - 1] as JobStep;
  const fields = {
    source: job.source,
    category: job.category,
    street: job.street,
    cell: job.cell,
    unit: last.unit,
    deadline: job.deadline,
    // A step carries the order's outcome and rating once they exist, so the last one has both.
    outcome: last.outcome ?? null,
    rating: last.rating ?? null,
    updated: last.at,
  };
  args.push(job.street, job.category, JSON.stringify(fields));
  return redis.hotlineApply(...args);
}

/** An appeal enters the lifecycle received (a citizen's call) or dispatched (a grid discovery). */
function entry(to: AppealState): AppealState {
  if (to !== 'received' && to !== 'dispatched') throw new Error(`an appeal cannot enter at ${to}`);
  return to;
}
