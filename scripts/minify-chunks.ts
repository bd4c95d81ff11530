// Minifies the client build's JavaScript a second time, with terser, after Vite's esbuild minification: terser's
// compression (two passes, the file an ES module) gives 2-3% less gzip than esbuild's alone on the pages' chunks and
// the workers' (scripts/worker-chunks.ts makes them chunks of this build), about 8 KB on the heaviest lesson page,
// which is what it loads under its 300 KB budget (tests/e2e/budget.spec.ts). esbuild stays the first minifier because
// it is fast and leaves terser less to do.
//
// The chunk with the TypeScript compiler (the cells' type checker, 1.1 MB gzip, loaded only when a student asks for
// types) is left as esbuild made it: terser would take minutes over it on a 2-core machine, for bytes no page's budget
// counts. minifyChunksIntegration() adds the plugin to the client build (see astro.config.mjs).

import type { AstroIntegration } from 'astro';
import { minify, type MinifyOptions } from 'terser';
import type { Plugin } from 'vite';

/** terser's options: the chunks are ES modules, so their top-level names are private and may be shortened. */
export const TERSER_OPTIONS: MinifyOptions = { module: true, compress: { passes: 2 }, format: { comments: false } };

/** Whether a chunk is left to esbuild's minification alone: one that holds a module of the TypeScript compiler. */
export function leftAlone(moduleIds: readonly string[]): boolean {
  return moduleIds.some((id) => /[\\/]node_modules[\\/]typescript[\\/]/.test(id));
}

/** The chunk's code minified by terser; an error names the file. */
export async function minifyChunk(fileName: string, code: string): Promise<string> {
  const result = await minify(code, TERSER_OPTIONS).catch((error: unknown) => {
    // terser's parse error is no Error: it has a message, a line and a column.
    const { message, line, col } = error as { message?: string; line?: number; col?: number };
    throw new Error(`terser could not minify ${fileName}${line === undefined ? '' : ` at ${line}:${col}`}: ${message ?? String(error)}`);
  });
  if (result.code === undefined) throw new Error(`terser returned no code for ${fileName}`);
  return result.code;
}

/** The Vite plugin: every JavaScript chunk of the client build, but those leftAlone() names, minified again by terser. */
export function minifyChunks(): Plugin {
  return {
    name: 'neural-notebook:minify-chunks',
    apply: 'build',
    // After every other plugin's renderChunk, esbuild's minification included, and before Rollup hashes each chunk's
    // code for its file name, so a name still changes exactly when the code does (Vite runs its own minifiers here).
    renderChunk: {
      order: 'post',
      async handler(code, chunk) {
        if (this.environment !== undefined && this.environment.config.consumer !== 'client') return null;
        if (leftAlone(chunk.moduleIds)) return null;
        return { code: await minifyChunk(chunk.fileName, code), map: null };
      },
    },
  };
}

/** An Astro integration that adds minifyChunks() to the client build. */
export function minifyChunksIntegration(): AstroIntegration {
  return {
    name: 'neural-notebook:minify-chunks',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [minifyChunks()] } });
      },
    },
  };
}
