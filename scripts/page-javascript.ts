// Everything a built page can ever load as JavaScript, read from the built files alone: the page's own scripts, then
// every file named in a file already reached (static imports, dynamic imports and Vite's lists of their dependencies,
// `new Worker(new URL("..."))`, the search's client and its worker, the service worker), recursively, workers' own
// imports included: a worker is a chunk of the pages' build (scripts/worker-chunks.ts) and imports the chunks it shares
// with the page and other workers, each file counted once.
// A name counts when a file of the build has it, relative to the file naming it or to the site's root, so the closure
// errs on the side of too much: it is what a reader who opens every cell, widget, exercise and the search loads at most.
// One exception, marked by the bundle report: an exercise's own definition, a chunk loaded by the exercise's id, counts
// only on a page with that exercise (otherExercisesDefinitions).
// tests/e2e/budget.spec.ts holds every page to its budgets with it, and checks that every JavaScript file of the build is
// reached from some page (unreachedFiles): a file named only by a string put together at run time would be counted nowhere.
//
//   npx tsx scripts/page-javascript.ts [--dist dist] [PAGE...]   (default: every page)
//
// Prints, per page, the gzip total and each file with its size and the npm packages in it (from bundle-report.json).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { builtPages, pageFile } from './static-server.ts';
import { BUNDLE_REPORT_PATH, type BundledFile } from './bundle-report.ts';
import { SERVICE_WORKER_PATH } from './service-worker.ts';

/** A page's inline scripts (their text) and the JavaScript files its HTML names (script sources and module preloads). */
export function pageScripts(dist: string, htmlPath: string): { inline: string[]; files: string[] } {
  const html = readFileSync(htmlPath, 'utf8');
  const inline: string[] = [];
  const files = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1])?.[1];
    if (src) files.add(join(dist, src));
    else if (!/type="application\/(ld\+)?json"/.test(match[1])) inline.push(match[2]);
  }
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(join(dist, match[1]));
  return { inline, files: [...files] };
}

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();

/** The built JavaScript files a source names: any `name.js` in it that is a file beside it or under the site's root. */
export function namedFiles(dist: string, file: string, source: string): string[] {
  const found = new Set<string>();
  for (const [name] of source.matchAll(/[\w$.\/-]*[\w$-]\.m?js(?![\w$])/g)) {
    const bare = name.replace(/^(\.\.?\/)+/, '').replace(/^\/+/, '');
    for (const candidate of [resolve(dirname(file), name), resolve(dist, bare)]) {
      // Only files inside the build: a name never reaches outside it.
      if (!relative(dist, candidate).startsWith('..') && candidate !== file && isFile(candidate)) {
        found.add(candidate);
        break;
      }
    }
  }
  return [...found];
}

/** Every JavaScript file reachable from `start`, the start included; a file `leaveOut` accepts is neither counted nor followed. */
export function reachableFiles(dist: string, start: readonly string[], leaveOut: (file: string) => boolean = () => false): string[] {
  const files = new Set(start.map((file) => resolve(file)).filter((file) => !leaveOut(file)));
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop()!;
    // The service worker's names are the addresses it precaches, not code it runs: sw.js counts, what it lists does not.
    if (file === join(resolve(dist), SERVICE_WORKER_PATH)) continue;
    for (const next of namedFiles(dist, file, readFileSync(file, 'utf8'))) {
      if (!files.has(next) && !leaveOut(next)) {
        files.add(next);
        queue.push(next);
      }
    }
  }
  return [...files].sort();
}

/**
 * The files `start` loads at once: themselves and, transitively, every file they import statically (an `import … from`
 * or a bare `import` of a file beside them), not what they load on demand (`import()`, a worker, a name in a string).
 */
export function staticImportClosure(start: readonly string[]): string[] {
  const files = new Set(start.map((file) => resolve(file)));
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      const target = resolve(dirname(file), match[1]);
      if (isFile(target)) files.add(target);
    }
  }
  return [...files];
}

/**
 * The build's JavaScript files (paths in the build) that no page reaches. The closure finds a file by its name written
 * out in another file, so a file a page loads by a name put together at run time would not be counted in any page's
 * budget; a build where every file is reached from some page has none such (tests/e2e/budget.spec.ts).
 */
export function unreachedFiles(dist: string): string[] {
  const root = resolve(dist);
  // What some page reaches is what is reached from all the pages' scripts at once: one walk, not one per page.
  const reached = new Set(reachableFiles(root, builtPages(root).flatMap((page) => pageScripts(root, join(root, pageFile(page))).files)));
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((name) => /\.m?js$/.test(name) && !reached.has(join(root, name)))
    .map((name) => name.split(sep).join('/'))
    .sort();
}

/** A file's gzipped size, as a server compressing it would send it. */
export function gzipBytes(source: string | Uint8Array): number {
  return gzipSync(source).length;
}

/** The JavaScript a page can ever load: its inline scripts and every reachable file, each gzipped. */
export interface PageJavaScript {
  /** The page's path, such as "/lessons/mlp/". */
  page: string;
  /** The sum of every inline script and file, each gzipped alone. */
  gzipBytes: number;
  /** Each file (its path in the build, forward slashes) and its gzipped size, largest first; inline scripts as "(inline)". */
  files: { file: string; gzipBytes: number }[];
}

/** The exercises on a built page: the ids of its `<course-exercise>` elements. */
export function pageExercises(htmlPath: string): string[] {
  return [...new Set([...readFileSync(htmlPath, 'utf8').matchAll(/<course-exercise\b[^>]*\bdata-exercise-id="([^"]+)"/g)].map((match) => match[1]))];
}

/** Whether definition module `name` (exercises/definitions/<name>.ts) is exercise `id`'s: `<id>.ts`, or a part of it, `<id>-<part>.ts`. */
export function isDefinitionOf(name: string, id: string): boolean {
  return name === id || name.startsWith(`${id}-`);
}

/**
 * The built files (paths in the build) holding the definition of an exercise that is not on the page. Each exercise's
 * definition is a chunk of its own, loaded with import() from a map by the exercise's id, and the id asked for is always
 * that of an exercise on the page: its seeded numbers (exercises/seeded-definitions.ts) and a class student's key in
 * the code worker (exercises/code-exercises.ts). The map names every exercise's chunk, so following names alone would
 * count them all on every page; the bundle report marks these chunks (`definition`). A build without the report marks none.
 */
export function otherExercisesDefinitions(dist: string, exercises: readonly string[]): Set<string> {
  if (!existsSync(join(dist, BUNDLE_REPORT_PATH))) return new Set();
  const marked = readBundleReport(dist).filter((entry) => entry.definition !== undefined);
  return new Set(marked.filter((entry) => !exercises.some((id) => isDefinitionOf(entry.definition!, id))).map((entry) => entry.file));
}

/**
 * Everything `page` can load, from the build in `dist`; files (paths in the build) `leaveOut` accepts, and what only they
 * load, are left out, and so are the definitions of exercises that are not on the page (otherExercisesDefinitions).
 */
export function pageJavaScript(dist: string, page: string, leaveOut: (file: string) => boolean = () => false): PageJavaScript {
  const root = resolve(dist);
  const htmlPath = join(root, pageFile(page));
  const { inline, files } = pageScripts(root, htmlPath);
  const others = otherExercisesDefinitions(root, pageExercises(htmlPath));
  const inBuild = (file: string) => relative(root, file).split(sep).join('/');
  const sized = [
    ...inline.map((source) => ({ file: '(inline)', gzipBytes: gzipBytes(source) })),
    ...reachableFiles(root, files, (file) => others.has(inBuild(file)) || leaveOut(inBuild(file))).map((file) => ({ file: inBuild(file), gzipBytes: gzipBytes(readFileSync(file)) })),
  ].sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { page, gzipBytes: sized.reduce((total, file) => total + file.gzipBytes, 0), files: sized };
}

/** The build's bundle report (scripts/bundle-report.ts): which npm packages each emitted JavaScript file holds. */
export function readBundleReport(dist: string): BundledFile[] {
  const path = join(dist, BUNDLE_REPORT_PATH);
  if (!existsSync(path)) throw new Error(`${path} is missing: the build writes it (bundleReportIntegration in astro.config.mjs)`);
  return JSON.parse(readFileSync(path, 'utf8')) as BundledFile[];
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dist');
  const dist = at < 0 ? 'dist' : args.splice(at, 2)[1];
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} holds no built site: run npm run build (or pass --dist DIR)`);
  const report = new Map(readBundleReport(dist).map((entry) => [entry.file, entry]));
  const pages = args.length > 0 ? args : builtPages(dist);
  for (const page of pages) {
    const result = pageJavaScript(dist, page);
    console.log(`${page}: ${kB(result.gzipBytes)} gzip in ${result.files.length} files`);
    for (const file of result.files) {
      const packages = Object.keys(report.get(file.file)?.packages ?? {});
      console.log(`  ${kB(file.gzipBytes).padStart(9)}  ${file.file}${packages.length > 0 ? `  (${packages.join(', ')})` : ''}`);
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
