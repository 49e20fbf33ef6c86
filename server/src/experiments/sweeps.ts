import type { Scenario, SweepResult, SweepStatus } from '@hotline-sim/shared';
import type { RedisClient } from '../redis/client';
import type { Logger } from 'pino';
import { sweepScenarioOnQueue } from './queued-runs';
import { TrackedExperiments } from './tracked';

/** Sweeps the dashboard starts: one scenario at several values of one numeric field. */
export class Sweeps {
  private readonly tracked: TrackedExperiments<SweepResult>;

  constructor(private readonly deps: { redis: RedisClient; logger: Logger }) {
    this.tracked = new TrackedExperiments(deps, 'sweep');
  }

  /** The caller has checked the path and values (sweepVariants), so the sweep itself only runs. */
  async start(
    scenario: Scenario,
    path: string,
    values: readonly number[],
    replications: number,
    seed?: number,
  ): Promise<SweepStatus> {
    const total = values.length * replications;
    const fields = { scenario: scenario.name, path, values: JSON.stringify(values), replications };
    const id = await this.tracked.start(fields, total, (run) =>
      sweepScenarioOnQueue(scenario, path, values, {
        connection: this.deps.redis,
        replications,
        ...(seed === undefined ? {} : { seed }),
        ...run,
      }),
    );
    return {
      id,
      status: 'running',
      scenario: scenario.name,
      path,
      values: [...values],
      replications,
      done: 0,
      total,
    };
  }

  async get(id: string): Promise<SweepStatus> {
    const s = await this.tracked.get(id);
    return {
      id,
      status: s.status,
      scenario: s.fields.scenario ?? '',
      path: s.fields.path ?? '',
      values: s.fields.values ? (JSON.parse(s.fields.values) as number[]) : [],
      replications: Number(s.fields.replications),
      done: s.done,
      total: s.total,
      ...(s.result ? { sweep: s.result } : {}),
      ...(s.error ? { error: s.error } : {}),
    };
  }

  close(): Promise<void> {
    return this.tracked.close();
  }
}
