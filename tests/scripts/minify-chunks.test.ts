// The build's second minification (scripts/minify-chunks.ts): terser over the client build's chunks, after esbuild,
// but the TypeScript compiler's chunk.
import { describe, expect, test } from 'vitest';
import { leftAlone, minifyChunk } from '../../scripts/minify-chunks.ts';

/** Runs an ES module's code and returns what it exports. */
async function run(code: string): Promise<Record<string, unknown>> {
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
}

const MODULE = `
  const unusedHelper = (value) => value * 1000;
  function squaredDistance(first, second) {
    let total = 0;
    for (let index = 0; index < first.length; index++) {
      const difference = first[index] - second[index];
      total += difference * difference;
    }
    return total;
  }
  export class Counter {
    constructor() { this.count = 0; }
    add(amount) { this.count += amount; return this; }
  }
  export const distance = (first, second) => Math.sqrt(squaredDistance(first, second));
  export const label = "A title in quotes";
`;

describe('the second minification', () => {
  test('makes a chunk shorter and leaves what it exports working, names and strings kept', async () => {
    const code = await minifyChunk('_astro/sample.js', MODULE);
    expect(code.length).toBeLessThan(MODULE.length / 2);
    expect(code).not.toContain('unusedHelper');
    expect(code).not.toContain('squaredDistance');
    const minified = await run(code);
    const original = await run(MODULE);
    type Distance = (a: number[], b: number[]) => number;
    expect((minified.distance as Distance)([0, 0], [3, 4])).toBe(5);
    expect((minified.distance as Distance)([1, 2], [4, 6])).toBe((original.distance as Distance)([1, 2], [4, 6]));
    interface Adder {
      count: number;
      add(amount: number): Adder;
    }
    const Counter = minified.Counter as new () => Adder;
    expect(new Counter().add(2).add(3).count).toBe(5);
    expect(minified.label).toBe('A title in quotes');
  });

  test('keeps what Vite and Rollup fill in after it: the preload marker and a file name\'s hash placeholder', async () => {
    const chunk = 'export const load = () => __vitePreload(() => import("./editor.!~{001}~.js"), __VITE_PRELOAD__, import.meta.url);';
    const code = await minifyChunk('_astro/lazy.js', `const __vitePreload = (f) => f();\n${chunk}`);
    expect(code).toContain('__VITE_PRELOAD__');
    expect(code).toContain('./editor.!~{001}~.js');
  });

  test('leaves the TypeScript compiler\'s chunk to esbuild alone', () => {
    expect(leftAlone(['/project/node_modules/typescript/lib/typescript.js', '/project/runtime/type-worker.ts'])).toBe(true);
    expect(leftAlone(['C:\\project\\node_modules\\typescript\\lib\\typescript.js'])).toBe(true);
    expect(leftAlone(['/project/node_modules/typescript-like/index.js', '/project/site/typescript/x.ts'])).toBe(false);
  });

  test('fails the build, naming the file and the place, on code terser cannot read', async () => {
    await expect(minifyChunk('_astro/broken.js', 'export const = ;')).rejects.toThrow(/terser could not minify _astro\/broken\.js at 1:13: Name expected/);
  });
});
