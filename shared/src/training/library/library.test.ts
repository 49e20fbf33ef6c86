import { describe, expect, it } from 'vitest';
import { builtInScenario } from '../../scenarios';
import { SCORE_ITEMS } from '../score';
import { exerciseSchema } from '../wire';
import { EXERCISE_LIBRARY, isLibraryId, libraryExercise } from '.';

/** Every built-in exercise is a valid exercise, bilingual, and the library runs beginner → advanced. */
describe('the exercise library', () => {
  it('holds at least six exercises, each valid as written against exerciseSchema', () => {
    expect(EXERCISE_LIBRARY.length).toBeGreaterThanOrEqual(6);
    for (const e of EXERCISE_LIBRARY) {
      const { id, builtin, level, createdAt, title, description, emphasis, ...def } = e;
      expect({ id, builtin, level, createdAt }).toBeTruthy();
      // Parsing adds no defaults and drops nothing: the definition is complete as written.
      expect(exerciseSchema.parse(def), id).toEqual(def);
      expect(isLibraryId(id)).toBe(true);
      expect(libraryExercise(id)).toBe(e);
      for (const text of [title, description, ...(def.goals ?? [])]) {
        expect(text.zh, id).toMatch(/[\u4e00-\u9fff]/);
        // English, with a Chinese term in brackets at most.
        expect(text.en.replace(/[(（][^)）]*[)）]/gu, ''), id).not.toMatch(/[\u4e00-\u9fff]/);
        expect(text.en, id).toMatch(/[A-Za-z]{3,}/);
      }
      expect(def.goals?.length, id).toBeGreaterThanOrEqual(2);
      expect(def.name).toBe(`${title.zh} · ${title.en}`);
      expect(emphasis.length, id).toBeGreaterThan(0);
      for (const item of emphasis) expect(SCORE_ITEMS, id).toContain(item);
      expect(Object.keys(def.roles ?? {}).sort(), id).toEqual([...def.seats].sort());
    }
    expect(new Set(EXERCISE_LIBRARY.map((e) => e.id)).size).toBe(EXERCISE_LIBRARY.length);
  });

  it('runs from beginner to advanced, with every seat role and every inject inside its scenario', () => {
    const rank = { beginner: 0, intermediate: 1, advanced: 2 };
    const ranks = EXERCISE_LIBRARY.map((e) => rank[e.difficulty]);
    expect(ranks[0]).toBe(0);
    expect(new Set(ranks)).toEqual(new Set([0, 1, 2]));
    expect(EXERCISE_LIBRARY.map((e) => e.level)).toEqual([...EXERCISE_LIBRARY.map((e) => e.level)].sort());
    const roles = new Set(EXERCISE_LIBRARY.flatMap((e) => Object.values(e.roles ?? {})));
    expect(roles).toEqual(new Set(['dispatch', 'review', 'callback']));
    for (const e of EXERCISE_LIBRARY) {
      const scenario = typeof e.scenario === 'string' ? builtInScenario(e.scenario) : undefined;
      expect(scenario?.lifecycle, e.id).toBeDefined();
      for (const inject of e.script) expect(inject.atHours, e.id).toBeLessThan(scenario?.hours ?? 0);
    }
  });
});
