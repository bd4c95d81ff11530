import { describe, test, expect, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, copyFileSync, cpSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from '../scripts/run-node.ts';
import { copyExampleChapter } from './example-chapter-copy.ts';

const repo = process.cwd();
const roots: string[] = [];

/** Builds a copy of the site whose only lessons are the fixture files, and returns the exit status and output. */
async function buildWithLesson(...fixtures: string[]): Promise<{ status: number | null; output: string }> {
  const root = mkdtempSync(join(tmpdir(), 'course-build-'));
  roots.push(root);
  mkdirSync(join(root, 'lessons'));
  for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) copyFileSync(join(repo, file), join(root, file));
  // Astro compiles .astro files by their real path, so the site is copied; the rest can be linked.
  cpSync(join(repo, 'site'), join(root, 'site'), { recursive: true, filter: (source) => !source.includes('/public/data') });
  for (const dir of ['node_modules', 'engine', 'exercises', 'scripts', 'lessons/examples']) symlinkSync(join(repo, dir), join(root, dir), 'dir');
  for (const fixture of fixtures) copyFileSync(join(repo, 'tests/fixtures/lessons', fixture), join(root, 'lessons', fixture));
  copyExampleChapter(repo, root, []);
  const result = await runNode([join(repo, 'node_modules/astro/astro.js'), 'build', '--root', root, '--outDir', join(root, 'dist')], root, {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    COURSE_VITE_CACHE_DIR: join(root, '.vite-cache'),
  });
  // Astro colours its messages even when asked not to; the test reads the plain text.
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: result.status, output };
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('the build catches authoring mistakes', () => {
  test('a lesson with a malformed formula fails the build, naming the formula\'s own line and column, KaTeX\'s reason and the formula, without noise', async () => {
    const { status, output } = await buildWithLesson('01-broken-formula.mdx');
    expect(status).not.toBe(0);
    expect(output).toMatch(/Malformed math/);
    // Line 12 is the formula's second line, where the brace is missing (its `$$` is on line 10); column 29 is the end of the input.
    expect(output).toContain("lessons/01-broken-formula.mdx:12:29: KaTeX parse error: Unexpected end of input in a macro argument, expected '}'\n    \\hat y = \\sigma(z)\n           = \\frac{1}{1 + e^{-z}");
    expect(output).not.toMatch(/undefined:undefined|:0:0|Stack trace|\n\s+at /);
  }, 120_000);

  test('a lesson with a bad frontmatter field fails the build, naming the file and the field', async () => {
    const { status, output } = await buildWithLesson('01-bad-frontmatter.mdx');
    expect(status).not.toBe(0);
    expect(output).toMatch(/01-bad-frontmatter\.mdx/);
    expect(output).toMatch(/objectives: give at most five objectives/);
    expect(output).toMatch(/level/);
  }, 120_000);

  test('a lesson naming an unknown prerequisite fails the build, naming the file, the line and the missing lesson', async () => {
    const { status, output } = await buildWithLesson('01-unknown-prerequisite.mdx');
    expect(status).not.toBe(0);
    // Line 5 of the fixture is its `prerequisites:` line; the id starts in column 18, after its opening quote.
    expect(output).toMatch(/lessons\/01-unknown-prerequisite\.mdx:5:18: unknown prerequisite "backpropagation-from-mars"/);
  }, 120_000);

  test('a lesson linking to a chapter that does not exist fails the build, naming the file, the line and the link', async () => {
    const { status, output } = await buildWithLesson('01-broken-link.mdx');
    expect(status).not.toBe(0);
    expect(output).toMatch(/01-broken-link\.mdx:8: the link \/lessons\/no-such-chapter\/#intro points to no page/);
    expect(output).not.toMatch(/the link \/ points/);
  }, 120_000);

  test('a lesson naming an exercise that does not exist fails the build, naming the file, the line and the id', async () => {
    const { status, output } = await buildWithLesson('01-unknown-exercise.mdx');
    expect(status).not.toBe(0);
    expect(output).toMatch(/01-unknown-exercise\.mdx:10:1: <Exercise id="perceptron-updat"> names no exercise/);
    expect(output).toMatch(/Known exercises: perceptron-update, perceptron-separable/);
  }, 120_000);

  test('a lesson giving a component a wrong prop fails the build, naming the file and line, the component, the prop and the allowed values', async () => {
    const { status, output } = await buildWithLesson('01-bad-prop.mdx');
    expect(status).not.toBe(0);
    // Line 10 of the fixture is its <ActivationExplorer> tag.
    expect(output).toContain('lessons/01-bad-prop.mdx:10: <ActivationExplorer activation="rleu">: activation must be one of step, sigmoid, tanh, relu');
  }, 120_000);

  test('a lesson naming a symbol or term that site/course/notation.ts does not declare fails the build, naming the file and line and the closest declared id', async () => {
    const { status, output } = await buildWithLesson('01-unknown-term.mdx');
    expect(status).not.toBe(0);
    // Line 10 of the fixture is the paragraph with its <Term>.
    expect(output).toContain('lessons/01-unknown-term.mdx:10: <Term id="epohc">: id must be a term declared in site/course/notation.ts; did you mean "epoch"?');
  }, 120_000);

  test('an exercise placed in two lessons fails the build, naming both files and lines', async () => {
    const { status, output } = await buildWithLesson('01-placed-here.mdx', '02-placed-again.mdx');
    expect(status).not.toBe(0);
    expect(output).toMatch(/<Exercise id="relu-backward"> is placed twice, in lessons\/01-placed-here\.mdx:10 and in lessons\/02-placed-again\.mdx:12/);
  }, 120_000);
});
