import { test, expect } from '@playwright/test';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPagePaths, builtSite } from './pages.ts';
import { pageFile } from '../../scripts/static-server.ts';

const dist = builtSite;
const BUDGET_BYTES = 30 * 1024;

/** The JavaScript a page loads before any interaction: inline scripts plus module scripts and their static imports. */
function initialJavaScript(htmlPath: string): { inline: string[]; files: string[] } {
  const html = readFileSync(htmlPath, 'utf8');
  const inline: string[] = [];
  const files = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1])?.[1];
    if (src) files.add(join(dist, src));
    else if (!/type="application\/(ld\+)?json"/.test(match[1])) inline.push(match[2]);
  }
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(join(dist, match[1]));
  // Follow static imports (not dynamic import(), which loads only on demand).
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      const target = resolve(dirname(file), match[1]);
      if (!files.has(target) && existsSync(target)) {
        files.add(target);
        queue.push(target);
      }
    }
  }
  return { inline, files: [...files] };
}

for (const path of builtPagePaths()) {
  test(`${path} ships at most 30 KB of JavaScript (gzip) before interaction, and no KaTeX JavaScript`, () => {
    const { inline, files } = initialJavaScript(join(dist, pageFile(path)));
    const sources = [...inline, ...files.map((file) => readFileSync(file, 'utf8'))];
    const gzipped = sources.reduce((total, source) => total + gzipSync(source).length, 0);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
    for (const source of sources) {
      expect(source).not.toMatch(/KaTeX parse error|katex\.render|renderToString\(/);
    }
  });
}

test('no JavaScript file in the built site contains KaTeX', () => {
  const astroDir = join(dist, '_astro');
  const scripts = existsSync(astroDir) ? readdirSync(astroDir).filter((name) => name.endsWith('.js')) : [];
  for (const name of scripts) {
    expect(readFileSync(join(astroDir, name), 'utf8'), name).not.toMatch(/KaTeX parse error/);
  }
});
