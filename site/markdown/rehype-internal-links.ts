import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VFile } from 'vfile';
import { lessonIdFromFile } from '../course/lesson-files.ts';
import type { HastNode } from './hast-node.ts';

/**
 * The site's own pages under `pagesDir` (site/pages), as paths: `index.astro` is `/`, `playground.astro` is
 * `/playground/`, `reference/cell.astro` is `/reference/cell/`; dynamic routes ([slug]) and the 404 page are left out.
 */
export function pagePaths(pagesDir: string): string[] {
  if (!existsSync(pagesDir)) return [];
  return (readdirSync(pagesDir, { recursive: true }) as string[])
    .map((name) => name.split('\\').join('/'))
    .filter((name) => name.endsWith('.astro') && !name.includes('[') && name !== '404.astro')
    .map((name) => {
      const route = name.replace(/\.astro$/, '').replace(/(^|\/)index$/, '');
      return route === '' ? '/' : `/${route}/`;
    });
}

/** The site-relative paths a lesson may link to, besides files in the public folder: the lessons and the site's pages. */
function knownPaths(lessonsDir: string, pagesDir: string | undefined): Set<string> {
  const lessons = readdirSync(lessonsDir).filter((name) => /^\d+-.+\.mdx$/.test(name));
  return new Set(['/', ...lessons.map((name) => `/lessons/${lessonIdFromFile(name)}/`), ...(pagesDir ? pagePaths(pagesDir) : [])]);
}

/** The class of a link to a chapter this course leaves out, now plain text, so a test can find where one was. */
export const LEFT_OUT_LINK_CLASS = 'left-out-link';

/**
 * A rehype plugin that fails the build on a link to a page of this site that does not exist, naming the file and line.
 * `lessons`, when a course configuration chooses the chapters, are the lesson ids this build makes: a link to a lesson
 * of the repository that the course leaves out becomes plain text (a `<span>` with its words and a title saying why),
 * never a link to a page that is not there.
 */
export function rehypeInternalLinks(options: { publicDir: string; pagesDir?: string; lessons?: readonly string[] }) {
  return (tree: HastNode, file: VFile) => {
    if (!file.path) return;
    const known = knownPaths(dirname(file.path), options.pagesDir);
    const built = options.lessons && new Set(options.lessons.map((id) => `/lessons/${id}/`));
    const problems: string[] = [];
    const visit = (node: HastNode, line: number | undefined) => {
      const here = node.position?.start.line ?? line;
      const href = node.tagName === 'a' ? node.properties?.href : undefined;
      if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) {
        const path = href.split(/[?#]/)[0];
        const withSlash = path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
        if (built && known.has(withSlash) && withSlash.startsWith('/lessons/') && !built.has(withSlash)) {
          node.tagName = 'span';
          node.properties = { className: [LEFT_OUT_LINK_CLASS], title: 'This chapter is not part of this course' };
        } else if (!known.has(withSlash) && !existsSync(join(options.publicDir, path))) {
          problems.push(`${file.path}:${here ?? '?'}: the link ${href} points to no page of the course (its pages: ${[...known].filter((p) => p !== '/').join(', ')})`);
        }
      }
      for (const child of node.children ?? []) visit(child, here);
    };
    visit(tree, undefined);
    if (problems.length > 0) throw new Error(`Broken internal link:\n${problems.join('\n')}`);
  };
}
