/** How a lever is edited: a switch, a number, a share (0-1), the dispatch mode, or JSON (time limits, injects). */
export type LeverInput = 'boolean' | 'integer' | 'share' | 'mode' | 'json';

/** The input of each lever in shared's LEVERS (types from shared/src/hotline/lifecycle-schema.ts). */
export const LEVER_INPUTS: Record<string, LeverInput> = {
  'intake.agents': 'integer',
  'lifecycle.citizens.callbackReach': 'share',
  'lifecycle.dispatch.mode': 'mode',
  'lifecycle.dispatch.leadUnit': 'boolean',
  'lifecycle.whistle.enabled': 'boolean',
  'lifecycle.grid.enabled': 'boolean',
  'lifecycle.returns.review': 'boolean',
  'lifecycle.supervision.enabled': 'boolean',
  'lifecycle.assessment.ranking': 'boolean',
  'lifecycle.assessment.governanceList': 'boolean',
  'lifecycle.timeLimits': 'json',
  'lifecycle.proactive.monthlyTopic.topicsInForce': 'integer',
  'lifecycle.dispatch.smartAccuracy': 'share',
  'lifecycle.reforms.dataSharing': 'share',
  'lifecycle.reforms.oneNetwork': 'share',
  'lifecycle.proactive.hotSpots.enabled': 'boolean',
  'lifecycle.proactive.seasonal.enabled': 'boolean',
  'lifecycle.proactive.monthlyTopic.enabled': 'boolean',
  'lifecycle.injects': 'json',
};

export const DISPATCH_MODES = ['tiered', 'direct', 'smart'] as const;

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
