import { describe, expect, test } from 'vitest';
import { mseLoss, relu, tensor, type Tensor } from '../../../engine/index.ts';
import { getExercise, grade } from '../../../exercises/index.ts';
import type { NumericExercise } from '../../../exercises/index.ts';
import { placeholderNames, variantNumbers } from '../../../exercises/variant.ts';

const exercise = getExercise('two-two-one-by-hand') as NumericExercise;
// Learner seeds as the page draws them: the ends of the range and a spread between.
const LEARNERS = [0, 1, 2, 0xffffffff, ...Array.from({ length: 40 }, (_, i) => (2654435761 * (i + 1)) >>> 0)];

/** The six gradients by the engine's autograd: the network built from tensors, E = (ŷ − y)², backward. */
function engineGradients(n: Record<string, number>): Record<string, number> {
  const leaf = (v: number) => tensor(v, { requiresGrad: true });
  const w: Record<string, Tensor> = Object.fromEntries(['w13', 'w23', 'w14', 'w24', 'w35', 'w45'].map((name) => [name, leaf(n[name])]));
  const h3 = relu(w.w13.mul(n.x1).add(w.w23.mul(n.x2)));
  const h4 = relu(w.w14.mul(n.x1).add(w.w24.mul(n.x2)));
  // mseLoss of one prediction is (ŷ − y)², the network's E.
  mseLoss(w.w35.mul(h3).add(w.w45.mul(h4)), n.y).backward();
  return Object.fromEntries(Object.entries(w).map(([name, t]) => [`d${name}`, t.grad!.item()]));
}

test.each(LEARNERS)("the answer equals the engine's gradients on learner %i's numbers", (learnerSeed) => {
  const numbers = variantNumbers(exercise, learnerSeed);
  const answer = exercise.answer(numbers);
  const engine = engineGradients(numbers);
  expect(Object.keys(answer).sort()).toEqual(Object.keys(engine).sort());
  for (const [name, value] of Object.entries(engine)) expect(answer[name] as number).toBeCloseTo(value, 12);
});

describe('every variant', () => {
  test('has unit 3 clearly on and unit 4 clearly off, x₁ > 0 > x₂, and a prediction away from its target', () => {
    for (const learnerSeed of LEARNERS) {
      const { x1, x2, y, w13, w23, w14, w24, w35 } = variantNumbers(exercise, learnerSeed);
      expect(w13 * x1 + w23 * x2).toBeGreaterThanOrEqual(0.3);
      expect(w14 * x1 + w24 * x2).toBeLessThanOrEqual(-0.3);
      expect(x1).toBeGreaterThan(0);
      expect(x2).toBeLessThan(0);
      expect(Math.abs(w35 * (w13 * x1 + w23 * x2) - y)).toBeGreaterThanOrEqual(0.3);
    }
  });

  test('recognises each of its misconceptions as itself, and the right answer passes', () => {
    for (const learnerSeed of LEARNERS) {
      const numbers = variantNumbers(exercise, learnerSeed);
      expect(grade(exercise, exercise.answer(numbers), { learnerSeed }).status).toBe('passed');
      for (const m of exercise.misconceptions) {
        const result = grade(exercise, m.answer(numbers), { learnerSeed });
        expect(result.status, `${m.id}, learner ${learnerSeed}`).toBe('failed');
        expect(result.misconceptions[0]?.id, `${m.id}, learner ${learnerSeed}`).toBe(m.id);
      }
    }
  });

  test('shows numbers of one decimal, so a student can work them by hand', () => {
    for (const learnerSeed of LEARNERS.slice(0, 10)) {
      for (const value of Object.values(variantNumbers(exercise, learnerSeed))) expect(Math.round(value * 10) / 10).toBe(value);
    }
  });
});

test('the four slips the issue names are among its misconceptions', () => {
  expect(exercise.misconceptions.map((m) => m.id)).toEqual(expect.arrayContaining(['dropped-factor-two', 'flipped-sign', 'skipped-output-weight', 'other-input']));
});

test('the prompt shows every number the variant draws, and names no other', () => {
  expect(placeholderNames(exercise.prompt).sort()).toEqual(Object.keys(variantNumbers(exercise, 0)).sort());
});

test('the ReLU acts on the weighted sum (not on the inputs, as the lecture notes have it), and that slip is recognised', () => {
  expect(exercise.prompt).toContain('\\operatorname{relu}(w_{13}x_1 + w_{23}x_2)');
  const numbers = variantNumbers(exercise, 7);
  const onInputs = exercise.misconceptions.find((m) => m.id === 'relu-on-inputs')!;
  expect(grade(exercise, onInputs.answer(numbers), { learnerSeed: 7 }).misconceptions[0].id).toBe('relu-on-inputs');
});

test('two learners see different numbers, and one learner always the same', () => {
  expect(variantNumbers(exercise, 1)).toEqual(variantNumbers(exercise, 1));
  expect(variantNumbers(exercise, 1)).not.toEqual(variantNumbers(exercise, 2));
  const distinct = new Set(LEARNERS.map((seed) => JSON.stringify(variantNumbers(exercise, seed))));
  expect(distinct.size).toBe(LEARNERS.length);
});

test("an answer is graded on its learner's numbers: right for one learner, wrong for another", () => {
  const mine = exercise.answer(variantNumbers(exercise, 11));
  expect(grade(exercise, mine, { learnerSeed: 11 }).passed).toBe(true);
  expect(grade(exercise, mine, { learnerSeed: 12 }).passed).toBe(false);
});

test('without a learner seed the answer is not graded, and the reason is said', () => {
  const result = grade(exercise, exercise.answer(variantNumbers(exercise, 3)));
  expect(result.status).toBe('invalid');
  expect(result.countsAsAttempt).toBe(false);
  expect(result.problems[0]).toMatch(/variant seed .* missing or unreadable/);
  expect(() => exercise.answer()).toThrow(/needs the numbers of a variant/);
});
