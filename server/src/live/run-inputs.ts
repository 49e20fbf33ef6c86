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
  elseif input.kind == 'decision' then
    out = '{"at":' .. ARGV[1] .. ',"kind":"decision","seat":' .. cjson.encode(input.seat) .. ',"decision":' .. cjson.encode(input.decision) .. '}'
  else
    out = '{"at":' .. ARGV[1] .. ',"kind":"inject","inject":' .. item .. '}'
  end
  redis.call('RPUSH', KEYS[2], out)
  outs[#outs + 1] = out
end
return outs`;
/** Inputs moved per script call (a flood of Open311 appeals is logged in batches, not one trip each). */
const TAKE_BATCH = 200;

/** Where a run's inputs come from and go to. */
export interface RunInputsDeps {
  redis: RedisClient;
  keys: RunKeys;
  runId: string;
  live: LiveRun;
  logger: Logger;
}

/**
 * Inputs (injects, decisions, external appeals) since the last tick take effect now, at the
 * released virtual time; then the scheduled injects due by `to` join the log at their own time.
 * Each joins the run's input log in Redis and the owner's model.
 */
export async function takeInputs(
  { redis, keys: k, runId, live, logger }: RunInputsDeps,
  to: number,
): Promise<void> {
  const take = (texts: string[]) => {
    for (const text of texts) {
      const input = JSON.parse(text) as LiveInput;
      live.addInput(input);
      if (input.kind === 'inject')
        logger.info({ run: runId, at: input.at, inject: input.inject.kind }, 'inject fired');
      else if (input.kind === 'appeal')
        logger.debug({ run: runId, at: input.at, appeal: input.id }, 'appeal filed');
      else
        logger.debug(
          { run: runId, at: input.at, seat: input.seat, appeal: input.decision.appealId },
          'seat decided',
        );
    }
  };
  for (;;) {
    const texts = (await redis.eval(
      TAKE_INPUT,
      5,
      k.inbox,
      k.inputs,
      k.meta,
      k.tokens,
      k.external,
      String(live.now),
      EXTERNAL_ID_BASE,
      TAKE_BATCH,
    )) as string[];
    take(texts);
    if (texts.length < TAKE_BATCH) break;
  }
  take(
    (await redis.eval(
      TAKE_DUE,
      3,
      k.schedule,
      k.scheduled,
      k.inputs,
      String(live.now),
      String(to),
    )) as string[],
  );
}
