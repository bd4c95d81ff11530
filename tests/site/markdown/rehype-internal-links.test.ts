// The build's check of a lesson's internal links: the site's own pages (the Playground, the exercises page) are
// link targets as the lessons are; a link to a page that does not exist fails with the file and line.

import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { pagePaths, rehypeInternalLinks } from '../../../site/markdown/rehype-internal-links.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const options = { publicDir: `${root}site/public`, pagesDir: `${root}site/pages` };
const link = (href: string) => ({ type: 'root', children: [{ type: 'element', tagName: 'a', properties: { href }, position: { start: { line: 3, column: 1 } } }] });
const lessonFile = () => new VFile({ path: `${root}lessons/03-mlp.mdx` });

describe('internal links in lessons', () => {
  test("the site's pages are known: the home page, the exercises page, the Playground, the reference; not the 404 or [slug]", () => {
    const paths = pagePaths(options.pagesDir);
    expect(paths).toEqual(expect.arrayContaining(['/', '/practice/', '/playground/', '/reference/cell/']));
    expect(paths.some((p) => p.includes('[') || p.includes('404'))).toBe(false);
  });

  test('a link to the Playground, a lesson or a public file passes; one to no page fails with the file and line', () => {
    const check = rehypeInternalLinks(options);
    expect(() => check(link('/playground/?playground=data:xor'), lessonFile())).not.toThrow();
    expect(() => check(link('/lessons/backprop/#chain-rule'), lessonFile())).not.toThrow();
    expect(() => check(link('/playgrounds/'), lessonFile())).toThrow(/03-mlp\.mdx:3: the link \/playgrounds\/ points to no page of the course/);
  });
});
