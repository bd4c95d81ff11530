// Writes /bundle-report.json into the built site: for every JavaScript file the client build emitted, pages' chunks
// and workers' chunks alike, the npm packages whose code landed in it, how many bytes of each (before compression) and
// which of their modules, and the project's own modules in it. tests/e2e/budget.spec.ts reads it to fail a build that
// bundles a module twice, which happens silently when a worker is built as a bundle of its own: Vite builds each
// `new Worker(new URL(...))` entry as its own Rollup bundle, sharing nothing with the page's bundle or another worker's.
// scripts/worker-chunks.ts makes each worker a chunk of the client build instead, so no module should be in two files.
//
// `astro build` runs it through bundleReportIntegration() (see astro.config.mjs): its Rollup plugin runs in the
// client build and, through Vite's `worker.plugins`, in any worker built as a bundle of its own; the file is written
// when the build is done. The service worker does not precache it (scripts/service-worker.ts).

import { writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** The report's address in the built site. */
export const BUNDLE_REPORT_PATH = '/bundle-report.json';

/** One emitted JavaScript file: its path in the built site and the npm packages' code in it. */
export interface BundledFile {
  /** The path inside the output folder, such as "_astro/editor.BTquahg-.js". */
  file: string;
  /** Package name → bytes of its modules' code in this file (as rendered, before minification and compression). */
  packages: Record<string, number>;
  /** The packages' modules in this file, each by its path from its innermost node_modules folder ("sucrase/dist/esm/index.js"). */
  modules: string[];
  /** The project's own modules in this file, each by its path from the project's folder ("engine/tensor.ts"). */
  sources: string[];
  /**
   * For a file that is the chunk of one exercise definition module loaded on its own with import() (a page's seeded
   * numbers, a worker's student key), that module's name in exercises/definitions/ without ".ts" ("mlp-backward",
   * "two-two-one-by-hand-arithmetic"): scripts/page-javascript.ts counts it only on a page with that exercise.
   */
  definition?: string;
}

/** The name of an exercise definition module (exercises/definitions/<name>.ts) from its module id, or null for any other module. */
export function definitionModule(id: string | null): string | null {
  return /[\\/]exercises[\\/]definitions[\\/]([^\\/]+)\.ts$/.exec(id ?? '')?.[1] ?? null;
}

/** A module id's path from its innermost node_modules folder, or null for the project's own code (and Vite's helpers). */
export function packageModule(id: string): string | null {
  const path = id.replace(/^\0/, '').split('?')[0].replace(/\\/g, '/');
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const inside = path.slice(at + '/node_modules/'.length);
  return inside === '' || inside.startsWith('.vite/') ? null : inside;
}

/** The npm package a module id belongs to (the innermost node_modules folder in its path), or null for the project's own code. */
export function packageOf(id: string): string | null {
  const inside = packageModule(id);
  if (inside === null) return null;
  const [scope, name] = inside.split('/');
  return scope.startsWith('@') && name !== undefined ? `${scope}/${name}` : scope;
}

/**
 * A module id's path from the project's folder `root` (its query kept: an Astro component's scripts are modules of one
 * file), for the project's own code; null for a package's module, Vite's helpers, a virtual module or a file outside.
 */
export function sourceModule(id: string, root: string): string | null {
  if (id.startsWith('\0') || id.replace(/\\/g, '/').includes('/node_modules/')) return null;
  const path = relative(root, id).split(sep).join('/');
  return path === '' || path.startsWith('../') || isAbsolute(path) || /^[\w-]+:/.test(path) ? null : path;
}

/** The Rollup plugin that records each emitted chunk's packages into `files` (keyed by path, so a rebuild replaces). */
function recordPackages(files: Map<string, BundledFile>): Plugin {
  let root = process.cwd();
  return {
    name: 'bundle-report',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      // Only the browser's files: the server build that prerenders the pages ships nothing.
      if (this.environment !== undefined && this.environment.config.consumer !== 'client') return;
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const packages: Record<string, number> = {};
        const modules: string[] = [];
        const sources: string[] = [];
        for (const [id, module] of Object.entries(output.modules)) {
          if (module.renderedLength === 0) continue;
          const name = packageOf(id);
          if (name === null) {
            const source = sourceModule(id, root);
            if (source !== null) sources.push(source);
            continue;
          }
          packages[name] = (packages[name] ?? 0) + module.renderedLength;
          modules.push(packageModule(id)!);
        }
        // A CommonJS module comes as several ids (the module, its exports' wrapper ...): one path.
        const entry: BundledFile = { file: output.fileName, packages, modules: [...new Set(modules)].sort(), sources: [...new Set(sources)].sort() };
        const definition = output.isDynamicEntry && !output.isEntry ? definitionModule(output.facadeModuleId) : null;
        if (definition !== null) entry.definition = definition;
        files.set(output.fileName, entry);
      }
    },
  };
}

/**
 * Every package with a module in more than one file, with those files. One build splits a package across chunks as it
 * likes (Plot's marks apart from its core) but never copies a module; a module in two files is two bundles' copies.
 */
export function bundledTwice(files: readonly BundledFile[]): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const { file, modules } of files) for (const module of modules) where.set(module, [...(where.get(module) ?? []), file]);
  const twice = new Map<string, string[]>();
  for (const [module, list] of where) {
    if (new Set(list).size < 2) continue;
    const name = packageOf(`/node_modules/${module}`)!;
    twice.set(name, [...new Set([...(twice.get(name) ?? []), ...list])].sort());
  }
  return twice;
}

/**
 * Every module of the project's own (the engine's, a widget's ...) in more than one file, with those files: a worker
 * built as a bundle of its own copies the modules it shares with the page or another worker.
 */
export function sourcesBundledTwice(files: readonly BundledFile[]): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const { file, sources } of files) for (const source of sources) where.set(source, [...new Set([...(where.get(source) ?? []), file])]);
  return new Map([...where].filter(([, list]) => list.length > 1).map(([source, list]) => [source, list.sort()]));
}

/** An Astro integration that adds the plugin to the client and worker builds and writes the report when the build is done. */
export function bundleReportIntegration(): AstroIntegration {
  const files = new Map<string, BundledFile>();
  return {
    name: 'bundle-report',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [recordPackages(files)], worker: { plugins: () => [recordPackages(files)] } } });
      },
      'astro:build:done': ({ dir, logger }) => {
        const report = [...files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
        writeFileSync(join(fileURLToPath(dir), BUNDLE_REPORT_PATH), `${JSON.stringify(report, null, 1)}\n`);
        const twice = [...bundledTwice(report).keys(), ...sourcesBundledTwice(report).keys()];
        logger.info(`wrote bundle-report.json: ${report.length} files${twice.length > 0 ? `; bundled more than once: ${twice.join(', ')}` : ''}`);
      },
    },
  };
}
