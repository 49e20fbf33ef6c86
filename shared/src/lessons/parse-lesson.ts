import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { LEVERS, type Lever } from '../hotline/levers';
import { lessonSchema, type Lesson } from './lesson-schema';

/** A lesson that cannot be used, with every problem found, each naming its field (`steps[2].narration.en: required`). */
export class LessonError extends Error {
  constructor(
    readonly problems: readonly string[],
    readonly source = 'lesson',
  ) {
    super(`${source} is invalid: ${problems.join('; ')}`);
    this.name = 'LessonError';
  }
}

/** `steps[2].narration.en`: array positions in brackets, as an author counts them in the file. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(top level)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function issueText(issue: z.core.$ZodIssue, input: unknown): string {
  const where = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return `${where}: required`;
  return `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

const LEVER_BY_PATH = new Map<string, Lever>(LEVERS.map((l) => [l.path, l]));

/** Why `value` cannot be `lever`'s value, or null when it can. */
function leverValueProblem(lever: Lever, value: unknown): string | null {
  if (lever.kind === 'boolean')
    return typeof value === 'boolean' || value === 0 || value === 1 ? null : 'a switch: true or false';
  if (lever.kind === 'choice')
    return lever.choices?.includes(value as string) ? null : `one of ${lever.choices?.join(', ') ?? ''}`;
  if (typeof value !== 'number') return 'a number';
  return lever.integer && !Number.isInteger(value) ? 'a whole number' : null;
}

/**
 * What a lesson names that must exist: its lever paths and values (the levers catalogue), its
 * scenarios (`scenarioNames`, the built-in registry), and the steps its answers count from.
 */
export function lessonReferenceProblems(lesson: Lesson, scenarioNames: readonly string[]): string[] {
  const problems: string[] = [];
  lesson.steps.forEach((step, i) => {
    const scenario = step.run?.scenario;
    if (scenario !== undefined && !scenarioNames.includes(scenario))
      problems.push(`steps[${i}].run.scenario: no built-in scenario "${scenario}"`);
    for (const [path, value] of Object.entries(step.run?.set ?? {})) {
      const lever = LEVER_BY_PATH.get(path);
      const where = `steps[${i}].run.set.${path}`;
      if (!lever) problems.push(`${where}: no such lever (see \`hotline levers\`)`);
      else {
        const problem = leverValueProblem(lever, value);
        if (problem) problems.push(`${where}: expected ${problem}, got ${JSON.stringify(value)}`);
      }
    }
    if (step.answer && 'change' in step.answer && step.answer.change.fromStep >= i)
      problems.push(`steps[${i}].answer.change.fromStep: must be an earlier step (0 to ${i - 1})`);
  });
  return problems;
}

/**
 * A lesson from parsed JSON/YAML data: validated against the schema, then against what exists
 * (levers, `scenarioNames`). Throws {@link LessonError} naming every bad field.
 */
export function parseLesson(input: unknown, scenarioNames: readonly string[], source = 'lesson'): Lesson {
  const result = lessonSchema.safeParse(input);
  if (!result.success)
    throw new LessonError(
      result.error.issues.map((issue) => issueText(issue, input)),
      source,
    );
  const problems = lessonReferenceProblems(result.data, scenarioNames);
  if (problems.length > 0) throw new LessonError(problems, source);
  return result.data;
}

/** A lesson from the text of a YAML or JSON file (JSON is YAML); see {@link parseLesson}. */
export function parseLessonText(text: string, scenarioNames: readonly string[], source = 'lesson'): Lesson {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new LessonError([`not YAML or JSON: ${err instanceof Error ? err.message : String(err)}`], source);
  }
  return parseLesson(data, scenarioNames, source);
}
