import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LESSON = join(process.cwd(), 'site/lesson');
const folders = readdirSync(LESSON).filter((name) => name !== 'shared' && statSync(join(LESSON, name)).isDirectory());
const barrel = readFileSync(join(LESSON, 'index.ts'), 'utf8');

/** The PascalCase name of a kebab-case folder: `activation-explorer` is `ActivationExplorer`. */
const pascal = (folder: string) => folder.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());

describe('a lesson component is one folder, copied from another', () => {
  test('every component the barrel exports lives in a folder of its own', () => {
    const exported = [...barrel.matchAll(/from '\.\/([\w-]+)\/(\w+)\.astro'/g)].map(([, folder, name]) => `${folder}/${name}`);
    expect(exported.sort()).toEqual(folders.map((folder) => `${folder}/${pascal(folder)}`).sort());
    expect(exported.length).toBeGreaterThanOrEqual(7);
  });

  test.each(folders)('%s holds its PascalCase .astro file and the zod schema of its props, and the barrel exports it', (folder) => {
    const name = pascal(folder);
    const files = readdirSync(join(LESSON, folder));
    expect(files).toContain(`${name}.astro`);
    expect(files).toContain('props.ts');
    expect(files.filter((file) => file.endsWith('.astro'))).toEqual([`${name}.astro`]);
    expect(barrel).toContain(`export { default as ${name} } from './${folder}/${name}.astro';`);
  });

  test.each(folders)('%s checks its props with the shared helper, under its own name', (folder) => {
    const name = pascal(folder);
    const astro = readFileSync(join(LESSON, folder, `${name}.astro`), 'utf8');
    expect(astro).toMatch(new RegExp(`parseProps\\(\\w+Props, Astro, '${name}'\\)`));
    expect(astro).toMatch(/type Props = z\.input<typeof \w+Props>;/);
    // The hand-written checks the schemas replaced: a prop error is thrown only through the shared helper.
    expect(astro).not.toMatch(/throw new Error/);
  });

  test.each(folders)('%s loads its code, if it has any, through the one lazy-mount helper', (folder) => {
    const name = pascal(folder);
    const astro = readFileSync(join(LESSON, folder, `${name}.astro`), 'utf8');
    const script = /<script>([\s\S]*?)<\/script>/.exec(astro)?.[1];
    if (script !== undefined) expect(script).toMatch(/mountWhenVisible\(/);
    expect(readdirSync(join(LESSON, folder))).not.toContain('loader.ts');
  });
});
