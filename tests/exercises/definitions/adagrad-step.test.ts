import { expect, test } from 'vitest';
import { Adagrad, tensor } from '../../../engine/index.ts';
import { getExercise, type CodeExercise } from '../../../exercises/index.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';
import { expectEpsPlacementMeasurable, expectFollowsEngine, expectZeroGradientStaysPut } from './step-checks.ts';

const exercise = getExercise('adagrad-step') as CodeExercise;
test('every known-wrong solution is rejected and recognised with its own feedback on 50 hidden-case salts', () => {
  expectRecognisedOnSalts(exercise, 50);
});

test('where ε goes differs measurably on the first step of every case: inside the root or left out moves θ by over 1e-4 of the step', () => {
  expectEpsPlacementMeasurable(exercise, ['eps-inside-sqrt', 'no-eps']);
});

test("the first step moves every coordinate by nearly η whatever its gradient's size, and a constant gradient's steps shrink as η/√t", () => {
  const hp = { lr: 0.1, eps: 1e-10 };
  const grad = [0.002, -3, 40];
  const theta = tensor([0, 0, 0], { requiresGrad: true });
  const optimizer = new Adagrad([theta], hp);
  let previous = [0, 0, 0];
  for (let t = 1; t <= 9; t++) {
    theta.grad = tensor(grad);
    optimizer.step();
    const moved = Array.from(theta.data, (p, i) => Math.abs(p - previous[i]));
    for (const m of moved) expect(m).toBeCloseTo(hp.lr / Math.sqrt(t), 6);
    previous = Array.from(theta.data);
  }
});

test("with ε outside the root a coordinate whose gradient is zero stays put, as the engine's Adagrad; without ε it becomes 0/0", () => {
  const hp = { lr: 0.1, eps: 1e-10 };
  expectZeroGradientStaysPut(exercise, (theta) => new Adagrad([theta], hp), hp, { G: [0, 0], t: 0 }, 'no-eps');
});

test("the reference solution, run for 20 steps on one gradient sequence, follows the engine's Adagrad", () => {
  const hp = { lr: 0.3, eps: 1e-3 };
  expectFollowsEngine(exercise, (theta) => new Adagrad([theta], hp), hp, { G: [0, 0, 0] });
});

test('the prompt writes the update as PyTorch does and says how the lecture notes differ', () => {
  expect(exercise.prompt).toContain('\\theta \\leftarrow \\theta - \\eta\\, g / (\\sqrt{G} + \\varepsilon)');
  expect(exercise.prompt).toContain('\\frac{\\eta}{\\sqrt{G_i}}');
  expect(exercise.prompt).toContain('initial_accumulator_value=0');
});
