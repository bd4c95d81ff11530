// The authoring guide's example chapter (lessons/authoring-example.mdx) is text the guide tells authors to copy:
// its frontmatter passes the lessons' schema, what it names exists, its worked example says what autograd says,
// and it stays out of the course (no number, so no chapter and no placement).
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { lessonSchema } from '../../site/course/lesson-schema.ts';
import { lessonIdFromFile } from '../../site/course/lesson-files.ts';
import { placementsIn } from '../../site/course/exercise-placement.ts';
import { EXAMPLE_CHAPTER_FILE } from '../../site/authoring/example-chapter.ts';
import { exerciseIds } from '../../exercises/index.ts';
import { barrelExports } from '../../site/authoring/catalogue.ts';
import { inputs, reluSlopes, slopesShown } from '../../lessons/examples/authoring-example.ts';

const root = new URL('../../', import.meta.url);
const source = readFileSync(new URL(EXAMPLE_CHAPTER_FILE, root), 'utf8');
const chapters = readdirSync(new URL('lessons/', root)).filter((name) => /^\d+-.+\.mdx$/.test(name));

describe('the example chapter', () => {
  test("has frontmatter the lessons' schema accepts, naming prerequisites that are lessons", () => {
    const data = lessonSchema.parse(parseFrontmatter(source).frontmatter);
    expect(data.title).toBe('ReLU in miniature');
    expect(data.prerequisites.length).toBeGreaterThan(0);
    for (const id of data.prerequisites) expect(chapters.map((file) => lessonIdFromFile(file)), id).toContain(id);
  });

  test('uses only components of the barrel, a cell and an exercise that exists', () => {
    const imported = /import \{ ([^}]+) \} from '\.\.\/site\/lesson\/index\.ts';/.exec(source)?.[1].split(',').map((name) => name.trim());
    expect(imported).toEqual(expect.arrayContaining(['Cell', 'Exercise']));
    const names = barrelExports(readFileSync(new URL('site/lesson/index.ts', root), 'utf8')).map((entry) => entry.name);
    for (const name of imported ?? []) expect(names).toContain(name);
    expect(source).toMatch(/<Cell id="[a-z-]+">\n\n```ts\n[\s\S]+?```\n\n<\/Cell>/);
    expect(source).toMatch(/\$\$\n[\s\S]+?\n\$\$/);
    const placed = placementsIn({ id: 'authoring-example', file: EXAMPLE_CHAPTER_FILE, source });
    expect(placed).toHaveLength(1);
    expect(exerciseIds()).toContain(placed[0].exercise);
  });

  test('is not a chapter of the course: the content collection takes numbered files only', () => {
    expect(EXAMPLE_CHAPTER_FILE).toMatch(/^lessons\/[a-z]/);
    expect(chapters).not.toContain(EXAMPLE_CHAPTER_FILE.slice('lessons/'.length));
  });

  test("its worked example is ReLU's derivative, [x > 0], as autograd computes it", () => {
    expect(reluSlopes(inputs)).toEqual(inputs.map((x) => (x > 0 ? 1 : 0)));
    expect(reluSlopes([-1e-3, 1e-3, -50, 50])).toEqual([0, 1, 0, 1]);
    expect(slopesShown).toBe(inputs.map((x) => (x > 0 ? 1 : 0)).join(', '));
    expect(source).toContain('{slopesShown}');
  });
});
