// The bundle report the build writes (which npm packages, and which of their modules, and which of the project's own
// modules each emitted JavaScript file holds) and the checks that read it: a module in two files is a library (or a
// module of the project's own) bundled twice; a package split over one build's chunks is not.
import { describe, expect, test } from 'vitest';
import { bundledTwice, definitionModule, packageModule, packageOf, sourceModule, sourcesBundledTwice, type BundledFile } from '../../scripts/bundle-report.ts';

describe('a module id', () => {
  test('names its package by the innermost node_modules folder, scoped or not, whatever query or prefix it has', () => {
    expect(packageOf('/repo/node_modules/sucrase/dist/esm/index.js')).toBe('sucrase');
    expect(packageOf('/repo/node_modules/@codemirror/view/dist/index.js')).toBe('@codemirror/view');
    expect(packageOf('/repo/node_modules/a/node_modules/@lezer/lr/dist/index.js')).toBe('@lezer/lr');
    expect(packageOf('\0/repo/node_modules/typescript/lib/lib.es5.d.ts?raw')).toBe('typescript');
    expect(packageOf('C:\\repo\\node_modules\\acorn\\dist\\acorn.mjs')).toBe('acorn');
    expect(packageModule('/repo/node_modules/a/node_modules/@lezer/lr/dist/index.js')).toBe('@lezer/lr/dist/index.js');
  });

  test('of an exercise definition module names the definition, and of any other module nothing', () => {
    expect(definitionModule('/repo/exercises/definitions/mlp-backward.ts')).toBe('mlp-backward');
    expect(definitionModule('C:\\repo\\exercises\\definitions\\two-two-one-by-hand-arithmetic.ts')).toBe('two-two-one-by-hand-arithmetic');
    expect(definitionModule('/repo/exercises/code-exercises.ts')).toBeNull();
    expect(definitionModule(null)).toBeNull();
  });

  test('of the project itself or of Vite\'s helpers names no package', () => {
    expect(packageOf('/repo/site/runtime/worker.ts')).toBeNull();
    expect(packageOf('\0vite/preload-helper.js')).toBeNull();
    expect(packageOf('/repo/node_modules/.vite/deps/chunk.js')).toBeNull();
  });

  test('of the project itself is its path from the project\'s folder, an Astro component\'s script with its query', () => {
    expect(sourceModule('/repo/engine/tensor.ts', '/repo')).toBe('engine/tensor.ts');
    expect(sourceModule('/repo/site/components/Cell.astro?astro&type=script&index=0&lang.ts', '/repo')).toBe('site/components/Cell.astro?astro&type=script&index=0&lang.ts');
  });

  test('of a package, a helper, a virtual module or a file outside the project is no module of the project', () => {
    expect(sourceModule('/repo/node_modules/acorn/dist/acorn.mjs', '/repo')).toBeNull();
    expect(sourceModule('\0vite/preload-helper.js', '/repo')).toBeNull();
    expect(sourceModule('astro:scripts/page.js', '/repo')).toBeNull();
    expect(sourceModule('/elsewhere/x.ts', '/repo')).toBeNull();
  });
});

describe('bundled twice', () => {
  const file = (name: string, modules: string[]): BundledFile => ({
    file: name,
    packages: Object.fromEntries(modules.map((module) => [packageOf(`/node_modules/${module}`)!, 1])),
    modules,
    sources: [],
  });

  test('is a package with one module in two files, however many of its other modules are not', () => {
    const twice = bundledTwice([
      file('_astro/kernel.js', ['sucrase/dist/esm/index.js', 'acorn/dist/acorn.mjs']),
      file('_astro/check.js', ['sucrase/dist/esm/index.js', 'sucrase/dist/esm/parser/index.js']),
      file('_astro/key.js', ['sucrase/dist/esm/index.js']),
    ]);
    expect(Object.fromEntries(twice)).toEqual({ sucrase: ['_astro/check.js', '_astro/kernel.js', '_astro/key.js'] });
  });

  test('is not a package whose modules one build split over several chunks', () => {
    expect(bundledTwice([
      file('_astro/index.js', ['@observablehq/plot/src/plot.js', 'd3-geo/src/index.js']),
      file('_astro/arrow.js', ['@observablehq/plot/src/marks/arrow.js']),
      file('_astro/page.js', []),
    ]).size).toBe(0);
  });

  test('is not a module listed twice in one file (a CommonJS module and its wrappers)', () => {
    expect(bundledTwice([file('_astro/index.js', ['lines-and-columns/build/index.js', 'lines-and-columns/build/index.js'])]).size).toBe(0);
  });

  test('counts two versions of one package, in two node_modules folders, as the same module twice', () => {
    const top = packageModule('/repo/node_modules/acorn/dist/acorn.mjs')!;
    const nested = packageModule('/repo/node_modules/acorn-walk/node_modules/acorn/dist/acorn.mjs')!;
    expect([...bundledTwice([file('a.js', [top]), file('b.js', [nested])]).keys()]).toEqual(['acorn']);
  });
});

describe('the project\'s own modules bundled twice', () => {
  const file = (name: string, sources: string[]): BundledFile => ({ file: name, packages: {}, modules: [], sources });

  test('are the modules in more than one file, each with its files', () => {
    const twice = sourcesBundledTwice([
      file('_astro/playground-worker.js', ['engine/tensor.ts', 'site/lesson/playground/worker.ts']),
      file('_astro/gradient-flow-worker.js', ['engine/tensor.ts', 'site/lesson/gradient-flow/worker.ts']),
    ]);
    expect(Object.fromEntries(twice)).toEqual({ 'engine/tensor.ts': ['_astro/gradient-flow-worker.js', '_astro/playground-worker.js'] });
  });

  test('are none when the workers import a shared chunk', () => {
    expect(sourcesBundledTwice([
      file('_astro/tensor.js', ['engine/tensor.ts']),
      file('_astro/playground-worker.js', ['site/lesson/playground/worker.ts']),
      file('_astro/gradient-flow-worker.js', ['site/lesson/gradient-flow/worker.ts']),
    ]).size).toBe(0);
  });
});
