import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VFile } from 'vfile';
import { lessonIdFromFile } from '../course/lesson-files.ts';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  position?: { start: { line: number; column: number } };
}

/** The site-relative paths a lesson may link to, besides files in the public folder. */
function knownPaths(lessonsDir: string): Set<string> {
  const lessons = readdirSync(lessonsDir).filter((name) => /^\d+-.+\.mdx$/.test(name));
  return new Set(['/', ...lessons.map((name) => `/lessons/${lessonIdFromFile(name)}/`)]);
}

/** A rehype plugin that fails the build on a link to a page of this site that does not exist, naming the file and line. */
export function rehypeInternalLinks(options: { publicDir: string }) {
  return (tree: HastNode, file: VFile) => {
    if (!file.path) return;
    const known = knownPaths(dirname(file.path));
    const problems: string[] = [];
    const visit = (node: HastNode, line: number | undefined) => {
      const here = node.position?.start.line ?? line;
      const href = node.tagName === 'a' ? node.properties?.href : undefined;
      if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) {
        const path = href.split(/[?#]/)[0];
        const withSlash = path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
        if (!known.has(withSlash) && !existsSync(join(options.publicDir, path))) {
          problems.push(`${file.path}:${here ?? '?'}: the link ${href} points to no page of the course (lessons: ${[...known].filter((p) => p !== '/').join(', ')})`);
        }
      }
      for (const child of node.children ?? []) visit(child, here);
    };
    visit(tree, undefined);
    if (problems.length > 0) throw new Error(`Broken internal link:\n${problems.join('\n')}`);
  };
}
