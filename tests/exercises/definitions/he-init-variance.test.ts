import { describe, expect, test } from 'vitest';
import { gaussian, heNormal, heUniform, Linear, noGrad, Random, relu, tensor, xavierNormal, type Initializer, type Tensor } from '../../../engine/index.ts';
import { getExercise, type NumericExercise } from '../../../exercises/index.ts';
import { scaleOf } from '../../../exercises/definitions/he-init-variance.ts';
import { variantNumbers } from '../../../exercises/variant.ts';
import { LEARNERS, expectEachSlipRecognised, expectTypedDigitsPass, seededVariantTests } from './seeded-checks.ts';

const exercise = getExercise('he-init-variance') as NumericExercise;

/** The sample variance (about the sample mean) of many weights an initialiser draws for a layer. */
function sampleVariance(init: Initializer, fanIn: number, fanOut: number, count = 200_000): number {
  const rng = new Random(11);
  const xs = Array.from({ length: count }, () => init.weight(fanIn, fanOut, rng));
  const mean = xs.reduce((s, x) => s + x, 0) / count;
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (count - 1);
}

/** The mean square of a tensor's entries. */
const meanSquare = (t: Tensor): number => Array.from(t.data).reduce((s, x) => s + x * x, 0) / t.size;

/** The mean square of the activations after each of `depth` ReLU layers of width `width`, drawn with `init`, on a Gaussian batch. */
function activationMeanSquares(init: Initializer, width: number, depth: number): number[] {
  const rng = new Random(3);
  let h = relu(tensor(Array.from({ length: 200 }, () => Array.from({ length: width }, () => rng.normal()))));
  const out = [meanSquare(h)];
  noGrad(() => {
    for (let layer = 0; layer < depth; layer++) {
      h = relu(new Linear(width, width, { init, rng }).forward(h));
      out.push(meanSquare(h));
    }
  });
  return out;
}

describe("on every learner's numbers", () => {
  test("the answers are the engine's initialisers' own scales: He's 2/n_in, its root, Xavier's 2/(n_in + n_out), He-uniform's √(6/n_in)", () => {
    for (const learnerSeed of LEARNERS) {
      const n = variantNumbers(exercise, learnerSeed);
      const answer = exercise.answer(n) as Record<string, number>;
      expect(answer.heStd).toBe(scaleOf(heNormal(), n.nIn, n.nOut));
      expect(answer.heVariance).toBeCloseTo(2 / n.nIn, 15);
      expect(answer.heStd).toBeCloseTo(Math.sqrt(2 / n.nIn), 15);
      expect(answer.xavierVariance).toBeCloseTo(2 / (n.nIn + n.nOut), 15);
      expect(answer.heUniformBound).toBeCloseTo(Math.sqrt(6 / n.nIn), 15);
      expect(Number.isInteger(n.nIn) && Number.isInteger(n.nOut) && n.nIn !== n.nOut).toBe(true);
    }
  });

  test('recognises each of its misconceptions as itself, and the right answer passes', () => {
    expectEachSlipRecognised(exercise);
  });

  test('an answer typed to four significant digits passes', () => {
    expectTypedDigitsPass(exercise);
  });
});

test("the engine's samplers draw with those variances: He normal 2/n_in, He uniform 2/n_in, Xavier normal 2/(n_in + n_out)", () => {
  const [fanIn, fanOut] = [200, 50];
  expect(sampleVariance(heNormal(), fanIn, fanOut) / (2 / fanIn)).toBeCloseTo(1, 1);
  expect(sampleVariance(heUniform(), fanIn, fanOut) / (2 / fanIn)).toBeCloseTo(1, 1);
  expect(sampleVariance(xavierNormal(), fanIn, fanOut) / (2 / (fanIn + fanOut))).toBeCloseTo(1, 1);
});

test("through 20 ReLU layers the engine's activations keep their mean square with He, and lose half per layer with variance 1/n_in", () => {
  const width = 256;
  const he = activationMeanSquares(heNormal(), width, 20);
  const lecun = activationMeanSquares(gaussian(Math.sqrt(1 / width)), width, 20);
  // He: every layer within a factor 2 of the input's, the last too.
  for (const ms of he) expect(ms / he[0]).toBeGreaterThan(0.5);
  for (const ms of he) expect(ms / he[0]).toBeLessThan(2);
  // 1/n_in: about ½ per layer, so (½)^20 ≈ 10⁻⁶ after 20.
  for (let layer = 1; layer < lecun.length; layer++) expect(lecun[layer] / lecun[layer - 1]).toBeGreaterThan(0.35);
  for (let layer = 1; layer < lecun.length; layer++) expect(lecun[layer] / lecun[layer - 1]).toBeLessThan(0.65);
  expect(lecun[20] / lecun[0]).toBeLessThan(1e-5);
});

test('the slips the issue names are among its misconceptions', () => {
  expect(exercise.misconceptions.map((m) => m.id)).toEqual(['lecun-one-over-fan-in', 'two-over-fan-out', 'std-given-as-variance', 'uniform-bound-root-three']);
  const numbers = variantNumbers(exercise, 5);
  const byId = Object.fromEntries(exercise.misconceptions.map((m) => [m.id, m.answer(numbers) as Record<string, number>]));
  expect(byId['lecun-one-over-fan-in'].heVariance).toBeCloseTo(1 / numbers.nIn, 15);
  expect(byId['two-over-fan-out'].heVariance).toBeCloseTo(2 / numbers.nOut, 15);
  expect(byId['std-given-as-variance'].heStd).toBeCloseTo(2 / numbers.nIn, 15);
  expect(byId['uniform-bound-root-three'].heUniformBound).toBeCloseTo(Math.sqrt(3 / numbers.nIn), 15);
});

seededVariantTests(exercise);
