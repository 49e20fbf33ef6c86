import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInScenarioNames, DEFAULT_CITY_KEY, knownCityKeys } from '@hotline-sim/shared';
import { z } from 'zod';
import { parseClusterNodes, type ClusterAddress, type RedisTarget } from './redis/client';
import { DEFAULT_REDIS_URL } from './experiments/default-redis-url';

// HOTLINE_CITY_DIR is read by cities/city-dir.ts: the CLI's scenario loading needs it without this
// module's Redis imports (cli-lazy-load.test.ts).
export { loadCityDir } from './cities/city-dir';

/** pino's levels, plus `silent` (no output). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Whether the server process also runs the BullMQ workers, or leaves them to `npm run worker`. */
export const WORKER_MODES = ['in-process', 'external'] as const;
export type WorkerMode = (typeof WORKER_MODES)[number];

/**
 * The server's settings, read once from the environment by {@link loadConfig}. Paths are absolute.
 * An empty variable counts as unset (docker-compose writes `REDIS_URL=` for "none").
 */
export interface Config {
  /** PORT: HTTP port; 0 picks a free one. @defaultValue 3000 */
  readonly port: number;
  /** HOST: interface to listen on. @defaultValue '0.0.0.0' */
  readonly host: string;
  /** REDIS_URL: a Redis to use; when unset the server looks on 127.0.0.1:6379, then starts its own. */
  readonly redisUrl: string | null;
  /**
   * REDIS_CLUSTER_NODES: `host:port,host:port,…`, start-up nodes of a Redis Cluster to use instead of
   * one Redis (not together with REDIS_URL). @defaultValue null
   */
  readonly redisClusterNodes: readonly ClusterAddress[] | null;
  /** DATA_DIR: where the SQLite file and a private Redis keep their data. @defaultValue '.data' */
  readonly dataDir: string;
  /** SQLITE_PATH: the durable run records. @defaultValue `${DATA_DIR}/hotline.sqlite` */
  readonly sqlitePath: string;
  /** LOG_LEVEL: a pino level or `silent`. @defaultValue 'info' */
  readonly logLevel: LogLevel;
  /** DEFAULT_RUN: built-in scenario started live at boot; `none` → null (no run). @defaultValue 'beijing-weekday' */
  readonly defaultRun: string | null;
  /**
   * CITY: the city the default run takes place in and the new-run dialog offers first, by key: a
   * built-in city (beijing, …) or one built by `hotline city` and registered before the config is
   * read. @defaultValue 'beijing'
   */
  readonly city: string;
  /** DEFAULT_SPEED: virtual seconds per wall second of that run, 0.5..10000. @defaultValue 60 */
  readonly defaultSpeed: number;
  /**
   * DEFAULT_START_HOUR: virtual hour of the day that run is watched from, 0..23: the hours before it
   * play at full pace, so the first minute on a projector shows a city at work. @defaultValue 8
   */
  readonly defaultStartHour: number;
  /** WORKERS: `in-process` runs the BullMQ workers here too; `external` leaves them to worker processes. */
  readonly workers: WorkerMode;
  /** CLIENT_DIST: the built dashboard, served when present. @defaultValue client/dist of this repository */
  readonly clientDist: string;
  /** TICK_MS: wall milliseconds between clock ticks (timers fire late by at most one tick), 20..1000. @defaultValue 100 */
  readonly tickMs: number;
  /**
   * INSTRUCTOR_PASSWORD: the instructor's password (8-200 characters). When unset, one is generated at
   * the first start, stored hashed in SQLite and printed once. @defaultValue null
   */
  readonly instructorPassword: string | null;
  /** COOKIE_SECURE: the session cookie's Secure flag: `auto` (when the request came over HTTPS), `always`, `never`. @defaultValue 'auto' */
  readonly cookieSecure: 'auto' | 'always' | 'never';
  /**
   * TRUST_PROXY: which proxies in front of the server to believe about the client (Express's
   * `trust proxy`): `false` (none: X-Forwarded-* ignored), `true` (any: only when nothing but the proxy
   * can reach the server), a hop count (`1`: the nearest proxy), or a comma-separated list of
   * addresses and subnets (`10.0.0.0/8, 127.0.0.1`, or `loopback`, `linklocal`, `uniquelocal`). A
   * trusted proxy's `X-Forwarded-Proto: https` makes `COOKIE_SECURE=auto` mark the cookie Secure, and
   * its `X-Forwarded-For` is the client address the rate limits count. @defaultValue false
   */
  readonly trustProxy: TrustProxy;
  /** LOGIN_RATE_LIMIT: login attempts per minute per client address. @defaultValue 10 */
  readonly loginRateLimit: number;
  /** OPEN311_RATE_LIMIT: Open311 POSTs per minute per api key (or client address without one). @defaultValue 600 */
  readonly open311RateLimit: number;
  /** OPEN311_READ_RATE_LIMIT: Open311 GETs per minute per api key (or client address without one). @defaultValue 1200 */
  readonly open311ReadRateLimit: number;
  /**
   * RUN_MODEL_CACHE: models of runs this server does not own, kept to look names up in (Open311 and
   * appeal reads of ended runs); the least recently used beyond this many are dropped (about 12 MB
   * each for Beijing). @defaultValue 4
   */
  readonly runModelCache: number;
  /**
   * ALLOWED_ORIGINS: comma-separated origins (`https://hotline.example,http://127.0.0.1:5173`) that,
   * besides the server's own, may write to the API, answer CORS preflights and open Socket.IO
   * streams with the user's cookie (a dashboard served elsewhere, a proxy that rewrites Host).
   * @defaultValue [] (same origin only)
   */
  readonly allowedOrigins: readonly string[];
  /**
   * METRICS_TOKEN: when set (16-200 characters), /metrics answers only `Authorization: Bearer <token>`
   * (Prometheus' `authorization` setting); unset, /metrics is public: run counts, queue depths and
   * live KPIs, no appeal or citizen. @defaultValue null
   */
  readonly metricsToken: string | null;
  /**
   * REPLICATION_MEMORY_MB: heap of each experiment replication's process (it dies beyond, and the job
   * is tried again, then fails), 64..65536. @defaultValue 2048
   */
  readonly replicationMemoryMb: number;
  /**
   * REPLICATION_TIMEOUT_SECONDS: wall time one replication may take before its process is killed (the
   * job is tried again, then fails), 1..86400. @defaultValue 600
   */
  readonly replicationTimeoutSeconds: number;
  /**
   * CHROMIUM_PATH: the headless Chromium that prints lesson worksheets to PDF (`--print-to-pdf`); when
   * it is not there, the worksheet PDF answers 503 naming it. @defaultValue '/usr/bin/chromium'
   */
  readonly chromiumPath: string;
}

/** Express's `trust proxy`: none or any (a boolean), a hop count, or addresses and subnets. */
export type TrustProxy = boolean | number | readonly string[];

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address (`10.1.2.3`, `::1`) or a subnet (`10.0.0.0/8`, `fd00::/8`), as proxy-addr takes them. */
function isAddressOrSubnet(item: string): boolean {
  if (PROXY_NAMES.includes(item)) return true;
  const [address = '', bits, ...rest] = item.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

const trustProxySchema: z.ZodType<TrustProxy> = z.string().transform((raw, ctx) => {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d{1,3}$/.test(raw)) return Number(raw);
  const items = raw.split(',').map((item) => item.trim());
  if (items.every((item) => item !== '' && isAddressOrSubnet(item))) return Object.freeze(items);
  ctx.addIssue({ code: 'custom', message: 'not a trust proxy setting' });
  return z.NEVER;
});

/** A variable with a value outside what it allows; the message names both. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly value: string,
    readonly allowed: string,
  ) {
    super(`${variable}=${JSON.stringify(value)} is not allowed: ${allowed}`);
    this.name = 'ConfigError';
  }
}

/** The Redis tried when REDIS_URL is unset (a worker or the CLI uses it; the server may start its own). */
export const LOCAL_REDIS_URL = DEFAULT_REDIS_URL;

const CLIENT_DIST = fileURLToPath(new URL('../../client/dist', import.meta.url));

const redisUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
});

/** Reads one variable of `env`: unset or empty gives the fallback, a value must pass the schema. */
const reader =
  (env: NodeJS.ProcessEnv) =>
  <T>(name: string, schema: z.ZodType<T>, allowed: string, fallback: T): T => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new ConfigError(name, raw, allowed);
    return parsed.data;
  };

/**
 * `value` as an origin (`scheme://host[:port]`, http or https, nothing else), or null: the one
 * spelling browsers send in Origin (`URL.origin`), for ALLOWED_ORIGINS and the headers alike.
 */
export function parseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  return url.origin;
}

/** Comma-separated origins ({@link parseOrigin}); empty entries are skipped. */
const originList = z.string().transform((value, ctx) => {
  const origins: string[] = [];
  for (const entry of value.split(',').map((e) => e.trim())) {
    if (entry === '') continue;
    const origin = parseOrigin(entry);
    if (origin === null) {
      ctx.addIssue({ code: 'custom', message: `${entry} is no origin` });
      return z.NEVER;
    }
    origins.push(origin);
  }
  return Object.freeze(origins);
});

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The caps of each experiment replication's child process, read for the server and the worker alike. */
function readReplicationCaps(
  read: ReturnType<typeof reader>,
): Pick<Config, 'replicationMemoryMb' | 'replicationTimeoutSeconds'> {
  return {
    replicationMemoryMb: read(
      'REPLICATION_MEMORY_MB',
      intIn(64, 65_536),
      'an integer from 64 to 65536',
      2048,
    ),
    replicationTimeoutSeconds: read(
      'REPLICATION_TIMEOUT_SECONDS',
      intIn(1, 86_400),
      'an integer from 1 to 86400',
      600,
    ),
  };
}

const REDIS_URL_RULE = 'a redis:// or rediss:// URL with a host';
const CLUSTER_NODES_RULE =
  'comma-separated host:port start-up nodes of a Redis Cluster (10.0.0.1:7000,10.0.0.2:7000)';

const clusterNodes = z.string().transform((value, ctx) => {
  try {
    return Object.freeze(parseClusterNodes(value));
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
    return z.NEVER;
  }
});

/** REDIS_CLUSTER_NODES and REDIS_URL, checked together: at most one of them may be set. */
function readRedis(env: NodeJS.ProcessEnv): {
  url: string | null;
  clusterNodes: readonly ClusterAddress[] | null;
} {
  const read = reader(env);
  const url = read('REDIS_URL', redisUrl, REDIS_URL_RULE, null);
  const nodes = read('REDIS_CLUSTER_NODES', clusterNodes, CLUSTER_NODES_RULE, null);
  if (url !== null && nodes !== null) {
    throw new ConfigError('REDIS_URL', env.REDIS_URL ?? '', 'unset when REDIS_CLUSTER_NODES names a cluster');
  }
  return { url, clusterNodes: nodes };
}
const LOG_LEVEL_RULE = `one of ${LOG_LEVELS.join(', ')}`;

/**
 * Read the server's settings from `env` (the only place that touches `process.env`): fill defaults,
 * validate, freeze. Throws {@link ConfigError} on the first bad variable, before anything starts.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const read = reader(env);
  const redis = readRedis(env);

  const dataDir = resolve(read('DATA_DIR', z.string(), 'a directory path', '.data'));
  const defaultRun = read(
    'DEFAULT_RUN',
    z.string().refine((name) => name === 'none' || builtInScenarioNames.includes(name)),
    `a built-in scenario (${builtInScenarioNames.join(', ')}) or none`,
    'beijing-weekday',
  );
  const config: Config = {
    port: read('PORT', intIn(0, 65535), 'an integer from 0 to 65535', 3000),
    host: read('HOST', z.string(), 'a host name or address', '0.0.0.0'),
    redisUrl: redis.url,
    redisClusterNodes: redis.clusterNodes,
    dataDir,
    sqlitePath: resolve(read('SQLITE_PATH', z.string(), 'a file path', join(dataDir, 'hotline.sqlite'))),
    logLevel: read('LOG_LEVEL', z.enum(LOG_LEVELS), LOG_LEVEL_RULE, 'info'),
    defaultRun: defaultRun === 'none' ? null : defaultRun,
    city: read(
      'CITY',
      z.string().refine((key) => knownCityKeys().includes(key)),
      `a known city (${knownCityKeys().join(', ')})`,
      DEFAULT_CITY_KEY,
    ),
    defaultSpeed: read(
      'DEFAULT_SPEED',
      z.coerce.number().min(0.5).max(10_000),
      'a number from 0.5 to 10000',
      60,
    ),
    defaultStartHour: read('DEFAULT_START_HOUR', intIn(0, 23), 'an integer from 0 to 23', 8),
    workers: read('WORKERS', z.enum(WORKER_MODES), `one of ${WORKER_MODES.join(', ')}`, 'in-process'),
    clientDist: resolve(read('CLIENT_DIST', z.string(), 'a directory path', CLIENT_DIST)),
    tickMs: read('TICK_MS', intIn(20, 1000), 'an integer from 20 to 1000', 100),
    instructorPassword: read('INSTRUCTOR_PASSWORD', z.string().min(8).max(200), '8 to 200 characters', null),
    cookieSecure: read('COOKIE_SECURE', z.enum(['auto', 'always', 'never']), 'auto, always or never', 'auto'),
    trustProxy: read(
      'TRUST_PROXY',
      trustProxySchema,
      'false, true, a hop count (0-999) or a comma-separated list of addresses and subnets (10.0.0.0/8, loopback)',
      false,
    ),
    loginRateLimit: read('LOGIN_RATE_LIMIT', intIn(1, 1_000_000), 'an integer from 1 to 1000000', 10),
    open311RateLimit: read('OPEN311_RATE_LIMIT', intIn(1, 10_000_000), 'an integer from 1 to 10000000', 600),
    open311ReadRateLimit: read(
      'OPEN311_READ_RATE_LIMIT',
      intIn(1, 10_000_000),
      'an integer from 1 to 10000000',
      1200,
    ),
    runModelCache: read('RUN_MODEL_CACHE', intIn(1, 1000), 'an integer from 1 to 1000', 4),
    allowedOrigins: read(
      'ALLOWED_ORIGINS',
      originList,
      'comma-separated origins: http:// or https://, a host and an optional port, no path (https://hotline.example,http://127.0.0.1:5173)',
      Object.freeze([]),
    ),
    metricsToken: read('METRICS_TOKEN', z.string().min(16).max(200), '16 to 200 characters', null),
    ...readReplicationCaps(read),
    chromiumPath: resolve(read('CHROMIUM_PATH', z.string(), 'a file path', '/usr/bin/chromium')),
  };
  return Object.freeze(config);
}

/**
 * The Redis of the processes that need one but never start one (`npm run worker`, the CLI's
 * `--queue` and `audit`): the cluster of REDIS_CLUSTER_NODES, else REDIS_URL, validated like the
 * server's. @defaultValue LOCAL_REDIS_URL
 */
export function loadRedisTarget(env: NodeJS.ProcessEnv = process.env): RedisTarget {
  const { url, clusterNodes: nodes } = readRedis(env);
  return nodes !== null ? { cluster: nodes } : (url ?? LOCAL_REDIS_URL);
}

/** The settings of a worker process (`npm run worker`): its Redis, its log level, the replication caps. */
export interface WorkerConfig extends Pick<Config, 'replicationMemoryMb' | 'replicationTimeoutSeconds'> {
  /** REDIS_CLUSTER_NODES or REDIS_URL: the Redis the servers use. @defaultValue LOCAL_REDIS_URL */
  readonly redis: RedisTarget;
  /** LOG_LEVEL: a pino level or `silent`. @defaultValue 'info' */
  readonly logLevel: LogLevel;
}

/** Read a worker's settings from `env`, validated like the server's; throws {@link ConfigError}. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return Object.freeze({
    redis: loadRedisTarget(env),
    logLevel: reader(env)('LOG_LEVEL', z.enum(LOG_LEVELS), LOG_LEVEL_RULE, 'info'),
    ...readReplicationCaps(reader(env)),
  });
}
