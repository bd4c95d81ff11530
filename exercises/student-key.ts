// A class student's own answer key of a code exercise: the public cases of their salt (`publicSalt`, cases.ts) with the
// reference's and every known-wrong solution's outputs, computed as the build computes the page's key (answerKeyOf),
// so the page grades them exactly as the CLI re-grades their export. Only the key worker of a class student's page
// (site/lesson/exercise/student-key-worker.ts) loads this, with the whole exercise catalogue; nobody else pays for it.

import { publicSalt } from './cases.ts';
import { findExercise } from './index.ts';
import { answerKeyJson } from './prepare-cases.ts';

/** The key of code exercise `id` on the public cases of `learnerSeed`, as the tagged JSON `readAnswerKey` reads. */
export function studentKeyJson(id: string, learnerSeed: number): string {
  const exercise = findExercise(id);
  if (exercise === undefined) throw new Error(`there is no exercise ${JSON.stringify(id)} in this course`);
  if (exercise.kind !== 'code') throw new Error(`exercise ${JSON.stringify(id)} is a ${exercise.kind} exercise, which has no cases`);
  return answerKeyJson(exercise, publicSalt(learnerSeed));
}
