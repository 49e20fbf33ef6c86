import { Cluster, Redis } from 'ioredis';

/*
 * The one place Redis clients are made: every server, worker and CLI connection goes through
 * {@link createRedisClient}, against one Redis (a URL) or a Redis Cluster (its start-up nodes,
 * REDIS_CLUSTER_NODES). On a cluster, keys a command, transaction or Lua script touches together must
 * share a slot: a run's keys share the hash tag `{run:<id>}` (live/keys.ts), each BullMQ queue's keys
 * the tag of {@link bullPrefix}.
 */

/** A Redis client: one server or a cluster, used alike (ioredis gives both the same commands). */
export type RedisClient = Redis | Cluster;

/** One start-up node of a Redis Cluster. */
export interface ClusterAddress {
  readonly host: string;
  readonly port: number;
}

/** Where Redis is: one server's URL, or the start-up nodes of a Redis Cluster (any few of its masters). */
export type RedisTarget = string | { readonly cluster: readonly ClusterAddress[] };

/**
 * The start-up nodes of `text` (`host:port,host:port,…`, as REDIS_CLUSTER_NODES holds them).
 * Throws an Error naming the first entry that is not `host:port`.
 */
export function parseClusterNodes(text: string): ClusterAddress[] {
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) throw new Error('no host:port entry');
  return entries.map((entry) => {
    const match = /^(\[[0-9a-fA-F:]+\]|[^\s:/@[\]]+):(\d{1,5})$/.exec(entry);
    const port = Number(match?.[2]);
    if (!match?.[1] || port < 1 || port > 65535) throw new Error(`"${entry}" is not host:port`);
    return { host: match[1].replace(/^\[(.*)\]$/, '$1'), port };
  });
}

/** The target for logs and messages: the URL with its password masked, or `cluster host:port,…`. */
export function describeRedis(target: RedisTarget): string {
  if (typeof target !== 'string') {
    return `cluster ${target.cluster.map((n) => `${n.host}:${n.port}`).join(',')}`;
  }
  try {
    const parsed = new URL(target);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * A client as BullMQ wants it: `maxRetriesPerRequest: null` (commands wait for a reconnect instead
 * of failing) and a ready check. `name` shows in `CLIENT LIST` (no spaces). Attach an `error`
 * listener, or ioredis prints every connection error to the console.
 *
 * No auto-pipelining: ioredis' `enableAutoPipelining` threw an uncaught `results[i] is not iterable`
 * when a connection closed with commands in flight (fresh-clone CI at 5361b6b, open311-edges;
 * redis/ioredis#1931 reports the same crash in production) and mis-routes EVALSHA on a Cluster
 * (redis/ioredis#2109).
 */
export function createRedisClient(target: RedisTarget, name?: string): RedisClient {
  const options = {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    ...(name === undefined ? {} : { connectionName: name }),
  };
  if (typeof target === 'string') return new Redis(target, options);
  return new Cluster([...target.cluster], { redisOptions: options, enableReadyCheck: true });
}

/** Whether `value` is a client (rather than a URL or a cluster's nodes). */
export function isRedisClient(value: RedisClient | RedisTarget): value is RedisClient {
  return value instanceof Redis || value instanceof Cluster;
}

/**
 * A connection for one BullMQ Queue or Worker and how to end it. One Redis: connection options, from
 * which BullMQ makes (and closes) its own clients, with its own reconnect policy. A cluster: an
 * ioredis `Cluster` (BullMQ takes a cluster only as a client; it leaves it open, `close()` ends it).
 */
export function bullConnection(
  target: RedisTarget,
  name: string,
): {
  connection: RedisClient | { url: string; maxRetriesPerRequest: null; connectionName: string };
  close(): void;
} {
  if (typeof target === 'string') {
    return { connection: { url: target, maxRetriesPerRequest: null, connectionName: name }, close() {} };
  }
  const client = createRedisClient(target, name);
  client.on('error', () => undefined);
  return { connection: client, close: () => client.disconnect() };
}

/**
 * The BullMQ key prefix of queue `queue`: `bull:{<queue>}`, so each queue's keys share one hash tag
 * (BullMQ's scripts touch many keys of one queue at once: on a cluster they must share a slot) and
 * different queues may sit on different nodes.
 */
export function bullPrefix(queue: string): string {
  return `bull:{${queue}}`;
}

/**
 * null when the target answers PING within `timeoutMs` (a cluster: when it also reports
 * `cluster_state:ok`), else why not, in one line.
 */
export async function pingFailure(target: RedisTarget, timeoutMs: number): Promise<string | null> {
  const client = probeClient(target, timeoutMs);
  // The connection's own error (WRONGPASS, ECONNREFUSED) says more than the rejection ("Connection is closed.").
  let connectionError: Error | undefined;
  client.on('error', (err: Error) => (connectionError ??= err));
  try {
    await withTimeout(
      (async () => {
        await client.connect();
        await client.ping();
        if (client instanceof Cluster) {
          const info = String(await client.cluster('INFO'));
          if (!/cluster_state:ok/.test(info)) throw new Error('the cluster does not report cluster_state:ok');
        }
      })(),
      timeoutMs,
    );
    return null;
  } catch (err) {
    const cause = connectionError ?? err;
    return oneLine(cause instanceof Error ? cause.message : String(cause));
  } finally {
    client.disconnect();
  }
}

/** A one-shot client: no retries, no offline queue, errors left to the caller. */
export function probeClient(target: RedisTarget, timeoutMs: number): RedisClient {
  const options = {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  };
  if (typeof target === 'string') return new Redis(target, options);
  return new Cluster([...target.cluster], {
    lazyConnect: true,
    enableOfflineQueue: false,
    clusterRetryStrategy: () => null,
    redisOptions: options,
  });
}

export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
