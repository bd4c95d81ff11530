import { describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { isSearchRuntimeFile, pageAddress, searchablePages, writeSearchIndex } from '../../scripts/search-index.ts';
import { PAGEFIND_WORKER, pagefindWorkerClient, type PagefindWorkerPort } from '../../site/search/pagefind-worker-client.ts';

type Listener = (event: { data: unknown }) => void;

/**
 * Runs the Pagefind worker a built site holds (`dir`/pagefind/pagefind-worker.js), as a browser would, in a context
 * of its own whose fetch reads the site's files, and returns the page's end of it.
 */
function startWorker(dir: string): PagefindWorkerPort {
  const inWorker: Listener[] = [];
  const onPage: Record<string, Listener[]> = {};
  // Messages cross as structured clones, one task later, as between a page and a worker.
  const deliver = (listeners: Listener[] | undefined, data: unknown) => setTimeout(() => listeners?.forEach((listener) => listener({ data: structuredClone(data) })));
  const self = {
    addEventListener: (type: string, listener: Listener) => type === 'message' && inWorker.push(listener),
    postMessage: (data: unknown) => deliver(onPage.message, data),
  };
  const fetch = async (url: string) => new Response(readFileSync(join(dir, new URL(url, 'http://course.test/').pathname)));
  runInNewContext(readFileSync(join(dir, PAGEFIND_WORKER), 'utf8'), { self, fetch, console, setTimeout, clearTimeout, URL, Response, TextDecoder, TextEncoder, WebAssembly, Uint8Array, DecompressionStream });
  return {
    postMessage: (data: unknown) => deliver(inWorker, data),
    addEventListener: (type: string, listener: Listener) => (onPage[type] ??= []).push(listener),
  };
}

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
    expect(['pagefind-worker.js', 'wasm.en.pagefind', 'pagefind-entry.json', 'index/en_1.pf_index', 'fragment/en_2.pf_fragment'].every(isSearchRuntimeFile)).toBe(true);
    // pagefind.js is Pagefind's page-side client, which the course does not load (site/search/pagefind-worker-client.ts).
    expect(['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js', 'wasm.unknown.pagefind'].some(isSearchRuntimeFile)).toBe(false);
  });

  test('indexes the pages that mark their content, writes the client and the index, and nothing of Pagefind’s own interface', async () => {
    const dir = fixtureSite();
    try {
      expect(searchablePages(dir)).toEqual(['lessons/deep/index.html', 'practice/index.html']);
      const report = await writeSearchIndex(dir);
      expect(report.pages).toEqual(['/lessons/deep/', '/practice/']);
      expect(report.files).toEqual(expect.arrayContaining(['pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind']));
      expect(report.files.every(isSearchRuntimeFile)).toBe(true);
      expect(existsSync(join(dir, 'pagefind', 'pagefind-ui.js'))).toBe(false);
      expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(false);
      expect(JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test('the search box’s client finds a section through the worker the build wrote, with its heading, anchor and marked excerpt', async () => {
    const dir = fixtureSite();
    try {
      await writeSearchIndex(dir);
      const client = await pagefindWorkerClient(startWorker(dir), { basePath: '/pagefind/', language: 'en', excerptLength: 18 });
      const found = await client.debouncedSearch('vanishing', {}, 0);
      const pages = await Promise.all(found!.results.map((result) => result.data()));
      // The home page marks nothing, so only the chapter is found, at the section that says it.
      expect(pages.map((page) => page.url)).toEqual(['/lessons/deep/']);
      expect(pages[0].meta.chapter).toBe('Chapter 8');
      expect(pages[0].sub_results?.map((section) => [section.title, section.url])).toContainEqual(['Vanishing gradients', '/lessons/deep/#vanishing']);
      expect(pages[0].excerpt).toMatch(/<mark>[Vv]anish/);
      // A search replaced by a newer one within the debounce answers null; the newer one answers.
      const [replaced, newer] = await Promise.all([client.debouncedSearch('practice', {}, 50), client.debouncedSearch('gradient', {}, 50)]);
      expect(replaced).toBeNull();
      expect(newer!.results).toHaveLength(1);
      expect(await client.debouncedSearch('zebra', {}, 0)).toEqual({ results: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test('a worker that cannot start, or answers with an error, rejects the client with the reason', async () => {
    const silent = (onPost: (message: { id: number }, listeners: Record<string, ((event: { data: unknown }) => void)[]>) => void): PagefindWorkerPort => {
      const listeners: Record<string, ((event: { data: unknown }) => void)[]> = {};
      return {
        postMessage: (message) => onPost(message as { id: number }, listeners),
        addEventListener: (type: string, listener: (event: { data: unknown }) => void) => (listeners[type] ??= []).push(listener),
      };
    };
    // The script failed to load (a build without an index): the worker reports an error event.
    const failed = silent((_, listeners) => setTimeout(() => listeners.error.forEach((listener) => listener({ data: undefined }))));
    await expect(pagefindWorkerClient(failed, { basePath: '/pagefind/', language: 'en' })).rejects.toThrow(/could not run/);
    // The worker runs and refuses: its message is kept.
    const refusing = silent((message, listeners) => setTimeout(() => listeners.message.forEach((listener) => listener({ data: { id: message.id, error: 'Unknown method: init' } }))));
    await expect(pagefindWorkerClient(refusing, { basePath: '/pagefind/', language: 'en' })).rejects.toThrow('Pagefind: Unknown method: init');
  });

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
