import { pino } from 'pino';
import { loadCachedCities } from '../cities/cache';
import { ConfigError, loadCityDir, loadWorkerConfig, type WorkerConfig } from '../config';
import { describeRedis } from '../redis/client';
import { WORKER_ROLES, startWorkers } from './start-workers';

/*
 * `npm run worker`: a process that only works the queues (every role of WORKER_ROLES), any number of
 * them on any machine sharing one Redis (or one Redis Cluster). SIGTERM or SIGINT closes gracefully: no new jobs, the jobs in
 * progress finish, exit 0.
 */

let config: WorkerConfig;
try {
  config = loadWorkerConfig();
  loadCachedCities(loadCityDir()); // cities built by `hotline city`: a job may name one
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`hotline worker: ${err.message}\n`);
  process.exit(2);
}
const { redis } = config;
const logger = pino({ name: 'worker', level: config.logLevel, timestamp: pino.stdTimeFunctions.isoTime });

const slow = setTimeout(
  () => logger.warn({ redis: describeRedis(redis) }, 'waiting for Redis to answer'),
  3000,
);
const workers = await startWorkers(WORKER_ROLES, {
  redis,
  logger,
  caps: { memoryMb: config.replicationMemoryMb, timeoutSeconds: config.replicationTimeoutSeconds },
});
clearTimeout(slow);
logger.info({ redis: describeRedis(redis), roles: workers.roles }, 'worker ready');

let closing = false;
function shutdown(signal: NodeJS.Signals): void {
  if (closing) {
    // A second signal: stop now; the jobs in progress will be found stalled and run elsewhere.
    logger.warn({ signal }, 'second signal: exiting without waiting');
    process.exit(1);
  }
  closing = true;
  logger.info({ signal }, 'closing: finishing the jobs in progress');
  workers.close().then(
    () => {
      logger.info('closed');
      process.exit(0);
    },
    (err: unknown) => {
      logger.error({ err: err instanceof Error ? err.message : String(err) }, 'close failed');
      process.exit(1);
    },
  );
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
