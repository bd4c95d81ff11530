import { describe, expect, test } from 'vitest';
import { sigmoid, tensor } from '../../../engine/index.ts';
import { getExercise, type NumericExercise } from '../../../exercises/index.ts';
import { variantNumbers } from '../../../exercises/variant.ts';
import { grade } from '../../../exercises/prepare-cases.ts';
import { LEARNERS, expectEachSlipRecognised, expectTypedDigitsPass, seededVariantTests } from './seeded-checks.ts';

const exercise = getExercise('sigmoid-shrinkage') as NumericExercise;

/**
 * The gradient of the top of a one-unit sigmoid stack with unit weights with respect to its input, by the engine's
 * autograd: layer i computes h_i = σ(h_{i−1} + b_i), its bias chosen so that its pre-activation is zs[i].
 */
function stackGradient(zs: readonly number[]): number {
  const x = tensor(0.3, { requiresGrad: true });
  let h = x;
  for (const z of zs) h = sigmoid(h.add(z - h.item()));
  h.backward();
  return x.grad!.item();
}

describe("on every learner's numbers", () => {
  test("product is the engine's gradient through a sigmoid stack with those pre-activations", () => {
    for (const learnerSeed of LEARNERS) {
      const n = variantNumbers(exercise, learnerSeed);
      const answer = exercise.answer(n) as Record<string, number>;
      expect(answer.product / stackGradient([n.z1, n.z2, n.z3, n.z4]), `learner ${learnerSeed}`).toBeCloseTo(1, 12);
    }
  });

  test("bound is the engine's gradient through n sigmoids at z = 0, the largest, and layers is the first depth where it drops below 10^−k", () => {
    for (const learnerSeed of LEARNERS) {
      const n = variantNumbers(exercise, learnerSeed);
      const { bound, layers } = exercise.answer(n) as Record<string, number>;
      expect(bound / stackGradient(new Array<number>(n.n).fill(0))).toBeCloseTo(1, 12);
      expect(stackGradient(new Array<number>(layers).fill(0))).toBeLessThan(10 ** -n.k);
      expect(stackGradient(new Array<number>(layers - 1).fill(0))).toBeGreaterThanOrEqual(10 ** -n.k);
    }
  });

  test('recognises each of its misconceptions as itself, and the right answer passes', () => {
    expectEachSlipRecognised(exercise);
  });

  test('an answer typed to four significant digits passes', () => {
    expectTypedDigitsPass(exercise);
  });

  test("the hint's route by hand passes when it carries six significant digits, as the prompt asks: each σ(z_i) rounded to six, then s(1 − s) multiplied", () => {
    const round = (v: number, digits: number) => Number(v.toPrecision(digits));
    for (const learnerSeed of LEARNERS) {
      const n = variantNumbers(exercise, learnerSeed);
      const right = exercise.answer(n) as Record<string, number>;
      const product = [n.z1, n.z2, n.z3, n.z4].reduce((p, z) => {
        const s = round(1 / (1 + Math.exp(-z)), 6);
        return p * s * (1 - s);
      }, 1);
      expect(grade(exercise, { ...right, product: round(product, 4) }, { learnerSeed }).passed, `learner ${learnerSeed}`).toBe(true);
    }
  });
});

test("no chain of pre-activations gets a larger factor through the engine's sigmoids than (1/4)ⁿ", () => {
  const zs = [-3, -1.2, -0.4, -0.1, 0, 0.05, 0.3, 1, 2.5];
  for (const a of zs) for (const b of zs) for (const c of zs) expect(stackGradient([a, b, c])).toBeLessThanOrEqual(0.25 ** 3 * (1 + 1e-12));
});

test('the slips the issue names are among its misconceptions, and each changes what it should', () => {
  expect(exercise.misconceptions.map((m) => m.id)).toEqual(['half-per-layer', 'one-layer-too-few', 'product-of-sigmoids', 'sigma-times-one-minus-z']);
  const n = variantNumbers(exercise, 5);
  const right = exercise.answer(n) as Record<string, number>;
  const byId = Object.fromEntries(exercise.misconceptions.map((m) => [m.id, m.answer(n) as Record<string, number>]));
  expect(byId['half-per-layer'].bound).toBeCloseTo(0.5 ** n.n, 15);
  expect(byId['one-layer-too-few'].bound / right.bound).toBeCloseTo(4, 12);
  const s = (z: number) => 1 / (1 + Math.exp(-z));
  const zs = [n.z1, n.z2, n.z3, n.z4];
  expect(byId['product-of-sigmoids'].product / zs.reduce((p, z) => p * s(z), 1)).toBeCloseTo(1, 12);
  expect(byId['sigma-times-one-minus-z'].product / zs.reduce((p, z) => p * s(z) * (1 - z), 1)).toBeCloseTo(1, 12);
});

seededVariantTests(exercise);
