import { expect, test } from 'vitest';
import { SGD, tensor } from '../../../engine/index.ts';
import { getExercise, type CodeExercise } from '../../../exercises/index.ts';
import { compileTrusted } from '../../../exercises/prepare-cases.ts';
import { compareElements } from '../../../exercises/compare.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';

const exercise = getExercise('momentum-step') as CodeExercise;
type Output = { param: number[]; buffer: number[] };
type Step = (param: number[], grad: number[], buffer: number[] | null, hp: { lr: number; momentum: number }) => Output;

/** The gradient of L(θ) = Σ θᵢ⁴/4 + θᵢ²/2, written out: θ³ + θ. */
const gradientAt = (theta: readonly number[]) => theta.map((t) => t ** 3 + t);

/** `steps` steps of a momentum solution on L, at learning rate lrAt(t), from θ₀ = [0.9, −0.4, 1.3]. */
function run(source: string, lrAt: (t: number) => number, steps: number): number[][] {
  const step = compileTrusted(source, exercise.functionName) as Step;
  let state: Output = { param: [0.9, -0.4, 1.3], buffer: [] };
  let buffer: number[] | null = null;
  const path: number[][] = [];
  for (let t = 0; t < steps; t++) {
    state = step(state.param, gradientAt(state.param), buffer, { lr: lrAt(t), momentum: 0.8 });
    buffer = state.buffer;
    path.push(state.param);
  }
  return path;
}

/** The same run with the engine's SGD, its learning rate set before each step as a schedule would. */
function engineRun(lrAt: (t: number) => number, steps: number): number[][] {
  const theta = tensor([0.9, -0.4, 1.3], { requiresGrad: true });
  const optimizer = new SGD([theta], { lr: lrAt(0), momentum: 0.8 });
  const path: number[][] = [];
  for (let t = 0; t < steps; t++) {
    optimizer.lr = lrAt(t);
    theta.grad = tensor(gradientAt(Array.from(theta.data)));
    optimizer.step();
    path.push(Array.from(theta.data));
  }
  return path;
}

const same = (a: number[][], b: number[][]) => a.every((row, t) => compareElements(row, b[t], 1e-10).pass);

test('every known-wrong solution is rejected and recognised with its own feedback on 50 hidden-case salts', () => {
  expectRecognisedOnSalts(exercise, 50);
});

test("the reference and both velocity forms walk the engine's SGD path while η is constant, as the explanation says", () => {
  const constant = () => 0.1;
  const engine = engineRun(constant, 15);
  expect(same(run(exercise.solution, constant, 15), engine)).toBe(true);
  for (const id of ['velocity-with-lr', 'notes-velocity']) {
    expect(same(run(exercise.misconceptions.find((m) => m.id === id)!.solution, constant, 15), engine), id).toBe(true);
  }
});

test('when a schedule changes η, PyTorch\'s buffer acts on the very next step and the velocity forms part from it', () => {
  const schedule = (t: number) => (t < 5 ? 0.1 : 0.02);
  const engine = engineRun(schedule, 10);
  expect(same(run(exercise.solution, schedule, 10), engine)).toBe(true);
  for (const id of ['velocity-with-lr', 'notes-velocity']) {
    const path = run(exercise.misconceptions.find((m) => m.id === id)!.solution, schedule, 10);
    expect(same(path.slice(0, 5), engine.slice(0, 5)), id).toBe(true);
    expect(compareElements(path[5], engine[5]).pass, id).toBe(false);
  }
});
