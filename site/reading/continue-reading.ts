// "Continue where you left off", worked out from what the build knows of the course (its chapters, their sections and
// exercises in course order) and what this browser saved (the last-read position and the solved exercises). A saved
// position that names a lesson or section this course does not have is ignored.

import type { ReadingPosition } from './reading-position.ts';

/** A chapter as the home page describes it to its script. */
export interface CourseChapter {
  /** The lesson's slug. */
  id: string;
  /** Its title. */
  title: string;
  /** Its number in the course. */
  number: number;
  /** Its section headings in order: anchor, title and the line of the lesson's MDX they are on. */
  sections: { id: string; title: string; line: number }[];
}

/** An exercise as the home page describes it to its script, in course order. */
export interface CourseExercise {
  /** The exercise's id. */
  id: string;
  /** Its title. */
  title: string;
  /** Its chapter's slug, or `practice` for an exercise no chapter places. */
  chapter: string;
  /** The line of its chapter's MDX that places it (0 for a practice exercise). */
  line: number;
  /** The link that opens it. */
  href: string;
}

/** What the home page embeds for its script. */
export interface CourseOutline {
  chapters: CourseChapter[];
  exercises: CourseExercise[];
}

/** A saved position resolved against the course. */
export interface ResolvedPosition {
  chapter: CourseChapter;
  section: CourseChapter['sections'][number];
}

/** The saved position's chapter and section, or null when the course has no such chapter or section. */
export function resolvePosition(outline: CourseOutline, position: ReadingPosition | null): ResolvedPosition | null {
  if (position === null) return null;
  const chapter = outline.chapters.find((c) => c.id === position.lesson);
  const section = chapter?.sections.find((s) => s.id === position.section);
  return chapter && section ? { chapter, section } : null;
}

/**
 * The next exercise to solve: the first unsolved one in course order after the position (an exercise placed under
 * the section being read counts as after it), else the first unsolved one of the course; undefined when all are solved.
 */
export function nextUnsolved(outline: CourseOutline, position: ResolvedPosition | null, solved: (id: string) => boolean): CourseExercise | undefined {
  const unsolved = outline.exercises.filter((exercise) => !solved(exercise.id));
  if (position === null) return unsolved[0];
  const order = (chapter: string) => {
    const index = outline.chapters.findIndex((c) => c.id === chapter);
    return index < 0 ? outline.chapters.length : index;
  };
  const here = order(position.chapter.id);
  const after = unsolved.find((exercise) => {
    const at = order(exercise.chapter);
    return at > here || (at === here && exercise.line > position.section.line);
  });
  return after ?? unsolved[0];
}
