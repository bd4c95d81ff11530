import { expect, test } from 'vitest';
import { getExercise, grade, type CodeExercise } from '../../../exercises/index.ts';
import { exerciseCases } from '../../../exercises/cases.ts';
import { compileTrusted } from '../../../exercises/prepare-cases.ts';
import { linear, mseLoss, mul, noGrad, tanh, tensor } from '../../../engine/index.ts';
import { expectRecognisedOnSalts } from './misconception-sweep.ts';

const exercise = getExercise('tanh-network-backward') as CodeExercise;

type Gradients = { dW1: number[][]; db1: number[]; dw2: number[]; db2: number };
type Args = [number[], number, number[][], number[], number[], number];

/** The loss ½(y − ŷ)² of the network at these parameters, by the engine. */
function loss([x, y, W1, b1, w2, b2]: Args): number {
  return noGrad(() => mul(mseLoss(linear(tanh(linear(tensor(x), tensor(W1), tensor(b1))), tensor([w2]), tensor(b2)), y), 0.5).item());
}

/** The parameters moved by −η times the gradients. */
function stepped([x, y, W1, b1, w2, b2]: Args, g: Gradients, lr: number): Args {
  return [x, y, W1.map((row, j) => row.map((w, i) => w - lr * g.dW1[j][i])), b1.map((b, j) => b - lr * g.db1[j]), w2.map((w, j) => w - lr * g.dw2[j]), b2 - lr * g.db2];
}

test('every known-wrong solution is rejected and recognised with its own feedback on 50 hidden-case salts', () => {
  expectRecognisedOnSalts(exercise, 50);
});

test("a small step against the reference's gradient lowers the loss; the notes' δ = y − ŷ raises it", () => {
  const reference = compileTrusted(exercise.solution, exercise.functionName);
  const notesSign = compileTrusted(exercise.misconceptions.find((m) => m.id === 'error-sign-flipped')!.solution, exercise.functionName);
  for (const { args } of exerciseCases(exercise, { count: 12, salt: 'descent' })) {
    const before = loss(args as Args);
    expect(loss(stepped(args as Args, reference(...args) as Gradients, 1e-3))).toBeLessThan(before);
    expect(loss(stepped(args as Args, notesSign(...args) as Gradients, 1e-3))).toBeGreaterThan(before);
  }
});

test("the notes' hidden δ, (1 − z)² w δ, loses exactly the first layer's two gradients", () => {
  const misprint = exercise.misconceptions.find((m) => m.id === 'squared-one-minus-z')!;
  const result = grade(exercise, misprint.solution);
  expect(result.parts.filter((p) => !p.passed).map((p) => p.name)).toEqual(['dW1', 'db1']);
  expect(result.score).toBe(2);
});

test('cases keep every pre-activation away from 0 and the target away from the prediction', () => {
  for (const { args } of exerciseCases(exercise, { count: 20, salt: 'margins' })) {
    const [x, y, W1, b1, w2, b2] = args as Args;
    expect(x.length).not.toBe(W1.length);
    const a = W1.map((row, j) => row.reduce((s, w, i) => s + w * x[i], b1[j]));
    for (const aj of a) expect(Math.abs(aj)).toBeGreaterThanOrEqual(0.1);
    const yHat = a.reduce((s, aj, j) => s + w2[j] * Math.tanh(aj), b2);
    expect(Math.abs(y - yHat)).toBeGreaterThan(0.19);
  }
});
