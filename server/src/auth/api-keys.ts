import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { RedisClient } from '../redis/client';

const KEYS_KEY = 'hotline:open311:keys';

/** An Open311 api key as listed (the key itself is shown once, when created). */
export interface ApiKeyInfo {
  id: string;
  name: string;
  /** The one run it may file appeals into; null: any (named by jurisdiction_id). */
  runId: string | null;
  createdAt: string;
}

const digest = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Open311 api keys, managed by the instructor, kept in Redis as sha256 → info (a Redis dump does not
 * leak usable keys). Checked on every Open311 POST: one HGET.
 */
export class ApiKeys {
  /** Recent answers of `check` (an Open311 POST asks twice: the rate limit and the write check). */
  private readonly recent = new Map<string, { info: ApiKeyInfo | undefined; until: number }>();
  /**
   * Lookups in flight, by digest: checks of one key that miss the cache together share one HGET
   * (single flight) instead of each asking Redis when a second's answer expires under load.
   */
  private readonly inFlight = new Map<string, Promise<ApiKeyInfo | undefined>>();
  /** Revocations so far: a lookup that began before one does not remember its answer. */
  private revocations = 0;

  constructor(private readonly redis: RedisClient) {}

  async create(name: string, runId: string | null): Promise<ApiKeyInfo & { key: string }> {
    const key = `o311_${randomBytes(24).toString('base64url')}`;
    const info: ApiKeyInfo = {
      id: randomUUID().slice(0, 8),
      name,
      runId,
      createdAt: new Date().toISOString(),
    };
    await this.redis.hset(KEYS_KEY, digest(key), JSON.stringify(info));
    return { ...info, key };
  }

  async list(): Promise<ApiKeyInfo[]> {
    return Object.values(await this.redis.hgetall(KEYS_KEY))
      .map((t) => JSON.parse(t) as ApiKeyInfo)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /**
   * The key's info, or undefined for an unknown key. Valid keys are remembered for a second (a
   * revoked key works at most that much longer on a server that just saw it); unknown ones are not,
   * so made-up keys cannot fill the memory.
   */
  async check(key: string): Promise<ApiKeyInfo | undefined> {
    if (key.length === 0 || key.length > 200) return undefined;
    const id = digest(key);
    const now = Date.now();
    const hit = this.recent.get(id);
    if (hit && hit.until > now) return hit.info;
    let lookup = this.inFlight.get(id);
    if (!lookup) {
      lookup = this.lookup(id).finally(() => this.inFlight.delete(id));
      this.inFlight.set(id, lookup);
    }
    return lookup;
  }

  /** One HGET of a key's info; a valid key's answer is remembered for a second. */
  private async lookup(id: string): Promise<ApiKeyInfo | undefined> {
    const revocations = this.revocations;
    const text = await this.redis.hget(KEYS_KEY, id);
    const info = text ? (JSON.parse(text) as ApiKeyInfo) : undefined;
    if (info && revocations === this.revocations) {
      if (this.recent.size >= 1_000) this.recent.clear();
      this.recent.set(id, { info, until: Date.now() + 1_000 });
    }
    return info;
  }

  /** Revoke by id; whether there was such a key. */
  async delete(id: string): Promise<boolean> {
    const all = await this.redis.hgetall(KEYS_KEY);
    const hit = Object.entries(all).find(([, t]) => (JSON.parse(t) as ApiKeyInfo).id === id);
    if (!hit) return false;
    await this.redis.hdel(KEYS_KEY, hit[0]);
    this.revocations++;
    this.recent.delete(hit[0]);
    this.inFlight.delete(hit[0]);
    return true;
  }
}
