// `npm run new-lesson -- SLUG "Title"` makes a chapter that builds as created (issue 9): run in throwaway copies of
// the project, one of them built with Astro, then deleted.

import { afterAll, describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from './run-node.ts';
import { createLesson, UsageError } from '../../scripts/new-lesson.ts';
import { copyExampleChapter } from '../site/example-chapter-copy.ts';

const repo = process.cwd();
const roots: string[] = [];

/** A temporary folder with a `lessons/examples` folder and the given chapter files (empty but for their names). */
function lessonsFolder(chapters: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'course-new-lesson-'));
  roots.push(root);
  mkdirSync(join(root, 'lessons/examples'), { recursive: true });
  for (const chapter of chapters) writeFileSync(join(root, 'lessons', chapter), '');
  return root;
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('npm run new-lesson', () => {
  test('numbers the chapter after the last one and names that one as its prerequisite', () => {
    const root = lessonsFolder(['01-perceptron.mdx', '02-activations.mdx', '07-mlp.mdx', 'README.md']);
    const created = createLesson(root, 'weight-decay', '  Weight decay ');
    expect(created).toEqual({ lesson: 'lessons/08-weight-decay.mdx', examples: 'lessons/examples/weight-decay.ts', number: 8, prerequisite: 'mlp' });
    const text = readFileSync(join(root, created.lesson), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Weight decay"\n/);
    expect(text).toContain('prerequisites: [mlp]\n');
    expect(text).toContain("import { sigmoidSlopeAtZero } from './examples/weight-decay.ts';");
    expect(createLesson(lessonsFolder([]), 'first', 'The first chapter')).toMatchObject({ lesson: 'lessons/01-first.mdx', prerequisite: undefined });
  });

  test('refuses a missing, malformed or taken slug and a bad title with a clear message, writing nothing', () => {
    const root = lessonsFolder(['01-perceptron.mdx']);
    writeFileSync(join(root, 'lessons/examples/orphan.ts'), '');
    const cases: [string | undefined, string | undefined, RegExp][] = [
      [undefined, undefined, /^Give the new chapter a slug and a title\. Usage: npm run new-lesson -- my-slug "The chapter title"$/],
      ['Weight_Decay', 'Weight decay', /^"Weight_Decay" is not a valid slug: use kebab-case/],
      ['02-mlp', 'Multi-layer perceptrons', /is not a valid slug/],
      ['perceptron', 'Again', /^A chapter "perceptron" already exists \(lessons\/01-perceptron\.mdx\); choose another slug\.$/],
      ['orphan', 'Orphan', /^lessons\/examples\/orphan\.ts already exists/],
      ['mlp', undefined, /^Give the chapter a title after its slug\./],
      ['mlp', 'ML', /^The title must be 3 to 80 characters long; "ML" has 2\.$/],
      ['mlp', 'Two\nlines', /^The title must be one line\.$/],
    ];
    for (const [slug, title, message] of cases) {
      expect(() => createLesson(root, slug, title), `${slug} ${title}`).toThrow(UsageError);
      expect(() => createLesson(root, slug, title), `${slug} ${title}`).toThrow(message);
    }
    expect(readdirSync(join(root, 'lessons')).sort()).toEqual(['01-perceptron.mdx', 'examples']);
    expect(readdirSync(join(root, 'lessons/examples'))).toEqual(['orphan.ts']);
  });

  // The one build-level test of the scaffolds: an Astro build of a copy takes 30-60 s on the 2-core machine, as in
  // tests/site/build-errors.test.ts. The copy's only other chapter is a minimal one, so the build is as small as it gets.
  test('the created chapter builds: its page has the title, the typeset math, the computed number and the prerequisite link', async () => {
    const root = mkdtempSync(join(tmpdir(), 'course-new-lesson-build-'));
    roots.push(root);
    for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(repo, file), join(root, file));
    // Astro compiles .astro files by their real path, so the site is copied; the rest can be linked. Timestamps are kept
    // so the copied MNIST subset is up to date for the copied scripts/mnist-subset.ts and is not rebuilt.
    cpSync(join(repo, 'site'), join(root, 'site'), { recursive: true, preserveTimestamps: true });
    for (const dir of ['node_modules', 'engine', 'exercises']) symlinkSync(join(repo, dir), join(root, dir), 'dir');
    // Scripts are copied, not linked: Node runs a linked script from its real path, which would scaffold into this repository.
    cpSync(join(repo, 'scripts'), join(root, 'scripts'), { recursive: true, preserveTimestamps: true });
    mkdirSync(join(root, 'lessons/examples'), { recursive: true });
    writeFileSync(
      join(root, 'lessons/01-basics.mdx'),
      '---\ntitle: The basics\ndescription: A minimal chapter for the scaffold test.\nobjectives: ["Be there"]\n---\n## Basics\n\nNothing here.\n',
    );
    copyExampleChapter(repo, root, ['basics']);
    cpSync(join(repo, 'lessons/examples/authoring-example.ts'), join(root, 'lessons/examples/authoring-example.ts'));
    const scaffold = await runNode([join(repo, 'node_modules/tsx/dist/cli.mjs'), 'scripts/new-lesson.ts', 'first-steps', 'First steps'], root);
    expect(scaffold.stderr).toBe('');
    expect(scaffold.status).toBe(0);
    expect(scaffold.stdout).toContain('Created lessons/02-first-steps.mdx (chapter 2, after "basics") and lessons/examples/first-steps.ts.');
    expect(scaffold.stdout).toContain('http://localhost:4321/lessons/first-steps/');
    const build = await runNode([join(repo, 'node_modules/astro/astro.js'), 'build', '--root', root, '--outDir', join(root, 'dist')], root, {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      COURSE_VITE_CACHE_DIR: join(root, '.vite-cache'),
    });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    const page = readFileSync(join(root, 'dist/lessons/first-steps/index.html'), 'utf8');
    expect(page).toMatch(/<h1[^>]*>First steps<\/h1>/);
    expect(page).toContain('class="katex-display"');
    // The engine's sigmoid'(0) = 1/4, computed in the scaffolded lessons/examples/first-steps.ts when the copy was built.
    expect(page).toMatch(/slope at 0 as 0\.25\./);
    expect(page).toMatch(/Read first:\s+<a href="\/lessons\/basics\/"[^>]*>The basics<\/a>/);
    expect(existsSync(join(root, 'dist/lessons/basics/index.html'))).toBe(true);
  }, 240_000);
});
