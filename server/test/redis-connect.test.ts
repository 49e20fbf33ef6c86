import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { createRedisClient } from '../src/redis/client';
import { resolveRedis, RedisUnavailableError, type RedisEndpoint } from '../src/redis/connect';
import { freePort, portAnswers, spawnRedis, type SpawnedRedis } from '../src/redis/spawn-redis';
import { startTestRedis, type TestRedis } from './helpers/redis';

const silent = createLogger({ logLevel: 'silent' });

/** A URL where nothing listens: the "no local Redis" case, without touching the machine's 6379. */
async function nobodyUrl(): Promise<string> {
  return `redis://127.0.0.1:${await freePort()}`;
}

async function get(url: string, key: string): Promise<string | null> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return await client.get(key);
  } finally {
    client.disconnect();
  }
}

async function set(url: string, key: string, value: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await client.set(key, value);
  } finally {
    client.disconnect();
  }
}

async function configGet(url: string, name: string): Promise<unknown> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return ((await client.call('CONFIG', 'GET', name)) as unknown[])[1];
  } finally {
    client.disconnect();
  }
}

/** The URL of a single-Redis endpoint (every endpoint here is one). */
function urlOf(endpoint: RedisEndpoint): string {
  if (typeof endpoint.target !== 'string') throw new Error('expected one Redis, got a cluster');
  return endpoint.target;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('resolveRedis', () => {
  let redis: TestRedis;
  let dataDir: string;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hotline-connect-'));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses REDIS_URL when it answers, and leaves that Redis running at stop', async () => {
    const endpoint = await resolveRedis({ redisUrl: redis.url, redisClusterNodes: null, dataDir }, silent, {
      localUrl: await nobodyUrl(),
    });
    expect(endpoint).toMatchObject({ target: redis.url, source: 'env' });
    await endpoint.stop();
    expect(await portAnswers('127.0.0.1', redis.port)).toBe(true);
  });

  it('throws when REDIS_URL does not answer, without falling back to anything else', async () => {
    const url = await nobodyUrl();
    const started = Date.now();
    const error = await rejection(
      resolveRedis({ redisUrl: url, redisClusterNodes: null, dataDir }, silent, {
        localUrl: redis.url,
        pingTimeoutMs: 1000,
      }),
    );
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect(error.message).toContain(`REDIS_URL=${url}`);
    expect(error.message).not.toContain('\n');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(existsSync(join(dataDir, 'redis'))).toBe(false);
  });

  it('keeps the password of REDIS_URL out of logs and errors', async () => {
    const locked = await startTestRedis();
    cleanups.push(() => locked.stop());
    const admin = new Redis(locked.url);
    await admin.call('CONFIG', 'SET', 'requirepass', 's3cret');
    admin.disconnect();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ logLevel: 'info' }, 'test', sink);
    const good = `redis://:s3cret@127.0.0.1:${locked.port}`;
    const endpoint = await resolveRedis({ redisUrl: good, redisClusterNodes: null, dataDir }, logger);
    expect(endpoint).toMatchObject({ target: good, source: 'env' });
    expect(lines.join('')).toContain('***');
    expect(lines.join('')).not.toContain('s3cret');

    const wrong = `redis://:wr0ng@127.0.0.1:${locked.port}`;
    const error = await rejection(
      resolveRedis({ redisUrl: wrong, redisClusterNodes: null, dataDir }, logger),
    );
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect(error.message).toMatch(/WRONGPASS|invalid password/i);
    expect(error.message).not.toContain('wr0ng');
  });

  it('uses the local Redis when REDIS_URL is unset and it answers', async () => {
    const endpoint = await resolveRedis({ redisUrl: null, redisClusterNodes: null, dataDir }, silent, {
      localUrl: redis.url,
    });
    expect(endpoint).toMatchObject({ target: redis.url, source: 'local' });
    await endpoint.stop();
    expect(await portAnswers('127.0.0.1', redis.port)).toBe(true);
    expect(existsSync(join(dataDir, 'redis'))).toBe(false);
  });

  it('starts a private redis-server with AOF under dataDir/redis, whose data survives stop and restart', async () => {
    const options = { localUrl: await nobodyUrl(), privatePort: await freePort() };
    const first: RedisEndpoint = await resolveRedis(
      { redisUrl: null, redisClusterNodes: null, dataDir },
      silent,
      options,
    );
    expect(first).toMatchObject({ source: 'private', target: `redis://127.0.0.1:${options.privatePort}` });
    expect(await configGet(urlOf(first), 'appendonly')).toBe('yes');
    expect(existsSync(join(dataDir, 'redis'))).toBe(true);
    await set(urlOf(first), 'hotline:test', 'kept');
    await first.stop();
    expect(await portAnswers('127.0.0.1', options.privatePort)).toBe(false);

    const second = await resolveRedis({ redisUrl: null, redisClusterNodes: null, dataDir }, silent, options);
    cleanups.push(() => second.stop());
    expect(second.source).toBe('private');
    expect(await get(urlOf(second), 'hotline:test')).toBe('kept');
  });

  it('passes over something on the local port that is not Redis', async () => {
    const sockets = new Set<Socket>();
    const mute: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => mute.close(() => resolve()));
    });
    const port = (mute.address() as { port: number }).port;
    const endpoint = await resolveRedis({ redisUrl: null, redisClusterNodes: null, dataDir }, silent, {
      localUrl: `redis://127.0.0.1:${port}`,
      privatePort: await freePort(),
      pingTimeoutMs: 500,
    });
    cleanups.push(() => endpoint.stop());
    expect(endpoint.source).toBe('private');
    expect(urlOf(endpoint)).not.toContain(`:${port}`);
  });

  it('takes another port when the private port is held by a Redis on another directory', async () => {
    const endpoint = await resolveRedis({ redisUrl: null, redisClusterNodes: null, dataDir }, silent, {
      localUrl: await nobodyUrl(),
      privatePort: redis.port,
    });
    cleanups.push(() => endpoint.stop());
    expect(endpoint.source).toBe('private');
    expect(urlOf(endpoint)).not.toBe(redis.url);
    expect(await configGet(urlOf(endpoint), 'dir')).not.toBe(await configGet(redis.url, 'dir'));
  });

  it('reuses a private redis-server left running on the same directory, and leaves it running', async () => {
    const orphan: SpawnedRedis = await spawnRedis({ dir: join(dataDir, 'redis') });
    cleanups.push(() => orphan.stop());
    const endpoint = await resolveRedis({ redisUrl: null, redisClusterNodes: null, dataDir }, silent, {
      localUrl: await nobodyUrl(),
      privatePort: orphan.port,
    });
    expect(endpoint).toMatchObject({ target: orphan.url, source: 'private' });
    await endpoint.stop();
    expect(await portAnswers('127.0.0.1', orphan.port)).toBe(true);
  });

  it('throws a one-line RedisUnavailableError saying how to get Redis when redis-server is missing', async () => {
    const error = await rejection(
      resolveRedis({ redisUrl: null, redisClusterNodes: null, dataDir }, silent, {
        localUrl: await nobodyUrl(),
        privatePort: await freePort(),
        binary: join(dataDir, 'no-such-redis-server'),
      }),
    );
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect(error.message).not.toMatch(/\n/);
    expect(error.message).toContain('not on PATH');
    expect(error.message).toContain('REDIS_URL');
    expect(error.message).toContain('apt-get install redis-server');
    expect(error.message).toContain('brew install redis');
  });
});

describe('createRedisClient', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('connects with the BullMQ settings and its connection name', async () => {
    const client = createRedisClient(redis.url, 'hotline-test');
    try {
      if (!(client instanceof Redis)) throw new Error('a URL should give a single-Redis client');
      expect(client.options.maxRetriesPerRequest).toBeNull();
      expect(client.options.enableReadyCheck).toBe(true);
      expect(await client.call('CLIENT', 'GETNAME')).toBe('hotline-test');
    } finally {
      client.disconnect();
    }
  });
});
