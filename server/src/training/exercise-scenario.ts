import { DIFFICULTY, meanPerHour, type ExerciseDefinition, type Scenario } from '@hotline-sim/shared';
import { ApiError } from '../http/errors';
import { resolveScenario } from '../live/run-info';

/**
 * The exercise's scenario as it runs: the base, with the seats. The script is not part of it (it goes
 * into the run's schedule), but is checked against it: units, categories and districts it names
 * exist, and every inject comes before the end of arrivals.
 */
export function exerciseScenario(base: Scenario, def: ExerciseDefinition): Record<string, unknown> {
  if (!base.lifecycle) {
    throw new ApiError(
      422,
      `scenario "${base.name}" has no lifecycle section: an exercise needs appeals to dispatch`,
    );
  }
  const d = DIFFICULTY[def.difficulty];
  // Calls go to the dispatch seats only (review and callback seats take returns and callbacks).
  const dispatchers = def.seats.filter((s) => (def.roles?.[s] ?? 'dispatch') === 'dispatch').length;
  const share = Math.min(1, (dispatchers * d.perSeatHour) / meanPerHour(base));
  const plain = JSON.parse(JSON.stringify(base)) as Record<string, unknown> & {
    lifecycle: Record<string, unknown>;
  };
  const late = def.script.findIndex((i) => i.atHours >= base.hours);
  if (late >= 0)
    throw new ApiError(
      422,
      `script.${late}.atHours: ${def.script[late]?.atHours} h is at or after the end of the scenario's arrivals (${base.hours} h)`,
    );
  const scenario = {
    ...plain,
    name: `${base.name} · ${def.name}`,
    lifecycle: {
      ...plain.lifecycle,
      training: {
        seats: def.seats,
        share,
        holdMinutes: d.holdMinutes,
        ambiguity: d.ambiguity,
        ...(def.roles ? { roles: def.roles } : {}),
      },
    },
  };
  try {
    resolveScenario({ ...scenario, lifecycle: { ...scenario.lifecycle, injects: def.script } });
  } catch (err) {
    if (err instanceof ApiError)
      throw new ApiError(422, err.message.replaceAll('lifecycle.injects.', 'script.'));
    throw err;
  }
  return scenario;
}
