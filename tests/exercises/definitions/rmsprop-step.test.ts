import { expect, test } from 'vitest';
import { RMSprop, tensor } from '../../../engine/index.ts';
import { getExercise, prepareCases, type CodeExercise } from '../../../exercises/index.ts';
import { compileTrusted } from '../../../exercises/prepare-cases.ts';
import { compareElements } from '../../../exercises/compare.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';

const exercise = getExercise('rmsprop-step') as CodeExercise;
type State = { v: number[]; t: number };
type Output = { param: number[] } & State;
type Hyper = { lr: number; alpha: number; eps: number };
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

test("with ε outside the root a coordinate whose gradient is zero stays put, as the engine's RMSprop; without ε it becomes 0/0", () => {
  const hp = { lr: 0.01, alpha: 0.99, eps: 1e-8 };
  const start = { param: [0.5, -0.25], grad: [0, 0.3], state: { v: [0, 0], t: 0 } };
  const theta = tensor(start.param, { requiresGrad: true });
  const optimizer = new RMSprop([theta], hp);
  theta.grad = tensor(start.grad);
  optimizer.step();
  const ours = (compileTrusted(exercise.solution, exercise.functionName) as Step)(start.param, start.grad, start.state, hp);
  expect(ours.param[0]).toBe(0.5);
  expect(compareElements(ours.param, Array.from(theta.data), 1e-12).pass).toBe(true);
  const notes = exercise.misconceptions.find((m) => m.id === 'no-eps')!;
  expect(Number.isNaN((compileTrusted(notes.solution, exercise.functionName) as Step)(start.param, start.grad, start.state, hp).param[0])).toBe(true);
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
  const step = compileTrusted(exercise.solution, exercise.functionName) as Step;
  const hp = { lr: 0.02, alpha: 0.9, eps: 1e-3 };
  const theta = tensor([0.4, -0.7, 1.1], { requiresGrad: true });
  const optimizer = new RMSprop([theta], hp);
  let ours: Output = { param: Array.from(theta.data), v: [0, 0, 0], t: 0 };
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
  expect(exercise.prompt).toContain('\\theta \\leftarrow \\theta - \\eta\\, g / (\\sqrt{v} + \\varepsilon)');
  expect(exercise.prompt).toContain('\\gamma');
  expect(exercise.prompt).toContain('centered=False');
});
