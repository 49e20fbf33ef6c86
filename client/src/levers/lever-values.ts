import { LEVERS, type Lever } from '@hotline-sim/shared';

/** How a lever is edited: a switch, a count, a share (0-1), another number, or one of its choices. */
export type LeverInput = 'boolean' | 'integer' | 'share' | 'number' | 'choice';

/** The input of a catalogue lever, from its kind and range (shared/src/hotline/levers.ts). */
export function leverInput(lever: Lever): LeverInput {
  if (lever.kind !== 'number') return lever.kind;
  if (lever.integer) return 'integer';
  const [lo, hi] = lever.range ?? [0, Infinity];
  return !lever.relative && lo >= 0 && hi <= 1 ? 'share' : 'number';
}

/** The input of each lever in shared's LEVERS, by path. */
export const LEVER_INPUTS: Record<string, LeverInput> = Object.fromEntries(
  LEVERS.map((l) => [l.path, leverInput(l)]),
);

/** The value at a dotted path of a scenario object (undefined when a step is missing). */
export function getPath(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * A copy of `obj` with the value at `path` set (undefined removes it, so the scenario's default
 * applies), creating objects on the way. The original is not touched.
 */
export function setPath<T extends Record<string, unknown>>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return obj;
  if (rest.length === 0) {
    return Object.fromEntries(
      Object.entries({ ...obj, [head]: value }).filter(([, v]) => v !== undefined),
    ) as T;
  }
  const copy: Record<string, unknown> = { ...obj };
  const child = copy[head];
  copy[head] = setPath(
    child && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, unknown>) : {},
    rest.join('.'),
    value,
  );
  return copy as T;
}
