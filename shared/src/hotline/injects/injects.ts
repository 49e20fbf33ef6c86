import { SECONDS_PER_HOUR } from '../../engine/calendar';
import type { DeepReadonly } from '../../util/deep-readonly';
import type { Inject } from '../lifecycle-schema';
import type { ModelState } from '../model-state';
import type { WorkStage } from '../stages/work-stage';
import type { Batches } from './batches';
import type { Surges } from './surges';

/**
 * Injects: events a scenario or an instructor puts into a running city — demand surges, a unit's
 * outage, the start of heating, and batches of appeals for the training seats. Each starts at its
 * time and ends after its hours.
 */
export class Injects {
  /** The scenario's injects, then those fired during a live run (`now`), by index. */
  private readonly injects: DeepReadonly<Inject>[];
  private readonly startEvent: number;
  private readonly endEvent: number;

  constructor(
    private readonly s: ModelState,
    private readonly work: Pick<WorkStage, 'stop' | 'resume'>,
    private readonly surges: Pick<Surges, 'start' | 'stop'>,
    private readonly batches: Pick<Batches, 'start'>,
  ) {
    this.injects = [...s.lc.injects];
    this.startEvent = s.sim.defineEvent(this.onStart.bind(this));
    this.endEvent = s.sim.defineEvent(this.onEnd.bind(this));
  }

  /** Schedule the scenario's injects that start before the horizon. */
  start(): void {
    this.injects.forEach((inject, i) => {
      const at = inject.atHours * SECONDS_PER_HOUR;
      if (at < this.s.end) this.s.sim.at(at, this.startEvent, i);
    });
  }

  /** An inject fired by an instructor during a live run: it starts at the model's clock and lasts `inject.hours`. */
  now(inject: DeepReadonly<Inject>): void {
    this.injects.push(inject);
    this.s.sim.at(this.s.sim.now, this.startEvent, this.injects.length - 1);
  }

  private onStart(i: number): void {
    const s = this.s;
    const inject = this.injects[i];
    if (!inject) return;
    const endAt = s.sim.now + inject.hours * SECONDS_PER_HOUR;
    s.sim.at(endAt, this.endEvent, i);
    switch (inject.kind) {
      case 'outage': {
        const unit = s.city.unitById.get(inject.unitId);
        if (unit !== undefined) this.work.stop(unit, endAt);
        return;
      }
      case 'ambiguous-batch':
        this.batches.start('ambiguous', inject.count, endAt);
        return;
      case 'emergency-batch':
        this.batches.start('emergency', inject.count, endAt);
        return;
      case 'duplicates-batch':
        this.batches.start('duplicates', inject.count, endAt);
        return;
      case 'heating-start':
        this.surges.start(
          i,
          { factor: inject.factor, categories: ['heating'], districtId: undefined },
          endAt,
        );
        return;
      case 'surge':
        this.surges.start(
          i,
          { factor: inject.factor, categories: inject.categories, districtId: inject.districtId },
          endAt,
        );
        return;
    }
  }

  private onEnd(i: number): void {
    const inject = this.injects[i];
    if (inject?.kind === 'outage') {
      const unit = this.s.city.unitById.get(inject.unitId);
      if (unit !== undefined) this.work.resume(unit);
      return;
    }
    this.surges.stop(i);
  }
}
