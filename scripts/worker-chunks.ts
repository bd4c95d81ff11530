// Builds every web worker as an entry chunk of the client build, so workers share the engine's chunks (and any other
// module) with each other and with the page, instead of each carrying its own copy.
//
// Vite builds each `new Worker(new URL('./worker.ts', import.meta.url), options)` as a Rollup bundle of its own, which
// shares no module with the page's bundle or another worker's: every widget's worker held its own copy of the engine
// (engine/), and a page with three widgets loaded it three times. In `astro build`, this plugin rewrites that
// expression in the client's code to `new Worker(import.meta.ROLLUP_FILE_URL_<ref>, options)`, where <ref> is the
// worker module emitted as a chunk of the client build (`this.emitFile({ type: 'chunk' })`). The workers are module
// workers (`type: 'module'`), so the chunk's static imports of shared chunks load inside the worker. Each worker stays
// an entry of its own: a page reaches only the workers it starts, and each worker only the chunks it imports.
//
// Vite's preload helper (`__vitePreload`, which wraps each dynamic import() in the client's code) preloads a dynamic
// import's chunks by adding <link rel="modulepreload"> elements to the document, and a worker has no document: the
// code worker's import() of its role would throw. Vite decides whether to preload with the flag `__VITE_IS_MODERN__`,
// which this plugin replaces, before Vite does, with a test of whether the code runs where there is a document; on a
// page nothing changes, in a worker the import() is made without preloading. When an import() fails, the helper
// announces it on `window` before it throws the error on; the plugin makes that `self` (the window on a page, the
// worker's own scope in a worker), so a worker's failed import() throws its own error, not one about `window`. The
// build fails if Vite's helper no longer reads as expected.
//
// `astro dev` is left to Vite's own handling of workers (each served as a module of its own), and the server build,
// which prerenders the pages and runs no worker, is left alone.
//
// astro.config.mjs adds it with workerChunksIntegration().

import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/**
 * `new Worker(new URL('<path>', import.meta.url)` and the options after it, if they are an object literal: group 1 is
 * the address, 3 the path, 4 the options.
 */
const WORKER_URL = /\bnew\s+Worker\s*\(\s*(new\s+URL\s*\(\s*(["'`])([^"'`]+)\2\s*,\s*import\.meta\.url\s*\))(?:\s*,\s*(\{[^{}]*\}))?/g;
/** A module worker's options: only a module worker loads its chunk's imports. */
const MODULE_TYPE = /\btype\s*:\s*["'`]module["'`]/;

/** Vite's flag for whether its preload helper may preload (see vite:build-import-analysis), and what replaces it: as long, so positions keep. */
const PRELOAD_FLAG = '__VITE_IS_MODERN__';
const HAS_DOCUMENT = '"document"in self'.padEnd(PRELOAD_FLAG.length, ' ');
/** Vite's preload helper's module, and its announcement of a failed import(). */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const ANNOUNCE_ON_WINDOW = 'window.dispatchEvent(';
const ANNOUNCE_ON_SELF = 'self.dispatchEvent('.padEnd(ANNOUNCE_ON_WINDOW.length, ' ');

/** A name for a worker's chunk: its file's name, or its folder's and its own for a file named worker ("playground-worker"). */
export function workerChunkName(id: string): string {
  const parts = id.split('?')[0].replace(/\\/g, '/').split('/');
  const name = parts[parts.length - 1].replace(/\.[cm]?[jt]s$/, '');
  return name === 'worker' && parts.length > 1 ? `${parts[parts.length - 2]}-${name}` : name;
}

/**
 * The code with each `new Worker(new URL('<path>', import.meta.url), …)` given the address `reference(path)` returns
 * (an expression), or null when it has none. A worker not started as a module worker is an error: its chunk's imports
 * would not load.
 */
export async function rewriteWorkerUrls(code: string, reference: (path: string) => Promise<string>): Promise<string | null> {
  const matches = [...code.matchAll(WORKER_URL)];
  if (matches.length === 0) return null;
  let rewritten = '';
  let at = 0;
  for (const match of matches) {
    if (match[4] === undefined || !MODULE_TYPE.test(match[4])) throw new Error(`the worker ${match[3]} must be started with { type: 'module' } to be built as a chunk`);
    const start = match.index + match[0].indexOf(match[1]);
    rewritten += code.slice(at, start) + (await reference(match[3]));
    at = start + match[1].length;
  }
  return rewritten + code.slice(at);
}

/** The Vite plugin: workers as chunks of the client build (build only). */
export function workerChunks(): Plugin {
  return {
    name: 'worker-chunks',
    apply: 'build',
    async transform(code, id) {
      if (this.environment.config.consumer !== 'client' || !code.includes('new Worker')) return null;
      const rewritten = await rewriteWorkerUrls(code, async (path) => {
        const resolved = await this.resolve(path, id);
        if (resolved === null || resolved.external) this.error(`worker-chunks: ${path} (a worker started in ${id}) resolves to no module of the build`);
        const reference = this.emitFile({ type: 'chunk', id: resolved.id, name: workerChunkName(resolved.id) });
        return `import.meta.ROLLUP_FILE_URL_${reference}`;
      });
      // No source map: the build makes none, and the rewrite keeps every line where it was.
      return rewritten === null ? null : { code: rewritten, map: null };
    },
    renderChunk: {
      order: 'pre',
      handler(code, chunk) {
        if (this.environment.config.consumer !== 'client') return null;
        let rendered = code.replaceAll(PRELOAD_FLAG, HAS_DOCUMENT);
        if (chunk.moduleIds.includes(PRELOAD_HELPER)) {
          const announcements = rendered.split(ANNOUNCE_ON_WINDOW).length - 1;
          if (announcements !== 1 || !code.includes(`${PRELOAD_FLAG} &&`)) {
            this.error(`worker-chunks: Vite's preload helper (in ${chunk.fileName}) no longer reads as this plugin expects; see scripts/worker-chunks.ts`);
          }
          rendered = rendered.replace(ANNOUNCE_ON_WINDOW, ANNOUNCE_ON_SELF);
        }
        return rendered === code ? null : { code: rendered, map: null };
      },
    },
  };
}

/** An Astro integration that adds workerChunks() to the build's Vite configuration. */
export function workerChunksIntegration(): AstroIntegration {
  return {
    name: 'worker-chunks',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [workerChunks()] } });
      },
    },
  };
}
