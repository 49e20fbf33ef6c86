import { EXTERNAL_ID_BASE, type LiveInput, type LiveRun } from '@hotline-sim/shared';
import type { RedisClient } from '../redis/client';
import type { Logger } from 'pino';
import type { RunKeys } from './keys';
import { TAKE_DUE } from './schedule';

/**
 * Move the oldest inputs (up to ARGV[3]) from the inbox to the input log, each stamped with the
 * virtual time it takes effect (spliced in as text: re-encoding with cjson would round the time to
 * 14 digits). An external appeal
 * gets its id here (the run's n-th one: EXTERNAL_ID_BASE + n), its token's entries in the run's token
 * map (both ways) and its place in the run's external set, in the same atomic step as its log entry.
 * A lever change keeps its own text (its values are not re-encoded either), with the time put first.
 */
const TAKE_INPUT = `local outs = {}
for i = 1, tonumber(ARGV[3]) do
  local item = redis.call('LPOP', KEYS[1])
  if not item then break end
  local input = cjson.decode(item)
  local out
  if input.kind == 'appeal' then
    local id = tonumber(ARGV[2]) + redis.call('HINCRBY', KEYS[3], 'externals', 1) - 1
    out = '{"at":' .. ARGV[1] .. ',"kind":"appeal","id":' .. string.format('%d', id) .. ',"appeal":' .. cjson.encode(input.appeal) .. '}'
    redis.call('HSET', KEYS[4], input.appeal.token, id, '#' .. string.format('%d', id), input.appeal.token)
    redis.call('ZADD', KEYS[5], id, id)
  elseif input.kind == 'levers' then
    out = '{"at":' .. ARGV[1] .. ',' .. string.sub(item, 2)
  elseif input.kind == 'decision' or input.kind == 'review' or input.kind == 'callback' then
    out = '{"at":' .. ARGV[1] .. ',"kind":' .. cjson.encode(input.kind) .. ',"seat":' .. cjson.encode(input.seat) .. ',"decision":' .. cjson.encode(input.decision) .. '}'
  else
    out = '{"at":' .. ARGV[1] .. ',"kind":"inject","inject":' .. item .. '}'
  end
  redis.call('RPUSH', KEYS[2], out)
  outs[#outs + 1] = out
end
return outs`;
/** Inputs moved per script call (a flood of Open311 appeals is logged in batches, not one trip each). */
const TAKE_BATCH = 200;

/**
 * File an external appeal into a run that takes appeals (KEYS[1]: its meta): the appeal (ARGV[1]) in
 * its inbox (KEYS[2]), if its status allows. Returns the run's status (nil: no such run); writes
 * nothing when it has ended.
 */
const FILE_APPEAL = `local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'finished' or status == 'stopped' then return status end
redis.call('RPUSH', KEYS[2], ARGV[1])
return status`;

/** A client with the inbox's scripts registered (sent once, then called by their SHA1: EVALSHA). */
type InputsClient = RedisClient & {
  hotlineTakeInput(...args: (string | number)[]): Promise<string[]>;
  hotlineFileAppeal(...args: string[]): Promise<string | null>;
};

/** Register the inbox's scripts on a client (once per client). */
function inputsClient(redis: RedisClient): InputsClient {
  const client = redis as InputsClient;
  if (typeof (client as Partial<InputsClient>).hotlineTakeInput !== 'function') {
    redis.defineCommand('hotlineTakeInput', { lua: TAKE_INPUT, numberOfKeys: 5 });
    redis.defineCommand('hotlineFileAppeal', { lua: FILE_APPEAL, numberOfKeys: 2 });
  }
  return client;
}

/**
 * Put an external appeal (`input`, a JSON line) in the inbox of run `k` if the run takes appeals
 * ({@link FILE_APPEAL}); returns the run's status (null: no such run).
 */
export function fileInput(redis: RedisClient, k: RunKeys, input: string): Promise<string | null> {
  return inputsClient(redis).hotlineFileAppeal(k.meta, k.inbox, input);
}

/** Where a run's inputs come from and go to. */
export interface RunInputsDeps {
  redis: RedisClient;
  keys: RunKeys;
  runId: string;
  live: LiveRun;
  logger: Logger;
}

/** Log lines taken from the inbox or the schedule join the owner's model, in log order. */
function addTaken({ runId, live, logger }: RunInputsDeps, texts: readonly string[]): LiveInput[] {
  return texts.map((text) => {
    const input = JSON.parse(text) as LiveInput;
    live.addInput(input);
    if (input.kind === 'inject')
      logger.info({ run: runId, at: input.at, inject: input.inject.kind }, 'inject fired');
    else if (input.kind === 'appeal')
      logger.debug({ run: runId, at: input.at, appeal: input.id }, 'appeal filed');
    else if (input.kind === 'levers')
      logger.info({ run: runId, at: input.at, levers: Object.keys(input.set) }, 'levers changed');
    else
      logger.debug(
        { run: runId, at: input.at, seat: input.seat, appeal: input.decision.appealId },
        'seat decided',
      );
    return input;
  });
}

/**
 * Inputs (injects, decisions, external appeals) waiting in the inbox take effect at virtual second
 * `at` (the released time, or the log's last input if that lies ahead): each joins the run's input
 * log in Redis and the owner's model (and are returned). The model must not advance while this runs.
 */
export async function takeInbox(deps: RunInputsDeps, at: number): Promise<LiveInput[]> {
  const { redis, keys: k } = deps;
  const taken: LiveInput[] = [];
  for (;;) {
    const texts = await inputsClient(redis).hotlineTakeInput(
      k.inbox,
      k.inputs,
      k.meta,
      k.tokens,
      k.external,
      String(at),
      EXTERNAL_ID_BASE,
      TAKE_BATCH,
    );
    taken.push(...addTaken(deps, texts));
    if (texts.length < TAKE_BATCH) return taken;
  }
}

/**
 * A tick's inputs: the inbox's take effect at `at` ({@link takeInbox}); then the scheduled injects
 * due by `to` join the log at their own time (`at` if that has passed). Returns the inbox's inputs.
 */
export async function takeInputs(deps: RunInputsDeps, at: number, to: number): Promise<LiveInput[]> {
  const { redis, keys: k } = deps;
  const fromInbox = await takeInbox(deps, at);
  addTaken(
    deps,
    (await redis.eval(TAKE_DUE, 3, k.schedule, k.scheduled, k.inputs, String(at), String(to))) as string[],
  );
  return fromInbox;
}
