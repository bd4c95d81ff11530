import { describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSearchRuntimeFile, pageAddress, searchablePages, writeSearchIndex } from '../../scripts/search-index.ts';

/** A built site of three pages, two of them marking their searchable content. */
function fixtureSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
  const page = (path: string, body: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), `<!doctype html><html lang="en"><head><title>t</title></head><body><header><nav>Chapters Playground</nav></header>${body}</body></html>`);
  };
  page('index.html', '<main><h1>Home</h1><p>Welcome, vanishing visitor.</p></main>');
  page('lessons/deep/index.html', '<article data-pagefind-body data-pagefind-meta="chapter:Chapter 8"><h1>Deep networks</h1><h2 id="vanishing">Vanishing gradients</h2><p>The gradient vanishes.</p></article>');
  page('practice/index.html', '<article data-pagefind-body><h1>Exercises</h1><p>Practice.</p></article>');
  return dir;
}

describe('the search index', () => {
  test('a built file’s address is its page’s', () => {
    expect(pageAddress('index.html')).toBe('/');
    expect(pageAddress('lessons/mlp/index.html')).toBe('/lessons/mlp/');
    expect(pageAddress('404.html')).toBe('/404.html');
  });

  test('only the files the course’s own search loads are kept', () => {
    expect(['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind', 'pagefind-entry.json', 'index/en_1.pf_index', 'fragment/en_2.pf_fragment'].every(isSearchRuntimeFile)).toBe(true);
    expect(['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js', 'wasm.unknown.pagefind'].some(isSearchRuntimeFile)).toBe(false);
  });

  test('indexes the pages that mark their content, writes the client and the index, and nothing of Pagefind’s own interface', async () => {
    const dir = fixtureSite();
    try {
      expect(searchablePages(dir)).toEqual(['lessons/deep/index.html', 'practice/index.html']);
      const report = await writeSearchIndex(dir);
      expect(report.pages).toEqual(['/lessons/deep/', '/practice/']);
      expect(report.files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind']));
      expect(report.files.every(isSearchRuntimeFile)).toBe(true);
      expect(existsSync(join(dir, 'pagefind', 'pagefind-ui.js'))).toBe(false);
      expect(JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test('a site where no page marks searchable content fails the build with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
    try {
      writeFileSync(join(dir, 'index.html'), '<html lang="en"><body><p>nothing marked</p></body></html>');
      await expect(writeSearchIndex(dir)).rejects.toThrow(/no page .* has data-pagefind-body/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
