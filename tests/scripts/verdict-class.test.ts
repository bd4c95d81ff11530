// An export's entry graded twice, on the student's own variant and on hidden cases, and compared with their claim.

import { expect, test } from 'vitest';
import { publicSalt } from '../../exercises/cases.ts';
import { getExercise } from '../../exercises/index.ts';
import { learnerSeedFor } from '../../exercises/learner-seed.ts';
import { prepareCases } from '../../exercises/prepare-cases.ts';
import { variantNumbers } from '../../exercises/variant.ts';
import { gradeEntryTwice, gradeExportEntry } from '../../scripts/grade/verdict.ts';

const settings = { salt: 'verdict-class-test', cases: 3, timeoutMs: 3000 };
const student = { course: 'nn-2027-spring', id: 's001' };
const seed = learnerSeedFor(student.course, student.id);
const relu = getExercise('relu-backward');
const right = 'function reluBackward(x, upstream) { return x.map((row, i) => row.map((v, j) => (v > 0 ? upstream[i][j] : 0))); }';

/** A "solution" that only knows the answers to the public cases it saw: looked up by their arguments, else a wrong guess. */
function hardCodedFor(salt: string): string {
  if (relu.kind !== 'code') throw new Error('relu-backward must be code');
  const table = Object.fromEntries(prepareCases(relu, { salt }).map((c) => [JSON.stringify(c.calls[0].args), c.calls[0].expected]));
  return `const table = ${JSON.stringify(table)};\nfunction reluBackward(x, upstream) { return table[JSON.stringify([x, upstream])] ?? upstream; }`;
}

test('a code answer is graded on the student\'s own public cases and on the hidden cases; a right one passes both', async () => {
  const { variant, hidden } = await gradeEntryTwice(relu, right, settings, { learnerSeed: seed, classSeed: seed });
  expect(variant).toMatchObject({ passed: true, score: 1, maxScore: 1 });
  expect(hidden).toMatchObject({ passed: true, score: 1, maxScore: 1 });
}, 30_000);

test('an answer hard-coded for the student\'s own cases passes its variant, fails the hidden cases and is said to; the grade of record is the hidden one', async () => {
  const source = hardCodedFor(publicSalt(seed));
  const twice = await gradeEntryTwice(relu, source, settings, { learnerSeed: seed, classSeed: seed });
  expect(twice.variant.passed).toBe(true);
  expect(twice.hidden?.passed).toBe(false);
  const verdict = await gradeExportEntry(relu, { code: source, bestScore: 1, maxScore: 1 }, settings, { variantSeed: seed, student });
  expect(verdict).toMatchObject({ variantScore: 1, variantMaxScore: 1, result: { passed: false, score: 0 } });
  // The claim matches what the page computed, so nothing was edited: no flag, only the note.
  expect(verdict.flag).toBeUndefined();
  expect(verdict.notes).toEqual([expect.stringMatching(/^passes its own public cases but scores 0\/1 on hidden ones: hard-coded/)]);
}, 30_000);

test('a neighbour\'s hard-coded answers fail this student\'s own cases, so a claimed pass is flagged', async () => {
  const neighbour = hardCodedFor(publicSalt(learnerSeedFor(student.course, 's002')));
  const verdict = await gradeExportEntry(relu, { code: neighbour, bestScore: 1, maxScore: 1 }, settings, { variantSeed: seed, student });
  expect(verdict).toMatchObject({ variantScore: 0, flag: 'claimed 1/1, re-graded 0/1' });
}, 30_000);

test('without a class identity the variant is the build-time public cases', async () => {
  const source = hardCodedFor('');
  const verdict = await gradeExportEntry(relu, { code: source, bestScore: 1, maxScore: 1 }, settings, { variantSeed: 7 });
  expect(verdict).toMatchObject({ variantScore: 1, result: { passed: false } });
  expect(verdict.flag).toBeUndefined();
  // The same code from a class student was not written for their cases: the claimed pass is flagged.
  expect((await gradeExportEntry(relu, { code: source, bestScore: 1, maxScore: 1 }, settings, { student })).flag).toBe('claimed 1/1, re-graded 0/1');
}, 30_000);

test('a numeric answer has no hidden cases: its variant grade is the grade, on the numbers the identity fixes, whatever seed the export holds', async () => {
  const exercise = getExercise('two-two-one-by-hand');
  if (exercise.kind !== 'numeric') throw new Error('two-two-one-by-hand must be numeric');
  const typed = JSON.stringify(exercise.answer(variantNumbers(exercise, seed)));
  const mine = await gradeExportEntry(exercise, { code: typed, bestScore: 6, maxScore: 6 }, settings, { variantSeed: seed, student });
  expect(mine).toMatchObject({ variantScore: 6, variantMaxScore: 6, result: { passed: true }, notes: [] });
  expect(mine.flag).toBeUndefined();
  expect((await gradeEntryTwice(exercise, typed, settings, { learnerSeed: seed })).hidden).toBeUndefined();
  // An export whose seed was edited to a neighbour's is still graded on the identity's seed, and the mismatch is said.
  const edited = await gradeExportEntry(exercise, { code: typed, bestScore: 6, maxScore: 6 }, settings, { variantSeed: 12345, student });
  expect(edited).toMatchObject({ variantScore: 6, result: { passed: true } });
  expect(edited.notes).toEqual([expect.stringMatching(/variant seed 12345 is not the one its course code and student id fix/)]);
  // A neighbour's numbers typed in are graded on this student's numbers, and the claimed full score is flagged.
  const neighbours = JSON.stringify(exercise.answer(variantNumbers(exercise, learnerSeedFor(student.course, 's002'))));
  const copied = await gradeExportEntry(exercise, { code: neighbours, bestScore: 6, maxScore: 6 }, settings, { variantSeed: seed, student });
  expect(copied.result.passed).toBe(false);
  expect(copied.flag).toMatch(/^claimed 6\/6, re-graded \d\/6$/);
});
