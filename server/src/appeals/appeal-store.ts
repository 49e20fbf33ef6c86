import { randomUUID } from 'node:crypto';
import type { AppealState, HistoryEntry } from '@hotline-sim/shared';
import type { RedisClient } from '../redis/client';
import { runKeys } from '../live/keys';
import { decodeAppeal, decodeHistory, type StoredAppeal } from './appeal-record';

/** An appeal's record and (when asked) its history. */
export interface AppealRead {
  record: StoredAppeal;
  history: HistoryEntry[];
}

/** Which appeals a page holds: all, or those in a state, street (index) and category (index). */
export interface AppealFilter {
  state?: AppealState | undefined;
  street?: number | undefined;
  category?: number | undefined;
}

/**
 * Reads the stored appeals of runs (see appeal-record.ts for the shape): one appeal, a batch in one
 * round trip, a filtered page, and the indexes beside them (external tokens, whistles).
 */
export class AppealStore {
  constructor(readonly redis: RedisClient) {}

  /** One appeal; undefined when the run has no such appeal (yet). */
  async read(runId: string, id: number, withHistory: boolean): Promise<AppealRead | undefined> {
    return (await this.readMany(runId, [id], withHistory))[0];
  }

  /** Several appeals in one round trip, in the order asked; undefined for those not stored. */
  async readMany(
    runId: string,
    ids: readonly (number | string)[],
    withHistory: boolean,
  ): Promise<(AppealRead | undefined)[]> {
    if (ids.length === 0) return [];
    const k = runKeys(runId);
    const pipe = this.redis.pipeline();
    for (const id of ids) {
      pipe.hgetall(k.appeal(id));
      if (withHistory) pipe.lrange(k.history(id), 0, -1);
    }
    const rows = (await pipe.exec()) ?? [];
    const per = withHistory ? 2 : 1;
    return ids.map((id, j) => {
      const [err, hash] = rows[j * per] ?? [];
      if (err) throw err;
      const record = decodeAppeal(Number(id), (hash ?? {}) as Record<string, string>);
      if (!record) return undefined;
      const history = withHistory ? decodeHistory((rows[j * per + 1]?.[1] ?? []) as string[]) : [];
      return { record, history };
    });
  }

  /** Every stored appeal's id, oldest first (or newest first). */
  async ids(runId: string, newestFirst = false): Promise<number[]> {
    const all = runKeys(runId).all;
    const ids = newestFirst
      ? await this.redis.zrevrange(all, 0, -1)
      : await this.redis.zrange(all, '0', '-1');
    return ids.map(Number);
  }

  /**
   * `count` appeal ids from `start`, the most recently received first (by the virtual time of their
   * first step; ties newest id first). A run stored before the `received` index existed has it only
   * for its newer appeals: it is listed by id, newest first, instead.
   */
  async byReceived(runId: string, start: number, count: number): Promise<number[]> {
    const k = runKeys(runId);
    const counts = await this.redis.multi().zcard(k.received).zcard(k.all).exec();
    const [indexed, all] = (counts ?? []).map(([, n]) => n);
    const source = indexed === all ? k.received : k.all;
    return (await this.redis.zrevrange(source, start, start + count - 1)).map(Number);
  }

  /** The ids of a page of appeals, newest first, and how many match the filter. */
  async page(
    runId: string,
    filter: AppealFilter,
    start: number,
    count: number,
  ): Promise<{ total: number; ids: number[] }> {
    const k = runKeys(runId);
    const sets: string[] = [];
    if (filter.state !== undefined) sets.push(k.state(filter.state));
    if (filter.street !== undefined) sets.push(k.street(filter.street));
    if (filter.category !== undefined) sets.push(k.category(filter.category));
    let source = k.all;
    if (sets.length > 0) {
      source = `${k.prefix}query:${randomUUID()}`;
      await this.redis.zinterstore(source, sets.length, sets);
      await this.redis.expire(source, 10);
    }
    const [total, ids] = await Promise.all([
      this.redis.zcard(source),
      this.redis.zrevrange(source, start, start + count - 1),
    ]);
    return { total, ids: ids.map(Number) };
  }

  /** The token an appeal filed from outside was sent with; null for the run's own appeals. */
  tokenOf(runId: string, appealId: number): Promise<string | null> {
    return this.redis.hget(runKeys(runId).tokens, `#${appealId}`);
  }

  /**
   * The appeal an external token became, once the run's owner has logged it and its first step is
   * stored; null until then. A tick maps the token when it takes the inbox, before its steps are
   * applied: a client given the id then must be able to read it at once, even if the run is paused.
   */
  async appealOfToken(runId: string, token: string): Promise<number | null> {
    const k = runKeys(runId);
    const id = await this.redis.hget(k.tokens, token);
    if (id === null) return null;
    return (await this.redis.exists(k.appeal(id))) === 1 ? Number(id) : null;
  }

  /** The ids of the appeals filed from outside, oldest first. */
  async externalIds(runId: string): Promise<number[]> {
    return (await this.redis.zrange(runKeys(runId).external, '0', '-1')).map(Number);
  }

  /** Whether the appeal's street blew the whistle (吹哨) for departments. */
  async whistled(runId: string, appealId: number): Promise<boolean> {
    return (await this.redis.sismember(runKeys(runId).whistles, appealId)) === 1;
  }
}
