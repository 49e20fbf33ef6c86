import { randomUUID } from 'node:crypto';
import type { Comparison, ComparisonStatus, Scenario } from '@hotline-sim/shared';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { notFound } from '../live/errors';
import { compareScenariosOnQueue } from './queued-runs';

/** How long a comparison's status and result stay readable after it was started. */
const KEEP_SECONDS = 24 * 3600;

const keyOf = (id: string) => `hotline:comparison:${id}`;

/**
 * Comparisons the dashboard starts: two scenarios' replications on the experiments queue (any
 * worker process, or the server's own), followed in Redis so every server answers GET with the same
 * progress and result. The server that started a comparison waits for it; if that server stops, the
 * comparison is marked failed and can be started again.
 */
export class Comparisons {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: { redis: Redis; logger: Logger }) {}

  async start(a: Scenario, b: Scenario, replications: number, seed?: number): Promise<ComparisonStatus> {
    const id = randomUUID().slice(0, 8);
    const status: ComparisonStatus = {
      id,
      status: 'running',
      a: a.name,
      b: b.name,
      replications,
      done: 0,
      total: 2 * replications,
    };
    const key = keyOf(id);
    await this.deps.redis
      .multi()
      .hset(key, { ...status, replications, done: 0, total: status.total })
      .expire(key, KEEP_SECONDS)
      .exec();
    const abort = new AbortController();
    this.running.set(id, abort);
    let reported = 0;
    void compareScenariosOnQueue(a, b, {
      connection: this.deps.redis,
      replications,
      ...(seed === undefined ? {} : { seed }),
      experimentId: `compare-${id}`,
      signal: abort.signal,
      onProgress: (fraction) => {
        const done = Math.floor(fraction * status.total);
        if (done <= reported) return;
        reported = done;
        void this.deps.redis.hset(key, 'done', done).catch(() => undefined);
      },
    })
      .then((comparison) => this.finish(id, { status: 'done', done: status.total, comparison }))
      .catch((err: unknown) => {
        const error = err instanceof Error ? err.message : String(err);
        this.deps.logger.warn({ comparison: id, error }, 'comparison failed');
        return this.finish(id, { status: 'failed', error });
      })
      .finally(() => this.running.delete(id));
    return status;
  }

  async get(id: string): Promise<ComparisonStatus> {
    const h = await this.deps.redis.hgetall(keyOf(id));
    if (!h.status) throw notFound(`comparison "${id}"`);
    return {
      id,
      status: h.status as ComparisonStatus['status'],
      a: h.a ?? '',
      b: h.b ?? '',
      replications: Number(h.replications),
      done: Number(h.done),
      total: Number(h.total),
      ...(h.comparison ? { comparison: JSON.parse(h.comparison) as Comparison } : {}),
      ...(h.error ? { error: h.error } : {}),
    };
  }

  /** Abandon the comparisons this server follows (their waiting jobs are removed); marks them failed. */
  async close(): Promise<void> {
    for (const abort of this.running.values()) abort.abort();
    while (this.running.size > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private async finish(
    id: string,
    fields: { status: 'done' | 'failed'; done?: number; comparison?: Comparison; error?: string },
  ): Promise<void> {
    const { comparison, ...rest } = fields;
    await this.deps.redis
      .hset(keyOf(id), { ...rest, ...(comparison ? { comparison: JSON.stringify(comparison) } : {}) })
      .catch((err: unknown) => this.deps.logger.warn({ err, comparison: id }, 'could not save a comparison'));
  }
}
