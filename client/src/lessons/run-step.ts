import type { RunInfo } from '@hotline-sim/shared';
import type { LessonRun } from '@hotline-sim/shared';
import { api, leversApi } from '../api';

/** A step's actions need a run and there is none (the lesson starts none before this step). */
export class NoRunError extends Error {
  constructor() {
    super('no run');
    this.name = 'NoRunError';
  }
}

/**
 * Do what a step says to the run, in the lesson format's order: start the scenario (a new run, at
 * the step's speed, paused if it says so); the levers, the inject, the speed (of a run already
 * going), then pause or resume. Returns the run the step leaves the class looking at, and the new run if one
 * was started (the page follows it).
 */
export async function runStepActions(
  actions: LessonRun | undefined,
  runId: string | null,
): Promise<{ runId: string | null; started: RunInfo | null }> {
  if (!actions) return { runId, started: null };
  let started: RunInfo | null = null;
  let id = runId;
  if (actions.scenario !== undefined) {
    started = await api.createRun({
      scenario: actions.scenario,
      ...(actions.speed === undefined ? {} : { speed: actions.speed }),
      paused: actions.pause === true,
    });
    id = started.id;
  }
  const needsRun =
    (actions.speed !== undefined && !started) ||
    actions.set !== undefined ||
    actions.inject !== undefined ||
    actions.pause === true ||
    actions.resume === true;
  if (!needsRun) return { runId: id, started };
  if (id === null) throw new NoRunError();
  if (actions.speed !== undefined && !started) await api.speed(id, actions.speed);
  if (actions.set !== undefined) await leversApi.set(id, actions.set);
  if (actions.inject !== undefined) await api.inject(id, actions.inject);
  if (actions.pause === true && !started) await api.pause(id);
  if (actions.resume === true) await api.resume(id);
  return { runId: id, started };
}
