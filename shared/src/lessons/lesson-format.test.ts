import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { LEVERS } from '../hotline/levers';
import { LiveRun } from '../live/live-run';
import type { Scenario } from '../scenario/schema';
import { withLever } from '../levers';
import { builtInScenario, builtInScenarioNames } from '../scenarios';
import { BUILT_IN_LESSONS } from './builtin';
import { LESSON_JSON_SCHEMA, lessonJsonSchema } from './lesson-json-schema';
import { LessonError, parseLesson, parseLessonText } from './parse-lesson';
import type { Lesson, LessonStep } from './lesson-schema';

/**
 * Scenarios a built-in lesson may name before they are registered: `reform-timeline` is written on
 * another branch. Once the registry has it, it is checked like any other (the list is read first).
 */
const COMING_SCENARIOS = ['reform-timeline'];
const knownScenarios = [...builtInScenarioNames, ...COMING_SCENARIOS];

const small = (): Lesson => ({
  id: 'small',
  title: { zh: '小课', en: 'Small' },
  summary: { zh: '一课', en: 'One lesson' },
  steps: [
    { narration: { zh: '开始', en: 'Start' }, run: { scenario: 'beijing-weekday', speed: 60 } },
    {
      narration: { zh: '吹哨', en: 'Whistle' },
      run: { set: { 'lifecycle.whistle.enabled': true } },
      focus: { panel: 'kpis' },
      question: { zh: '多少？', en: 'How much?' },
      answer: { kpi: 'resolutionRate', change: { fromStep: 0 } },
    },
  ],
});

function problemsOf(input: unknown): readonly string[] {
  try {
    parseLesson(input, knownScenarios);
  } catch (err) {
    if (err instanceof LessonError) return err.problems;
    throw err;
  }
  throw new Error('the lesson was accepted');
}

describe('lesson format: errors name the field', () => {
  it('a missing narration text is named with its step: steps[1].narration.en: required', () => {
    const lesson = small() as unknown as { steps: { narration: Record<string, string> }[] };
    delete lesson.steps[1]?.narration.en;
    expect(problemsOf(lesson)).toEqual(['steps[1].narration.en: required']);
  });

  it('names unknown fields, unknown panels and KPIs', () => {
    const lesson = small() as unknown as Record<string, unknown> & { steps: Record<string, unknown>[] };
    lesson.colour = 'red';
    (lesson.steps[1] as { focus: unknown }).focus = { panel: 'weather' };
    (lesson.steps[1] as { answer: unknown }).answer = { kpi: 'happiness', at: 'now' };
    const problems = problemsOf(lesson);
    expect(problems).toContain('(top level): unknown field(s) colour');
    expect(problems.some((p) => p.startsWith('steps[1].focus.panel: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('steps[1].answer'))).toBe(true);
  });

  it('names a lever path not in the catalogue (the demand is one), a value of the wrong kind and an unknown scenario', () => {
    const [first, second] = small().steps as [LessonStep, LessonStep];
    const lesson = {
      ...small(),
      steps: [
        { ...first, run: { scenario: 'atlantis' } },
        {
          ...second,
          run: {
            set: {
              'lifecycle.weather': 1,
              'lifecycle.dispatch.mode': 'pigeon',
              'lifecycle.grid.enabled': 1,
              'arrivals.perHour': 900,
            },
          },
        },
      ],
    };
    expect(problemsOf(lesson)).toEqual([
      'steps[0].run.scenario: no built-in scenario "atlantis"',
      'steps[1].run.set.lifecycle.weather: no such lever (see `hotline levers`)',
      'steps[1].run.set.lifecycle.dispatch.mode: expected one of tiered, direct, smart, got "pigeon"',
      'steps[1].run.set.lifecycle.grid.enabled: expected a switch: true or false, got 1',
    ]);
  });

  it('an answer counts from an earlier step only', () => {
    const [first, second] = small().steps as [LessonStep, LessonStep];
    const lesson = {
      ...small(),
      steps: [first, { ...second, answer: { kpi: 'resolutionRate', change: { fromStep: 1 } } }],
    };
    expect(problemsOf(lesson)).toEqual(['steps[1].answer.change.fromStep: must be an earlier step (0 to 0)']);
  });

  it('reads YAML and JSON text alike, and names a file that is neither', () => {
    const lesson = small();
    expect(parseLessonText(stringify(lesson), knownScenarios)).toEqual(lesson);
    expect(parseLessonText(JSON.stringify(lesson), knownScenarios)).toEqual(lesson);
    expect(() => parseLessonText('steps: [', knownScenarios)).toThrow(/not YAML or JSON/);
  });
});

describe('lesson format: the published JSON Schema', () => {
  it('lesson.schema.json is the zod schema as generated (rerun shared/scripts/lessons/write-schema.ts)', () => {
    expect(LESSON_JSON_SCHEMA).toEqual(lessonJsonSchema());
    expect(LESSON_JSON_SCHEMA.required).toEqual(['id', 'title', 'summary', 'steps']);
  });
});

describe('built-in lessons', () => {
  it('five lessons with distinct ids, every text in zh and en', () => {
    expect(BUILT_IN_LESSONS).toHaveLength(5);
    expect(new Set(BUILT_IN_LESSONS.map((l) => l.id)).size).toBe(5);
  });

  it('every street, unit or district a step points the map at is in the city (a district by its office)', () => {
    const city = new LiveRun(builtInScenario('beijing-weekday') as Scenario, 1).model.city;
    const streets = new Set(city.city.streets.map((s) => s.id));
    const units = new Set(city.units.map((u) => u.id));
    const places = BUILT_IN_LESSONS.flatMap((l) => l.steps.flatMap((s) => (s.focus ? [s.focus] : [])));
    // Lesson 2 opens on Pinggu, where 吹哨报到 began: the check has something to check.
    expect(places.some((f) => f.district === '110117')).toBe(true);
    for (const f of places) {
      if (f.street !== undefined) expect(streets.has(f.street), f.street).toBe(true);
      for (const id of [f.unit, f.district]) if (id !== undefined) expect(units.has(id), id).toBe(true);
    }
  });

  for (const lesson of BUILT_IN_LESSONS) {
    it(`${lesson.id}: validates, and its levers and scenarios exist`, () => {
      // Every scenario the lesson starts is registered, or one still coming from another branch.
      const scenarios = lesson.steps.flatMap((s) => (s.run?.scenario ? [s.run.scenario] : []));
      for (const name of scenarios)
        expect(builtInScenarioNames.includes(name) || COMING_SCENARIOS.includes(name), name).toBe(true);
      expect(parseLesson(lesson, knownScenarios)).toEqual(lesson);
      const paths = new Set(LEVERS.map((l) => l.path));
      for (const step of lesson.steps)
        for (const path of Object.keys(step.run?.set ?? {})) expect(paths.has(path), path).toBe(true);
      // Its lever changes, made one after the other on its scenario, keep the scenario valid.
      const registered = scenarios.flatMap((name) => builtInScenario(name) ?? []);
      for (let scenario of registered)
        for (const step of lesson.steps)
          for (const [path, value] of Object.entries(step.run?.set ?? {}))
            scenario = withLever(scenario, path, value);
      // A lesson starts a run before anything else acts on one.
      expect(lesson.steps[0]?.run?.scenario).toBeDefined();
      // Narration a teacher reads out never points at developer documents.
      expect(JSON.stringify(lesson)).not.toMatch(/\.md\b|§/);
    });
  }
});
