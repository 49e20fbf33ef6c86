import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeys } from '../src/auth/api-keys';
import { startTestRedis, type TestRedis } from './helpers/redis';

let server: TestRedis;
let redis: Redis;

beforeAll(async () => {
  server = await startTestRedis({ appendonly: false });
  redis = new Redis(server.url);
});

afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

/** HGETs Redis has run so far (INFO commandstats). */
const hgets = async () => Number(/cmdstat_hget:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);

describe('Open311 api keys: the one-second cache', () => {
  it('answers checks of one key that miss the cache together with a single HGET (single flight)', async () => {
    const keys = new ApiKeys(redis);
    const { key, id } = await keys.create('bench', null);
    const before = await hgets();
    const answers = await Promise.all(Array.from({ length: 50 }, () => keys.check(key)));
    expect(answers.every((a) => a?.id === id)).toBe(true);
    expect((await hgets()) - before).toBe(1);
    // Remembered for a second: no HGET at all.
    await keys.check(key);
    expect((await hgets()) - before).toBe(1);
  });

  it('shares a miss for an unknown key too, and remembers nothing of it', async () => {
    const keys = new ApiKeys(redis);
    const before = await hgets();
    const answers = await Promise.all(Array.from({ length: 20 }, () => keys.check('o311_made-up')));
    expect(answers.every((a) => a === undefined)).toBe(true);
    expect((await hgets()) - before).toBe(1);
    await keys.check('o311_made-up');
    expect((await hgets()) - before).toBe(2);
  });

  it('refuses a revoked key at once, even when a lookup was in flight as it was revoked', async () => {
    const keys = new ApiKeys(redis);
    const { key, id } = await keys.create('revoked', null);
    const inFlight = keys.check(key);
    await keys.delete(id);
    // The lookup in flight may still answer the key (it read before the revocation), but not remember it.
    await inFlight;
    expect(await keys.check(key)).toBeUndefined();
  });
});
