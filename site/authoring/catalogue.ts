// The catalogue of lesson components: every export of the authors' barrel (site/lesson/index.ts), with the barrel's
// one-line comment, the props table of its folder's schema (site/lesson/<folder>/props.ts, export
// `<camelCaseFolder>Props`, commented field by field) and its example. /authoring/components/ lists every entry
// without running any, and each component has a page of its own, /authoring/components/<folder>/, with its example
// running: together the examples load more JavaScript than a page may (tests/e2e/budget.spec.ts), while each alone
// fits. All of it is read from the code when the site is built, so a new component cannot be left out: one
// without a schema or an example fails the build, naming what is missing, and it gets its page by being exported.

import type { z } from 'astro/zod';
import barrel from '../lesson/index.ts?raw';
import { schemaRows, fieldComments, type FieldRow } from './schema-table.ts';
import { COMPONENT_EXAMPLES, type ComponentExample } from './component-examples.ts';

/** One component of the barrel, as the catalogue shows it. */
export interface CatalogueEntry {
  /** The name a lesson imports and writes: `Aside`, `Cell`. */
  name: string;
  /** Its folder under site/lesson/: `aside`, `activation-explorer`. */
  folder: string;
  /** The barrel's one-line comment on it. */
  description: string;
  /** The export of its props.ts that is its schema: `asideProps`. */
  schemaName: string;
  /** Its props, one row each. */
  props: FieldRow[];
  /** The small example the component's page renders live and the catalogue shows as source. */
  example: ComponentExample;
}

/** One `export { default as Name } from './folder/Name.astro'` of the barrel with the `/** … *\/` comment above it. */
export interface BarrelExport {
  name: string;
  folder: string;
  description: string;
}

/** The address of a component's own page, where its example runs: `aside` → `/authoring/components/aside/`. */
export function componentPageUrl(folder: string): string {
  return `/authoring/components/${folder}/`;
}

/** Every component the barrel exports, in its order; throws if an export is written another way or has no comment. */
export function barrelExports(source: string): BarrelExport[] {
  const found: BarrelExport[] = [];
  for (const match of source.matchAll(/\/\*\*\s*([\s\S]*?)\s*\*\/\s*export \{ default as (\w+) \} from '\.\/([\w-]+)\/\w+\.astro';/g)) {
    found.push({ name: match[2], folder: match[3], description: match[1].replace(/\s*\n\s*\*?\s*/g, ' ').trim() });
  }
  const exports = source.match(/^export /gm)?.length ?? 0;
  if (exports !== found.length) {
    throw new Error(
      `site/lesson/index.ts has ${exports} exports but ${found.length} read as \`/** comment */ export { default as Name } from './folder/Name.astro';\`; ` +
        'write every component so, with its one-line comment, for the authoring guide',
    );
  }
  return found;
}

/** The schema export a component folder's props.ts must have: `activation-explorer` → `activationExplorerProps`. */
export function schemaNameOf(folder: string): string {
  return `${folder.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}Props`;
}

const schemas = import.meta.glob<Record<string, unknown>>('../lesson/*/props.ts', { eager: true });
const sources = import.meta.glob<string>('../lesson/*/props.ts', { eager: true, query: '?raw', import: 'default' });

/** Every component of the barrel with its description, props table and example. */
export function catalogue(): CatalogueEntry[] {
  return barrelExports(barrel).map(({ name, folder, description }) => {
    const file = `../lesson/${folder}/props.ts`;
    const schemaName = schemaNameOf(folder);
    const schema = schemas[file]?.[schemaName] as z.ZodTypeAny | undefined;
    const source = sources[file];
    if (schema === undefined || source === undefined) throw new Error(`authoring catalogue: <${name}> needs site/lesson/${folder}/props.ts exporting ${schemaName}, its props' zod schema`);
    const example = COMPONENT_EXAMPLES[name];
    if (example === undefined) throw new Error(`authoring catalogue: <${name}> has no example; add one to COMPONENT_EXAMPLES in site/authoring/component-examples.ts`);
    return { name, folder, description, schemaName, props: schemaRows(schema, fieldComments(source, schemaName)), example };
  });
}
