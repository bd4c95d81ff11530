// Checks the optimizer-step exercises share (AdaGrad, RMSProp): where ε goes makes a measurable difference on every
// case, a zero gradient leaves its coordinate put, and the reference solution walks the engine optimizer's path.

import { expect } from 'vitest';
import { tensor, type Optimizer, type Tensor } from '../../../engine/index.ts';
import { prepareCases, type CodeExercise } from '../../../exercises/index.ts';
import { compileTrusted } from '../../../exercises/prepare-cases.ts';
import { compareElements } from '../../../exercises/compare.ts';

/** An optimizer-step function: parameters, gradient, state and hyper-parameters in; parameters and state out. */
type Step = (param: number[], grad: number[], state: object, hp: object) => { param: number[]; t: number };

/** The exercise's reference solution, or a misconception's, as a function. */
export function stepOf(exercise: CodeExercise, misconception?: string): Step {
  const source = misconception === undefined ? exercise.solution : exercise.misconceptions.find((m) => m.id === misconception)!.solution;
  return compileTrusted(source, exercise.functionName) as Step;
}

/** Each slip in `ids` (ε inside the root, ε left out) moves θ by over 1e-4 of the step on the first step of every case. */
export function expectEpsPlacementMeasurable(exercise: CodeExercise, ids: readonly string[]): void {
  for (const salt of ['', 'eps-a', 'eps-b']) {
    for (const prepared of prepareCases(exercise, { salt, cases: 6 })) {
      const call = prepared.calls[0];
      const before = call.args[0] as number[];
      const expected = (call.expected as { param: number[] }).param;
      for (const id of ids) {
        const wrong = call.wrong![id];
        if (!wrong.ok) throw new Error(`${id} threw`);
        const param = (wrong.output as { param: number[] }).param;
        const gap = Math.max(...param.map((p, i) => Math.abs(p - expected[i]) / Math.abs(expected[i] - before[i])));
        expect(gap, `${id}, salt ${JSON.stringify(salt)}`).toBeGreaterThan(1e-4);
      }
    }
  }
}

/**
 * With ε outside the root, a coordinate whose gradient is zero stays put, as in the engine optimizer `make` builds;
 * the slip `noEps` (no ε at all) makes it 0/0.
 */
export function expectZeroGradientStaysPut(exercise: CodeExercise, make: (theta: Tensor) => Optimizer, hp: object, state: object, noEps: string): void {
  const start = { param: [0.5, -0.25], grad: [0, 0.3] };
  const theta = tensor(start.param, { requiresGrad: true });
  const optimizer = make(theta);
  theta.grad = tensor(start.grad);
  optimizer.step();
  const ours = stepOf(exercise)(start.param, start.grad, state, hp);
  expect(ours.param[0]).toBe(0.5);
  expect(compareElements(ours.param, Array.from(theta.data), 1e-12).pass).toBe(true);
  expect(Number.isNaN(stepOf(exercise, noEps)(start.param, start.grad, state, hp).param[0])).toBe(true);
}

/**
 * The reference solution, run for 20 steps from θ = [0.4, −0.7, 1.1] and `state` on L(θ) = Σ θᵢ⁴/4 + θᵢ²/2 (gradient
 * θ³ + θ, written out), follows the engine optimizer `make` builds, step count included.
 */
export function expectFollowsEngine(exercise: CodeExercise, make: (theta: Tensor) => Optimizer, hp: object, state: object): void {
  const step = stepOf(exercise);
  const theta = tensor([0.4, -0.7, 1.1], { requiresGrad: true });
  const optimizer = make(theta);
  let ours: { param: number[]; t: number } = { param: Array.from(theta.data), ...state, t: 0 };
  for (let t = 0; t < 20; t++) {
    ours = step(ours.param, ours.param.map((p) => p ** 3 + p), ours, hp);
    theta.grad = tensor(Array.from(theta.data, (p) => p ** 3 + p));
    optimizer.step();
    expect(compareElements(ours.param, Array.from(theta.data), 1e-12).pass, `step ${t + 1}`).toBe(true);
    expect(ours.t).toBe(optimizer.stepCount);
  }
}
