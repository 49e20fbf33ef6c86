import {
  explainGroups,
  type Comparison,
  type ComparisonStatus,
  type Explanation,
  type Scenario,
} from '@hotline-sim/shared';
import type { RedisClient } from '../redis/client';
import type { Logger } from 'pino';
import { compareScenariosOnQueue, explainScenariosOnQueue } from './queued-runs';
import { TrackedExperiments } from './tracked';

/** What a comparison leaves: the paired differences, and with `explain` their split over lever groups. */
interface Compared {
  comparison: Comparison;
  explanation?: Explanation;
}

/** Comparisons the dashboard starts: two scenarios' replications on common random numbers. */
export class Comparisons {
  private readonly tracked: TrackedExperiments<Compared>;

  constructor(private readonly deps: { redis: RedisClient; logger: Logger }) {
    this.tracked = new TrackedExperiments(deps, 'comparison');
  }

  /**
   * Start comparing a and b; with `explain`, every combination of the groups of levers that differ
   * runs too (2^k × replications), so the result also says why each KPI moved.
   */
  async start(
    a: Scenario,
    b: Scenario,
    replications: number,
    seed?: number,
    explain = false,
  ): Promise<ComparisonStatus> {
    // By driver at most 5 groups and `other`: always within what can be split.
    const coalitions = explain ? 2 ** explainGroups(a, b).groups.length : 2;
    const total = coalitions * replications;
    const options = { connection: this.deps.redis, replications, ...(seed === undefined ? {} : { seed }) };
    const fields = { a: a.name, b: b.name, replications, explain: explain ? 1 : 0 };
    const id = await this.tracked.start(fields, total, async (run) =>
      explain
        ? explainScenariosOnQueue(a, b, { ...options, ...run })
        : { comparison: await compareScenariosOnQueue(a, b, { ...options, ...run }) },
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
      ...(s.result ? { comparison: s.result.comparison } : {}),
      ...(s.result?.explanation ? { explanation: s.result.explanation } : {}),
      ...(s.error ? { error: s.error } : {}),
    };
  }

  close(): Promise<void> {
    return this.tracked.close();
  }
}
