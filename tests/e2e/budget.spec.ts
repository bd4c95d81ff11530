import { test, expect } from '@playwright/test';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPagePaths, builtSite } from './pages.ts';
import { pageFile } from '../../scripts/static-server.ts';
import { isDefinitionOf, pageExercises, pageJavaScript, pageScripts, reachableFiles, readBundleReport, staticImportClosure, unreachedFiles } from '../../scripts/page-javascript.ts';
import { EXERCISES } from '../../exercises/index.ts';
import { bundledTwice, sourcesBundledTwice } from '../../scripts/bundle-report.ts';

const dist = builtSite;
const BUDGET_BYTES = 30 * 1024;
/** Everything a page can load, with every cell, widget and exercise on it in use and the search opened. */
const PAGE_BUDGET_BYTES = 300 * 1024;

/**
 * What a page loads only on a reader's request of its own, counted apart from the page's budget against a ceiling of
 * its own, by the npm package that makes it:
 * - the TypeScript compiler and the ES library's declarations, which the notebook's type checker
 *   (site/runtime/type-worker.ts) loads on the reader's first edit of a TypeScript cell, never when a page is read, its
 *   cells run, its widgets used or its exercises checked (tests/e2e/cells.spec.ts checks that). The compiler alone is
 *   several times the page's budget, and no smaller compiler checks TypeScript's types;
 * - the code editor (CodeMirror with its JavaScript and TypeScript language, one file, named here by @codemirror/view),
 *   which a cell or a code exercise loads when the reader means to edit its code (a focus, press or key in it:
 *   site/lesson/cell/edit-intent.ts), never when the page is read or scrolled, its cells run or its exercises checked
 *   as they are (tests/e2e/editor-on-demand.spec.ts checks that in the browser).
 */
const ON_REQUEST: readonly { package: string; ceilingBytes: number }[] = [
  { package: 'typescript', ceilingBytes: 1250 * 1024 },
  { package: '@codemirror/view', ceilingBytes: 150 * 1024 },
];

/*
 * What fills the budget on a page with a notebook cell or an exercise, at most: Observable Plot with d3 (85 KB, and 15 KB
 * more for a cell's contour or raster plot), the TypeScript compiler (sucrase's parser and the type eraser,
 * exercises/submission/erase-types.ts, 21 KB, once for the kernel, the exercise check and a student's key), the kernel's
 * own code (10 KB), the engine a cell can reach (about 40 KB), the exercise element with a class student's key (12 KB,
 * and about 2 KB for each of the page's own exercises' definitions: page-javascript.ts counts no other exercise's), the
 * search (Pagefind's worker, 12 KB) and the service worker (4 KB). Every worker is a chunk of the pages' own build
 * (scripts/worker-chunks.ts), so the engine is loaded once, whichever of the page, its widgets' workers and the code
 * worker use it; a widget adds its own code (the Playground 14 KB, the optimizer race 11) and its worker's (1 to 5 KB).
 * The editor (139 KB) is on request (ON_REQUEST). The authoring guide's catalogue runs no example: each component runs
 * on a page of its own. Every chunk is minified by esbuild and then by terser (scripts/minify-chunks.ts), which takes
 * about 8.5 KB off a lesson page. The heaviest lesson page, /lessons/mlp/, loads about 294 KB.
 */

/** The JavaScript a page loads before any interaction: inline scripts plus module scripts and their static imports. */
function initialJavaScript(htmlPath: string): { inline: string[]; files: string[] } {
  const { inline, files } = pageScripts(dist, htmlPath);
  // Follow static imports (not dynamic import(), which loads only on demand).
  return { inline, files: staticImportClosure(files) };
}

/** The built files that hold an on-request package's code, by package. */
function onRequestFiles(): Map<string, string[]> {
  const report = readBundleReport(dist);
  return new Map(ON_REQUEST.map(({ package: name }) => [name, report.filter((entry) => name in entry.packages).map((entry) => entry.file)]));
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

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

  test(`${path} can load at most 300 KB of JavaScript (gzip) in all, every cell, widget, exercise and worker included`, () => {
    const apart = new Set([...onRequestFiles().values()].flat());
    const { gzipBytes, files } = pageJavaScript(dist, path, (file) => apart.has(file));
    const listing = files.map((file) => `${kB(file.gzipBytes).padStart(9)}  ${file.file}`).join('\n');
    expect(gzipBytes, `${path} loads ${kB(gzipBytes)}:\n${listing}`).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });
}

for (const path of builtPagePaths()) {
  test(`${path} can load the definitions of its own exercises only, in the page and in its workers`, () => {
    const own = pageExercises(join(dist, pageFile(path)));
    const sources = pageJavaScript(dist, path)
      .files.filter((file) => file.file !== '(inline)')
      .map((file) => ({ file: file.file, source: readFileSync(join(dist, file.file), 'utf8') }));
    // A definition is known by its title, as a string in the minified code.
    for (const exercise of EXERCISES.filter((exercise) => !own.includes(exercise.id))) {
      const title = new RegExp(`["'\`]${exercise.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\`]`);
      const holding = sources.filter(({ source }) => title.test(source)).map(({ file }) => file);
      expect(holding, `${path} can load the definition of ${exercise.id}, which is not on it`).toEqual([]);
    }
  });
}

test('an exercise\'s own definition chunk is imported statically by no file but a chunk of the same exercise', () => {
  // page-javascript.ts counts such a chunk only on a page with its exercise: that holds while every other file reaches
  // it through a dynamic import, by the exercise's id.
  const report = readBundleReport(dist);
  const definitions = report.filter((entry) => entry.definition !== undefined);
  expect(definitions.length, 'the bundle report marks the exercises\' definition chunks').toBeGreaterThan(0);
  for (const { file } of report) {
    const source = readFileSync(join(dist, file), 'utf8');
    const mine = report.find((entry) => entry.file === file)?.definition;
    for (const definition of definitions) {
      const name = definition.file.replace(/^.*\//, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const statically = new RegExp(`(?:\\bimport\\s*(?:[\\w*{}\\s,$]+from\\s*)?|\\bfrom\\s*)["'][^"']*${name}["']`);
      if (!statically.test(source)) continue;
      const same = mine !== undefined && EXERCISES.some((exercise) => isDefinitionOf(mine, exercise.id) && isDefinitionOf(definition.definition!, exercise.id));
      expect(same, `${file} imports ${definition.file} statically`).toBe(true);
    }
  }
});

test('what a page loads only on request stays under its own ceiling, and is started by no page directly', () => {
  for (const { package: name, ceilingBytes } of ON_REQUEST) {
    const files = onRequestFiles().get(name)!;
    expect(files, `the files holding ${name}`).not.toEqual([]);
    const total = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
    expect(total, `${name}: ${files.join(', ')}`).toBeLessThanOrEqual(ceilingBytes);
    for (const path of builtPagePaths()) {
      const html = readFileSync(join(dist, pageFile(path)), 'utf8');
      for (const file of files) expect(html.includes(file.replace(/^.*\//, '')), `${path} names ${file}`).toBe(false);
    }
  }
});

test('a file of what is loaded on request is only ever imported dynamically, never by a static import of another file', () => {
  const apart = [...onRequestFiles().values()].flat().map((file) => file.replace(/^.*\//, ''));
  const scripts = readdirSync(join(dist, '_astro')).filter((name) => name.endsWith('.js'));
  for (const name of scripts) {
    const source = readFileSync(join(dist, '_astro', name), 'utf8');
    for (const file of apart) {
      const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // import x from "./file.js", import "./file.js", export … from "./file.js": a static import; import("./file.js") is not.
      const statically = new RegExp(`(?:\\bimport\\s*(?:[\\w*{}\\s,$]+from\\s*)?|\\bfrom\\s*)["'][^"']*${escaped}["']`);
      expect(statically.test(source), `${name} imports ${file} statically`).toBe(false);
    }
  }
});

test('no npm package is bundled into more than one JavaScript file, the workers\' bundles included', () => {
  const report = readBundleReport(dist);
  // The report covers every script the build emitted, so a bundle the report's plugin missed cannot hide a copy.
  const scripts = readdirSync(join(dist, '_astro')).filter((name) => name.endsWith('.js')).map((name) => `_astro/${name}`);
  expect(report.map((entry) => entry.file).sort()).toEqual(scripts.sort());
  // And it sees packages: the editor's, at least.
  expect(report.some((entry) => '@codemirror/view' in entry.packages)).toBe(true);
  expect(Object.fromEntries(bundledTwice(report))).toEqual({});
});

test('no module of the project\'s own is bundled into more than one JavaScript file: the workers share the engine', () => {
  const report = readBundleReport(dist);
  expect(Object.fromEntries(sourcesBundledTwice(report))).toEqual({});
  // The report sees the project's modules, and the engine's tensor is one file that every widget's worker and the code
  // worker load (each worker is a chunk of the pages' build: scripts/worker-chunks.ts).
  const tensor = report.filter((entry) => entry.sources.includes('engine/tensor.ts')).map((entry) => join(resolve(dist), entry.file));
  expect(tensor).toHaveLength(1);
  const workers = report.filter((entry) => entry.sources.some((source) => /^site\/(lesson\/[\w-]+\/worker|runtime\/code-worker)\.ts$/.test(source)));
  expect(workers.length, 'the workers\' chunks').toBeGreaterThanOrEqual(8);
  for (const worker of workers) expect(reachableFiles(dist, [join(dist, worker.file)]), worker.file).toContain(tensor[0]);
});

test('every JavaScript file of the build is reached from some page, so each is counted in the budgets', () => {
  // A file loaded by a name put together at run time (say `${folder}/worker.js`) is found by no page's closure and
  // would slip past both budgets unseen.
  expect(unreachedFiles(dist)).toEqual([]);
});

test('no JavaScript file in the built site contains KaTeX', () => {
  const astroDir = join(dist, '_astro');
  const scripts = existsSync(astroDir) ? readdirSync(astroDir).filter((name) => name.endsWith('.js')) : [];
  for (const name of scripts) {
    expect(readFileSync(join(astroDir, name), 'utf8'), name).not.toMatch(/KaTeX parse error/);
  }
});
