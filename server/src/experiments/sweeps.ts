import { randomUUID } from 'node:crypto';
import type { Scenario, SweepResult, SweepStatus } from '@hotline-sim/shared';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { notFound } from '../live/errors';
import { sweepScenarioOnQueue } from './queued-runs';

/** How long a sweep's status and result stay readable after it was started. */
const KEEP_SECONDS = 24 * 3600;

const keyOf = (id: string) => `hotline:sweep:${id}`;

/**
 * Sweeps the dashboard starts: one scenario at several values of one numeric field, every value's
 * replications on the experiments queue (any worker process, or the server's own), followed in Redis
 * so every server answers GET with the same progress and result. As the comparisons: the server that
 * started a sweep waits for it; if that server stops, the sweep is marked failed.
 */
export class Sweeps {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: { redis: Redis; logger: Logger }) {}

  /** The caller has checked the path and values (sweepVariants), so the sweep itself only runs. */
  async start(
    scenario: Scenario,
    path: string,
    values: readonly number[],
    replications: number,
    seed?: number,
  ): Promise<SweepStatus> {
    const id = randomUUID().slice(0, 8);
    const status: SweepStatus = {
      id,
      status: 'running',
      scenario: scenario.name,
      path,
      values: [...values],
      replications,
      done: 0,
      total: values.length * replications,
    };
    const key = keyOf(id);
    const { values: list, ...flat } = status;
    await this.deps.redis
      .multi()
      .hset(key, { ...flat, values: JSON.stringify(list) })
      .expire(key, KEEP_SECONDS)
      .exec();
    const abort = new AbortController();
    this.running.set(id, abort);
    let reported = 0;
    void sweepScenarioOnQueue(scenario, path, values, {
      connection: this.deps.redis,
      replications,
      ...(seed === undefined ? {} : { seed }),
      experimentId: `sweep-${id}`,
      signal: abort.signal,
      onProgress: (fraction) => {
        const done = Math.floor(fraction * status.total);
        if (done <= reported) return;
        reported = done;
        void this.deps.redis.hset(key, 'done', done).catch(() => undefined);
      },
    })
      .then((sweep) => this.finish(id, { status: 'done', done: status.total, sweep }))
      .catch((err: unknown) => {
        const error = err instanceof Error ? err.message : String(err);
        this.deps.logger.warn({ sweep: id, error }, 'sweep failed');
        return this.finish(id, { status: 'failed', error });
      })
      .finally(() => this.running.delete(id));
    return status;
  }

  async get(id: string): Promise<SweepStatus> {
    const h = await this.deps.redis.hgetall(keyOf(id));
    if (!h.status) throw notFound(`sweep "${id}"`);
    return {
      id,
      status: h.status as SweepStatus['status'],
      scenario: h.scenario ?? '',
      path: h.path ?? '',
      values: h.values ? (JSON.parse(h.values) as number[]) : [],
      replications: Number(h.replications),
      done: Number(h.done),
      total: Number(h.total),
      ...(h.sweep ? { sweep: JSON.parse(h.sweep) as SweepResult } : {}),
      ...(h.error ? { error: h.error } : {}),
    };
  }

  /** Abandon the sweeps this server follows (their waiting jobs are removed); marks them failed. */
  async close(): Promise<void> {
    for (const abort of this.running.values()) abort.abort();
    while (this.running.size > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private async finish(
    id: string,
    fields: { status: 'done' | 'failed'; done?: number; sweep?: SweepResult; error?: string },
  ): Promise<void> {
    const { sweep, ...rest } = fields;
    await this.deps.redis
      .hset(keyOf(id), { ...rest, ...(sweep ? { sweep: JSON.stringify(sweep) } : {}) })
      .catch((err: unknown) => this.deps.logger.warn({ err, sweep: id }, 'could not save a sweep'));
  }
}
