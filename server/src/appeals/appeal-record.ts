import { APPEAL_STATES, type HistoryEntry } from '@hotline-sim/shared';
import { z } from 'zod';
import { runKeys } from '../live/keys';
import type { RedisClient } from '../redis/client';

/*
 * The stored appeal record, one typed shape read and written here alone. Per appeal, under the run's
 * prefix: a hash `a:<id>` with `state`, `seq` (its last applied step) and `fields` (JSON of
 * {@link AppealFields}), and a list `h:<id>` of JSON history entries. The live workers write it with
 * {@link APPLY_STEPS}; the run's REST API, the exports, Open311 and the audit read it through
 * {@link decodeAppeal} and the store.
 */

/** What an appeal's record says besides its state: where it is, who holds it, how it ended. */
export const appealFieldsSchema = z.object({
  source: z.enum(['citizen', 'grid']),
  /** Indexes into the run's categories, streets, cells and units. */
  category: z.number().int(),
  street: z.number().int(),
  cell: z.number().int(),
  unit: z.number().int(),
  deadline: z.number().nullable(),
  outcome: z.string().nullable(),
  rating: z.string().nullable(),
  /** Virtual time of its latest step (absent in records stored before the field existed). */
  updated: z.number().optional(),
});
export type AppealFields = z.infer<typeof appealFieldsSchema>;

/** An appeal's record as read back: its state, last step and fields. */
export interface StoredAppeal {
  id: number;
  state: (typeof APPEAL_STATES)[number];
  seq: number;
  fields: AppealFields;
}

const storedHashSchema = z.object({
  state: z.enum(APPEAL_STATES),
  seq: z.coerce.number().int(),
  fields: z.string().transform((text, ctx) => {
    const parsed = appealFieldsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['fields', ...issue.path] });
    return z.NEVER;
  }),
});

/**
 * An appeal's record from its hash; undefined when there is none (no state yet). A record that is
 * there but malformed throws: the store is ours, so that is a bug, not a client's mistake.
 */
export function decodeAppeal(id: number, hash: Record<string, string>): StoredAppeal | undefined {
  if (hash.state === undefined || hash.fields === undefined) return undefined;
  const parsed = storedHashSchema.safeParse(hash);
  if (!parsed.success) throw new Error(`appeal ${id}'s stored record is malformed: ${parsed.error.message}`);
  return { id, ...parsed.data };
}

/** An appeal's history as stored, oldest first. */
export const decodeHistory = (texts: readonly string[]): HistoryEntry[] =>
  texts.map((h) => JSON.parse(h) as HistoryEntry);

/**
 * Applies a job's steps atomically: skips the steps already applied (a retried or re-released job),
 * refuses a gap or a state that does not match, moves the appeal between the state indexes, appends
 * its history, writes its record and clears the job from the tick's pending set. Returns how many
 * steps it applied. A Lua script because these writes must happen together or not at all, whichever
 * worker runs them.
 *
 * Every key it touches is in KEYS (all under the run's hash tag, so one cluster slot): the record,
 * history, pending set, state counts, the `all`, street, category and received indexes, the meta
 * hash, the final state's index, then per step the index of the state it leaves (`from`; the
 * script reads the one of the first step not yet applied).
 * ARGV: appeal id, job key, n (steps); then per step seq, from ('' for none), to, history entry
 * (JSON); then the fields (JSON) and the virtual time of the first step (the appeal's received time:
 * the `received` index, newest first for Open311's lists).
 */
const APPLY_STEPS = `
local id = ARGV[1]
local key = ARGV[2]
local n = tonumber(ARGV[3])
local akey = KEYS[1]
local stored = tonumber(redis.call('HGET', akey, 'seq') or '-1')
local state = redis.call('HGET', akey, 'state')
local base = 4
local first = -1
for i = 0, n - 1 do
  local seq = tonumber(ARGV[base + i * 4])
  if seq > stored then first = i break end
end
if first < 0 then
  redis.call('SREM', KEYS[3], key)
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
  redis.call('ZREM', KEYS[11 + first], id)
  redis.call('HINCRBY', KEYS[4], state, -1)
else
  redis.call('ZADD', KEYS[5], id, id)
  redis.call('ZADD', KEYS[6], id, id)
  redis.call('ZADD', KEYS[7], id, id)
  redis.call('ZADD', KEYS[8], ARGV[base + n * 4 + 1], id)
end
local last = base + (n - 1) * 4
local final = ARGV[last + 2]
redis.call('ZADD', KEYS[10], id, id)
redis.call('HINCRBY', KEYS[4], final, 1)
for i = first, n - 1 do
  redis.call('RPUSH', KEYS[2], ARGV[base + i * 4 + 3])
end
redis.call('HSET', akey, 'seq', ARGV[last], 'state', final, 'fields', ARGV[base + n * 4])
redis.call('HINCRBY', KEYS[9], 'transitions', n - first)
redis.call('SREM', KEYS[3], key)
return n - first
`;

/** A client with the script registered. */
export type ApplyClient = RedisClient & { hotlineApply(...args: (string | number)[]): Promise<number> };

/** Register the script on a client (once per connection); its first argument is the number of keys. */
export function defineApply(redis: RedisClient): ApplyClient {
  const client = redis as ApplyClient;
  if (typeof (client as Partial<ApplyClient>).hotlineApply !== 'function') {
    redis.defineCommand('hotlineApply', { lua: APPLY_STEPS });
  }
  return client;
}

/** Steps of one appeal to apply in one go, already checked against the lifecycle. */
export interface StepsToApply {
  run: string;
  /** The job's key in the run's pending set. */
  key: string;
  id: number;
  steps: readonly HistoryEntry[];
  /** The record after the last step. */
  fields: AppealFields;
}

/** Write an appeal's steps and record atomically (see {@link APPLY_STEPS}); returns the steps applied. */
export function applySteps(
  redis: ApplyClient,
  { run, key, id, steps, fields }: StepsToApply,
): Promise<number> {
  const k = runKeys(run);
  const keys = [
    k.appeal(id),
    k.history(id),
    k.pending,
    k.states,
    k.all,
    k.street(fields.street),
    k.category(fields.category),
    k.received,
    k.meta,
    k.state(steps.at(-1)?.to ?? ''),
    ...steps.map((step) => k.state(step.from ?? '')),
  ];
  const args: (string | number)[] = [id, key, steps.length];
  for (const step of steps) args.push(step.seq, step.from ?? '', step.to, JSON.stringify(step));
  args.push(JSON.stringify(fields satisfies AppealFields), steps[0]?.at ?? 0);
  return redis.hotlineApply(keys.length, ...keys, ...args);
}
