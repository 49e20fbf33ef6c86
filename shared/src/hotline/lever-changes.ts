import { SECONDS_PER_HOUR } from '../engine/calendar';
import type { IntakeModel } from '../intake/intake-model';
import { applyLevers, type LeverSet } from '../scenario/lever-set';
import type { ModelState } from './model-state';

/** Who changed levers during a run: the scenario's timeline, or an instructor in a live run. */
export type LeverSource = 'timeline' | 'instructor';

/** A lever change that took effect, at virtual second `at`. */
export interface AppliedLeverChange {
  at: number;
  set: Record<string, unknown>;
  source: LeverSource;
  label?: { zh: string; en: string };
}

/** How a change is recorded: its source (default instructor) and label. */
export interface LeverNote {
  source?: LeverSource;
  label?: { zh: string; en: string } | undefined;
}

/**
 * Levers that change during a run (`HotlineModel.setLevers`, the scenario's `timeline`): the new
 * values are validated by the scenario's rules, replace the model's scenario from the current virtual
 * time on (parts that cache derived values refresh: `ModelState.changeLevers`), and the intake
 * follows a new arrival rate or agent count. Every change is logged with its time and source.
 */
export class LeverChanges {
  /** Changes that took effect, in time order. */
  readonly log: AppliedLeverChange[] = [];

  constructor(
    private readonly s: ModelState,
    private readonly intake: IntakeModel,
  ) {}

  /** Schedule the scenario's timeline: entries at hour 0 apply now, the rest as events at their hour. */
  scheduleTimeline(): void {
    const timeline = this.s.scenario.timeline ?? [];
    const sim = this.s.sim;
    const event = sim.defineEvent((i) => {
      const entry = timeline[i];
      if (entry) this.set(entry.set, { source: 'timeline', label: entry.label });
    });
    timeline.forEach((entry, i) => {
      if (entry.at === 0) this.set(entry.set, { source: 'timeline', label: entry.label });
      else sim.at(entry.at * SECONDS_PER_HOUR, event, i);
    });
  }

  /** Change levers now; throws (changing nothing) when a path or value is refused. */
  set(set: LeverSet, note: LeverNote = {}): void {
    const s = this.s;
    if ('intake.agents' in set && s.scenario.intake.agentsByHour) {
      throw new Error('intake.agents: does nothing while intake.agentsByHour sets the agents by hour');
    }
    const next = applyLevers(s.scenario, set);
    s.changeLevers(next);
    if (next.arrivals.perHour !== undefined) this.intake.setPerHour(next.arrivals.perHour);
    if (!next.intake.agentsByHour) this.intake.setAgents(next.intake.agents);
    this.log.push({
      at: s.sim.now,
      set: { ...set },
      source: note.source ?? 'instructor',
      ...(note.label ? { label: { ...note.label } } : {}),
    });
  }
}
