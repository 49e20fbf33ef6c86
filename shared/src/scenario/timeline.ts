import { z } from 'zod';
import { leverPathProblem, plainCopy, setPlainPath } from './lever-paths';

/**
 * One dated change of a scenario's timeline: at `at` hours from the start the levers in `set` take
 * their new values (the same paths and values as `hotline --set` and a live run's lever change).
 */
export const timelineEntrySchema = z.strictObject({
  /** Virtual hours from the run's start; entries come in time order, before the run's `hours`. */
  at: z.number().nonnegative(),
  /** What changed, as the dashboard marks it on the time axis. */
  label: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
  /** The period the change opens, when the scenario reports by period (e.g. `2019`, `2021-Q1`). */
  period: z.string().min(1).optional(),
  /** Lever path → new value. */
  set: z
    .record(z.string(), z.unknown())
    .refine((set) => Object.keys(set).length > 0, { message: 'needs at least one lever to set' }),
});

export type TimelineEntryInput = z.input<typeof timelineEntrySchema>;

/** A scenario's dated lever changes, in time order. */
export const timelineSchema = z.array(timelineEntrySchema);

type Issue = { path: (string | number)[]; message: string };

/**
 * The problems of a parsed scenario's timeline: entries out of time order or beyond the horizon,
 * paths that cannot change during a run, and values the scenario's rules refuse once the entries
 * up to it are applied (`check` validates a scenario without its timeline). Each problem's path
 * names the entry and the lever (`timeline.2.set.lifecycle.whistle.enabled`).
 */
export function timelineIssues(
  scenario: {
    hours: number;
    lifecycle?: unknown;
    timeline?: readonly z.output<typeof timelineEntrySchema>[] | undefined;
  },
  check: (input: unknown) => readonly { path: PropertyKey[]; message: string; keys?: unknown }[],
): Issue[] {
  const timeline = scenario.timeline;
  if (!timeline || timeline.length === 0) return [];
  if (scenario.lifecycle === undefined) {
    return [
      {
        path: ['timeline'],
        message: 'needs the lifecycle section: the intake-only model takes no lever changes',
      },
    ];
  }
  const issues: Issue[] = [];
  const { timeline: _omit, ...rest } = scenario;
  const state = plainCopy(rest) as Record<string, unknown>;
  // A recorded trace is not a lever: one entry keeps the arrivals rule without re-sorting it per entry.
  const arrivals = state.arrivals as { trace?: unknown[] } | undefined;
  if (arrivals?.trace) arrivals.trace = arrivals.trace.slice(0, 1);
  let previous = 0;
  for (const [i, entry] of timeline.entries()) {
    if (entry.at < previous) {
      issues.push({
        path: ['timeline', i, 'at'],
        message: `must not come before the entry above it (at ${previous} h)`,
      });
    }
    previous = Math.max(previous, entry.at);
    if (entry.at >= scenario.hours) {
      issues.push({
        path: ['timeline', i, 'at'],
        message: `must lie within the run (before hours: ${scenario.hours})`,
      });
    }
    let settable = true;
    for (const [path, value] of Object.entries(entry.set)) {
      const problem = leverPathProblem(path) ?? setPlainPath(state, path, value);
      if (problem) {
        issues.push({ path: ['timeline', i, 'set', path], message: problem });
        settable = false;
      }
    }
    const problems = settable ? check(state) : [];
    for (const p of problems) {
      const at = p.path.map(String).join('.');
      // An unknown key is reported on its parent: name the field itself.
      const fields = 'keys' in p && Array.isArray(p.keys) ? p.keys.map((k) => `${at}.${String(k)}`) : [at];
      for (const field of fields) {
        const lever = Object.keys(entry.set).find((k) => field === k || field.startsWith(`${k}.`));
        const rule = fields.length > 1 || field !== at ? 'is not a field of the scenario' : p.message;
        issues.push({
          path: ['timeline', i, 'set', lever ?? field],
          message: lever && lever !== field ? `${field}: ${rule}` : rule,
        });
      }
    }
    // Later entries build on the state this one leaves: after a refused one they would only echo it.
    if (!settable || problems.length > 0) break;
  }
  return issues;
}
