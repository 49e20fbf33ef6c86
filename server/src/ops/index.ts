export { ADMIN_QUEUES_PATH, queuesBoard } from './admin';
export { exportRoutes } from './export-routes';
export { healthRoutes } from './health';
export { Metrics } from './metrics';
export { metricsRoutes } from './metrics-route';
export { OPENAPI } from './openapi';
