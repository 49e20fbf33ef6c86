import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from './helpers/redis';

describe('private redis-server', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('keeps data across a kill -9 and restart (AOF, fsync always)', async () => {
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    await client.set('k', 'v1');
    await redis.crashAndRestart();
    // ioredis reconnects by itself.
    expect(await client.get('k')).toBe('v1');
    client.disconnect();
  });
});
