import type { Comparison, ComparisonStatus, Scenario } from '@hotline-sim/shared';
import type { RedisClient } from '../redis/client';
import type { Logger } from 'pino';
import { compareScenariosOnQueue } from './queued-runs';
import { TrackedExperiments } from './tracked';

/** Comparisons the dashboard starts: two scenarios' replications on common random numbers. */
export class Comparisons {
  private readonly tracked: TrackedExperiments<Comparison>;

  constructor(private readonly deps: { redis: RedisClient; logger: Logger }) {
    this.tracked = new TrackedExperiments(deps, 'comparison');
  }

  async start(a: Scenario, b: Scenario, replications: number, seed?: number): Promise<ComparisonStatus> {
    const total = 2 * replications;
    const id = await this.tracked.start({ a: a.name, b: b.name, replications }, total, (run) =>
      compareScenariosOnQueue(a, b, {
        connection: this.deps.redis,
        replications,
        ...(seed === undefined ? {} : { seed }),
        ...run,
      }),
    );
    return { id, status: 'running', a: a.name, b: b.name, replications, done: 0, total };
  }

  async get(id: string): Promise<ComparisonStatus> {
    const s = await this.tracked.get(id);
    return {
      id,
      status: s.status,
      a: s.fields.a ?? '',
      b: s.fields.b ?? '',
      replications: Number(s.fields.replications),
      done: s.done,
      total: s.total,
      ...(s.result ? { comparison: s.result } : {}),
      ...(s.error ? { error: s.error } : {}),
    };
  }

  close(): Promise<void> {
    return this.tracked.close();
  }
}
