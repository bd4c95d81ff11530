import { expect, test } from 'vitest';
import { Adam, tensor } from '../../../engine/index.ts';
import { getExercise, type CodeExercise } from '../../../exercises/index.ts';
import { compileTrusted } from '../../../exercises/prepare-cases.ts';
import { compareElements } from '../../../exercises/compare.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';

const exercise = getExercise('adam-step') as CodeExercise;
type State = { m: number[]; v: number[]; t: number };
type Hyper = { lr: number; beta1: number; beta2: number; eps: number };
type Step = (param: number[], grad: number[], state: State, hp: Hyper) => { param: number[] } & State;

const HP: Hyper = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
const GRAD = [0.3, -2, 0.05];

test('every known-wrong solution is rejected and recognised with its own feedback on 50 hidden-case salts', () => {
  expectRecognisedOnSalts(exercise, 50);
});

test('with bias correction the first step moves every coordinate by nearly η, whatever its gradient\'s size', () => {
  const step = compileTrusted(exercise.solution, exercise.functionName) as Step;
  const after = step([0, 0, 0], GRAD, { m: [0, 0, 0], v: [0, 0, 0], t: 0 }, HP);
  for (const moved of after.param) expect(Math.abs(moved)).toBeCloseTo(HP.lr, 6);
});

test("the no-bias-correction slip is the engine's Adam with biasCorrection off: a first step of (1 − β₁)/√(1 − β₂) · η, about 3.2η", () => {
  const slip = compileTrusted(exercise.misconceptions.find((m) => m.id === 'no-bias-correction')!.solution, exercise.functionName) as Step;
  const theta = tensor([0, 0, 0], { requiresGrad: true });
  const optimizer = new Adam([theta], { lr: HP.lr, betas: [HP.beta1, HP.beta2], eps: HP.eps, biasCorrection: false });
  let state: { param: number[] } & State = { param: [0, 0, 0], m: [0, 0, 0], v: [0, 0, 0], t: 0 };
  for (let t = 0; t < 10; t++) {
    state = slip(state.param, GRAD, state, HP);
    theta.grad = tensor(GRAD);
    optimizer.step();
    expect(compareElements(state.param, Array.from(theta.data), 1e-10).pass, `step ${t + 1}`).toBe(true);
    if (t === 0) for (const moved of state.param) expect(Math.abs(moved)).toBeCloseTo(((1 - HP.beta1) / Math.sqrt(1 - HP.beta2)) * HP.lr, 6);
  }
});

test('the no-bias-correction feedback says the uncorrected first steps are too large, as they are with the defaults', () => {
  const feedback = exercise.misconceptions.find((m) => m.id === 'no-bias-correction')!.feedback;
  expect(feedback).toContain('too large, not too small');
  expect((1 - 0.9) / Math.sqrt(1 - 0.999)).toBeCloseTo(3.2, 1);
});

test('the explanation names v as the uncentred second moment the notes call a variance', () => {
  expect(exercise.explanation).toContain('uncentred second moment');
});
