// Everything a built page can load as JavaScript, read from the built files: its scripts, what they import (statically,
// dynamically, through Vite's dependency lists), the workers they start and what those load, recursively; the
// service worker's precache list is addresses, not code the page runs.
import { afterAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDefinitionOf, pageJavaScript, unreachedFiles } from '../../scripts/page-javascript.ts';

const dist = mkdtempSync(join(tmpdir(), 'page-js-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(dist, path, '..'), { recursive: true });
  writeFileSync(join(dist, path), text);
};

write('index.html', '<script type="module" src="/_astro/page.A1.js"></script><script>window.inline = 1;</script><script type="application/ld+json">{}</script>');
write('lessons/a/index.html', '<link rel="modulepreload" href="/_astro/dep.D4.js"><p>no scripts of its own</p>');
write('_astro/page.A1.js', 'import{a}from"./dep.D4.js";const l=()=>import("./lazy.B2.js"),m=["_astro/listed.E5.js"];navigator.serviceWorker.register("/sw.js");');
write('_astro/dep.D4.js', 'export const a=1;');
write('_astro/lazy.B2.js', 'new Worker(new URL("/_astro/worker-C3.js",import.meta.url),{type:"module"});new Worker(new URL("chunk-worker.H8.js",import.meta.url).href,{type:"module"});');
// A worker built as a chunk of the pages' build (scripts/worker-chunks.ts): named beside its starter, it imports a chunk
// the page imports too, and one of its own.
write('_astro/chunk-worker.H8.js', 'import{a}from"./dep.D4.js";import{d}from"./engine.I9.js";self.onmessage=()=>postMessage(a+d);');
write('_astro/engine.I9.js', 'export const d=4;');
write('_astro/listed.E5.js', 'export const b=2;');
write('_astro/worker-C3.js', 'import("./role-F6.js");const w=`${base}search-worker.js`;');
write('_astro/role-F6.js', 'export const c=3;');
write('_astro/search-worker.js', 'self.x=1;');
write('_astro/never.G7.js', 'export const never=1;');
write('sw.js', 'const precache=["/_astro/never.G7.js"];');

describe('the JavaScript a page can load', () => {
  test('follows imports, dynamic imports, dependency lists, workers and their imports (shared chunks once), and counts inline scripts', () => {
    const { files, gzipBytes } = pageJavaScript(dist, '/');
    expect(files.map((file) => file.file).sort()).toEqual([
      '(inline)', '_astro/chunk-worker.H8.js', '_astro/dep.D4.js', '_astro/engine.I9.js', '_astro/lazy.B2.js', '_astro/listed.E5.js',
      '_astro/page.A1.js', '_astro/role-F6.js', '_astro/search-worker.js', '_astro/worker-C3.js', 'sw.js',
    ]);
    expect(gzipBytes).toBe(files.reduce((total, file) => total + file.gzipBytes, 0));
  });

  test('leaves out a file it is told to, and what only that file loads', () => {
    const { files } = pageJavaScript(dist, '/', (file) => file === '_astro/worker-C3.js');
    expect(files.map((file) => file.file)).not.toContain('_astro/worker-C3.js');
    expect(files.map((file) => file.file)).not.toContain('_astro/role-F6.js');
    expect(files.map((file) => file.file)).toContain('_astro/lazy.B2.js');
  });

  test('names the files no page reaches: a file only the service worker lists is one', () => {
    expect(unreachedFiles(dist)).toEqual(['_astro/never.G7.js']);
  });

  test('starts from module preloads too', () => {
    expect(pageJavaScript(dist, '/lessons/a/').files.map((file) => file.file)).toEqual(['_astro/dep.D4.js']);
  });

  test('counts an exercise\'s own definition chunk only on a page with that exercise', () => {
    const other = mkdtempSync(join(tmpdir(), 'page-js-exercises-'));
    try {
      const put = (path: string, text: string) => {
        mkdirSync(join(other, path, '..'), { recursive: true });
        writeFileSync(join(other, path), text);
      };
      put('a/index.html', '<course-exercise class="exercise" data-exercise-id="two-by-hand"></course-exercise><script type="module" src="/_astro/element.A1.js"></script>');
      put('b/index.html', '<course-exercise data-exercise-id="mlp-backward"></course-exercise><script type="module" src="/_astro/element.A1.js"></script>');
      put('_astro/element.A1.js', 'const m={"two-by-hand":()=>import("./two-by-hand-arithmetic.B2.js"),"mlp-backward":()=>import("./mlp-backward.C3.js")};');
      put('_astro/two-by-hand-arithmetic.B2.js', 'import"./only-two.D4.js";export default 1;');
      put('_astro/only-two.D4.js', 'export const two=2;');
      put('_astro/mlp-backward.C3.js', 'export default 3;');
      const report = [
        { file: '_astro/element.A1.js', packages: {}, modules: [] },
        { file: '_astro/two-by-hand-arithmetic.B2.js', packages: {}, modules: [], definition: 'two-by-hand-arithmetic' },
        { file: '_astro/only-two.D4.js', packages: {}, modules: [] },
        { file: '_astro/mlp-backward.C3.js', packages: {}, modules: [], definition: 'mlp-backward' },
      ];
      put('bundle-report.json', JSON.stringify(report));
      expect(pageJavaScript(other, '/a/').files.map((file) => file.file).sort()).toEqual(['_astro/element.A1.js', '_astro/only-two.D4.js', '_astro/two-by-hand-arithmetic.B2.js']);
      expect(pageJavaScript(other, '/b/').files.map((file) => file.file).sort()).toEqual(['_astro/element.A1.js', '_astro/mlp-backward.C3.js']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  test('a definition module is an exercise\'s when it is named by the id, or by the id and a part', () => {
    expect(isDefinitionOf('tanh-backward', 'tanh-backward')).toBe(true);
    expect(isDefinitionOf('two-two-one-by-hand-arithmetic', 'two-two-one-by-hand')).toBe(true);
    expect(isDefinitionOf('tanh-network-backward', 'tanh-backward')).toBe(false);
    expect(isDefinitionOf('tanh-backward', 'tanh')).toBe(true);
    expect(isDefinitionOf('mlp-forward', 'mlp-backward')).toBe(false);
  });
});
