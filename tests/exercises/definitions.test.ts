import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EXERCISES, exerciseIds, getExercise, grade, gradeCode, prepareCases, runCalls } from '../../exercises/index.ts';
import { compileTrusted } from '../../exercises/prepare-cases.ts';
import type { CodeExercise } from '../../exercises/index.ts';
import { shapeOf } from '../../exercises/compare.ts';
import { defineExercise } from '../../exercises/define-exercise.ts';
import { isSeeded, variantNumbers } from '../../exercises/variant.ts';

const codeExercises = EXERCISES.filter((e): e is CodeExercise => e.kind === 'code');
// The public cases the page uses, and a salted set as an instructor's run would draw.
const SALTS = ['', 'instructor-salt'];

test('there are at least 12 exercises and their ids are unique', () => {
  expect(EXERCISES.length).toBeGreaterThanOrEqual(12);
  expect(new Set(exerciseIds()).size).toBe(EXERCISES.length);
});

test('every definition file is named by its id and registered (a seeded exercise’s arithmetic beside it, by its id too)', () => {
  const files = readdirSync(new URL('../../exercises/definitions/', import.meta.url)).map((f) => f.replace(/\.ts$/, ''));
  const arithmetic = files.filter((f) => f.endsWith('-arithmetic'));
  expect(files.filter((f) => !f.endsWith('-arithmetic')).sort()).toEqual(exerciseIds().sort());
  for (const file of arithmetic) expect(exerciseIds()).toContain(file.replace(/-arithmetic$/, ''));
});

test('the five required exercises exist with the function names the issue gives', () => {
  const names = Object.fromEntries(codeExercises.map((e) => [e.id, e.functionName]));
  expect(names).toMatchObject({
    'perceptron-update': 'perceptronUpdate',
    'sigmoid-backward': 'sigmoidBackward',
    'softmax-cross-entropy-backward': 'softmaxCrossEntropyBackward',
    'mlp-backward': 'mlpBackward',
    'adam-step': 'adamStep',
  });
  expect((getExercise('adam-step') as CodeExercise).steps).toBeGreaterThan(1);
});

test('a rule that predicts +1 on a zero score is caught by the perceptron update\'s public cases', () => {
  const exercise = getExercise('perceptron-update') as CodeExercise;
  const tieRule = `function perceptronUpdate(w, b, x, y, lr) {
  if ((dot(w, x) + b >= 0 ? 1 : -1) !== y) return { w: add(w, mul(x, lr * y)), b: b + lr * y };
  return { w, b };
}`;
  const result = grade(exercise, tieRule);
  expect(result.passed).toBe(false);
  expect(result.misconceptions[0]?.id).toBe('tie-predicts-positive');
  expect(prepareCases(exercise).some((c) => (c.calls[0].args[0] as number[]).every((w) => w === 0) && c.calls[0].args[3] === 1)).toBe(true);
});

test('an exercise that asks for more cases is graded on that many, and a bad count fails where it is defined', () => {
  const exercise = getExercise('perceptron-update') as CodeExercise;
  expect(prepareCases(exercise)).toHaveLength(4);
  expect(prepareCases(exercise, { cases: 3, salt: 'x' })).toHaveLength(4);
  expect(() => defineExercise({ ...exercise, caseCount: 2 })).toThrow(/caseCount must be a whole number ≥ 3/);
});

test('every kind of exercise is represented', () => {
  expect(new Set(EXERCISES.map((e) => e.kind))).toEqual(new Set(['code', 'numeric', 'choice']));
});

describe.each(codeExercises.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
  test.each(SALTS)('the reference solution passes every case (salt %j)', (salt) => {
    const result = grade(exercise, exercise.solution, { salt, cases: 6 });
    expect(result.problems).toEqual([]);
    expect(result.status).toBe('passed');
    expect(result.score).toBe(result.maxScore);
  });

  test('the starter code fails', () => {
    const result = grade(exercise, exercise.starter);
    expect(result.passed).toBe(false);
    expect(result.score).toBeLessThan(result.maxScore);
  });

  test.each(exercise.misconceptions.map((m) => [m.id, m] as const))('the wrong solution %s fails and earns its own feedback first', (id, misconception) => {
    for (const salt of SALTS) {
      const result = grade(exercise, misconception.solution, { salt });
      expect(result.passed).toBe(false);
      expect(result.misconceptions[0]).toMatchObject({ id, source: 'exercise', message: misconception.feedback });
    }
  });

  test.each(exercise.misconceptions.map((m) => [m.id, m] as const))('the public cases the page checks on expose %s with its own feedback', (id, misconception) => {
    // Exactly the page's path: prepareCases with no options, the function run on them, then gradeCode.
    const cases = prepareCases(exercise);
    const result = gradeCode(exercise, cases, runCalls(compileTrusted(misconception.solution, exercise.functionName), cases));
    expect(result.passed).toBe(false);
    expect(result.parts.some((part) => part.casesPassed < part.caseCount)).toBe(true);
    expect(result.misconceptions[0]).toMatchObject({ id, source: 'exercise' });
  });

  test('matrix outputs are never square, so a transpose shows as a shape error', () => {
    for (const c of prepareCases(exercise, { cases: 6, salt: 'shapes' })) {
      for (const call of c.calls) {
        for (const part of exercise.parts) {
          const value = exercise.returns === 'value' ? call.expected : (call.expected as Record<string, unknown>)[part.name];
          const shape = shapeOf(value as number[][]);
          if (shape.length === 2) expect(shape[0]).not.toBe(shape[1]);
        }
      }
    }
  });

  test('hidden cases differ from the public ones', () => {
    const visible = prepareCases(exercise).map((c) => c.calls[0].args);
    const hidden = prepareCases(exercise, { salt: 'another' }).map((c) => c.calls[0].args);
    expect(hidden).not.toEqual(visible);
  });
});

test('each known wrong answer of a numeric exercise fails with its own feedback (for one seeded per learner, on many learners\' numbers)', () => {
  for (const exercise of EXERCISES) {
    if (exercise.kind !== 'numeric') continue;
    const learners = isSeeded(exercise) ? [0, 1, 2, 3, 0xffffffff, ...Array.from({ length: 20 }, (_, i) => 1000 + 7919 * i)] : [undefined];
    for (const learnerSeed of learners) {
      const numbers = learnerSeed === undefined ? undefined : variantNumbers(exercise, learnerSeed);
      expect(grade(exercise, exercise.answer(numbers), { learnerSeed }).passed).toBe(true);
      for (const misconception of exercise.misconceptions) {
        const result = grade(exercise, misconception.answer(numbers), { learnerSeed });
        expect(result.passed, `${exercise.id} ${misconception.id} (learner ${learnerSeed})`).toBe(false);
        expect(result.misconceptions[0]).toMatchObject({ id: misconception.id, message: misconception.feedback });
      }
    }
  }
});

test('a choice question passes with exactly its correct options and explains each wrong one', () => {
  for (const exercise of EXERCISES) {
    if (exercise.kind !== 'choice') continue;
    const right = exercise.options.filter((o) => o.correct).map((o) => o.id);
    expect(grade(exercise, right).passed).toBe(true);
    for (const wrong of exercise.options.filter((o) => !o.correct)) {
      const result = grade(exercise, [...right, wrong.id]);
      expect(result.passed).toBe(false);
      expect(result.misconceptions.map((m) => m.message)).toContain(wrong.explanation);
    }
  }
});
