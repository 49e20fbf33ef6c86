import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LOCAL_REDIS_URL, type Config } from '../config';
import type { Logger } from '../logger';
import { describeRedis, oneLine, pingFailure, probeClient, withTimeout, type RedisTarget } from './client';
import { freePort, portAnswers, spawnRedis, type SpawnedRedis } from './spawn-redis';

/** The Redis the server uses, and where it came from. */
export interface RedisEndpoint {
  /** A URL, or the cluster's start-up nodes (`cluster`). */
  readonly target: RedisTarget;
  /**
   * `cluster`: REDIS_CLUSTER_NODES; `env`: REDIS_URL; `local`: 127.0.0.1:6379; `private`: a
   * redis-server this process started.
   */
  readonly source: 'cluster' | 'env' | 'local' | 'private';
  /** Stops the private redis-server (its AOF is written on the way out); a no-op for the others. */
  stop(): Promise<void>;
}

/** No usable Redis; the message is one line telling the user how to get one. */
export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

/** Test seams for {@link resolveRedis}; production code passes none. */
export interface ResolveRedisOptions {
  /** The Redis tried when REDIS_URL is unset. @defaultValue 'redis://127.0.0.1:6379' */
  localUrl?: string;
  /** Port tried first for a private redis-server; a free one when it is taken. @defaultValue 6380 */
  privatePort?: number;
  /** The redis-server binary. @defaultValue 'redis-server' from PATH */
  binary?: string;
  /** How long a Redis gets to answer PING. @defaultValue 3000 */
  pingTimeoutMs?: number;
}

const HOW_TO_GET_REDIS =
  'set REDIS_URL=redis://host:port, start Redis on 127.0.0.1:6379, or install redis-server ' +
  '(apt-get install redis-server, brew install redis, or docker run -d -p 6379:6379 redis:7-alpine)';

/**
 * Find the Redis to use, in this order: REDIS_CLUSTER_NODES (must answer PING and report
 * `cluster_state:ok`, else throws), REDIS_URL (must answer PING, else throws), a Redis on
 * 127.0.0.1:6379, a private redis-server started from PATH with its AOF under `dataDir/redis`.
 * Throws {@link RedisUnavailableError} when none works.
 */
export async function resolveRedis(
  config: Pick<Config, 'redisUrl' | 'redisClusterNodes' | 'dataDir'>,
  logger: Logger,
  options: ResolveRedisOptions = {},
): Promise<RedisEndpoint> {
  const timeoutMs = options.pingTimeoutMs ?? 3000;
  if (config.redisClusterNodes !== null) {
    const target = { cluster: config.redisClusterNodes };
    const failure = await pingFailure(target, timeoutMs);
    if (failure !== null) {
      throw new RedisUnavailableError(
        `REDIS_CLUSTER_NODES: the Redis Cluster at ${describeRedis(target)} is not usable (${failure}); fix it, or unset it`,
      );
    }
    logger.info({ redis: describeRedis(target), source: 'cluster' }, 'using the Redis Cluster');
    return { target, source: 'cluster', stop: async () => {} };
  }
  if (config.redisUrl !== null) {
    const failure = await pingFailure(config.redisUrl, timeoutMs);
    if (failure !== null) {
      throw new RedisUnavailableError(
        `REDIS_URL=${describeRedis(config.redisUrl)} does not answer PING (${failure}); fix it, or unset it to use a local Redis`,
      );
    }
    logger.info({ redis: describeRedis(config.redisUrl), source: 'env' }, 'using Redis from REDIS_URL');
    return { target: config.redisUrl, source: 'env', stop: async () => {} };
  }

  const localUrl = options.localUrl ?? LOCAL_REDIS_URL;
  const local = new URL(localUrl);
  const localAddress = `${local.hostname}:${local.port || 6379}`;
  if (await portAnswers(local.hostname, Number(local.port || 6379))) {
    const failure = await pingFailure(localUrl, timeoutMs);
    if (failure === null) {
      logger.info({ redis: describeRedis(localUrl), source: 'local' }, 'using the local Redis');
      return { target: localUrl, source: 'local', stop: async () => {} };
    }
    logger.warn(
      { redis: describeRedis(localUrl), failure },
      'something answers there but not as Redis; ignoring it',
    );
  }

  return startPrivate(join(config.dataDir, 'redis'), localAddress, logger, options);
}

async function startPrivate(
  dir: string,
  localAddress: string,
  logger: Logger,
  options: ResolveRedisOptions,
): Promise<RedisEndpoint> {
  const preferred = options.privatePort ?? 6380;
  let port = preferred;
  if (await portAnswers('127.0.0.1', preferred)) {
    const url = `redis://127.0.0.1:${preferred}`;
    // WARNING: a server killed with -9 leaves its redis-server running. Starting a second one on the
    // same directory would have two servers writing one AOF, so reuse it instead (and leave it running).
    if (await servesDir(url, dir, options.pingTimeoutMs ?? 3000)) {
      logger.warn({ redis: url, dir }, 'reusing a private redis-server left running on this data directory');
      return { target: url, source: 'private', stop: async () => {} };
    }
    port = await freePort();
  }

  let spawned: SpawnedRedis;
  try {
    spawned = await spawnRedis({ dir, port, appendonly: true, binary: options.binary });
  } catch (err) {
    const reason = oneLine(err instanceof Error ? err.message : String(err));
    throw new RedisUnavailableError(
      `No Redis: REDIS_URL is unset, no Redis answers on ${localAddress}, and a private redis-server could not start (${reason}). To fix: ${HOW_TO_GET_REDIS}`,
    );
  }
  // Stop it with us on an ordinary exit too (a crash or kill -9 is covered by the reuse above).
  const onExit = () => spawned.process.kill('SIGTERM');
  process.once('exit', onExit);
  logger.info({ redis: spawned.url, source: 'private', dir }, 'started a private redis-server (AOF on)');
  return {
    target: spawned.url,
    source: 'private',
    async stop() {
      process.removeListener('exit', onExit);
      await spawned.stop();
      logger.info({ redis: spawned.url }, 'stopped the private redis-server');
    },
  };
}

/** Whether the Redis at `url` keeps its data in `dir` (so it is this data directory's private one). */
async function servesDir(url: string, dir: string, timeoutMs: number): Promise<boolean> {
  const client = probeClient(url, timeoutMs);
  try {
    await withTimeout(client.connect(), timeoutMs);
    const reply = await withTimeout(client.call('CONFIG', 'GET', 'dir'), timeoutMs);
    const served = Array.isArray(reply) ? reply[1] : undefined;
    return typeof served === 'string' && served === canonical(dir);
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** The path as redis-server reports it (it resolves symlinks when it changes into the directory). */
function canonical(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}
