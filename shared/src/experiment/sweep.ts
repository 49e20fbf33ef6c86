import { validateScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { runScenario, type ProgressListener, type Report } from './run-scenario';

/** A sweep path that names no numeric field of the scenario: says which path and why. */
export class SweepPathError extends Error {
  constructor(
    readonly path: string,
    /** Why, as the rest of the sentence after the path: `is not a field of the scenario (…)`. */
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
    this.name = 'SweepPathError';
  }
}

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return v !== null && typeof v === 'object';
}

/** Deep copy of plain data (objects and arrays of JSON values); frozen input gives unfrozen output. */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (isContainer(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
  return v;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Up to `max` paths of numbers inside `v`, for hints. */
function numbersInside(v: unknown, prefix: string, max: number, out: string[] = []): string[] {
  if (out.length >= max) return out;
  if (typeof v === 'number') out.push(prefix);
  else if (isContainer(v)) {
    for (const [k, x] of Object.entries(v)) numbersInside(x, `${prefix}.${k}`, max, out);
  }
  return out;
}

/** What `parent` (at `where`, '' for the top) holds, for the error when a key is missing. */
function fieldsOf(parent: Container, where: string): string {
  if (Array.isArray(parent)) {
    return parent.length === 0 ? `${where} is an empty list` : `${where} has entries 0-${parent.length - 1}`;
  }
  const keys = Object.keys(parent);
  if (keys.length === 0) return where ? `${where} has no fields` : 'the scenario has no fields';
  return `${where ? `fields of ${where}` : 'fields'}: ${keys.join(', ')}`;
}

/**
 * A deep copy of scenario input (plain data, before validation) with the number at a dotted path
 * replaced (a switch, true / false, takes 1 / 0): `intake.agents`, `intake.talkMinutes.exponential.mean`, `arrivals.hourOfDay.9` (list
 * entries by index). The input is not modified; a frozen, validated scenario is valid input too.
 *
 * @throws SweepPathError naming the path when it leads nowhere or the field there is not a number.
 */
export function setNumericPath(input: unknown, path: string, value: number): unknown {
  const keys = path.split('.');
  if (keys.some((k) => k === '')) {
    throw new SweepPathError(
      JSON.stringify(path),
      'is not a field path: name a number by its dotted path, e.g. intake.agents',
    );
  }
  const root = copy(input);
  let parent: unknown = root;
  for (const [i, key] of keys.entries()) {
    const where = keys.slice(0, i).join('.');
    const here = keys.slice(0, i + 1).join('.');
    if (!isContainer(parent)) {
      throw new SweepPathError(path, `is not a field of the scenario (${where} is ${kindOf(parent)})`);
    }
    // Own keys only: `constructor` or `__proto__` must not reach the prototype.
    const index = Array.isArray(parent) && /^(0|[1-9]\d*)$/.test(key) ? Number(key) : undefined;
    const exists = Array.isArray(parent)
      ? index !== undefined && index < parent.length
      : Object.hasOwn(parent, key);
    if (!exists)
      throw new SweepPathError(path, `is not a field of the scenario (${fieldsOf(parent, where)})`);
    const child: unknown = Array.isArray(parent) ? parent[index ?? -1] : parent[key];
    if (i < keys.length - 1) {
      parent = child;
      continue;
    }
    if (typeof child === 'boolean') {
      // A switch sweeps as 0 (off) and 1 (on), so `--set lifecycle.grid.enabled=0,1` compares both.
      if (value !== 0 && value !== 1)
        throw new SweepPathError(path, 'is a switch: sweep it as 0 (off) or 1 (on)');
      if (Array.isArray(parent)) parent[index ?? -1] = value === 1;
      else parent[key] = value === 1;
      return root;
    }
    if (typeof child !== 'number') {
      const inside = numbersInside(child, here, 4);
      const more = inside.length === 4 ? ', …' : '';
      const hint = inside.length > 0 ? `; numbers inside it: ${inside.slice(0, 3).join(', ')}${more}` : '';
      throw new SweepPathError(path, `is not a number (it is ${kindOf(child)}${hint})`);
    }
    if (Array.isArray(parent)) parent[index ?? -1] = value;
    else parent[key] = value;
  }
  return root;
}

export interface SweepOptions {
  /** Replications at each value. @defaultValue 1, as `runScenario` (batch-means intervals) */
  replications?: number;
  /** Base seed of every value. @defaultValue the scenario's own seed */
  seed?: number;
  /** Fraction of the whole sweep done, in [0, 1]. */
  onProgress?: ProgressListener;
}

/** One value of a sweep and the report of the scenario run with it. */
export interface SweepRow {
  value: number;
  report: Report;
}

/** What `sweepScenario` reports; the CLI prints it and `--json` emits it as is. */
export interface SweepResult {
  /** Name of the swept scenario. */
  scenario: string;
  /** The dotted path of the field that varies. */
  path: string;
  replications: number;
  /** One row per value, in the order given. */
  rows: SweepRow[];
}

/** One value of a sweep and the validated scenario that has it. */
export interface SweepVariant {
  value: number;
  scenario: Scenario;
}

/**
 * The scenarios of a sweep, one per value, each validated (see {@link sweepScenario}); for callers
 * that run them elsewhere (a queue of workers).
 *
 * @throws SweepPathError when the path names no number; ScenarioError when a variant is invalid;
 * Error when there are no values.
 */
export function sweepVariants(input: unknown, path: string, values: readonly number[]): SweepVariant[] {
  if (values.length === 0) throw new Error('a sweep needs at least one value');
  const name =
    isContainer(input) && !Array.isArray(input) && typeof input.name === 'string' ? input.name : '';
  return values.map((value) => ({
    value,
    scenario: validateScenario(
      setNumericPath(input, path, value),
      `${name || 'scenario'} with ${path} = ${value}`,
    ),
  }));
}

/**
 * Run a scenario once per value of one numeric field (see {@link setNumericPath}) and report each.
 * Every variant is validated before anything runs, so a value that breaks a rule (`intake.agents`
 * = 0) fails at once with a ScenarioError naming the field. All values run on the same seeds
 * (common random numbers: the same arrivals and talk times), so differences between rows come from
 * the field, not from noise; sweeping `seed` itself runs each value on its own seed.
 *
 * @param input - scenario input (plain data) or a validated scenario.
 * @throws SweepPathError when the path names no number; ScenarioError when a variant is invalid;
 * Error when there are no values.
 */
export function sweepScenario(
  input: unknown,
  path: string,
  values: readonly number[],
  options: SweepOptions = {},
): SweepResult {
  const variants = sweepVariants(input, path, values);
  const onProgress = options.onProgress;
  const rows = variants.map(({ value, scenario }, i): SweepRow => {
    const report = runScenario(scenario, {
      ...(options.replications === undefined ? {} : { replications: options.replications }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(onProgress ? { onProgress: (f: number) => onProgress((i + f) / variants.length) } : {}),
    });
    return { value, report };
  });
  return {
    scenario: variants[0]?.scenario.name ?? '',
    path,
    replications: options.replications ?? 1,
    rows,
  };
}
