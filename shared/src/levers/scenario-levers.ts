import { setNumericPath } from '../experiment/sweep';
import { LEVERS, type Lever, type LeverKind, type VioteDriver } from '../hotline/levers';
import { validateScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { SERVICE_LEVERS } from '../services/levers';

/** A lever's value in a scenario. */
export type LeverValue = number | boolean | string;

/** One lever of one scenario, as `hotline levers` prints it. */
export interface LeverEntry {
  path: string;
  driver: VioteDriver;
  /** The scenario's current value (defaults filled). */
  value: LeverValue;
  kind: LeverKind;
  /** Numbers: the swing's low and high end in this scenario. */
  range?: [number, number];
  choices?: string[];
  zh: string;
  en: string;
  explain: { zh: string; en: string };
}

/** The value at a dotted path of a (validated) scenario; undefined when a step is missing. */
export function leverValue(scenario: unknown, path: string): unknown {
  let v: unknown = scenario;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function rangeIn(lever: Lever, value: number): [number, number] | undefined {
  if (!lever.range) return undefined;
  const [lo, hi] = lever.relative ? lever.range.map((f) => f * value) : lever.range;
  // A relative range of a count keeps at least 1 (agents); an absolute one is as written.
  const round = (x: number) =>
    lever.integer ? (lever.relative ? Math.max(1, Math.round(x)) : Math.round(x)) : x;
  return [round(lo as number), round(hi as number)];
}

/**
 * The levers of a scenario with their current values: every catalogue lever (the hotline's, then the
 * service matters') whose path exists in it (an intake-only scenario has no lifecycle levers) and nothing overrides, in catalogue order.
 */
export function scenarioLevers(scenario: Scenario): LeverEntry[] {
  const out: LeverEntry[] = [];
  for (const lever of [...LEVERS, ...SERVICE_LEVERS]) {
    const value = leverValue(scenario, lever.path);
    const fits =
      (lever.kind === 'boolean' && typeof value === 'boolean') ||
      (lever.kind === 'number' && typeof value === 'number') ||
      (lever.kind === 'choice' && typeof value === 'string');
    if (!fits || (lever.overriddenBy && leverValue(scenario, lever.overriddenBy) !== undefined)) continue;
    const range = typeof value === 'number' ? rangeIn(lever, value) : undefined;
    out.push({
      path: lever.path,
      driver: lever.driver,
      value: value as LeverValue,
      kind: lever.kind,
      ...(range ? { range } : {}),
      ...(lever.choices ? { choices: [...lever.choices] } : {}),
      zh: lever.zh,
      en: lever.en,
      explain: { ...lever.explain },
    });
  }
  return out;
}

/** The scenario with one lever set, validated (a choice by its word, a switch by true / false). */
export function withLever(scenario: Scenario, path: string, value: LeverValue): Scenario {
  let input: unknown;
  if (typeof value === 'string') {
    input = structuredClone(scenario) as unknown;
    const keys = path.split('.');
    const last = keys.pop() as string;
    const parent = leverValue(input, keys.join('.'));
    if (parent === null || typeof parent !== 'object' || typeof leverValue(parent, last) !== 'string') {
      throw new Error(`${path} is not a choice of ${scenario.name}`);
    }
    (parent as Record<string, unknown>)[last] = value;
  } else {
    input = setNumericPath(scenario, path, typeof value === 'boolean' ? Number(value) : value);
  }
  return validateScenario(input, `${scenario.name} with ${path} = ${String(value)}`);
}

/** One one-at-a-time swing of a lever: the scenario at `from` against the scenario at `to`. */
export interface LeverSwing {
  path: string;
  driver: VioteDriver;
  from: LeverValue;
  to: LeverValue;
  a: Scenario;
  b: Scenario;
}

/**
 * The swings of a sensitivity analysis: a switch off → on, a number from the low to the high end of
 * its range, a choice from the current value to each other choice. Everything else stays as the
 * scenario has it.
 */
export function leverSwings(scenario: Scenario, paths?: readonly string[]): LeverSwing[] {
  const swings: LeverSwing[] = [];
  for (const entry of scenarioLevers(scenario)) {
    if (paths && !paths.includes(entry.path)) continue;
    const pairs: [LeverValue, LeverValue][] =
      entry.kind === 'boolean'
        ? [[false, true]]
        : entry.kind === 'choice'
          ? (entry.choices ?? []).filter((c) => c !== entry.value).map((c) => [entry.value, c])
          : entry.range && entry.range[0] !== entry.range[1]
            ? [entry.range]
            : [];
    for (const [from, to] of pairs) {
      swings.push({
        path: entry.path,
        driver: entry.driver,
        from,
        to,
        a: withLever(scenario, entry.path, from),
        b: withLever(scenario, entry.path, to),
      });
    }
  }
  return swings;
}
