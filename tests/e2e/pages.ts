// What the end-to-end tests know of the built site: its pages, read from dist/.
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve, relative, sep } from 'node:path';

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

/** The URL path of every HTML page in the built site (`/`, `/practice/`, `/404.html`, every lesson, ...). */
export function builtPagePaths(): string[] {
  if (!existsSync(builtSite)) throw new Error(`${builtSite} is missing: run \`npm run build\` before the end-to-end tests.`);
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const file = relative(builtSite, full).split(sep).join('/');
        // A folder's index.html is served at the folder's path, as the site links to it.
        paths.push(file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`);
      }
    }
  };
  walk(builtSite);
  return paths.sort();
}
