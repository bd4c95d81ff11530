// Starts a new chapter from a template that builds and passes the checks as created.
//
//   npm run new-lesson -- SLUG "Title"
//
// Writes lessons/NN-SLUG.mdx, numbered after the last chapter, with valid frontmatter (the previous chapter as
// its prerequisite), a short body using the lesson components, math and a number computed when the site is
// built, from the new lessons/examples/SLUG.ts; then prints the next steps. Exits 2 on a bad or taken slug or
// a bad title, having written nothing.

import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lessonIdFromFile, lessonOrderFromFile } from '../site/course/lesson-files.ts';

/** The engine's index as a chapter's worked-examples module (in lessons/examples/) imports it. */
const ENGINE_FROM_EXAMPLES = posix.relative('lessons/examples', 'engine/index.ts');

/** What `createLesson` wrote, relative to the project root. */
export interface CreatedLesson {
  /** The chapter, `lessons/NN-slug.mdx`. */
  lesson: string;
  /** Its worked-examples module, `lessons/examples/slug.ts`. */
  examples: string;
  /** The chapter's number in the course order. */
  number: number;
  /** The id of the chapter it names as a prerequisite, if there is one before it. */
  prerequisite: string | undefined;
}

/** A problem with the command's arguments, reported without a stack trace. */
export class UsageError extends Error {}

const SLUG_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const USAGE = 'Usage: npm run new-lesson -- my-slug "The chapter title"';

/** The chapter files of a lessons folder, `NN-slug.mdx`, in course order. */
function chapterFiles(lessonsDir: string): string[] {
  return readdirSync(lessonsDir)
    .filter((file) => /^\d+-.+\.mdx$/.test(file))
    .sort((a, b) => lessonOrderFromFile(a) - lessonOrderFromFile(b) || a.localeCompare(b));
}

/** The chapter file: frontmatter, the lesson barrel and the examples module, math, and one build-time number. */
export function lessonTemplate(slug: string, title: string, prerequisite: string | undefined): string {
  return `---
title: ${JSON.stringify(title)}
description: "One or two sentences on what this chapter teaches, for the course list and search results (at most 160 characters)."
objectives:
  - "Write one to five outcomes, each something a student can do afterwards."
prerequisites: [${prerequisite ?? ''}]
draft: false
---

import { Aside } from '../site/lesson/index.ts';
import { sigmoidSlopeAtZero } from './examples/${slug}.ts';

## A first section

Write the chapter here, one idea per section; the \`##\` and \`###\` headings build the table of contents. Math is
LaTeX, inline as $\\sigma(z) = 1 / (1 + e^{-z})$ or displayed:

$$
\\sigma'(z) = \\sigma(z)\\,\\bigl(1 - \\sigma(z)\\bigr)
$$

A number the chapter shows is computed by the engine when the site is built, never typed: autograd gives the
sigmoid's slope at 0 as {sigmoidSlopeAtZero}.

<Aside type="tip">The components a chapter may use (Cell, Exercise, Playground, ...) are in the barrel
\`site/lesson/index.ts\`.</Aside>
`;
}

/** The worked-examples module of a new chapter: one number computed by the engine, already formatted. */
export function examplesTemplate(title: string, number: number): string {
  return `// Worked examples for lesson ${number}, ${title}, computed by the engine when the site is built.
//
// Every number the chapter shows comes from here, already formatted; a claim the prose makes about one is
// checked here or in tests/lessons/, so the build or the tests stop instead of the text lying.

import { sigmoid, tensor } from '${ENGINE_FROM_EXAMPLES}';

/** The sigmoid's slope at 0, by the engine's autograd, as the chapter shows it. */
export const sigmoidSlopeAtZero: string = (() => {
  const z = tensor(0, { requiresGrad: true });
  sigmoid(z).backward();
  return String(z.grad!.item());
})();
`;
}

/** Creates chapter `slug` titled `title` under `root`; throws a UsageError for a bad or taken slug or a bad title. */
export function createLesson(root: string, slug: string | undefined, title: string | undefined): CreatedLesson {
  if (slug === undefined || slug.trim() === '') throw new UsageError(`Give the new chapter a slug and a title. ${USAGE}`);
  if (!SLUG_PATTERN.test(slug)) {
    throw new UsageError(`"${slug}" is not a valid slug: use kebab-case, lowercase letters and digits joined by single hyphens, starting with a letter (e.g. "weight-decay"); it becomes the chapter's URL, /lessons/<slug>/.`);
  }
  if (title === undefined || title.trim() === '') throw new UsageError(`Give the chapter a title after its slug. ${USAGE}`);
  if (/[\r\n]/.test(title)) throw new UsageError('The title must be one line.');
  if (title.trim().length < 3 || title.trim().length > 80) throw new UsageError(`The title must be 3 to 80 characters long; "${title.trim()}" has ${title.trim().length}.`);
  const lessonsDir = join(root, 'lessons');
  const chapters = chapterFiles(lessonsDir);
  const taken = chapters.find((file) => lessonIdFromFile(file) === slug);
  if (taken !== undefined) throw new UsageError(`A chapter "${slug}" already exists (lessons/${taken}); choose another slug.`);
  const examples = `lessons/examples/${slug}.ts`;
  if (existsSync(join(root, examples))) throw new UsageError(`${examples} already exists; choose another slug or remove it.`);
  const last = chapters[chapters.length - 1];
  const number = last === undefined ? 1 : lessonOrderFromFile(last) + 1;
  const lesson = `lessons/${String(number).padStart(2, '0')}-${slug}.mdx`;
  const prerequisite = last === undefined ? undefined : lessonIdFromFile(last);
  writeFileSync(join(root, examples), examplesTemplate(title.trim(), number));
  writeFileSync(join(root, lesson), lessonTemplate(slug, title.trim(), prerequisite));
  return { lesson, examples, number, prerequisite };
}

/** The next steps printed after creating a chapter. */
export function nextSteps(slug: string, created: CreatedLesson): string {
  return [
    `Created ${created.lesson} (chapter ${created.number}${created.prerequisite ? `, after "${created.prerequisite}"` : ''}) and ${created.examples}.`,
    '',
    'Next steps:',
    `  1. npm run dev, and open http://localhost:4321/lessons/${slug}/`,
    '  2. Write the frontmatter: description, objectives, prerequisites (set draft: true to keep it off the site meanwhile).',
    `  3. Write the chapter; compute its numbers in ${created.examples} and test its claims in tests/lessons/${slug}.test.ts.`,
    '  4. Add an exercise with npm run new-exercise -- my-exercise-id, and place it with <Exercise id="my-exercise-id" />.',
    '  5. npm run check, then npm run build.',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const [slug, title, ...rest] = process.argv.slice(2);
  try {
    if (rest.length > 0) throw new UsageError(`new-lesson takes a slug and one title; quote a title of several words. ${USAGE}`);
    const created = createLesson(root, slug, title);
    console.log(nextSteps(slug!, created));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`new-lesson: ${error.message}`);
    process.exitCode = 2;
  }
}
