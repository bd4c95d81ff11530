// What the end-to-end tests know of the built site: its pages, read from dist/.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** The URL path of every lesson page in the built site. */
export function builtLessonPaths(): string[] {
  const dir = join(process.cwd(), 'dist', 'lessons');
  if (!existsSync(dir)) throw new Error('dist/lessons is missing: run `npm run build` before the end-to-end tests.');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `/lessons/${entry.name}/`)
    .sort();
}
