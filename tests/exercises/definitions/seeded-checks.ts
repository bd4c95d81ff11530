// Checks every numeric exercise seeded per learner shares: on every learner's numbers each slip is recognised as
// itself and an answer typed to a few digits passes; each learner sees their own numbers, always the same; an answer
// is graded on its learner's numbers; without a learner seed nothing is graded, and the reason is said.

import { expect, test } from 'vitest';
import { grade, type NumericExercise } from '../../../exercises/index.ts';
import { placeholderNames, variantNumbers } from '../../../exercises/variant.ts';

/** Learner seeds as the page draws them: the ends of the range and a spread between. */
export const LEARNERS = [0, 1, 2, 0xffffffff, ...Array.from({ length: 40 }, (_, i) => (2654435761 * (i + 1)) >>> 0)];

/** On every learner's numbers, the right answer passes and each misconception fails and is named first, with its feedback. */
export function expectEachSlipRecognised(exercise: NumericExercise): void {
  for (const learnerSeed of LEARNERS) {
    const numbers = variantNumbers(exercise, learnerSeed);
    expect(grade(exercise, exercise.answer(numbers), { learnerSeed }).status).toBe('passed');
    for (const m of exercise.misconceptions) {
      const result = grade(exercise, m.answer(numbers), { learnerSeed });
      expect(result.status, `${m.id}, learner ${learnerSeed}`).toBe('failed');
      expect(result.misconceptions[0]?.id, `${m.id}, learner ${learnerSeed}`).toBe(m.id);
      expect(result.misconceptions[0]?.message).toBe(m.feedback);
    }
  }
}

/** On every learner's numbers, the answer rounded to `digits` significant digits passes. */
export function expectTypedDigitsPass(exercise: NumericExercise, digits = 4): void {
  for (const learnerSeed of LEARNERS) {
    const numbers = variantNumbers(exercise, learnerSeed);
    const typed = Object.fromEntries(Object.entries(exercise.answer(numbers)).map(([part, value]) => [part, Number((value as number).toPrecision(digits))]));
    expect(grade(exercise, typed, { learnerSeed }).passed, `learner ${learnerSeed}`).toBe(true);
  }
}

/** The tests every seeded numeric exercise gets: its placeholders, its variants, grading on a learner's own numbers. */
export function seededVariantTests(exercise: NumericExercise): void {
  test('the prompt shows every number the variant draws, and names no other', () => {
    expect(placeholderNames(exercise.prompt).sort()).toEqual(Object.keys(variantNumbers(exercise, 0)).sort());
  });

  test('two learners see different numbers, and one learner always the same', () => {
    expect(variantNumbers(exercise, 1)).toEqual(variantNumbers(exercise, 1));
    const distinct = new Set(LEARNERS.map((seed) => JSON.stringify(variantNumbers(exercise, seed))));
    expect(distinct.size).toBeGreaterThan(LEARNERS.length * 0.9);
  });

  test("an answer is graded on its learner's numbers: right for one learner, wrong for a learner whose numbers differ", () => {
    const mine = exercise.answer(variantNumbers(exercise, 11)) as Record<string, number>;
    expect(grade(exercise, mine, { learnerSeed: 11 }).passed).toBe(true);
    const other = LEARNERS.find((seed) => {
      const theirs = exercise.answer(variantNumbers(exercise, seed)) as Record<string, number>;
      return Object.keys(mine).some((part) => Math.abs(theirs[part] - mine[part]) > 0.05 * Math.abs(mine[part]));
    });
    expect(other).toBeDefined();
    expect(grade(exercise, mine, { learnerSeed: other }).passed).toBe(false);
  });

  test('without a learner seed the answer is not graded, and the reason is said', () => {
    const result = grade(exercise, exercise.answer(variantNumbers(exercise, 3)));
    expect(result.status).toBe('invalid');
    expect(result.countsAsAttempt).toBe(false);
    expect(result.problems[0]).toMatch(/variant seed .* missing or unreadable/);
    expect(() => exercise.answer()).toThrow(/needs the numbers of a variant/);
  });
}
