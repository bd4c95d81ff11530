import { describe, expect, test } from 'vitest';
import { mseLoss, relu, tensor, type Tensor } from '../../../engine/index.ts';
import { getExercise, grade } from '../../../exercises/index.ts';
import type { NumericExercise } from '../../../exercises/index.ts';
import { variantNumbers } from '../../../exercises/variant.ts';
import { LEARNERS, expectEachSlipRecognised, seededVariantTests } from './seeded-checks.ts';

const exercise = getExercise('two-two-one-by-hand') as NumericExercise;

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
    expectEachSlipRecognised(exercise);
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

test('the ReLU acts on the weighted sum (not on the inputs, as the lecture notes have it), and that slip is recognised', () => {
  expect(exercise.prompt).toContain('z_3 &= w_{13}x_1 + w_{23}x_2, \\quad h_3 = \\operatorname{relu}(z_3)');
  const numbers = variantNumbers(exercise, 7);
  const onInputs = exercise.misconceptions.find((m) => m.id === 'relu-on-inputs')!;
  expect(grade(exercise, onInputs.answer(numbers), { learnerSeed: 7 }).misconceptions[0].id).toBe('relu-on-inputs');
});

test('every learner of the sample sees numbers of their own', () => {
  const distinct = new Set(LEARNERS.map((seed) => JSON.stringify(variantNumbers(exercise, seed))));
  expect(distinct.size).toBe(LEARNERS.length);
});

seededVariantTests(exercise);
