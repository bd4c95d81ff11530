import { expect, test } from 'vitest';
import { defineExercise, type NumericExercise } from '../../exercises/define-exercise.ts';
import { gradeNumeric } from '../../exercises/grader.ts';
import { formatVariantNumber, isSeeded, numericSpecFor, placeholderNames, variantNumbers, variantSeed } from '../../exercises/variant.ts';

const seeded = defineExercise({
  kind: 'numeric',
  id: 'double-it',
  title: 'Double it',
  prompt: 'What is twice {{a}}? And {{a}} plus {{b}}?',
  hints: ['Multiply by two.'],
  explanation: 'Twice a number is the number plus itself.',
  parts: [{ name: 'twice' }, { name: 'sum' }],
  generate: (rng) => ({ a: Math.round(rng.uniform(1, 9) * 10) / 10, b: Math.round(rng.uniform(-9, -1) * 10) / 10 }),
  answer: (n) => ({ twice: 2 * n!.a, sum: n!.a + n!.b }),
  rtol: 1e-3,
  misconceptions: [{ id: 'squared', answer: (n) => ({ twice: n!.a * n!.a, sum: n!.a + n!.b }), feedback: 'Twice is not the square.' }],
}) as NumericExercise;

test('a learner sees the same numbers every time, and another learner others', () => {
  expect(variantNumbers(seeded, 42)).toEqual(variantNumbers(seeded, 42));
  expect(variantNumbers(seeded, 42)).not.toEqual(variantNumbers(seeded, 43));
});

test('each exercise draws its own numbers from one learner seed', () => {
  expect(variantSeed('double-it', 5)).not.toBe(variantSeed('another-one', 5));
  expect(variantSeed('double-it', 5)).toBe(variantSeed('double-it', 5));
});

test('the grading spec for a variant grades on its numbers and recognises its wrong answers there', () => {
  const numbers = variantNumbers(seeded, 9);
  const spec = numericSpecFor(seeded, numbers);
  expect(gradeNumeric(spec, { twice: 2 * numbers.a, sum: numbers.a + numbers.b }).passed).toBe(true);
  const wrong = gradeNumeric(spec, { twice: numbers.a * numbers.a, sum: numbers.a + numbers.b });
  expect(wrong.misconceptions[0].id).toBe('squared');
  expect(wrong.score).toBe(1);
});

test('placeholders are listed once each, in order', () => {
  expect(placeholderNames(seeded.prompt)).toEqual(['a', 'b']);
  expect(placeholderNames('no numbers here')).toEqual([]);
});

test('numbers are shown with a true minus sign and without float noise', () => {
  expect(formatVariantNumber(-0.5)).toBe('\u22120.5');
  expect(formatVariantNumber(0.1 + 0.2)).toBe('0.3');
  expect(formatVariantNumber(2)).toBe('2');
});

test('an exercise without generate is not seeded, and asking for its variant fails with its id', () => {
  const fixed = { ...seeded, generate: undefined, prompt: 'What is twice 2?' };
  expect(isSeeded(fixed)).toBe(false);
  expect(isSeeded(seeded)).toBe(true);
  expect(() => variantNumbers(fixed, 1)).toThrow(/"double-it" is not seeded/);
});

test('a prompt with placeholders but no generate fails where it is defined', () => {
  expect(() => defineExercise({ ...seeded, generate: undefined })).toThrow(/placeholders needs generate/);
});
