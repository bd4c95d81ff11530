// A course configuration lets an instructor build a course of chosen chapters and exercises, in a chosen order,
// without editing the lessons: `course.config.json` at the repository's root (or the file `COURSE_CONFIG` names).
// Without one the build is the whole course, as the lesson files number it.
//
// The file is checked twice over: its shape by the zod schema below (the JSON Schema editors use,
// course.config.schema.json, is generated from it), then its ids against the lessons and exercises that exist.
// Every problem is reported at once, each with the file, the field's path and what is allowed.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'astro/zod';
import { placeExercises, type ExercisePlacement, type LessonSource } from './exercise-placement.ts';
import { isChapterFile, lessonIdFromFile } from './lesson-files.ts';
import { exerciseIds } from '../../exercises/index.ts';

/** The file read when `COURSE_CONFIG` names none, relative to the repository's root. */
export const DEFAULT_COURSE_CONFIG = 'course.config.json';

/** The JSON Schema of the file, generated from `courseConfigSchema` (scripts/course-config-schema.ts). */
export const COURSE_CONFIG_SCHEMA_FILE = 'course.config.schema.json';

/** Lesson and exercise ids as the course writes them: lower case words joined by hyphens. */
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be an id: lower case letters, digits and hyphens, such as "perceptron"');

/** Which of a chapter's exercises the course keeps: only those listed, or all but those listed. */
const chapterExercises = z
  .object({
    /** Keep only these of the chapter's exercises (the lesson still shows them in its own order). */
    include: z.array(id).optional().describe('Keep only these of the chapter\'s exercises; the lesson keeps its own order.'),
    /** Keep every exercise of the chapter except these. */
    exclude: z.array(id).optional().describe('Keep every exercise of the chapter except these.'),
  })
  .strict()
  .refine((selection) => selection.include === undefined || selection.exclude === undefined, {
    message: 'give either "include" or "exclude", not both',
  });

/** One chapter of the course: a lesson id, or a lesson id with a choice of its exercises. */
const chapter = z.union([
  id.describe('A lesson id: the file name without its number and extension, such as "perceptron" for lessons/01-perceptron.mdx.'),
  z
    .object({
      /** The lesson id. */
      id: id.describe('A lesson id, such as "backprop".'),
      /** Which of the exercises this lesson places the course keeps; all of them when left out. */
      exercises: chapterExercises.optional().describe('Which of the exercises this lesson places the course keeps; all when left out.'),
    })
    .strict(),
]);

/** The schema of a course configuration file. */
export const courseConfigSchema = z
  .object({
    /** The editor's schema reference; the build ignores it. */
    $schema: z.string().optional().describe('The JSON Schema editors check this file with: "./course.config.schema.json".'),
    /** The course's name, shown in the header and the page titles in place of "Neural Notebook". */
    title: z.string().trim().min(3, 'must be at least 3 characters').max(40, 'must be at most 40 characters (it is shown in the header, on a phone too)').describe('The course\'s name, shown in the header and in every page title.'),
    /** The chapters to build, in the order to build them; the file numbers of the lessons are ignored. */
    chapters: z.array(chapter).min(1, 'name at least one chapter').describe('The lessons to build, in course order (the NN- numbers of the files are ignored); each a lesson id or { "id", "exercises" }.'),
    /** Exercises left out of the whole course, wherever they are placed (practice exercises included). */
    exercises: z
      .object({
        /** Exercise ids to leave out. */
        exclude: z.array(id).describe('Exercise ids to leave out, wherever they are placed.'),
      })
      .strict()
      .optional()
      .describe('Exercises left out of the whole course, practice exercises included.'),
  })
  .strict()
  .describe('A Neural Notebook course: which chapters and exercises a build includes, and in which order.');

/** A course configuration as written. */
export type CourseConfig = z.infer<typeof courseConfigSchema>;

/** What the build makes of a configuration: the chapters in order and the exercises kept. */
export interface CourseSelection {
  /** The configuration file, relative to the root, for messages. */
  file: string;
  /** The course's name. */
  title: string;
  /** The lesson ids to build, in course order. */
  chapters: string[];
  /** The ids of the exercises the course keeps, placed in a kept chapter or practice ones. */
  exercises: string[];
  /** What the build should say but need not stop for: a kept chapter's prerequisite that is left out. */
  warnings: string[];
}

/** A lesson as the selection needs it: its id, file, text and prerequisites. */
export interface CourseLessonSource extends LessonSource {
  /** Lesson ids the lesson lists as prerequisites. */
  prerequisites: readonly string[];
}

/** A zod issue's path as the file writes it: `chapters[1].exercises.include[0]`. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('') || '(the whole file)';
}

/** The keys an object schema allows, for the message about an unknown field. */
function allowedKeys(schema: z.ZodTypeAny): string[] {
  let inner: z.ZodTypeAny = schema;
  while (inner instanceof z.ZodEffects || inner instanceof z.ZodOptional) inner = inner instanceof z.ZodEffects ? inner.innerType() : inner.unwrap();
  return inner instanceof z.ZodObject ? Object.keys(inner.shape as object) : [];
}

/** The schema of the object at `path` inside the file, if it is one, so an unknown key can be answered with the known ones. */
function schemaAt(path: readonly (string | number)[]): z.ZodTypeAny | undefined {
  if (path.length === 0) return courseConfigSchema;
  if (path[0] === 'exercises' && path.length === 1) return courseConfigSchema.shape.exercises;
  if (path[0] === 'chapters' && typeof path[1] === 'number') {
    if (path.length === 2) return chapter.options[1];
    if (path.length === 3 && path[2] === 'exercises') return chapterExercises;
  }
  return undefined;
}

/** One line per problem the schema finds, each `field: what is wrong and what is allowed`. */
export function schemaProblems(error: z.ZodError): string[] {
  const lines: string[] = [];
  const describe = (issue: z.ZodIssue): void => {
    const at = fieldPath(issue.path);
    if (issue.code === 'invalid_union') {
      // A chapter is a lesson id or an object: answer for the form the file used, or say what both forms are.
      const relevant = issue.unionErrors.filter((error) => !error.issues.every((inner) => inner.code === 'invalid_type' && inner.path.length === issue.path.length));
      if (relevant.length === 1) relevant[0].issues.forEach(describe);
      else lines.push(`${at}: must be a lesson id such as "perceptron", or an object such as { "id": "backprop", "exercises": { "exclude": ["…"] } }`);
    } else if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schemaAt(issue.path) ?? z.object({}));
      for (const key of issue.keys) {
        lines.push(`${fieldPath([...issue.path, key])}: unknown field "${key}"${allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ''}`);
      }
    } else if (issue.code === 'invalid_type' && issue.received === 'undefined') {
      lines.push(`${at}: is required (${issue.expected})`);
    } else if (issue.code === 'invalid_type') {
      lines.push(`${at}: expected ${issue.expected}, got ${issue.received}`);
    } else {
      lines.push(`${at}: ${issue.message}`);
    }
  };
  error.issues.forEach(describe);
  return lines;
}

/** The error a bad configuration fails the build with: the file, then one line per problem. */
export class CourseConfigError extends Error {
  /** The problems, each `field: message`. */
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(`Course configuration ${file}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'CourseConfigError';
    this.problems = problems;
  }
}

/** The configuration file this build reads (relative to `root`), or undefined when there is none: `COURSE_CONFIG`, else course.config.json if present. */
export function courseConfigPath(root: string, env: Record<string, string | undefined>): string | undefined {
  const chosen = env.COURSE_CONFIG?.trim();
  if (chosen) return resolve(root, chosen);
  const fallback = resolve(root, DEFAULT_COURSE_CONFIG);
  return existsSync(fallback) ? fallback : undefined;
}

/** A path as messages show it: relative to the root when inside it. */
function shownPath(path: string, root: string): string {
  return isAbsolute(path) && !relative(root, path).startsWith('..') ? relative(root, path) : path;
}

/** Reads and checks the shape of a configuration file; a missing file, bad JSON or a bad field throws a CourseConfigError. */
export function readCourseConfig(path: string, root: string): CourseConfig {
  const shown = shownPath(path, root);
  if (!existsSync(path)) {
    throw new CourseConfigError(shown, [`the file does not exist (COURSE_CONFIG names it; give a path relative to the repository's root, or unset COURSE_CONFIG to build the whole course)`]);
  }
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CourseConfigError(shown, [`(the whole file): not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = courseConfigSchema.safeParse(data);
  if (!parsed.success) throw new CourseConfigError(shown, schemaProblems(parsed.error));
  return parsed.data;
}

/** A chapter entry as one shape: its id and its exercise choice, if any. */
function chapterEntry(entry: CourseConfig['chapters'][number]): { id: string; include?: string[]; exclude?: string[] } {
  return typeof entry === 'string' ? { id: entry } : { id: entry.id, include: entry.exercises?.include, exclude: entry.exercises?.exclude };
}

/**
 * Checks a configuration's ids against the course and returns what to build. `lessons` are the lessons this build
 * publishes (a production build leaves drafts out; `drafts` names them, for the message), `exerciseIds` every exercise.
 * Unknown or repeated chapters, and exercise ids a chapter does not place, throw one CourseConfigError listing all.
 */
export function selectCourse(
  config: CourseConfig,
  file: string,
  lessons: readonly CourseLessonSource[],
  exerciseIds: readonly string[],
  drafts: readonly string[] = [],
): CourseSelection {
  const problems: string[] = [];
  const known = lessons.map((lesson) => lesson.id);
  const placements: Map<string, ExercisePlacement> = placeExercises(lessons);
  const placedIn = (lesson: string) => [...placements.values()].filter((placement) => placement.lesson === lesson).sort((a, b) => a.line - b.line).map((placement) => placement.exercise);

  const chosen = new Map<string, { include?: Set<string>; exclude?: Set<string> }>();
  config.chapters.forEach((raw, index) => {
    const entry = chapterEntry(raw);
    const at = typeof raw === 'string' ? `chapters[${index}]` : `chapters[${index}].id`;
    if (drafts.includes(entry.id)) {
      problems.push(`${at}: the chapter "${entry.id}" is a draft (draft: true in its frontmatter), which a production build leaves out; publish it or take it out of the course`);
      return;
    }
    if (!known.includes(entry.id)) {
      problems.push(`${at}: unknown chapter "${entry.id}" (known chapters: ${known.join(', ')})`);
      return;
    }
    if (chosen.has(entry.id)) {
      const first = config.chapters.findIndex((other) => chapterEntry(other).id === entry.id);
      problems.push(`${at}: the chapter "${entry.id}" is listed twice (first as chapters[${first}]); a chapter is built once`);
      return;
    }
    const places = placedIn(entry.id);
    for (const [kind, list] of [['include', entry.include], ['exclude', entry.exclude]] as const) {
      list?.forEach((exercise, position) => {
        const where = `chapters[${index}].exercises.${kind}[${position}]`;
        if (list.indexOf(exercise) !== position) problems.push(`${where}: "${exercise}" is listed twice`);
        else if (!places.includes(exercise)) {
          const home = placements.get(exercise);
          const why = !exerciseIds.includes(exercise) ? 'there is no such exercise' : home ? `it is placed in "${home.lesson}"` : 'it is a practice exercise, placed in no chapter';
          problems.push(`${where}: the chapter "${entry.id}" does not place the exercise "${exercise}" (${why}; this chapter places: ${places.join(', ') || 'none'})`);
        }
      });
    }
    chosen.set(entry.id, { include: entry.include && new Set(entry.include), exclude: entry.exclude && new Set(entry.exclude) });
  });

  const excluded = config.exercises?.exclude ?? [];
  excluded.forEach((exercise, position) => {
    const where = `exercises.exclude[${position}]`;
    if (excluded.indexOf(exercise) !== position) problems.push(`${where}: "${exercise}" is listed twice`);
    else if (!exerciseIds.includes(exercise)) problems.push(`${where}: there is no exercise "${exercise}" (the exercises are the files of exercises/definitions/)`);
  });
  if (problems.length > 0) throw new CourseConfigError(file, problems);

  // A kept chapter's prerequisite that is left out is a warning, not an error: the instructor may teach it another
  // way. The lesson page names it as text, without a link, and the build says so.
  const warnings = lessons
    .filter((lesson) => chosen.has(lesson.id))
    .flatMap((lesson) =>
      lesson.prerequisites
        .filter((prerequisite) => !chosen.has(prerequisite))
        .map((prerequisite) => `the chapter "${lesson.id}" lists the prerequisite "${prerequisite}", which this course leaves out; its page names it without a link`),
    );

  const exercises = exerciseIds.filter((exercise) => {
    if (excluded.includes(exercise)) return false;
    const placement = placements.get(exercise);
    // An exercise no lesson places is a practice exercise and stays; one placed in a chapter follows that chapter's choice.
    if (placement === undefined) return true;
    const selection = chosen.get(placement.lesson);
    if (selection === undefined) return false;
    if (selection.include) return selection.include.has(exercise);
    return !selection.exclude?.has(exercise);
  });

  return { file, title: config.title, chapters: [...chosen.keys()], exercises, warnings };
}

/** The lessons of a `lessons/` folder as the selection needs them, read from disk: those the build publishes (drafts only when developing) and the drafts it leaves out. */
export function lessonSourcesIn(
  lessonsDir: string,
  files: readonly string[],
  idOf: (file: string) => string,
  includeDrafts: boolean,
): { lessons: CourseLessonSource[]; drafts: string[] } {
  const all = [...files].sort().map((name) => {
    const source = readFileSync(resolve(lessonsDir, name), 'utf8');
    const lesson: CourseLessonSource = { id: idOf(name), file: `lessons/${name}`, source, prerequisites: frontmatterList(source, 'prerequisites') };
    return { lesson, draft: /^draft:\s*true\s*$/m.test(frontmatter(source)) };
  });
  return {
    lessons: all.filter(({ draft }) => includeDrafts || !draft).map(({ lesson }) => lesson),
    drafts: all.filter(({ draft }) => draft && !includeDrafts).map(({ lesson }) => lesson.id),
  };
}

/** The text between a file's opening and closing `---`. */
function frontmatter(source: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  return match ? match[1] : '';
}

/** A frontmatter list written `key: [a, b]` or as `- a` lines, as plain ids. */
function frontmatterList(source: string, key: string): string[] {
  const lines = frontmatter(source).split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start < 0) return [];
  const inline = lines[start].slice(key.length + 1).trim();
  const unquote = (text: string) => text.trim().replace(/^(['"])(.*)\1$/, '$2');
  if (inline.startsWith('[')) return inline.replace(/^\[|\]$/g, '').split(',').map(unquote).filter(Boolean);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+-\s*(.+)$/.exec(line);
    if (!item) break;
    items.push(unquote(item[1]));
  }
  return items;
}

/**
 * The selection of the configuration this build reads, or undefined for the whole course: finds the file
 * (`COURSE_CONFIG` or course.config.json under `root`), checks it and its ids against `lessons/` and the exercises.
 */
export function loadCourseSelection(root: string, env: Record<string, string | undefined>, includeDrafts: boolean): CourseSelection | undefined {
  const path = courseConfigPath(root, env);
  if (path === undefined) return undefined;
  const config = readCourseConfig(path, root);
  const lessonsDir = resolve(root, 'lessons');
  const files = readdirSync(lessonsDir).filter(isChapterFile);
  const { lessons, drafts } = lessonSourcesIn(lessonsDir, files, lessonIdFromFile, includeDrafts);
  return selectCourse(config, shownPath(path, root), lessons, exerciseIds(), drafts);
}
