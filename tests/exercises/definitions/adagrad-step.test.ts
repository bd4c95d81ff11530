import { expect, test } from 'vitest';
import { Adagrad, tensor } from '../../../engine/index.ts';
import { getExercise, prepareCases, type CodeExercise } from '../../../exercises/index.ts';
import { compileTrusted } from '../../../exercises/prepare-cases.ts';
import { compareElements } from '../../../exercises/compare.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';

const exercise = getExercise('adagrad-step') as CodeExercise;
type State = { G: number[]; t: number };
type Output = { param: number[] } & State;
type Hyper = { lr: number; eps: number };
type Step = (param: number[], grad: number[], state: State, hp: Hyper) => Output;

test('every known-wrong solution is rejected and recognised with its own feedback on 50 hidden-case salts', () => {
  expectRecognisedOnSalts(exercise, 50);
});

test('where ε goes differs measurably on the first step of every case: inside the root or left out moves θ by over 1e-4 of the step', () => {
  for (const salt of ['', 'eps-a', 'eps-b']) {
    for (const prepared of prepareCases(exercise, { salt, cases: 6 })) {
      const call = prepared.calls[0];
      const before = call.args[0] as number[];
      const expected = (call.expected as Output).param;
      for (const id of ['eps-inside-sqrt', 'no-eps']) {
        const wrong = call.wrong![id];
        if (!wrong.ok) throw new Error(`${id} threw`);
        const param = (wrong.output as Output).param;
        const gap = Math.max(...param.map((p, i) => Math.abs(p - expected[i]) / Math.abs(expected[i] - before[i])));
        expect(gap, `${id}, salt ${JSON.stringify(salt)}`).toBeGreaterThan(1e-4);
      }
    }
  }
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
  const start = { param: [0.5, -0.25], grad: [0, 0.3], state: { G: [0, 0], t: 0 } };
  const theta = tensor(start.param, { requiresGrad: true });
  const optimizer = new Adagrad([theta], hp);
  theta.grad = tensor(start.grad);
  optimizer.step();
  const ours = (compileTrusted(exercise.solution, exercise.functionName) as Step)(start.param, start.grad, start.state, hp);
  expect(ours.param[0]).toBe(0.5);
  expect(compareElements(ours.param, Array.from(theta.data), 1e-12).pass).toBe(true);
  const notes = exercise.misconceptions.find((m) => m.id === 'no-eps')!;
  expect(Number.isNaN((compileTrusted(notes.solution, exercise.functionName) as Step)(start.param, start.grad, start.state, hp).param[0])).toBe(true);
});

test("the reference solution, run for 20 steps on one gradient sequence, follows the engine's Adagrad", () => {
  const step = compileTrusted(exercise.solution, exercise.functionName) as Step;
  const hp = { lr: 0.3, eps: 1e-3 };
  const theta = tensor([0.4, -0.7, 1.1], { requiresGrad: true });
  const optimizer = new Adagrad([theta], hp);
  let ours: Output = { param: Array.from(theta.data), G: [0, 0, 0], t: 0 };
  for (let t = 0; t < 20; t++) {
    // The gradient of L(θ) = Σ θᵢ⁴/4 + θᵢ²/2, written out: θ³ + θ.
    const grad = ours.param.map((p) => p ** 3 + p);
    ours = step(ours.param, grad, ours, hp);
    theta.grad = tensor(Array.from(theta.data, (p) => p ** 3 + p));
    optimizer.step();
    expect(compareElements(ours.param, Array.from(theta.data), 1e-12).pass, `step ${t + 1}`).toBe(true);
    expect(ours.t).toBe(optimizer.stepCount);
  }
});

test('the prompt writes the update as PyTorch does and says how the lecture notes differ', () => {
  expect(exercise.prompt).toContain('\\theta \\leftarrow \\theta - \\eta\\, g / (\\sqrt{G} + \\varepsilon)');
  expect(exercise.prompt).toContain('\\frac{\\eta}{\\sqrt{G_i}}');
  expect(exercise.prompt).toContain('initial_accumulator_value=0');
});
