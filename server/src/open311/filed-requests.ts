import type { RedisClient } from '../redis/client';
import { z } from 'zod';
import { runPrefix } from '../live/keys';

/** Redis keys of the Open311 channel. */
export const open311Keys = {
  /** Hash: what the client sent with a request (and its run), by token: a {@link FiledRecord}. */
  request: (token: string) => `hotline:open311:request:${token}`,
  /** List of JSON updates posted by clients (servicerequestupdates) for one appeal. */
  updates: (runId: string, appealId: number) => `${runPrefix(runId)}o311u:${appealId}`,
  /** List of the same JSON updates for the whole run, oldest first (GET servicerequestupdates). */
  runUpdates: (runId: string) => `${runPrefix(runId)}o311u`,
};

/** What the Open311 client sent with a request it filed (stored by token), as the hash holds it. */
export const filedRecordSchema = z.object({
  run: z.string(),
  token: z.string(),
  service_code: z.string(),
  description: z.string().optional(),
  address: z.string().optional(),
  address_id: z.string().optional(),
  lat: z.string().optional(),
  long: z.string().optional(),
  media_url: z.string().optional(),
  urgency: z.string().optional(),
  requested: z.string().optional(),
});
export type FiledRecord = z.infer<typeof filedRecordSchema>;

/** A client's update to a request (servicerequestupdates), as stored. */
export interface ClientUpdate {
  update_id: string;
  service_request_id: string;
  status: string;
  updated_datetime: string;
  description: string;
  media_url: string | null;
  from: 'citizen';
}

/**
 * The Open311 channel's own records: the request a client filed (by token; written with the appeal by
 * `RunManager.fileAppeal`) and the updates clients post about an appeal.
 */
export class FiledRequests {
  constructor(private readonly redis: RedisClient) {}

  /** The request filed with a token; undefined for a token nobody filed. */
  async get(token: string): Promise<FiledRecord | undefined> {
    const hash = await this.redis.hgetall(open311Keys.request(token));
    if (hash.run === undefined) return undefined;
    return filedRecordSchema.parse(hash);
  }

  /** The run a token's request was filed into; null for a token nobody filed. */
  runOf(token: string): Promise<string | null> {
    return this.redis.hget(open311Keys.request(token), 'run');
  }

  /** What the citizen wrote with a request; null when nothing. */
  description(token: string): Promise<string | null> {
    return this.redis.hget(open311Keys.request(token), 'description');
  }

  /** How many updates clients posted about an appeal. */
  updateCount(runId: string, appealId: number): Promise<number> {
    return this.redis.llen(open311Keys.updates(runId, appealId));
  }

  async addUpdate(runId: string, appealId: number, update: ClientUpdate): Promise<void> {
    const text = JSON.stringify(update);
    await this.redis
      .multi()
      .rpush(open311Keys.updates(runId, appealId), text)
      .rpush(open311Keys.runUpdates(runId), text)
      .exec();
  }

  /** Every update clients posted in a run, oldest first. */
  async runUpdates(runId: string): Promise<ClientUpdate[]> {
    const texts = await this.redis.lrange(open311Keys.runUpdates(runId), 0, -1);
    return texts.map((t) => JSON.parse(t) as ClientUpdate);
  }
}

/** A filed record as the hash fields it is written as (absent fields are left out). */
export const filedRecordFields = (record: FiledRecord): Record<string, string> =>
  Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => e[1] !== undefined));
