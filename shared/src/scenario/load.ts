import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { z } from 'zod';
import { categoryById } from '../catalogue/categories';
import { cityUnitById } from '../catalogue/units';
import { cityOfScenario } from '../city/registry';
import type { City } from '../city/types';
import { parseIsoDate } from '../engine/calendar';
import { scenarioSchema, type Scenario } from './schema';

/** A scenario that cannot run, with every problem found, each naming its field path and rule. */
export class ScenarioError extends Error {
  constructor(
    readonly problems: readonly string[],
    readonly source = 'scenario',
  ) {
    super(`${source} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** `intake.agents: must be greater than 0, got -3`: the path, the rule, the offending value. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(top level)';
    const rule = issue.message.replace(/^Invalid input: /, '');
    if (issue.code === 'unrecognized_keys') return `${path}: unknown field(s) ${issue.keys.join(', ')}`;
    const got = valueAt(input, issue.path);
    return `${path}: ${rule}, got ${describe(got)}`;
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Ids a scenario names that must exist in the catalogue or the city: categories, units, districts. */
function referenceProblems(s: z.output<typeof scenarioSchema>, city: () => City): string[] {
  const problems: string[] = [];
  const category = (path: string, id: string) => {
    if (!categoryById(id))
      problems.push(`${path}: unknown category "${id}" (see the catalogue, e.g. heating, noise-nuisance)`);
  };
  s.arrivals.trace?.forEach((e, i) => {
    if (e.category !== undefined) category(`arrivals.trace.${i}.category`, e.category);
  });
  s.lifecycle?.injects.forEach((inject, i) => {
    const path = `lifecycle.injects.${i}`;
    if (
      inject.kind === 'outage' &&
      !cityUnitById(inject.unitId) &&
      !city().streetById.has(inject.unitId) &&
      !city().districtById.has(inject.unitId)
    ) {
      problems.push(
        `${path}.unitId: unknown unit "${inject.unitId}" (a city unit id such as "power", or a street or district code)`,
      );
    }
    if (inject.kind === 'surge') {
      inject.categories?.forEach((id, j) => category(`${path}.categories.${j}`, id));
      if (inject.districtId !== undefined && !city().districtById.has(inject.districtId)) {
        problems.push(
          `${path}.districtId: unknown district "${inject.districtId}" (a division code such as "110105")`,
        );
      }
    }
  });
  return problems;
}

/**
 * Validate a scenario object: fill defaults, check every rule (districts and units it names must be
 * in `city`, by default Beijing), freeze. Throws ScenarioError.
 */
export function validateScenario(input: unknown, source = 'scenario', city?: City): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw new ScenarioError(formatIssues(result.error.issues, input), source);
  try {
    parseIsoDate(result.data.start);
  } catch (e) {
    throw new ScenarioError([`start: ${(e as Error).message}`], source);
  }
  // The default city is built only when an inject names a street or district to look up.
  const problems = referenceProblems(result.data, () => city ?? cityOfScenario(result.data));
  if (problems.length > 0) throw new ScenarioError(problems, source);
  return deepFreeze(result.data) as Scenario;
}

/**
 * Parse scenario text (JSON or YAML, told apart by the file name or, without one, by the first
 * character), then validate it. Syntax errors are reported with their line.
 */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  return validateScenario(parseScenarioData(text, source), source);
}

/** The object a scenario text holds (JSON or YAML), not yet validated: `extends` is resolved on it. */
export function parseScenarioData(text: string, source = 'scenario'): Record<string, unknown> {
  const json = source.endsWith('.json') || (!/\.ya?ml$/.test(source) && text.trimStart().startsWith('{'));
  let data: unknown;
  try {
    data = json ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ScenarioError(
      [`not valid ${json ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`],
      source,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioError(['(top level): must be an object with name, hours, arrivals and intake'], source);
  }
  return data as Record<string, unknown>;
}

/** A scenario as text a user can edit and load again: YAML or JSON, every default written out. */
export function formatScenario(scenario: Scenario, format: 'yaml' | 'json' = 'json'): string {
  return format === 'yaml'
    ? stringifyYaml(scenario, { lineWidth: 0 })
    : `${JSON.stringify(scenario, null, 2)}\n`;
}
