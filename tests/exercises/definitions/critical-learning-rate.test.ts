import { describe, expect, test } from 'vitest';
import { SGD, matmul, tensor, transpose, type Tensor } from '../../../engine/index.ts';
import { symmetricEigenvalues2 } from '../../../engine/index.ts';
import { getExercise, grade } from '../../../exercises/index.ts';
import type { NumericExercise } from '../../../exercises/index.ts';
import { variantNumbers } from '../../../exercises/variant.ts';
import { LEARNERS, expectEachSlipRecognised, expectTypedDigitsPass, seededVariantTests } from './seeded-checks.ts';

const exercise = getExercise('critical-learning-rate') as NumericExercise;

/** L(θ) = ½ θᵀAθ − bᵀθ for a column θ (2×1), from engine ops. */
function quadratic(n: Record<string, number>): (theta: Tensor) => Tensor {
  const A = tensor([
    [n.a11, n.a12],
    [n.a12, n.a22],
  ]);
  const b = tensor([[n.b1], [n.b2]]);
  return (theta) => matmul(transpose(theta), matmul(A, theta)).mul(0.5).sub(matmul(transpose(b), theta)).sum();
}

/** The minimiser θ* = A⁻¹b, by Cramer's rule. */
function minimiser(n: Record<string, number>): [number, number] {
  const det = n.a11 * n.a22 - n.a12 * n.a12;
  return [(n.a22 * n.b1 - n.a12 * n.b2) / det, (n.a11 * n.b2 - n.a12 * n.b1) / det];
}

/** The distance to the minimum after each of `steps` steps of the engine's SGD at learning rate `lr`, from θ* + (1, 0). */
function distances(n: Record<string, number>, lr: number, steps: number): number[] {
  const star = minimiser(n);
  const theta = tensor([[star[0] + 1], [star[1]]], { requiresGrad: true });
  const loss = quadratic(n);
  const optimizer = new SGD([theta], { lr });
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    optimizer.zeroGrad();
    loss(theta).backward();
    optimizer.step();
    out.push(Math.hypot(theta.data[0] - star[0], theta.data[1] - star[1]));
  }
  return out;
}

describe("on every learner's numbers", () => {
  test('λmax is the engine\'s largest eigenvalue of A, a whole number, and A is positive definite with whole entries', () => {
    for (const learnerSeed of LEARNERS) {
      const n = variantNumbers(exercise, learnerSeed);
      const [low, high] = symmetricEigenvalues2([
        [n.a11, n.a12],
        [n.a12, n.a22],
      ]);
      expect(exercise.answer(n).lambdaMax).toBeCloseTo(high, 12);
      expect(low).toBeGreaterThan(0.5);
      expect(Math.abs(high - Math.round(high))).toBeLessThan(1e-9);
      expect(Math.abs(low - Math.round(low))).toBeLessThan(1e-9);
      for (const value of [n.a11, n.a12, n.a22, n.b1, n.b2]) expect(Number.isInteger(value)).toBe(true);
      expect(n.a12).not.toBe(0);
    }
  });

  test("the engine's gradient descent converges just below η* and diverges just above it", () => {
    for (const learnerSeed of LEARNERS) {
      const n = variantNumbers(exercise, learnerSeed);
      const critical = exercise.answer(n).etaCritical as number;
      expect(distances(n, 0.97 * critical, 400).at(-1)!, `learner ${learnerSeed}, below`).toBeLessThan(1e-6);
      expect(distances(n, 1.03 * critical, 400).at(-1)!, `learner ${learnerSeed}, above`).toBeGreaterThan(1e3);
    }
  });

  test("at etaBest the engine's gradient descent shrinks the distance to the minimum by exactly `rate` at every step", () => {
    for (const learnerSeed of LEARNERS) {
      const n = variantNumbers(exercise, learnerSeed);
      const { etaBest, rate } = exercise.answer(n) as Record<string, number>;
      // Few enough steps that the distance stays far above float64's rounding near θ*.
      const path = [1, ...distances(n, etaBest, 8)];
      for (let t = 1; t < path.length; t++) expect(path[t] / path[t - 1], `learner ${learnerSeed}, step ${t}`).toBeCloseTo(rate, 8);
    }
  });

  test('recognises each of its misconceptions as itself, and the right answer passes', () => {
    expectEachSlipRecognised(exercise);
  });

  test('an answer typed to four significant digits passes', () => {
    expectTypedDigitsPass(exercise);
  });
});

test('the slips the issue names are among its misconceptions, and partial credit is per part', () => {
  expect(exercise.misconceptions.map((m) => m.id)).toEqual(expect.arrayContaining(['one-over-lambda-max', 'two-over-lambda-min', 'two-over-trace', 'largest-entry']));
  const numbers = variantNumbers(exercise, 5);
  const result = grade(exercise, exercise.misconceptions.find((m) => m.id === 'one-over-lambda-max')!.answer(numbers), { learnerSeed: 5 });
  expect(result.score).toBe(3);
  expect(result.maxScore).toBe(4);
});

test('2/trace A is the best rate, not the critical one: the feedback says so, and the numbers agree', () => {
  const numbers = variantNumbers(exercise, 9);
  const trace = exercise.misconceptions.find((m) => m.id === 'two-over-trace')!;
  expect(trace.answer(numbers).etaCritical).toBeCloseTo(exercise.answer(numbers).etaBest as number, 12);
  expect(trace.feedback).toContain('converges fastest');
});

seededVariantTests(exercise);
