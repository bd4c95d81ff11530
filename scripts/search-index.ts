// Writes the course's search index (/pagefind/) into a built site, with Pagefind's Node API.
//
// `astro build` runs it through searchIndexIntegration() (see astro.config.mjs) once every page is written and
// before the service worker is, so sw.js precaches the index and search works offline. It runs on whatever folder
// the build wrote (`--outDir` included), so `npm run build`, `npm start`, `npm test` and the end-to-end tests all
// search the build they serve.
//
// What is indexed: the pages that mark their content with `data-pagefind-body` (the chapters, the practice page,
// the playground, the cell reference), each read through indexableHtml() (scripts/search-text.ts), which turns
// formulas into words and widgets into their names. The served pages are not changed. What is written: only the
// files the page's own search (site/search/) loads: Pagefind's worker (pagefind-worker.js), its WebAssembly, the
// entry, the index and the fragments; not Pagefind's page-side client (pagefind.js: the search talks to the worker
// itself, site/search/pagefind-worker-client.ts) nor its ready-made interfaces, which the course does not use.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { AstroIntegration } from 'astro';
import { indexableHtml } from './search-text.ts';
import { builtPages, pageAddress, pageFile } from './static-server.ts';

export { pageAddress };

/** The folder of the index inside the built site, and its address. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/** The attribute that marks a page's searchable content; a page without it is not indexed. */
export const SEARCH_BODY_ATTRIBUTE = 'data-pagefind-body';

/** Whether a file Pagefind writes is one the course's search loads (the page-side client, the ready-made interfaces and the playground are not). */
export function isSearchRuntimeFile(path: string): boolean {
  const name = path.split('/').pop() ?? path;
  // The index is English only (forceLanguage), so the WebAssembly for pages of unknown language is never loaded.
  return !/^pagefind-(ui|modular-ui|component-ui|highlight)\b/.test(name) && name !== 'pagefind.js' && name !== 'wasm.unknown.pagefind' && !path.startsWith('playground/');
}

/** The built pages that mark searchable content, as paths relative to the site's folder (forward slashes). */
export function searchablePages(dir: string): string[] {
  return builtPages(dir)
    .map(pageFile)
    .filter((path) => !path.startsWith(`${SEARCH_INDEX_FOLDER}/`))
    .filter((path) => readFileSync(join(dir, path), 'utf8').includes(SEARCH_BODY_ATTRIBUTE))
    .sort();
}

/** What writing the index did: the pages indexed and the files written with their total size in bytes. */
export interface SearchIndexReport {
  /** The addresses of the pages indexed. */
  pages: string[];
  /** The files written under /pagefind/, relative to it. */
  files: string[];
  /** The total size of those files in bytes. */
  bytes: number;
}

/** Indexes a built site's searchable pages and writes the index to its /pagefind/ folder; fails on any error Pagefind reports. */
export async function writeSearchIndex(dir: string): Promise<SearchIndexReport> {
  const fail = (what: string, errors: string[]) => {
    if (errors.length > 0) throw new Error(`search index: ${what}: ${errors.join('; ')}`);
  };
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  fail('starting Pagefind', errors);
  if (!index) throw new Error('search index: Pagefind gave no index');
  try {
    const pages = searchablePages(dir);
    if (pages.length === 0) throw new Error(`search index: no page in ${dir} has ${SEARCH_BODY_ATTRIBUTE}`);
    for (const path of pages) {
      const added = await index.addHTMLFile({ url: pageAddress(path), content: indexableHtml(readFileSync(join(dir, path), 'utf8')) });
      fail(path, added.errors);
    }
    const { files, errors: fileErrors } = await index.getFiles();
    fail('writing the index', fileErrors);
    const out = join(dir, SEARCH_INDEX_FOLDER);
    rmSync(out, { recursive: true, force: true });
    const kept = files.filter((file) => isSearchRuntimeFile(file.path));
    for (const file of kept) {
      const target = join(out, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    return {
      pages: pages.map(pageAddress),
      files: kept.map((file) => file.path).sort(),
      bytes: kept.reduce((total, file) => total + file.content.byteLength, 0),
    };
  } finally {
    await pagefind.close();
  }
}

/** An Astro integration that writes the search index when `astro build` is done; list it before the service worker's. */
export function searchIndexIntegration(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`wrote the search index: ${report.pages.length} pages, ${report.files.length} files, ${(report.bytes / 1024).toFixed(0)} KB`);
      },
    },
  };
}
