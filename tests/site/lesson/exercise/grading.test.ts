import { expect, test } from 'vitest';
import { getExercise, grade, unrunnableResult } from '../../../../exercises/index.ts';
import type { ChoiceExercise, CodeExercise, NumericExercise } from '../../../../exercises/define-exercise.ts';
import { checkChoice, checkNumeric, unrunnableMessage } from '../../../../site/lesson/exercise/grading.ts';
import { formatNumbers } from '../../../../site/lesson/exercise/format-numbers.ts';
import { partSummary, readable, verdict } from '../../../../site/lesson/exercise/feedback-view.ts';

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

test('a timed-out check says once that it does not count as an attempt, and never "Stopped: Stopped"', () => {
  const code = getExercise('sigmoid-backward') as CodeExercise;
  const message = unrunnableMessage({ kind: 'timeout', name: '', message: 'Stopped after 5 s — does a loop never end?' }, code.functionName, 5000);
  const result = unrunnableResult(code, message);
  const text = [verdict(result), ...result.problems].join(' ');
  expect(message).toBe('Stopped after 5 s: your code did not finish. Does a loop never end?');
  expect(text.match(/does not count as an attempt/g)).toHaveLength(1);
  expect(text).not.toMatch(/Stopped: Stopped/);
});

test('Adam\'s starter: the verdict counts parts and points as one account, and no feedback says a part is right when none is', () => {
  const adam = getExercise('adam-step') as CodeExercise;
  const result = grade(adam, adam.starter);
  expect(result.parts.filter((p) => p.passed)).toHaveLength(0);
  expect(verdict(result)).toBe('Not yet: 0 of 4 parts right. Score 0 of 5 points, by the weights below.');
  expect(result.parts.map((part) => partSummary(part, result).split(':')[0])).toEqual([' (2 points)', ' (1 point)', ' (1 point)', ' (1 point)']);
  expect(partSummary(result.parts[0], result)).toBe(` (2 points): 0 of ${result.parts[0].caseCount} cases agree.`);
  for (const misconception of result.misconceptions) expect(misconception.message).not.toMatch(/\bis right\b/);
});

test('parts that all weigh 1 point keep the short verdict', () => {
  const mlp = getExercise('mlp-backward') as CodeExercise;
  const result = grade(mlp, mlp.starter);
  expect(verdict(result)).toMatch(/^Not yet: 0 of 4 parts right\. Score 0 of 4\.$/);
  expect(partSummary(result.parts[0], result)).toMatch(/^: 0 of \d+ cases agree\.$/);
});

test('a check that broke says so, not "fix the problem", since the answer has nothing to fix', () => {
  const result = unrunnableResult(numeric, 'The check stopped before your code finished. Try again.');
  expect(verdict(result)).toMatch(/^Not graded yet: fix the problem below\./);
  expect(verdict(result, true)).toMatch(/^Not graded: the check itself did not finish/);
  expect(verdict(result, true)).toMatch(/does not count as an attempt/);
});
