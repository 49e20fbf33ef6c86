import { z } from 'zod';
import { lessonSchema } from './lesson-schema';
import published from './lesson.schema.json';

/**
 * The lesson file's JSON Schema, generated from the zod schema (what an author writes: defaults
 * optional). Rules that need the catalogues (lever paths, scenario names) are checked on upload only.
 */
export function lessonJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(lessonSchema, { io: 'input', unrepresentable: 'any' });
  return { ...schema, title: 'hotline-sim lesson (GET /api/lessons/schema.json)' };
}

/** The schema as published (lesson.schema.json, kept in the repository and served by the API). */
export const LESSON_JSON_SCHEMA: Record<string, unknown> = published;
