import { loadCachedCities } from './cities/cache';
import { ConfigError, loadCityDir, loadConfig } from './config';
import { createLogger } from './logger';
import { RedisUnavailableError, resolveRedis, type RedisEndpoint } from './redis/connect';
import { startServer } from './server';

/*
 * `npm start`: the live server on its embedded defaults. Redis from REDIS_CLUSTER_NODES (a Redis
 * Cluster), else REDIS_URL, else 127.0.0.1:6379, else a private redis-server under .data/redis; SIGTERM or SIGINT shuts down gracefully.
 */
let config;
try {
  config = loadConfig();
  loadCachedCities(loadCityDir()); // cities built by `hotline city`: a run may name one
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`hotline-sim: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
const logger = createLogger(config, 'server');
let endpoint: RedisEndpoint;
try {
  endpoint = await resolveRedis(config, logger);
} catch (err) {
  if (err instanceof RedisUnavailableError) {
    console.error(`hotline-sim: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
const server = await startServer(config, endpoint.target, logger);
logger.info(
  { url: server.url, redis: endpoint.source, workers: config.workers },
  `hotline-sim is live at ${server.url}`,
);

let closing = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (closing) process.exit(1);
  closing = true;
  logger.info({ signal }, 'shutting down: handing runs back and finishing jobs in flight');
  await server.close();
  await endpoint.stop();
  process.exit(0);
}
process.on('SIGTERM', (s) => void shutdown(s));
process.on('SIGINT', (s) => void shutdown(s));
