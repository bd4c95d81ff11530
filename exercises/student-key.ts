// A class student's own answer key of a code exercise: the public cases of their salt (`publicSalt`, cases.ts) with the
// reference's and every known-wrong solution's outputs, computed as the build computes the page's key (answerKeyOf),
// so the page grades them exactly as the CLI re-grades their export. Only the key worker of a class student's page
// (site/lesson/exercise/student-key-worker.ts) loads this, and with it the definition of the one code exercise it is
// asked about (code-exercises.ts), not the others' and not the numeric and choice ones, which have no cases; nobody
// else pays for it.

import { publicSalt } from './cases.ts';
import { loadCodeExercise } from './code-exercises.ts';
import { answerKeyJson } from './prepare-cases.ts';

/** The key of code exercise `id` on the public cases of `learnerSeed`, as the tagged JSON `readAnswerKey` reads. */
export async function studentKeyJson(id: string, learnerSeed: number): Promise<string> {
  const exercise = await loadCodeExercise(id);
  if (exercise === undefined) throw new Error(`there is no code exercise ${JSON.stringify(id)} in this course (only a code exercise has cases)`);
  return answerKeyJson(exercise, publicSalt(learnerSeed));
}
