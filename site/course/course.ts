import { getCollection, type CollectionEntry } from 'astro:content';
import { lessonOrderFromFile } from './lesson-files.ts';
import { exerciseIds } from '../../exercises/index.ts';
import { exercisesOfChapter, placeExercises, type ExercisePlacement } from './exercise-placement.ts';
import selection from 'virtual:course-selection';

/** A lesson entry of the content collection. */
export type Lesson = CollectionEntry<'lessons'>;

/** A lesson with its place in the course: its number and its neighbours. */
export interface CourseLesson {
  lesson: Lesson;
  number: number;
  previous: Lesson | undefined;
  next: Lesson | undefined;
}

/** The URL of a lesson page. */
export function lessonUrl(lesson: Pick<Lesson, 'id'>): string {
  return `/lessons/${lesson.id}/`;
}

/** Whether a course configuration chooses this build's chapters and exercises. */
export const isConfigured: boolean = selection !== null;

/** The course's name: the configuration's title, or the site's own. */
export const courseTitle: string = selection?.title ?? 'Neural Notebook';

/** Every published lesson of the repository (drafts too when developing), in file order, whether this course builds it or not. */
export async function publishedLessons(): Promise<Lesson[]> {
  const lessons = await getCollection('lessons', (lesson) => import.meta.env.DEV || !lesson.data.draft);
  return lessons.sort((a, b) => lessonOrderFromFile(a.filePath ?? '') - lessonOrderFromFile(b.filePath ?? '') || a.id.localeCompare(b.id));
}

/** Whether this build makes a page for the lesson: every published one, or those the course configuration chooses. */
export function isInCourse(lessonId: string): boolean {
  return selection === null || selection.chapters.includes(lessonId);
}

/**
 * The course's lessons in order, numbered from 1, with their neighbours: every published lesson (drafts too when
 * developing) in file order, or, with a course configuration, its chapters in the order it lists them.
 */
export async function getCourse(): Promise<CourseLesson[]> {
  const published = await publishedLessons();
  const lessons = selection === null ? published : selection.chapters.map((id) => published.find((lesson) => lesson.id === id)).filter((lesson) => lesson !== undefined);
  return lessons.map((lesson, index) => ({
    lesson,
    number: index + 1,
    previous: lessons[index - 1],
    next: lessons[index + 1],
  }));
}

/**
 * Where each exercise is placed among the published lessons (drafts too when developing): an exercise placed only in a
 * draft is practice until it is published. A lesson the course configuration leaves out still places its exercises, so
 * they leave with it rather than turning into practice exercises.
 */
export async function exercisePlacements(): Promise<Map<string, ExercisePlacement>> {
  const lessons = await publishedLessons();
  return placeExercises(lessons.map((lesson) => ({ id: lesson.id, file: lesson.filePath ?? lesson.id, source: lesson.body ?? '' })));
}

/** The ids of the exercises this build keeps: every exercise, or those of the configuration's chapters and choices. */
export function courseExerciseIds(): string[] {
  return selection?.exercises ?? exerciseIds();
}

/** The ids of a chapter's exercises this build keeps (a lesson's slug, or `practice` for those no published lesson places), in course order. */
export async function chapterExerciseIds(chapter: string): Promise<string[]> {
  return exercisesOfChapter(chapter, courseExerciseIds(), await exercisePlacements());
}
