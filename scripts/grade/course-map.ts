// Where the course teaches each exercise, for the class report's links: its chapter (the lesson whose MDX places
// its `<Exercise id>`, or the practice page), the lesson's title, and the anchor of the heading just above the tag.
// The anchors are the ones the built site gives headings: Astro slugs each lesson's headings in order with
// github-slugger (a repeated heading gets `-1`, `-2`), so the same slugger over the same headings gives the same ids
// (site/course/heading-anchors.ts).

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXERCISES } from '../../exercises/index.ts';
import { PRACTICE, placeExercises, type LessonSource } from '../../site/course/exercise-placement.ts';
import { headingAnchors } from '../../site/course/heading-anchors.ts';
import { isChapterFile, lessonIdFromFile, lessonOrderFromFile } from '../../site/course/lesson-files.ts';

/** Where one exercise is taught. */
export interface ExerciseHome {
  /** The exercise's id. */
  id: string;
  /** The exercise's title. */
  title: string;
  /** The lesson that places it, or `practice`. */
  chapter: string;
  /** The lesson's title, or "Practice". */
  chapterTitle: string;
  /** The path of the section that teaches it, relative to the site's root: `lessons/backprop/#computation-graphs-and-error-signals`. */
  path: string;
}

const LESSONS_DIR = fileURLToPath(new URL('../../lessons/', import.meta.url));

/** The lesson's title from its frontmatter, or its id when it has none. */
function titleOf(source: string, id: string): string {
  const match = /^---\r?\n[\s\S]*?^title:\s*(.+?)\s*$/m.exec(source);
  return match ? match[1].replace(/^(["'])(.*)\1$/, '$2') : id;
}

/** Whether the lesson is a draft (left out of the built site). */
function isDraft(source: string): boolean {
  return /^---\r?\n[\s\S]*?^draft:\s*true\s*$/m.test(source);
}

/** What a course configuration keeps (site/course/course-config.ts): its chapters in order, and its exercises. */
export interface CourseChoice {
  chapters: readonly string[];
  exercises: readonly string[];
}

/**
 * Reads the published lessons and says where every exercise of the course is taught, in course order: chapter by
 * chapter (the lesson files' order, or the configuration's), each chapter's exercises in the order its lesson places
 * them, then the practice exercises. With a course configuration, only the exercises it keeps.
 */
export function exerciseHomes(lessonsDir = LESSONS_DIR, course?: CourseChoice): ExerciseHome[] {
  const files = readdirSync(lessonsDir)
    .filter(isChapterFile)
    .sort((a, b) => lessonOrderFromFile(a) - lessonOrderFromFile(b) || a.localeCompare(b));
  const lessons: (LessonSource & { title: string })[] = [];
  for (const file of files) {
    const source = readFileSync(`${lessonsDir}/${file}`, 'utf8');
    if (isDraft(source)) continue;
    const id = lessonIdFromFile(file);
    lessons.push({ id, file, source, title: titleOf(source, id) });
  }
  const placements = placeExercises(lessons);
  const chapters = course?.chapters ?? lessons.map((lesson) => lesson.id);
  const placed = (id: string) => {
    const at = placements.get(id);
    const chapter = at === undefined ? -1 : chapters.indexOf(at.lesson);
    // Practice exercises (and any in a chapter the course leaves out) come after every chapter.
    return { chapter: chapter < 0 ? chapters.length : chapter, line: at?.line ?? 0 };
  };
  const kept = course === undefined ? EXERCISES : EXERCISES.filter((exercise) => course.exercises.includes(exercise.id));
  const ordered = kept
    .map((exercise, index) => ({ exercise, index, ...placed(exercise.id) }))
    .sort((a, b) => a.chapter - b.chapter || a.line - b.line || a.index - b.index)
    .map(({ exercise }) => exercise);
  return ordered.map((exercise) => {
    const placement = placements.get(exercise.id);
    if (placement === undefined) return { id: exercise.id, title: exercise.title, chapter: PRACTICE, chapterTitle: 'Practice', path: 'practice/' };
    const lesson = lessons.find((l) => l.id === placement.lesson)!;
    const heading = headingAnchors(lesson.source).filter((h) => h.line < placement.line).at(-1);
    // With no heading above it, the exercise's own title is the place to land.
    const anchor = heading?.id ?? `exercise-${exercise.id}-title`;
    return { id: exercise.id, title: exercise.title, chapter: lesson.id, chapterTitle: lesson.title, path: `lessons/${lesson.id}/#${anchor}` };
  });
}
