import { expect, test } from 'vitest';
import { getExercise } from '../../../exercises/index.ts';
import type { ChoiceExercise, NumericExercise } from '../../../exercises/define-exercise.ts';
import { checkChoice, checkNumeric } from '../../../site/exercise/grading.ts';
import { formatNumbers } from '../../../site/exercise/format-numbers.ts';
import { readable, verdict } from '../../../site/exercise/feedback-view.ts';

const numeric = getExercise('small-network-gradient') as NumericExercise;
const choice = getExercise('perceptron-separable') as ChoiceExercise;

function typed(answer: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(numeric.parts.map((part) => [part.name, formatNumbers(answer[part.name] as number)]));
}

test('the numeric answer, typed as the solution shows it, passes', () => {
  const { result } = checkNumeric(numeric, typed(numeric.answer()));
  expect(result.status).toBe('passed');
  expect(verdict(result)).toMatch(/^Correct/);
});

test('a typed answer that skips w2 earns that misconception\'s own feedback', () => {
  const wrong = numeric.misconceptions.find((m) => m.id === 'skipped-w2')!;
  const { result } = checkNumeric(numeric, typed(wrong.answer()));
  expect(result.status).toBe('failed');
  expect(result.misconceptions.map((m) => m.id)).toContain('skipped-w2');
});

test('text that is not a number is invalid, not an attempt, and names the part', () => {
  const { result } = checkNumeric(numeric, { ...typed(numeric.answer()), db2: 'two' });
  expect(result.countsAsAttempt).toBe(false);
  expect(result.problems[0]).toMatch(/^db2: "two" is not a number/);
  expect(verdict(result)).toMatch(/does not count as an attempt/);
});

test('choosing XOR among separable sets fails with the XOR option\'s explanation', () => {
  const { result } = checkChoice(choice, ['and', 'or', 'xor', 'nand']);
  expect(result.status).toBe('failed');
  expect(result.misconceptions.map((m) => m.id)).toEqual(['xor']);
});

test('choosing exactly the separable sets passes', () => {
  const right = choice.options.filter((o) => o.correct).map((o) => o.id);
  expect(checkChoice(choice, right).result.passed).toBe(true);
});

test('choosing nothing is invalid rather than wrong', () => {
  expect(checkChoice(choice, []).result.status).toBe('invalid');
});

test('numbers in feedback keep six significant digits', () => {
  expect(readable(0.1234567891)).toBe('0.123457');
  expect(readable(Number.NaN)).toBe('NaN');
});
