// What the end-to-end tests know of the built site: its pages, read from dist/.
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The built site under test: dist/, or the folder in E2E_DIST (for a build made beside another one). */
export const builtSite = resolve(process.env.E2E_DIST ?? 'dist');

/** The URL path of every lesson page in the built site. */
export function builtLessonPaths(): string[] {
  const dir = join(builtSite, 'lessons');
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run build\` before the end-to-end tests.`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `/lessons/${entry.name}/`)
    .sort();
}
