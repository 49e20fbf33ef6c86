import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Config } from './config';
import { createApp, type App } from './http/app';
import { cityComparisonRoutes } from './http/city-comparison-routes';
import type { Logger } from './logger';
import { RunManager } from './live/run-manager';
import { CityComparisons } from './experiments/city-comparisons';
import { Comparisons } from './experiments/comparisons';
import { Sweeps } from './experiments/sweeps';
import { exerciseRoutes } from './training/exercise-routes';
import { Exercises } from './training/exercises';
import { EXPERIMENTS_QUEUE } from './experiments';
import { Queue } from 'bullmq';
import { WORKER_ROLES, startWorkers, type RunningWorkers } from './worker/start-workers';
import { bullConnection, bullPrefix, createRedisClient, type RedisTarget } from './redis/client';
import { openStore, type RunStore } from './store';
import { Auth, ensureInstructorPassword } from './auth';
import { open311Routes } from './open311';
import {
  ADMIN_QUEUES_PATH,
  Metrics,
  OPENAPI,
  exportRoutes,
  healthRoutes,
  metricsRoutes,
  queuesBoard,
} from './ops';
import { instructorOnly } from './auth';
import { lessonApi } from './lessons';
import { cityRoutes } from './http/city-routes';

export interface RunningServer {
  url: string;
  port: number;
  app: App;
  manager: RunManager;
  store: RunStore;
  comparisons: Comparisons;
  sweeps: Sweeps;
  auth: Auth;
  /** This process's BullMQ workers (every role), unless they are left to worker processes. */
  workers: RunningWorkers | undefined;
  /** Graceful: stop taking requests, hand runs back (another server takes over at once), finish jobs in flight. */
  close(): Promise<void>;
}

/**
 * Start one server process's parts against `target` (a Redis URL, or a Redis Cluster's nodes): the
 * run manager (and the clocks of the runs it owns), REST + Socket.IO (Redis adapter: on a cluster
 * its pub/sub goes through ioredis' Cluster, which @socket.io/redis-adapter supports; its sharded
 * adapter does not take an ioredis Cluster), in-process workers of every role unless
 * `config.workers` is external, and the default run when none is live.
 */
export async function startServer(
  config: Config,
  target: RedisTarget,
  logger: Logger,
): Promise<RunningServer> {
  const redis = createRedisClient(target, 'hotline-server');
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection error'));
  const pub = createRedisClient(target, 'hotline-io-pub');
  const sub = createRedisClient(target, 'hotline-io-sub');
  for (const c of [pub, sub]) c.on('error', () => undefined);
  const store = openStore(config.sqlitePath);
  const password = ensureInstructorPassword(store, config.instructorPassword);
  if (password.generated) {
    // Printed once, on stdout whatever the log level: the hash is stored, the password never is.
    process.stdout.write(
      `instructor password: ${password.generated}  (shown once; set INSTRUCTOR_PASSWORD to choose one)\n`,
    );
  }
  const auth = new Auth(redis, password.hash, config.cookieSecure, config.loginRateLimit);
  // The realtime layer needs the manager and the manager feeds it ticks: a holder breaks the cycle.
  const realtime: { onTick?: App['realtime']['onTick'] } = {};
  const training: { exercises?: Exercises } = {};
  const manager = new RunManager({
    redis,
    target,
    logger,
    tickMs: config.tickMs,
    modelCache: config.runModelCache,
    archive: store,
    onRunEnd: (id) => {
      training.exercises
        ?.recordResults(id)
        .catch((err: unknown) => logger.warn({ err, run: id }, 'could not record the training results'));
    },
    onTick: (tick) => {
      realtime.onTick?.(tick);
      metrics?.onTick(tick);
    },
  });
  const metrics: Metrics | undefined = new Metrics(manager);
  const comparisons = new Comparisons({ redis, logger });
  const sweeps = new Sweeps({ redis, logger });
  const cityComparisons = new CityComparisons({ redis, logger });
  const exercises = new Exercises(store.db, manager, auth.codes);
  training.exercises = exercises;
  // bull-board's handle on the experiments queue (comparisons and `--queue` runs put jobs there).
  const boardConnection = bullConnection(target, 'hotline-board');
  const experimentsQueue = new Queue(EXPERIMENTS_QUEUE, {
    connection: boardConnection.connection,
    prefix: bullPrefix(EXPERIMENTS_QUEUE),
  });
  experimentsQueue.on('error', () => undefined);
  const app = createApp({
    manager,
    comparisons,
    sweeps,
    logger,
    clientDist: config.clientDist,
    adapter: createAdapter(pub, sub),
    auth,
    allowedOrigins: config.allowedOrigins,
    apiRoutes: [
      cityRoutes(config.city),
      exportRoutes(manager),
      cityComparisonRoutes(cityComparisons),
      exerciseRoutes(exercises, { chromiumPath: config.chromiumPath }),
      lessonApi({ manager, redis, chromiumPath: config.chromiumPath, io: () => app.io }),
    ],
    extraRoutes: (app) => {
      app.use(healthRoutes({ manager, pingStore: () => store.ping() }));
      app.use(metricsRoutes(metrics, config.metricsToken));
      app.get('/api/openapi.json', (_req, res) => {
        res.json(OPENAPI);
      });
      const board = queuesBoard([...Object.values(manager.queues), experimentsQueue]);
      app.use(
        ADMIN_QUEUES_PATH,
        instructorOnly,
        (_req, res, next) => {
          // bull-board's page runs inline scripts: the dashboard's CSP would blank it.
          res.removeHeader('Content-Security-Policy');
          next();
        },
        board,
      );
      app.use(
        '/open311/v2',
        open311Routes({
          manager,
          auth,
          logger,
          postsPerMinute: config.open311RateLimit,
          getsPerMinute: config.open311ReadRateLimit,
        }),
      );
      app.use('/open311', (_req, res) => {
        res
          .status(404)
          .json([
            { code: 404, description: 'no such Open311 endpoint (GeoReport v2: /open311/v2/discovery.json)' },
          ]);
      });
    },
  });
  // Behind a trusted HTTPS proxy, req.secure (COOKIE_SECURE=auto) and req.ip follow X-Forwarded-*.
  app.express.set('trust proxy', config.trustProxy);
  realtime.onTick = (tick) => app.realtime.onTick(tick);
  await manager.start();
  const http = app.http;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  // Listening first, then taking jobs (issue 13): whatever the queues hold, /healthz answers.
  const workers =
    config.workers === 'in-process'
      ? await startWorkers(WORKER_ROLES, {
          redis: target,
          logger,
          caps: { memoryMb: config.replicationMemoryMb, timeoutSeconds: config.replicationTimeoutSeconds },
        })
      : undefined;

  if (config.defaultRun) {
    const live = (await manager.list()).some((r) => r.status === 'running' || r.status === 'paused');
    if (!live) {
      const run = await manager.create({
        scenario: config.defaultRun,
        speed: config.defaultSpeed,
        startHour: config.defaultStartHour,
        paused: false,
        city: config.city,
      });
      logger.info(
        { run: run.id, scenario: run.scenario, city: run.city, speed: run.speed },
        'started the default run',
      );
    }
  }

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    app,
    manager,
    comparisons,
    sweeps,
    store,
    auth,
    workers,
    close() {
      closed ??= (async () => {
        app.realtime.close();
        await new Promise<void>((resolve) => {
          app.io.close(() => resolve());
        });
        await comparisons.close();
        await sweeps.close();
        await cityComparisons.close();
        await experimentsQueue.close();
        boardConnection.close();
        await manager.close();
        await workers?.close();
        store.close();
        for (const c of [redis, pub, sub]) c.disconnect();
      })();
      return closed;
    },
  };
}
