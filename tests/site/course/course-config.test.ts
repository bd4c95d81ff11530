// The course configuration: its schema's messages (each names the file, the field and what is allowed), the checks of
// its ids against the lessons and exercises, what it selects, and the JSON Schema editors use, generated from zod.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { VFile } from 'vfile';
import {
  CourseConfigError,
  courseConfigPath,
  loadCourseSelection,
  readCourseConfig,
  selectCourse,
  type CourseConfig,
  type CourseLessonSource,
} from '../../../site/course/course-config.ts';
import { courseConfigJsonSchema } from '../../../scripts/course-config-schema.ts';
import { rehypeInternalLinks } from '../../../site/markdown/rehype-internal-links.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'course-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The problems a configuration file with this text fails with. */
function problemsOf(text: string): string[] {
  const file = join(scratch, 'course.json');
  writeFileSync(file, text);
  try {
    readCourseConfig(file, scratch);
  } catch (error) {
    expect(error).toBeInstanceOf(CourseConfigError);
    expect((error as Error).message.split('\n')[0]).toBe('Course configuration course.json:');
    return (error as CourseConfigError).problems;
  }
  throw new Error('the file was accepted');
}

const lessons: CourseLessonSource[] = [
  { id: 'perceptron', file: 'lessons/01-perceptron.mdx', source: '<Exercise id="p1" />\n<Exercise id="p2" />', prerequisites: [] },
  { id: 'mlp', file: 'lessons/02-mlp.mdx', source: '<Exercise id="m1" />', prerequisites: ['perceptron'] },
  { id: 'backprop', file: 'lessons/03-backprop.mdx', source: '<Exercise id="b2" />\n<Exercise id="b1" />', prerequisites: ['mlp', 'perceptron'] },
];
const exercises = ['p1', 'p2', 'm1', 'b1', 'b2', 'loose'];
const select = (config: Omit<CourseConfig, 'title'>, drafts: string[] = []) => selectCourse({ title: 'A course', ...config }, 'course.json', lessons, exercises, drafts);
const problemsOfSelection = (config: Omit<CourseConfig, 'title'>, drafts: string[] = []): string[] => {
  try {
    select(config, drafts);
  } catch (error) {
    expect(error).toBeInstanceOf(CourseConfigError);
    return (error as CourseConfigError).problems;
  }
  throw new Error('the configuration was accepted');
};

describe('the schema of a course configuration', () => {
  test('a good file is read as written', () => {
    const file = join(scratch, 'good.json');
    writeFileSync(file, JSON.stringify({ $schema: './course.config.schema.json', title: 'Short course', chapters: ['mlp', { id: 'backprop', exercises: { include: ['b1'] } }] }));
    expect(readCourseConfig(file, scratch).chapters).toEqual(['mlp', { id: 'backprop', exercises: { include: ['b1'] } }]);
  });

  test('a missing title and an empty chapter list are named by field', () => {
    expect(problemsOf('{"chapters": []}')).toEqual(['title: is required (string)', 'chapters: name at least one chapter']);
  });

  test('a title too short or of the wrong type says what is allowed', () => {
    expect(problemsOf('{"title": "ab", "chapters": ["mlp"]}')).toEqual(['title: must be at least 3 characters']);
    expect(problemsOf('{"title": 3, "chapters": ["mlp"]}')).toEqual(['title: expected string, got number']);
  });

  test('an unknown field, at the top or in a chapter, is named with the fields allowed there', () => {
    expect(problemsOf('{"title": "A course", "chapter": ["mlp"], "chapters": ["mlp"]}')).toEqual([
      'chapter: unknown field "chapter" (allowed: $schema, title, chapters, exercises)',
    ]);
    expect(problemsOf('{"title": "A course", "chapters": [{"id": "mlp", "exercise": {}}]}')).toEqual([
      'chapters[0].exercise: unknown field "exercise" (allowed: id, exercises)',
    ]);
    expect(problemsOf('{"title": "A course", "chapters": [{"id": "mlp", "exercises": {"only": []}}]}')).toEqual([
      'chapters[0].exercises.only: unknown field "only" (allowed: include, exclude)',
    ]);
    expect(problemsOf('{"title": "A course", "chapters": ["mlp"], "exercises": {"include": []}}')).toEqual([
      'exercises.exclude: is required (array)',
      'exercises.include: unknown field "include" (allowed: exclude)',
    ]);
  });

  test('a chapter that is neither an id nor an object says what the two forms are; a malformed id says what an id is', () => {
    expect(problemsOf('{"title": "A course", "chapters": [3]}')).toEqual([
      'chapters[0]: must be a lesson id such as "perceptron", or an object such as { "id": "backprop", "exercises": { "exclude": ["…"] } }',
    ]);
    expect(problemsOf('{"title": "A course", "chapters": ["Back Prop"]}')).toEqual([
      'chapters[0]: must be an id: lower case letters, digits and hyphens, such as "perceptron"',
    ]);
    expect(problemsOf('{"title": "A course", "chapters": [{"exercises": {}}]}')).toEqual(['chapters[0].id: is required (string)']);
  });

  test('a chapter that both includes and excludes exercises is refused', () => {
    expect(problemsOf('{"title": "A course", "chapters": [{"id": "mlp", "exercises": {"include": ["a"], "exclude": ["b"]}}]}')).toEqual([
      'chapters[0].exercises: give either "include" or "exclude", not both',
    ]);
  });

  test('a file that is not JSON, or not there, fails with a plain message', () => {
    expect(problemsOf('{"title": "A course",')[0]).toMatch(/^\(the whole file\): not valid JSON: /);
    expect(() => readCourseConfig(join(scratch, 'absent.json'), scratch)).toThrow(/Course configuration absent\.json:\n {2}the file does not exist/);
  });

  test('COURSE_CONFIG names the file; without it course.config.json is read when present, else the whole course is built', () => {
    expect(courseConfigPath(scratch, { COURSE_CONFIG: 'course.json' })).toBe(join(scratch, 'course.json'));
    expect(courseConfigPath(join(scratch, 'nowhere'), {})).toBeUndefined();
    writeFileSync(join(scratch, 'course.config.json'), '{}');
    expect(courseConfigPath(scratch, {})).toBe(join(scratch, 'course.config.json'));
  });
});

describe('what a configuration selects', () => {
  test('the chapters in the order listed, and their exercises as chosen; practice exercises stay unless excluded', () => {
    const selection = select({ chapters: ['backprop', { id: 'perceptron', exercises: { exclude: ['p2'] } }] });
    expect(selection.chapters).toEqual(['backprop', 'perceptron']);
    // A left-out chapter's exercises leave with it; they do not become practice exercises.
    expect(selection.exercises).toEqual(['p1', 'b1', 'b2', 'loose']);
    expect(select({ chapters: [{ id: 'backprop', exercises: { include: ['b1'] } }], exercises: { exclude: ['loose'] } }).exercises).toEqual(['b1']);
  });

  test("a kept chapter's left-out prerequisite is a warning, not an error", () => {
    expect(select({ chapters: ['perceptron', 'backprop'] }).warnings).toEqual([
      'the chapter "backprop" lists the prerequisite "mlp", which this course leaves out; its page names it without a link',
    ]);
    expect(select({ chapters: ['perceptron', 'mlp', 'backprop'] }).warnings).toEqual([]);
  });

  test('an unknown chapter is named with the known ones; a repeated one with its first place', () => {
    expect(problemsOfSelection({ chapters: ['mlp', 'backprob', { id: 'mlp' }] })).toEqual([
      'chapters[1]: unknown chapter "backprob" (known chapters: perceptron, mlp, backprop)',
      'chapters[2].id: the chapter "mlp" is listed twice (first as chapters[0]); a chapter is built once',
    ]);
  });

  test('a draft chapter, which a production build leaves out, says so', () => {
    expect(problemsOfSelection({ chapters: ['attention'] }, ['attention'])).toEqual([
      'chapters[0]: the chapter "attention" is a draft (draft: true in its frontmatter), which a production build leaves out; publish it or take it out of the course',
    ]);
  });

  test('an exercise a chapter does not place is named with where it is and what the chapter places', () => {
    expect(problemsOfSelection({ chapters: [{ id: 'backprop', exercises: { include: ['b1', 'p1', 'nope', 'loose', 'b1'] } }] })).toEqual([
      'chapters[0].exercises.include[1]: the chapter "backprop" does not place the exercise "p1" (it is placed in "perceptron"; this chapter places: b2, b1)',
      'chapters[0].exercises.include[2]: the chapter "backprop" does not place the exercise "nope" (there is no such exercise; this chapter places: b2, b1)',
      'chapters[0].exercises.include[3]: the chapter "backprop" does not place the exercise "loose" (it is a practice exercise, placed in no chapter; this chapter places: b2, b1)',
      'chapters[0].exercises.include[4]: "b1" is listed twice',
    ]);
  });

  test('a course-wide exclusion must name exercises that exist, once each', () => {
    expect(problemsOfSelection({ chapters: ['mlp'], exercises: { exclude: ['m1', 'gone', 'm1'] } })).toEqual([
      'exercises.exclude[1]: there is no exercise "gone" (the exercises are the files of exercises/definitions/)',
      'exercises.exclude[2]: "m1" is listed twice',
    ]);
  });

  test("the three-chapter fixture selects against the repository's own lessons and exercises", () => {
    const selection = loadCourseSelection(root, { COURSE_CONFIG: 'tests/fixtures/course/three-chapters.json' }, false)!;
    expect(selection.file).toBe('tests/fixtures/course/three-chapters.json');
    expect(selection.chapters).toEqual(['perceptron', 'backprop', 'activations']);
    expect([...selection.exercises].sort()).toEqual(
      ['perceptron-update', 'sigmoid-backward', 'two-two-one-by-hand', 'small-network-gradient', 'tanh-network-backward', 'one-hidden-layer-quiz', 'mlp-backward', 'relu-backward'].sort(),
    );
    expect(selection.warnings.map((warning) => warning.split(',')[0])).toEqual([
      'the chapter "backprop" lists the prerequisite "mlp"',
      'the chapter "backprop" lists the prerequisite "losses"',
    ]);
  });
});

describe('the JSON Schema and the link check of a configured course', () => {
  test('course.config.schema.json is what the zod schema generates (npm run course-schema remakes it)', () => {
    expect(readFileSync(join(root, 'course.config.schema.json'), 'utf8')).toBe(courseConfigJsonSchema());
  });

  test('a link to a chapter the course leaves out becomes plain text; one to a kept chapter stays; one to no page still fails', () => {
    const check = rehypeInternalLinks({ publicDir: `${root}site/public`, pagesDir: `${root}site/pages`, lessons: ['perceptron', 'backprop'] });
    const tree = (href: string) => ({ type: 'root', children: [{ type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: 'words' }], position: { start: { line: 3, column: 1 } } }] });
    const file = () => new VFile({ path: `${root}lessons/02-activations.mdx` });
    const left = tree('/lessons/losses/#likelihood');
    check(left, file());
    expect(left.children[0]).toMatchObject({ tagName: 'span', properties: { className: ['left-out-link'] }, children: [{ type: 'text', value: 'words' }] });
    const kept = tree('/lessons/backprop/');
    check(kept, file());
    expect(kept.children[0]).toMatchObject({ tagName: 'a', properties: { href: '/lessons/backprop/' } });
    expect(() => check(tree('/lessons/no-such-chapter/'), file())).toThrow(/02-activations\.mdx:3: the link \/lessons\/no-such-chapter\/ points to no page/);
  });
});
