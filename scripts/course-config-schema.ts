// Writes course.config.schema.json, the JSON Schema editors check a course configuration with, from the zod schema
// the build checks it with (site/course/course-config.ts), so the two never disagree.
//
//   npm run course-schema
//
// tests/site/course/course-config.test.ts proves the committed file equal to what this makes.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { COURSE_CONFIG_SCHEMA_FILE, courseConfigSchema } from '../site/course/course-config.ts';

/** The JSON Schema of a course configuration, as the text of course.config.schema.json. */
export function courseConfigJsonSchema(): string {
  const schema = zodToJsonSchema(courseConfigSchema, { $refStrategy: 'none', target: 'jsonSchema7' }) as Record<string, unknown>;
  // A chapter's exercise choice is `include` or `exclude`, never both: a rule zod states as a refinement, which
  // JSON Schema states as "not both required".
  const chapters = (schema.properties as Record<string, { items: { anyOf: { properties?: { exercises?: Record<string, unknown> } }[] } }>).chapters;
  const exercises = chapters.items.anyOf.find((option) => option.properties?.exercises)?.properties?.exercises;
  if (exercises) exercises.not = { required: ['include', 'exclude'] };
  return `${JSON.stringify({ title: 'Neural Notebook course configuration', ...schema }, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  writeFileSync(join(root, COURSE_CONFIG_SCHEMA_FILE), courseConfigJsonSchema());
  console.log(`wrote ${COURSE_CONFIG_SCHEMA_FILE}`);
}
