import { cityOfScenario } from '../city/registry';
import { SECONDS_PER_HOUR } from '../engine/calendar';
import { HotlineModel } from '../hotline/hotline-model';
import { observationTotals } from '../report/hotline-kpis';
import type { Replication } from '../report/kpis';
import {
  periodRows,
  summarisePeriods,
  timelinePeriods,
  type CountPoint,
  type PeriodRow,
  type PeriodSummary,
} from '../report/periods';
import type { Scenario } from '../scenario/schema';
import { buildReport, replicationSeed, type Report, type RunOptions } from './run-scenario';

/** A run reported by its timeline's periods as well as over the whole run. */
export interface PeriodRun {
  report: Report;
  /** Each period over the replications: mean counts, the proactive share with its 95 % CI. */
  periods: PeriodSummary[];
  /** Each replication's rows (replication r on the seed `runScenario` gives it). */
  replications: PeriodRow[][];
}

/** Virtual seconds before a boundary at which its counts are read. */
const BEFORE = 1e-3;
/** Progress steps over the horizon, besides the periods' boundaries. */
const PROGRESS_STEPS = 100;

/**
 * `runScenario` for a scenario whose timeline names periods: the same replications on the same
 * seeds (so the same report), each stopped at every period boundary to read the running counts, from
 * which each period's row is the difference (counted at receipt). Throws for a scenario without a
 * lifecycle or without periods: there is nothing to report by period.
 */
export function runScenarioByPeriod(scenario: Scenario, options: RunOptions = {}): PeriodRun {
  const periods = timelinePeriods(scenario.timeline, scenario.hours);
  if (!scenario.lifecycle || periods.length === 0) {
    throw new Error(`scenario "${scenario.name}" has no timeline periods to report by (timeline[].period)`);
  }
  const replications = options.replications ?? 1;
  if (!Number.isInteger(replications) || replications < 1) {
    throw new Error(`replications must be a positive integer, got ${replications}`);
  }
  const seed = options.seed ?? scenario.seed;
  const city = options.city ?? cityOfScenario(scenario);
  const horizon = scenario.hours * SECONDS_PER_HOUR;
  const boundaries = new Set(periods.flatMap((p) => [p.from, p.to]));
  const stops = [
    ...new Set([
      ...boundaries,
      ...Array.from({ length: PROGRESS_STEPS }, (_, i) => ((i + 1) * horizon) / PROGRESS_STEPS),
    ]),
  ].sort((a, b) => a - b);
  const runs: Replication[] = [];
  const rows: PeriodRow[][] = [];
  for (let r = 0; r < replications; r++) {
    const model = new HotlineModel(scenario, replicationSeed(seed, r), { city });
    const points: CountPoint[] = [];
    for (const [i, t] of stops.entries()) {
      // Before the start nothing has been counted (periodRows reads 0 there).
      if (boundaries.has(t) && t > 0) {
        // Counts at a boundary are read before its own events fire: work drawn at the boundary (the
        // grid draws an hour's discoveries at its start, a timeline entry switches a reform on)
        // belongs to the period it opens.
        model.advance(Math.max(model.sim.now, t - BEFORE));
        points.push(countsAt(model, t));
      }
      model.advance(t);
      options.onProgress?.((r + (i + 1) / stops.length) / replications);
    }
    const hotline = model.drain();
    runs.push({ intake: hotline.intake, hotline });
    rows.push(periodRows(points, periods));
  }
  return {
    report: buildReport(scenario, seed, runs, city),
    periods: summarisePeriods(rows),
    replications: rows,
  };
}

function countsAt(model: HotlineModel, at: number): CountPoint {
  const totals = observationTotals(model.observe());
  return {
    at,
    reactiveOrders: totals.workOrders,
    proactiveTasks: totals.proactiveTasks,
    gridOrders: totals.gridOrders,
  };
}
