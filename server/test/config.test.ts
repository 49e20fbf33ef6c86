import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig, loadWorkerConfig } from '../src/config';

describe('config: defaults', () => {
  it('fills every setting when the environment is empty', () => {
    const config = loadConfig({});
    const dataDir = resolve(process.cwd(), '.data');
    expect(config).toEqual({
      port: 3000,
      host: '0.0.0.0',
      redisUrl: null,
      redisClusterNodes: null,
      dataDir,
      sqlitePath: join(dataDir, 'hotline.sqlite'),
      logLevel: 'info',
      defaultRun: 'beijing-weekday',
      city: 'beijing',
      defaultSpeed: 60,
      defaultStartHour: 8,
      workers: 'in-process',
      clientDist: resolve(import.meta.dirname, '../../client/dist'),
      tickMs: 100,
      instructorPassword: null,
      cookieSecure: 'auto',
      trustProxy: false,
      loginRateLimit: 10,
      open311RateLimit: 600,
      open311ReadRateLimit: 1200,
      runModelCache: 4,
      allowedOrigins: [],
      metricsToken: null,
      replicationMemoryMb: 2048,
      replicationTimeoutSeconds: 600,
      chromiumPath: '/usr/bin/chromium',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats an empty or blank variable as unset', () => {
    expect(loadConfig({ REDIS_URL: '', PORT: '  ' })).toMatchObject({ redisUrl: null, port: 3000 });
  });
});

describe('config: overrides', () => {
  it.each([
    ['PORT', '8080', { port: 8080 }],
    ['PORT', '0', { port: 0 }],
    ['HOST', '127.0.0.1', { host: '127.0.0.1' }],
    [
      'REDIS_URL',
      'redis://:secret@cache.internal:6390/2',
      { redisUrl: 'redis://:secret@cache.internal:6390/2' },
    ],
    ['REDIS_URL', 'rediss://cache.example.com', { redisUrl: 'rediss://cache.example.com' }],
    [
      'REDIS_CLUSTER_NODES',
      '10.0.0.1:7000, redis-b:7001,[::1]:7002',
      {
        redisClusterNodes: [
          { host: '10.0.0.1', port: 7000 },
          { host: 'redis-b', port: 7001 },
          { host: '::1', port: 7002 },
        ],
      },
    ],
    ['LOG_LEVEL', 'debug', { logLevel: 'debug' }],
    ['LOG_LEVEL', 'silent', { logLevel: 'silent' }],
    ['DEFAULT_RUN', 'mmc', { defaultRun: 'mmc' }],
    ['DEFAULT_RUN', 'none', { defaultRun: null }],
    ['CITY', 'shanghai', { city: 'shanghai' }],
    ['DEFAULT_SPEED', '0.5', { defaultSpeed: 0.5 }],
    ['DEFAULT_SPEED', '10000', { defaultSpeed: 10_000 }],
    ['DEFAULT_START_HOUR', '0', { defaultStartHour: 0 }],
    ['DEFAULT_START_HOUR', '23', { defaultStartHour: 23 }],
    ['WORKERS', 'external', { workers: 'external' }],
    ['CLIENT_DIST', '/srv/dashboard', { clientDist: '/srv/dashboard' }],
    ['TICK_MS', '20', { tickMs: 20 }],
    ['TICK_MS', '1000', { tickMs: 1000 }],
    ['TRUST_PROXY', 'false', { trustProxy: false }],
    ['TRUST_PROXY', 'true', { trustProxy: true }],
    ['TRUST_PROXY', '1', { trustProxy: 1 }],
    ['TRUST_PROXY', '127.0.0.1', { trustProxy: ['127.0.0.1'] }],
    ['TRUST_PROXY', '10.0.0.0/8, fd00::/8,loopback', { trustProxy: ['10.0.0.0/8', 'fd00::/8', 'loopback'] }],
    ['METRICS_TOKEN', 'scrape-me-0123456', { metricsToken: 'scrape-me-0123456' }],
  ])('%s=%s', (name, value, expected) => {
    expect(loadConfig({ [name]: value })).toMatchObject(expected);
  });

  it('resolves DATA_DIR against the working directory and puts the SQLite file in it', () => {
    const config = loadConfig({ DATA_DIR: 'var/hotline' });
    expect(config.dataDir).toBe(resolve(process.cwd(), 'var/hotline'));
    expect(config.sqlitePath).toBe(resolve(process.cwd(), 'var/hotline/hotline.sqlite'));
  });

  it('takes SQLITE_PATH over the DATA_DIR default', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/a', SQLITE_PATH: '/tmp/b/runs.db' });
    expect(config.dataDir).toBe('/tmp/a');
    expect(config.sqlitePath).toBe('/tmp/b/runs.db');
  });

  it('reads process.env when given nothing', () => {
    vi.stubEnv('PORT', '4321');
    try {
      expect(loadConfig().port).toBe(4321);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('config: bad values', () => {
  it.each([
    ['PORT', 'abc', 'integer from 0 to 65535'],
    ['PORT', '65536', 'integer from 0 to 65535'],
    ['PORT', '80.5', 'integer from 0 to 65535'],
    ['PORT', '-1', 'integer from 0 to 65535'],
    ['REDIS_URL', 'localhost:6379', 'redis:// or rediss:// URL'],
    ['REDIS_URL', 'http://localhost:6379', 'redis:// or rediss:// URL'],
    ['REDIS_CLUSTER_NODES', '10.0.0.1', 'host:port start-up nodes'],
    ['REDIS_CLUSTER_NODES', '10.0.0.1:7000,redis-b:99999', 'host:port start-up nodes'],
    ['REDIS_CLUSTER_NODES', 'redis://10.0.0.1:7000', 'host:port start-up nodes'],
    ['REDIS_CLUSTER_NODES', ',,', 'host:port start-up nodes'],
    ['LOG_LEVEL', 'verbose', 'fatal, error, warn, info, debug, trace, silent'],
    ['DEFAULT_RUN', 'beijing-weekend', 'beijing-weekday'],
    ['CITY', 'atlantis', 'a known city (beijing'],
    ['METRICS_TOKEN', 'short', '16 to 200 characters'],
    ['DEFAULT_SPEED', '0.4', 'number from 0.5 to 10000'],
    ['DEFAULT_SPEED', '10001', 'number from 0.5 to 10000'],
    ['DEFAULT_SPEED', 'fast', 'number from 0.5 to 10000'],
    ['DEFAULT_START_HOUR', '24', 'integer from 0 to 23'],
    ['DEFAULT_START_HOUR', '7.5', 'integer from 0 to 23'],
    ['WORKERS', 'none', 'in-process, external'],
    ['TICK_MS', '19', 'integer from 20 to 1000'],
    ['TICK_MS', '1001', 'integer from 20 to 1000'],
    ['TICK_MS', '50.5', 'integer from 20 to 1000'],
    ['TRUST_PROXY', 'yes', 'false, true, a hop count'],
    ['TRUST_PROXY', '-1', 'false, true, a hop count'],
    ['TRUST_PROXY', '1.5', 'false, true, a hop count'],
    ['TRUST_PROXY', '10.0.0.0/33', 'addresses and subnets'],
    ['TRUST_PROXY', '10.0.0/8', 'addresses and subnets'],
    ['TRUST_PROXY', '10.0.0.1,,10.0.0.2', 'addresses and subnets'],
    ['TRUST_PROXY', 'proxy.internal', 'addresses and subnets'],
  ])('%s=%s is a ConfigError naming the variable, the value and what is allowed', (name, value, allowed) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { message, variable } = error as ConfigError;
    expect(variable).toBe(name);
    expect(message).toContain(`${name}="${value}"`);
    expect(message).toContain(allowed);
  });
});

describe('config: a worker process', () => {
  it('uses the local Redis and info logs by default', () => {
    expect(loadWorkerConfig({ REDIS_URL: '' })).toEqual({
      redis: 'redis://127.0.0.1:6379',
      logLevel: 'info',
      replicationMemoryMb: 2048,
      replicationTimeoutSeconds: 600,
    });
  });

  it('uses the cluster of REDIS_CLUSTER_NODES, and refuses it together with REDIS_URL', () => {
    expect(loadWorkerConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7000,127.0.0.1:7001' }).redis).toEqual({
      cluster: [
        { host: '127.0.0.1', port: 7000 },
        { host: '127.0.0.1', port: 7001 },
      ],
    });
    const both = { REDIS_CLUSTER_NODES: '127.0.0.1:7000', REDIS_URL: 'redis://h:1' };
    expect(() => loadWorkerConfig(both)).toThrow(/REDIS_URL="redis:\/\/h:1".*unset when REDIS_CLUSTER_NODES/);
    expect(() => loadConfig(both)).toThrow(ConfigError);
  });

  it('validates REDIS_URL and LOG_LEVEL like the server', () => {
    expect(loadWorkerConfig({ REDIS_URL: 'redis://h:1', LOG_LEVEL: 'warn' })).toMatchObject({
      redis: 'redis://h:1',
      logLevel: 'warn',
    });
    expect(() => loadWorkerConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL="loud"/);
    expect(() => loadWorkerConfig({ REDIS_URL: 'http://h' })).toThrow(ConfigError);
  });

  it('reads the replication caps like the server (its experiment worker runs replications too)', () => {
    const env = { REPLICATION_MEMORY_MB: '512', REPLICATION_TIMEOUT_SECONDS: '30' };
    expect(loadWorkerConfig(env)).toMatchObject({ replicationMemoryMb: 512, replicationTimeoutSeconds: 30 });
    expect(() => loadWorkerConfig({ REPLICATION_MEMORY_MB: '10' })).toThrow(/REPLICATION_MEMORY_MB="10"/);
  });
});
