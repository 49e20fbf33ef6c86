/**
 * The Redis used when neither `--redis`, REDIS_CLUSTER_NODES nor REDIS_URL names one. A module of its own so the CLI can
 * name it in `--help` without loading BullMQ (issue 16: a quick `hotline --help`).
 */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
