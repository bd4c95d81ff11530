// A fault of the grader while comparing one submission's output is that submission's verdict, never a crash.

import { expect, test } from 'vitest';
import { exerciseIds, getExercise } from '../../exercises/index.ts';
import { gradeAnswer, gradeSubmission } from '../../scripts/grade/verdict.ts';
import { variantNumbers } from '../../exercises/variant.ts';

const settings = { salt: 'verdict-test', cases: 3, timeoutMs: 3000 };
const right = 'function reluBackward(x, upstream) { return x.map((row, i) => row.map((v, j) => (v > 0 ? upstream[i][j] : 0))); }';

test('when comparing the returned value throws, the submission gets an invalid verdict with the reason', async () => {
  const exercise = getExercise('relu-backward');
  const result = await gradeSubmission(exercise, right, settings, () => {
    throw new TypeError("Cannot read properties of undefined (reading 'length')");
  });
  expect(result).toMatchObject({ exercise: 'relu-backward', status: 'invalid', score: 0, passed: false });
  expect(result.problems[0]).toMatch(/could not compare what reluBackward returned \(Cannot read properties of undefined/);
}, 30_000);

test('the same submission graded normally passes', async () => {
  const result = await gradeSubmission(getExercise('relu-backward'), right, settings);
  expect(result).toMatchObject({ status: 'passed', score: 1, maxScore: 1 });
}, 30_000);

test('every code exercise\'s reference solution passes in the sandbox', async () => {
  const code = exerciseIds().map(getExercise).filter((exercise) => exercise.kind === 'code');
  expect(code.length).toBeGreaterThan(5);
  for (const exercise of code) {
    if (exercise.kind !== 'code') continue;
    const result = await gradeSubmission(exercise, exercise.solution, settings);
    expect({ id: exercise.id, status: result.status, problems: result.problems }).toEqual({ id: exercise.id, status: 'passed', problems: [] });
  }
}, 120_000);

test("a numeric answer seeded per learner is graded on the numbers of the learner's seed, and without a seed says why", async () => {
  const exercise = getExercise('two-two-one-by-hand');
  if (exercise.kind !== 'numeric') throw new Error('two-two-one-by-hand must be numeric');
  const typed = (seed: number) => JSON.stringify(Object.fromEntries(Object.entries(exercise.answer(variantNumbers(exercise, seed))).map(([part, value]) => [part, String(value)])));
  expect(await gradeAnswer(exercise, typed(5), settings, 5)).toMatchObject({ status: 'passed', score: 6 });
  expect(await gradeAnswer(exercise, typed(5), settings, 6)).toMatchObject({ passed: false });
  const unseeded = await gradeAnswer(exercise, typed(5), settings);
  expect(unseeded).toMatchObject({ status: 'invalid', score: 0 });
  expect(unseeded.problems[0]).toMatch(/variant seed that picked them is missing or unreadable/);
});
