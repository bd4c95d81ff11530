import { expect, test } from 'vitest';
import { SGD, tensor, type Tensor } from '../../../engine/index.ts';
import { getExercise, prepareCases, type CodeExercise } from '../../../exercises/index.ts';
import { compileTrusted } from '../../../exercises/prepare-cases.ts';
import { compareElements } from '../../../exercises/compare.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';

const exercise = getExercise('nesterov-step') as CodeExercise;
type Output = { param: number[]; buffer: number[] };
type Step = (param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) => Output;

/** A small non-quadratic loss, built from engine ops: L(θ) = Σ cᵢ θᵢ² + θ₀ θ₁ + ¼ Σ θᵢ⁴ (its gradient is autograd's). */
function loss(theta: Tensor): Tensor {
  const c = tensor([0.5, 2, 1]);
  return theta.pow(2).mul(c).sum().add(theta.mul(tensor([1, 0, 0])).sum().mul(theta.mul(tensor([0, 1, 0])).sum())).add(theta.pow(4).sum().mul(0.25));
}

/** The gradient of `loss` at `point`, by the engine's autograd. */
function gradientAt(point: readonly number[]): number[] {
  const theta = tensor([...point], { requiresGrad: true });
  loss(theta).backward();
  return Array.from(theta.grad!.data);
}

test('every known-wrong solution is rejected and recognised with its own feedback on 50 hidden-case salts', () => {
  expectRecognisedOnSalts(exercise, 50);
});

test("Sutskever's velocity form walks the same look-ahead points as torch's Nesterov SGD, with buffer b = −v/η", () => {
  const [lr, momentum] = [0.05, 0.9];
  // Sutskever et al.: v ← μv − η∇L(θ + μv), θ ← θ + v, the gradient taken ahead of the weights.
  let theta = [0.8, -0.6, 0.4];
  let v = [0, 0, 0];
  // torch.optim.SGD(nesterov=True) keeps the look-ahead point φ = θ + μv as its parameters.
  const phi = tensor([...theta], { requiresGrad: true });
  const optimizer = new SGD([phi], { lr, momentum, nesterov: true });
  for (let step = 0; step < 12; step++) {
    const g = gradientAt(theta.map((t, i) => t + momentum * v[i]));
    v = v.map((vi, i) => momentum * vi - lr * g[i]);
    theta = theta.map((t, i) => t + v[i]);
    optimizer.zeroGrad();
    loss(phi).backward();
    optimizer.step();
    const lookAhead = theta.map((t, i) => t + momentum * v[i]);
    expect(compareElements(Array.from(phi.data), lookAhead, 1e-12).pass, `step ${step + 1}`).toBe(true);
    expect(compareElements(optimizer.stateDict().buffers[0].momentum, v.map((vi) => -vi / lr), 1e-12).pass, `buffer at step ${step + 1}`).toBe(true);
  }
});

test("the reference solution, run on its own gradients, follows the engine's Nesterov SGD for 20 steps", () => {
  const step = compileTrusted(exercise.solution, exercise.functionName) as Step;
  const hp = { lr: 0.04, momentum: 0.85 };
  const theta = tensor([0.7, 0.9, -0.5], { requiresGrad: true });
  const optimizer = new SGD([theta], { ...hp, nesterov: true });
  let ours: Output = { param: Array.from(theta.data), buffer: [] };
  let buffer: number[] | null = null;
  for (let t = 0; t < 20; t++) {
    ours = step(ours.param, gradientAt(ours.param), buffer, hp);
    buffer = ours.buffer;
    optimizer.zeroGrad();
    loss(theta).backward();
    optimizer.step();
    expect(compareElements(ours.param, Array.from(theta.data), 1e-12).pass, `step ${t + 1}`).toBe(true);
  }
});

test('the two velocity forms take the right first step and are caught by their buffer', () => {
  for (const id of ['sutskever-velocity', 'notes-velocity']) {
    const misconception = exercise.misconceptions.find((m) => m.id === id)!;
    for (const prepared of prepareCases(exercise, { cases: 6, salt: 'velocity' })) {
      const first = prepared.calls[0];
      const wrong = first.wrong![id];
      if (!wrong.ok) throw new Error(`${id} threw`);
      const expected = first.expected as Output;
      expect(compareElements((wrong.output as Output).param, expected.param, 1e-12).pass, id).toBe(true);
      expect(compareElements((wrong.output as Output).buffer, expected.buffer).pass, id).toBe(false);
    }
    expect(misconception.feedback).toMatch(/the buffer\s+holds/);
  }
});

test('the prompt writes the update as PyTorch does and says how the velocity form differs', () => {
  expect(exercise.prompt).toContain('nesterov=True');
  expect(exercise.prompt).toContain('\\theta \\leftarrow \\theta - \\eta\\,(g + \\mu b)');
  expect(exercise.prompt).toContain('\\nabla L(\\theta + \\mu v)');
});
