import { civilFromDays, parseIsoDate, SECONDS_PER_HOUR } from '../engine/calendar';
import type { AppliedLeverChange } from '../hotline/lever-changes';
import { LEVERS } from '../hotline/levers';
import { leverValue, type LeverValue } from '../levers/scenario-levers';
import { applyLevers } from '../scenario/lever-set';
import type { Scenario } from '../scenario/schema';

/** The part of a live run's logged inputs this reads (live-run.ts's LiveInput). */
type LoggedInput =
  | { at: number; kind: 'levers'; set: Record<string, unknown>; label?: { zh: string; en: string } }
  | { at: number; kind: 'inject' | 'appeal' | 'decision' | 'review' | 'callback' };

/**
 * The current value of every catalogue lever in a scenario, and the arrival rate (contract C1). A
 * demand year the scenario leaves out is the year of its start, as the model takes it.
 */
export function leverValuesOf(scenario: Scenario): Record<string, LeverValue> {
  const out: Record<string, LeverValue> = {};
  for (const path of ['arrivals.perHour', ...LEVERS.map((l) => l.path)]) {
    const value =
      path === 'lifecycle.demandYear'
        ? (scenario.lifecycle?.demandYear ?? civilFromDays(parseIsoDate(scenario.start)).year)
        : leverValue(scenario, path);
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
      out[path] = value;
  }
  return out;
}

/**
 * A live run's lever changes up to virtual second `upTo`, read from what any server has: the
 * scenario's timeline entries whose time has come and the instructors' changes in the input log, in
 * the order the model applies them (at one time, the timeline's event before a logged input), with
 * the scenario and values they leave. A change the model refused (it cannot happen to one the server checked, but
 * a replay must not stop on it) is left out, as the model leaves it.
 */
export function leverHistory(
  scenario: Scenario,
  inputs: readonly LoggedInput[],
  upTo: number,
): { scenario: Scenario; values: Record<string, LeverValue>; changes: AppliedLeverChange[] } {
  const timeline: AppliedLeverChange[] = (scenario.timeline ?? []).map((e) => ({
    at: e.at * SECONDS_PER_HOUR,
    set: { ...e.set },
    source: 'timeline',
    label: { ...e.label },
  }));
  const logged: AppliedLeverChange[] = inputs.flatMap((i) =>
    i.kind === 'levers'
      ? [
          {
            at: i.at,
            set: { ...i.set },
            source: 'instructor' as const,
            ...(i.label ? { label: i.label } : {}),
          },
        ]
      : [],
  );
  // Stable sort: the timeline first at equal times (its events were scheduled before any input).
  const all = [...timeline, ...logged].filter((c) => c.at <= upTo).sort((a, b) => a.at - b.at);
  const changes: AppliedLeverChange[] = [];
  let current = scenario;
  for (const change of all) {
    try {
      current = applyLevers(current, change.set);
      changes.push(change);
    } catch {
      // Refused by the scenario's rules: the model refused it too.
    }
  }
  return { scenario: current, values: leverValuesOf(current), changes };
}
