import {
  cityPlan,
  type CityComparison,
  type CityComparisonStatus,
  type CityEntry,
} from '@hotline-sim/shared';
import type { Logger } from 'pino';
import type { RedisClient } from '../redis/client';
import { compareCitiesOnQueue } from './queued-runs';
import { TrackedExperiments } from './tracked';

/** The three-city comparisons the dashboard starts: every city's runs on the experiments queue. */
export class CityComparisons {
  private readonly tracked: TrackedExperiments<CityComparison>;

  constructor(private readonly deps: { redis: RedisClient; logger: Logger }) {
    this.tracked = new TrackedExperiments(deps, 'cities');
  }

  /** Start the comparison: each city's scenario as it is, and with each lever in use switched off. */
  async start(
    entries: readonly CityEntry[],
    options: { replications: number; hours: number; seed?: number },
  ): Promise<CityComparisonStatus> {
    const plan = cityPlan(entries, options);
    const total = plan.runs.length * plan.replications;
    const fields = { replications: plan.replications, hours: options.hours };
    const id = await this.tracked.start(fields, total, (run) =>
      compareCitiesOnQueue(plan, { connection: this.deps.redis, ...run }),
    );
    return { id, status: 'running', ...fields, done: 0, total };
  }

  async get(id: string): Promise<CityComparisonStatus> {
    const s = await this.tracked.get(id);
    return {
      id,
      status: s.status,
      replications: Number(s.fields.replications),
      hours: Number(s.fields.hours),
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
