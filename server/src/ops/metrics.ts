import type { KpiEstimate, Report } from '@hotline-sim/shared';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RunManager } from '../live/run-manager';
import type { TickResult } from '../live/tick-result';
import { STAGES } from '../live/stages';

/**
 * Prometheus metrics of this server: process defaults, the stage queues (depth, workers), jobs
 * applied per stage (rate() of the counter = jobs/s) and their latency, ticks, runs by status and
 * the KPIs of live runs. Queue and run gauges are read from Redis when scraped.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly jobs: Counter<'stage'>;
  private readonly latency: Histogram<'stage'>;
  private readonly ticks: Histogram;

  constructor(manager: RunManager) {
    const registry = this.registry;
    collectDefaultMetrics({ register: registry, prefix: 'hotline_' });
    this.jobs = new Counter({
      name: 'hotline_live_jobs_total',
      help: 'Appeal jobs applied by the stage workers, per stage queue (runs this server owns)',
      labelNames: ['stage'],
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'hotline_live_job_latency_seconds',
      help: "Wall time from a job's release to its tick settling (every job of the tick applied): an upper bound of each job's own latency",
      labelNames: ['stage'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.ticks = new Histogram({
      name: 'hotline_live_tick_seconds',
      help: 'Wall time from release to settle of each clock tick with work (runs this server owns)',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    new Gauge({
      name: 'hotline_queue_jobs',
      help: 'Jobs in each stage queue by state',
      labelNames: ['stage', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        await Promise.all(
          STAGES.map(async (stage) => {
            const c = await manager.queues[stage].getJobCounts(
              'waiting',
              'prioritized',
              'active',
              'delayed',
              'failed',
            );
            this.set({ stage, state: 'waiting' }, (c.waiting ?? 0) + (c.prioritized ?? 0));
            for (const state of ['active', 'delayed', 'failed'] as const)
              this.set({ stage, state }, c[state] ?? 0);
          }),
        );
      },
    });
    new Gauge({
      name: 'hotline_queue_workers',
      help: 'Workers listening on each stage queue (all processes)',
      labelNames: ['stage'],
      registers: [registry],
      async collect() {
        this.reset();
        await Promise.all(
          STAGES.map(async (stage) => this.set({ stage }, await manager.queues[stage].getWorkersCount())),
        );
      },
    });
    new Gauge({
      name: 'hotline_runs',
      help: 'Runs by status',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        this.reset();
        const counts: Record<string, number> = { running: 0, paused: 0, finished: 0, stopped: 0 };
        for (const run of await manager.list()) counts[run.status] = (counts[run.status] ?? 0) + 1;
        for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
      },
    });
    const liveRuns = async () =>
      (await manager.list()).filter((r) => r.status === 'running' || r.status === 'paused');
    new Gauge({
      name: 'hotline_run_kpi',
      help: 'KPIs of live runs (point estimates so far, from the latest report)',
      labelNames: ['run', 'kpi'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const run of await liveRuns()) {
          const report: Report | null = await manager.report(run.id).catch(() => null);
          if (!report) continue;
          for (const [kpi, estimate] of Object.entries(report.kpis) as [string, KpiEstimate][])
            if (Number.isFinite(estimate.mean)) this.set({ run: run.id, kpi }, estimate.mean);
        }
      },
    });
    new Gauge({
      name: 'hotline_run_virtual_seconds',
      help: 'Virtual time released in each live run',
      labelNames: ['run'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const run of await liveRuns()) this.set({ run: run.id }, run.virtualTime);
      },
    });
    new Gauge({
      name: 'hotline_run_effective_speed',
      help: 'Virtual seconds per wall second each live run achieved lately',
      labelNames: ['run'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const run of await liveRuns()) this.set({ run: run.id }, run.effectiveSpeed);
      },
    });
  }

  /** Count a settled tick of a run this server owns. */
  onTick(tick: TickResult): void {
    if (!tick.jobsByStage) return;
    const seconds = (Date.now() - tick.releasedAt) / 1000;
    let any = false;
    for (const stage of STAGES) {
      const n = tick.jobsByStage[stage];
      if (!n) continue;
      any = true;
      this.jobs.inc({ stage }, n);
      for (let i = 0; i < n; i++) this.latency.observe({ stage }, seconds);
    }
    if (any) this.ticks.observe(seconds);
  }
}
