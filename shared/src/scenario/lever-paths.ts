/**
 * Which scenario fields may change while a run goes on (a scenario's `timeline`, an instructor's
 * lever change in a live run): the arrival rate, the agents, and the lifecycle's levers. Everything
 * else fixes the run itself (its length, seed, start, city data) or is an input of its own kind
 * (injects, training seats), and a change to it is refused with the reason.
 */

/** Fields outside the lifecycle that may change during a run. */
const LIVE_OUTSIDE_LIFECYCLE: ReadonlySet<string> = new Set(['arrivals.perHour', 'intake.agents']);

/** Lifecycle fields that cannot change during a run, each with why. */
const FIXED_IN_LIFECYCLE: readonly (readonly [string, string])[] = [
  ['lifecycle.injects', 'injects are fired as inputs of their own (the inject panel, POST …/injects)'],
  ['lifecycle.training', 'training seats are opened when the run starts'],
  [
    'lifecycle.proactive.hotSpots.windowDays',
    'the hot-spot window holds the counts of its days: its length is fixed when the run starts',
  ],
];

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);

/**
 * Why a dotted path cannot be changed during a run, or undefined when it can (whether the value is
 * right is the scenario schema's to say). Parents of levers count as levers
 * (`lifecycle.adoption.whistle` takes `{ share, districts }`).
 */
export function leverPathProblem(path: string): string | undefined {
  if (path === '' || path.split('.').some((k) => k === '')) {
    return 'is not a field path: name a lever by its dotted path, e.g. lifecycle.whistle.enabled';
  }
  if (LIVE_OUTSIDE_LIFECYCLE.has(path)) return undefined;
  if (path === 'lifecycle' || !path.startsWith('lifecycle.')) {
    return 'cannot change during a run: only arrivals.perHour, intake.agents and lifecycle levers can (see `hotline levers`)';
  }
  for (const [prefix, why] of FIXED_IN_LIFECYCLE) {
    if (under(path, prefix) || under(prefix, path)) return `cannot change during a run: ${why}`;
  }
  return undefined;
}

/** Copy of plain data (the scenario is frozen; the copy is not). */
export function plainCopy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Set `value` at a dotted path of plain data, in place. Returns why it cannot (a missing parent
 * object, a prototype key), or undefined when set. A missing last key is added: the schema then says
 * whether the field exists (its objects are strict).
 */
export function setPlainPath(
  root: Record<string, unknown>,
  path: string,
  value: unknown,
): string | undefined {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let parent: unknown = root;
  for (const [i, key] of keys.entries()) {
    const child =
      parent !== null && typeof parent === 'object' && !Array.isArray(parent) && Object.hasOwn(parent, key)
        ? (parent as Record<string, unknown>)[key]
        : undefined;
    if (child === null || typeof child !== 'object' || Array.isArray(child)) {
      return `is not a field of the scenario (${keys.slice(0, i + 1).join('.')} is not a section)`;
    }
    parent = child;
  }
  if (last === '__proto__' || last === 'constructor' || last === 'prototype') {
    return 'is not a field of the scenario';
  }
  (parent as Record<string, unknown>)[last] = value;
  return undefined;
}
