import { builtInScenario, builtInScenarioNames } from '../scenarios';
import { ScenarioError, validateScenario } from './load';
import type { Scenario } from './schema';

/**
 * Apply `patch` to `target` as a JSON Merge Patch (RFC 7396): objects merge key by key, `null` removes
 * a key, anything else (numbers, strings, arrays) replaces. Neither argument is changed.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return structuredClone(patch);
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? (target as Record<string, unknown>)
      : {};
  const entries = new Map(Object.entries(base).map(([k, v]) => [k, structuredClone(v)]));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) entries.delete(key);
    else entries.set(key, mergePatch(entries.get(key), value));
  }
  return Object.fromEntries(entries);
}

/** Reads the scenario a non-built-in `extends` names (a file, for the CLI): its data and its name for errors. */
export type ScenarioFileLoader = (
  ref: string,
  from: string,
) => { data: Record<string, unknown>; source: string };

/** How deep `extends` may chain: deeper is almost surely a loop. */
const MAX_DEPTH = 8;

/**
 * Resolve a scenario's `extends: <built-in name or file>` into the whole scenario data: the base
 * (itself resolved), with this file's other fields merged over it ({@link mergePatch}). Built-in names
 * always work; other references need `loadFile` (the CLI passes one that reads files relative to the
 * extending file; the server passes none).
 *
 * @throws ScenarioError naming the file and the problem: not a string, unknown name, a loop.
 */
export function resolveExtends(
  input: Record<string, unknown>,
  source = 'scenario',
  loadFile?: ScenarioFileLoader,
  chain: readonly string[] = [],
): Record<string, unknown> {
  if (!Object.hasOwn(input, 'extends')) return input;
  const { extends: ref, ...rest } = input;
  if (typeof ref !== 'string' || ref.length === 0) {
    throw new ScenarioError(['extends: must name a built-in scenario or a scenario file'], source);
  }
  if (chain.includes(ref) || chain.length >= MAX_DEPTH) {
    throw new ScenarioError(
      [`extends: "${ref}" leads back into itself (${[...chain, ref].join(' → ')})`],
      source,
    );
  }
  let base: Record<string, unknown>;
  if (builtInScenarioNames.includes(ref)) {
    base = structuredClone(builtInScenario(ref)) as unknown as Record<string, unknown>;
  } else if (loadFile) {
    const file = loadFile(ref, source);
    base = resolveExtends(file.data, file.source, loadFile, [...chain, ref]);
  } else {
    throw new ScenarioError(
      [
        `extends: no built-in scenario "${ref}" (built-in: ${builtInScenarioNames.join(', ')}); files only from the CLI`,
      ],
      source,
    );
  }
  return mergePatch(base, rest) as Record<string, unknown>;
}

/** A scenario from data that may `extends` another: resolved, then validated like any scenario. */
export function scenarioFromData(
  data: Record<string, unknown>,
  source = 'scenario',
  loadFile?: ScenarioFileLoader,
): Scenario {
  return validateScenario(resolveExtends(data, source, loadFile), source);
}
