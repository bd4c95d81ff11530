// What a test knows of the links in a built site: every href of every HTML page, and those that lead to no file of
// the build. Used by the configured course's build test and the end-to-end check of the default build.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One link of a built page: the page's path and the href as written. */
export interface BuiltLink {
  /** The page, such as `/lessons/backprop/`. */
  page: string;
  /** The href as the HTML writes it. */
  href: string;
}

/** The address of every HTML file under `dir` (`index.html` is `/`, `lessons/x/index.html` is `/lessons/x/`) with its file. */
export function builtPages(dir: string): { path: string; file: string }[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => name.split(sep).join('/'))
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({ path: name === 'index.html' ? '/' : name.endsWith('/index.html') ? `/${name.slice(0, -'index.html'.length)}` : `/${name}`, file: join(dir, name) }));
}

/** Every `href="…"` of every built page (links, stylesheets, icons), with `&amp;` decoded. */
export function builtLinks(dir: string): BuiltLink[] {
  return builtPages(dir).flatMap(({ path, file }) =>
    [...readFileSync(file, 'utf8').matchAll(/\shref="([^"]*)"/g)].map((match) => ({ page: path, href: match[1].replace(/&amp;/g, '&') })),
  );
}

/** Whether an address of the site is a file of the build: the file itself, or a folder's index.html. */
export function isBuilt(dir: string, address: string): boolean {
  const local = join(dir, decodeURIComponent(address));
  if (!relative(dir, local).startsWith('..') && existsSync(local)) return statSync(local).isFile() || existsSync(join(local, 'index.html'));
  return false;
}

/** The links of the built site that point inside it to no file of the build, as `page → href`. */
export function brokenLinks(dir: string): string[] {
  return builtLinks(dir)
    .filter(({ href }) => !/^([a-z]+:|\/\/|#)/i.test(href) && href !== '')
    .filter(({ page, href }) => {
      const url = new URL(href, `https://site.test${page}`);
      // An svg <use href="/favicon.svg#mark"> names a file and a fragment; the file is what must exist.
      return !isBuilt(dir, url.pathname);
    })
    .map(({ page, href }) => `${page} → ${href}`);
}
