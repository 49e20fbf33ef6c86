/**
 * Rewrites shared/src/lessons/lesson.schema.json from the zod schema (run after changing
 * lesson-schema.ts; shared/src/lessons/lesson-json-schema.test.ts fails while the file is out of date):
 * `node --import tsx shared/scripts/lessons/write-schema.ts`
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { lessonJsonSchema } from '../../src/lessons/lesson-json-schema';

const target = fileURLToPath(new URL('../../src/lessons/lesson.schema.json', import.meta.url));
const text = await format(JSON.stringify(lessonJsonSchema()), {
  ...(await resolveConfig(target)),
  filepath: target,
});
writeFileSync(target, text);
process.stdout.write(`wrote ${target}\n`);
