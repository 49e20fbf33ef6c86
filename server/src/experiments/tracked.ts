import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../redis/client';
import type { Logger } from 'pino';
import { notFound } from '../http/errors';

/** How long an experiment's status and result stay readable after it was started. */
const KEEP_SECONDS = 24 * 3600;

/** What a tracked experiment's runner is given: its queue id, an abort signal and a progress sink. */
export interface TrackedRun {
  experimentId: string;
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
}

/** An experiment's status as Redis keeps it: the start fields, progress, then result or error. */
export interface TrackedState<Result> {
  fields: Record<string, string>;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result?: Result;
  error?: string;
}

/**
 * Experiments the dashboard starts (comparisons, sweeps): replications on the experiments queue (any
 * worker process, or the server's own), followed in a Redis hash so every server answers GET with
 * the same progress and result. The server that started one waits for it; if that server stops, the
 * experiment is marked failed and can be started again.
 */
export class TrackedExperiments<Result> {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly deps: { redis: RedisClient; logger: Logger },
    /** Names the hash (`hotline:<kind>:<id>`), the result's field, queue ids and log lines. */
    private readonly kind: string,
  ) {}

  private keyOf(id: string): string {
    return `hotline:${this.kind}:${id}`;
  }

  /** Record the experiment (its own `fields` beside the progress), start `run` and return the id at once. */
  async start(
    fields: Record<string, string | number>,
    total: number,
    run: (tracked: TrackedRun) => Promise<Result>,
  ): Promise<string> {
    const id = randomUUID().slice(0, 8);
    const key = this.keyOf(id);
    await this.deps.redis
      .multi()
      .hset(key, { ...fields, status: 'running', done: 0, total })
      .expire(key, KEEP_SECONDS)
      .exec();
    const abort = new AbortController();
    this.running.set(id, abort);
    let reported = 0;
    void run({
      experimentId: `${this.kind}-${id}`,
      signal: abort.signal,
      onProgress: (fraction) => {
        const done = Math.floor(fraction * total);
        if (done <= reported) return;
        reported = done;
        void this.deps.redis.hset(key, 'done', done).catch(() => undefined);
      },
    })
      .then((result) => this.finish(id, { status: 'done', done: total, [this.kind]: JSON.stringify(result) }))
      .catch((err: unknown) => {
        const error = err instanceof Error ? err.message : String(err);
        this.deps.logger.warn({ [this.kind]: id, error }, `${this.kind} failed`);
        return this.finish(id, { status: 'failed', error });
      })
      .finally(() => this.running.delete(id));
    return id;
  }

  async get(id: string): Promise<TrackedState<Result>> {
    const h = await this.deps.redis.hgetall(this.keyOf(id));
    if (!h.status) throw notFound(`${this.kind} "${id}"`);
    const { status, done, total, error, [this.kind]: result, ...fields } = h;
    return {
      fields,
      status: status as TrackedState<Result>['status'],
      done: Number(done),
      total: Number(total),
      ...(result ? { result: JSON.parse(result) as Result } : {}),
      ...(error ? { error } : {}),
    };
  }

  /** Abandon the experiments this server follows (their waiting jobs are removed); marks them failed. */
  async close(): Promise<void> {
    for (const abort of this.running.values()) abort.abort();
    while (this.running.size > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private async finish(id: string, fields: Record<string, string | number>): Promise<void> {
    await this.deps.redis
      .hset(this.keyOf(id), fields)
      .catch((err: unknown) =>
        this.deps.logger.warn({ err, [this.kind]: id }, `could not save a ${this.kind}`),
      );
  }
}
