// Writes /sw.js into the built site: the worker of site/offline/service-worker.ts with the build's
// manifest, the list of files to precache and a version hash of their content.
//
// `astro build` runs it through serviceWorkerIntegration() (see astro.config.mjs) once every file is
// written. `astro dev` never gets a sw.js, and the page registers one only in a production build, so
// the dev server's modules are never cached.
//
// What is precached: every file of the build a browser may ask for, pages by their address with the
// trailing slash. What is not: /data/ (the 0.7 MB MNIST subset is cached the first time a lesson
// uses it), the .ttf and .woff copies of the KaTeX fonts (every browser with service workers takes
// the .woff2; the others are cached if ever asked for), Astro's content-layer leftovers (.mjs, the
// collection schemas), source maps, sw.js itself, and what only crawlers and link previews read: sitemap.xml,
// robots.txt and the shared-link pictures under /og/ (scripts/sitemap.ts, site/pages/og/), and bundle-report.json, which
// only the tests read (scripts/bundle-report.ts).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import type { AstroIntegration } from 'astro';
import type { OfflineManifest } from '../site/offline/service-worker.ts';

/** The worker's source, TypeScript, turned into sw.js at build time. */
export const SERVICE_WORKER_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../site/offline/service-worker.ts');
/** The worker's address on the site; the page registers it from here, so its scope is the whole site. */
export const SERVICE_WORKER_PATH = '/sw.js';

/** One file of the build: its path relative to the output folder (forward slashes) and its content. */
export interface BuiltFile {
  /** The path inside the output folder, such as "lessons/mlp/index.html" or "_astro/worker-8Kb0yBpW.js". */
  path: string;
  /** The file's bytes. */
  bytes: Uint8Array;
}

/** Whether a file is data to cache on first use rather than precache. */
export function isRuntimeData(path: string): boolean {
  return path.startsWith('data/');
}

/** The address to precache a built file under ("index.html" → "/", "lessons/x/index.html" → "/lessons/x/"), or null when it is left out. */
export function precacheAddress(path: string): string | null {
  if (isRuntimeData(path)) return null;
  if (`/${path}` === SERVICE_WORKER_PATH) return null;
  if (/\.(mjs|map|ttf|woff)$/.test(path) || path.startsWith('collections/')) return null;
  if (path === 'sitemap.xml' || path === 'robots.txt' || path === 'bundle-report.json' || path.startsWith('og/')) return null;
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  return `/${path}`;
}

function hashOf(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The manifest of a build: every precached address (sorted), a version hash over them, their content and the worker's code, and a hash of the data files. */
export function offlineManifest(files: readonly BuiltFile[], workerCode: string): OfflineManifest {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const precached = sorted.flatMap((file) => {
    const address = precacheAddress(file.path);
    return address === null ? [] : [{ address, file }];
  });
  const data = sorted.filter((file) => isRuntimeData(file.path));
  return {
    version: hashOf([workerCode, ...precached.flatMap(({ address, file }) => [address, file.bytes])]),
    precache: precached.map(({ address }) => address),
    dataVersion: hashOf(data.flatMap((file) => [file.path, file.bytes])),
  };
}

/** Every file under a folder, with its path relative to it. */
export function readBuiltFiles(dir: string): BuiltFile[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(dir, full).split(sep).join('/'), bytes: readFileSync(full) };
    });
}

/** The worker's code as plain JavaScript: types deleted and `export` dropped, since sw.js is a classic script. */
export function workerCode(source = readFileSync(SERVICE_WORKER_SOURCE, 'utf8')): string {
  const { code } = transformSync(source, { loader: 'ts' });
  return code.replace(/^export /gm, '');
}

/**
 * The text of sw.js: the worker's code, minified as the pages' scripts are (its comments and long names were a third of
 * what a reader downloads), and the manifest, inside a function so nothing leaks into the worker's globals. The code
 * is minified as a script on its own, so its top-level names (`installServiceWorker`) keep their names and the
 * manifest stays readable after them: tests/e2e/offline.spec.ts reads it from sw.js.
 */
export function serviceWorkerScript(code: string, manifest: OfflineManifest): string {
  const minified = transformSync(code, { minify: true, legalComments: 'none' }).code;
  return `// Neural Notebook's service worker, version ${manifest.version}; made by scripts/service-worker.ts from site/offline/service-worker.ts.\n(() => {\n${minified}installServiceWorker(self, ${JSON.stringify(manifest)});\n})();\n`;
}

/** Writes sw.js into a built site and returns its manifest. */
export function writeServiceWorker(dir: string): OfflineManifest {
  const code = workerCode();
  const manifest = offlineManifest(readBuiltFiles(dir), code);
  writeFileSync(join(dir, SERVICE_WORKER_PATH), serviceWorkerScript(code, manifest));
  return manifest;
}

/** An Astro integration that writes sw.js, with the list of every file the build emitted, when `astro build` is done. */
export function serviceWorkerIntegration(): AstroIntegration {
  return {
    name: 'service-worker',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const manifest = writeServiceWorker(fileURLToPath(dir));
        logger.info(`wrote sw.js: version ${manifest.version}, ${manifest.precache.length} files to precache`);
      },
    },
  };
}
