import { getCollection, type CollectionEntry } from 'astro:content';
import { lessonOrderFromFile } from './lesson-files.ts';
import { exerciseIds } from '../../exercises/index.ts';
import { exercisesOfChapter, placeExercises, type ExercisePlacement } from './exercise-placement.ts';

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

/** Every published lesson in course order (drafts too when developing), with its neighbours. */
export async function getCourse(): Promise<CourseLesson[]> {
  const lessons = await getCollection('lessons', (lesson) => import.meta.env.DEV || !lesson.data.draft);
  lessons.sort((a, b) => lessonOrderFromFile(a.filePath ?? '') - lessonOrderFromFile(b.filePath ?? '') || a.id.localeCompare(b.id));
  return lessons.map((lesson, index) => ({
    lesson,
    number: index + 1,
    previous: lessons[index - 1],
    next: lessons[index + 1],
  }));
}

/** Where each exercise is placed among the published lessons (drafts too when developing): an exercise placed only in a draft is practice until it is published. */
export async function exercisePlacements(): Promise<Map<string, ExercisePlacement>> {
  const course = await getCourse();
  return placeExercises(course.map(({ lesson }) => ({ id: lesson.id, file: lesson.filePath ?? lesson.id, source: lesson.body ?? '' })));
}

/** The ids of a chapter's exercises (a lesson's slug, or `practice` for those no published lesson places), in course order. */
export async function chapterExerciseIds(chapter: string): Promise<string[]> {
  return exercisesOfChapter(chapter, exerciseIds(), await exercisePlacements());
}
