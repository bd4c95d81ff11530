// The engine's answer to every code exercise, by autograd or by the engine's own
// optimizers: the witness that each reference solution (and so every expected
// value the grader uses) is the engine's.

import {
  Adam,
  Perceptron,
  Random,
  SGD,
  Tensor,
  crossEntropy,
  binaryCrossEntropyWithLogits,
  dropout,
  linear,
  matmul,
  mseLoss,
  mul,
  relu,
  sigmoid,
  sum,
  tanh,
  tensor,
} from '../../engine/index.ts';
import type { ExerciseCase } from '../../exercises/index.ts';

type Matrix = number[][];

const leaf = (values: number[] | Matrix) => tensor(values, { requiresGrad: true });
const gradOf = (t: Tensor) => t.grad!.toArray();

function elementwise(op: (x: Tensor) => Tensor, [x, upstream]: unknown[]) {
  const input = leaf(x as Matrix);
  op(input).backward(tensor(upstream as Matrix));
  return gradOf(input);
}

/** What the engine computes for one call, by exercise id. */
export const ORACLES: Record<string, (args: unknown[], exerciseCase: ExerciseCase) => unknown> = {
  'perceptron-update': ([w, b, x, y, lr]) => {
    const p = new Perceptron((w as number[]).length, lr as number);
    p.weights = (w as number[]).slice();
    p.bias = b as number;
    p.update(x as number[], y as number);
    return { w: p.weights, b: p.bias };
  },
  'sigmoid-backward': (args) => elementwise(sigmoid, args),
  'tanh-backward': (args) => elementwise(tanh, args),
  'relu-backward': (args) => elementwise(relu, args),
  'mlp-forward': ([x, W1, b1, W2, b2]) =>
    linear(relu(linear(tensor(x as Matrix), tensor(W1 as Matrix), tensor(b1 as number[]))), tensor(W2 as Matrix), tensor(b2 as number[])).toArray(),
  'mse-gradient': ([prediction, target]) => {
    const p = leaf(prediction as Matrix);
    mseLoss(p, tensor(target as Matrix)).backward();
    return gradOf(p);
  },
  'logistic-loss-gradient': ([X, y, w, b]) => {
    const weights = leaf(w as number[]);
    const bias = tensor(b as number, { requiresGrad: true });
    const scores = matmul(tensor(X as Matrix), weights.reshape([(w as number[]).length, 1])).reshape([(X as Matrix).length]).add(bias);
    binaryCrossEntropyWithLogits(scores, tensor(y as number[])).backward();
    return { dw: gradOf(weights), db: bias.grad!.item() };
  },
  'softmax-cross-entropy-backward': ([logits, targets]) => {
    const z = leaf(logits as Matrix);
    crossEntropy(z, targets as number[]).backward();
    return gradOf(z);
  },
  'mlp-backward': ([x, W1, b1, W2, b2, targets]) => {
    const [w1, c1, w2, c2] = [leaf(W1 as Matrix), leaf(b1 as number[]), leaf(W2 as Matrix), leaf(b2 as number[])];
    crossEntropy(linear(relu(linear(tensor(x as Matrix), w1, c1)), w2, c2), targets as number[]).backward();
    return { dW1: gradOf(w1), db1: gradOf(c1), dW2: gradOf(w2), db2: gradOf(c2) };
  },
  'weight-decay-gradient': ([W, dW, lambda]) => {
    // L = Σ W ⊙ dW (a loss whose gradient is dW) + λ/2 ‖W‖².
    const w = leaf(W as Matrix);
    sum(mul(w, tensor(dW as Matrix))).add(sum(mul(w, w)).mul((lambda as number) / 2)).backward();
    return gradOf(w);
  },
  'dropout-backward': ([upstream, , p], exerciseCase) => {
    const x = leaf((upstream as Matrix).map((row) => row.map(() => 1)));
    dropout(x, p as number, new Random((exerciseCase.meta as { seed: number }).seed)).backward(tensor(upstream as Matrix));
    return gradOf(x);
  },
  'momentum-step': ([param, grad, buffer, hp]) => {
    const { lr, momentum } = hp as { lr: number; momentum: number };
    const theta = leaf(param as number[]);
    const optimizer = new SGD([theta], { lr, momentum });
    if (buffer !== null) {
      optimizer.loadStateDict({ step: 1, lr, buffers: [{ momentum: buffer as number[] }] });
    }
    theta.grad = tensor(grad as number[]);
    optimizer.step();
    return { param: Array.from(theta.data), buffer: optimizer.stateDict().buffers[0].momentum };
  },
  'adam-step': ([param, grad, state, hp]) => {
    const { m, v, t } = state as { m: number[]; v: number[]; t: number };
    const { lr, beta1, beta2, eps } = hp as { lr: number; beta1: number; beta2: number; eps: number };
    const theta = leaf(param as number[]);
    const optimizer = new Adam([theta], { lr, betas: [beta1, beta2], eps });
    optimizer.loadStateDict({ step: t, lr, buffers: [{ expAverage: m, expAverageSquare: v }] });
    theta.grad = tensor(grad as number[]);
    optimizer.step();
    const after = optimizer.stateDict();
    return { param: Array.from(theta.data), m: after.buffers[0].expAverage, v: after.buffers[0].expAverageSquare, t: after.step };
  },
};
