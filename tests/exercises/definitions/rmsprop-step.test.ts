import { expect, test } from 'vitest';
import { RMSprop, tensor } from '../../../engine/index.ts';
import { getExercise, type CodeExercise } from '../../../exercises/index.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';
import { expectEpsPlacementMeasurable, expectFollowsEngine, expectZeroGradientStaysPut } from './step-checks.ts';

const exercise = getExercise('rmsprop-step') as CodeExercise;
test('every known-wrong solution is rejected and recognised with its own feedback on 50 hidden-case salts', () => {
  expectRecognisedOnSalts(exercise, 50);
});

test('where ε goes differs measurably on the first step of every case: inside the root or left out moves θ by over 1e-4 of the step', () => {
  expectEpsPlacementMeasurable(exercise, ['eps-inside-sqrt', 'no-eps']);
});

test("with ε outside the root a coordinate whose gradient is zero stays put, as the engine's RMSprop; without ε it becomes 0/0", () => {
  const hp = { lr: 0.01, alpha: 0.99, eps: 1e-8 };
  expectZeroGradientStaysPut(exercise, (theta) => new RMSprop([theta], hp), hp, { v: [0, 0], t: 0 }, 'no-eps');
});

test('with no bias correction the first step moves each coordinate by nearly η/√(1 − α), as the explanation says', () => {
  const hp = { lr: 0.01, alpha: 0.99, eps: 1e-8 };
  const grad = [0.3, -2, 0.05];
  const theta = tensor([0, 0, 0], { requiresGrad: true });
  const optimizer = new RMSprop([theta], hp);
  theta.grad = tensor(grad);
  optimizer.step();
  for (const moved of theta.data) expect(Math.abs(moved)).toBeCloseTo(hp.lr / Math.sqrt(1 - hp.alpha), 5);
  expect(exercise.explanation).toContain('\\eta/\\sqrt{1 - \\alpha}');
});

test("the reference solution, run for 20 steps on one gradient sequence, follows the engine's RMSprop", () => {
  const hp = { lr: 0.02, alpha: 0.9, eps: 1e-3 };
  expectFollowsEngine(exercise, (theta) => new RMSprop([theta], hp), hp, { v: [0, 0, 0] });
});

test('the prompt writes the update as PyTorch does and says how the lecture notes differ', () => {
  expect(exercise.prompt).toContain('\\theta \\leftarrow \\theta - \\eta\\, g / (\\sqrt{v} + \\varepsilon)');
  expect(exercise.prompt).toContain('\\gamma');
  expect(exercise.prompt).toContain('centered=False');
});
