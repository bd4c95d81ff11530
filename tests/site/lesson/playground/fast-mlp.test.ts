import { describe, expect, test } from 'vitest';
import {
  Random,
  Tensor,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  mseLoss,
  type MLP,
} from '../../../../engine/index.ts';
import { FastMLP } from '../../../../site/lesson/playground/fast-mlp.ts';
import { makeModel, makeOptimizer } from '../../../../site/lesson/playground/trainer.ts';
import { ACTIVATIONS, DEFAULT_STATE, LOSSES, OPTIMIZERS, normalizeState, type PlaygroundState } from '../../../../site/lesson/playground/state.ts';

/** Seeded inputs in [-1.5, 1.5]² and targets for the loss: classes 0/1 for the cross-entropies, reals for MSE. */
function batch(loss: string, n: number, seed: number): { x: Float64Array; y: Float64Array } {
  const rng = new Random(seed);
  const x = Float64Array.from({ length: 2 * n }, () => rng.uniform(-1.5, 1.5));
  const y = Float64Array.from({ length: n }, () => (loss === 'mse' ? rng.normal(0, 1) : rng.int(2)));
  return { x, y };
}

/** The engine's loss of `model` on the rows of (x, y), as a graph ready for backward(). */
function engineLoss(model: MLP, loss: string, x: Float64Array, y: Float64Array, rows: number[]): Tensor {
  const inputs = Tensor.fromData(Float64Array.from(rows.flatMap((r) => [x[2 * r], x[2 * r + 1]])), [rows.length, 2]);
  const out = model.forward(inputs);
  const targets = rows.map((r) => y[r]);
  if (loss === 'cross-entropy') return crossEntropy(out, targets);
  const column = Tensor.fromData(Float64Array.from(targets), [rows.length, 1]);
  return loss === 'bce' ? binaryCrossEntropyWithLogits(out, column) : mseLoss(out, column);
}

const maxDifference = (a: MLP, b: MLP, what: 'data' | 'grad'): number => {
  const pa = a.parameters();
  const pb = b.parameters();
  let worst = 0;
  pa.forEach((p, i) => {
    const va = what === 'data' ? p.data : p.grad!.data;
    const vb = what === 'data' ? pb[i].data : pb[i].grad!.data;
    for (let k = 0; k < va.length; k++) worst = Math.max(worst, Math.abs(va[k] - vb[k]));
  });
  return worst;
};

const stateFor = (overrides: Partial<PlaygroundState>): PlaygroundState => normalizeState({ ...DEFAULT_STATE, layers: [5, 4], ...overrides });

describe('the fast MLP kernel', () => {
  for (const activation of ACTIVATIONS) {
    for (const loss of LOSSES) {
      test(`gives the engine's loss and gradients within 1e-12 for ${activation} with ${loss}, with and without dropout`, () => {
        for (const dropout of [0, 0.3]) {
          const state = stateFor({ activation, loss, dropout, init: 'xavier-normal' });
          const reference = makeModel(state, 2, new Random(7));
          const fast = makeModel(state, 2, new Random(7));
          const kernel = new FastMLP(fast, activation, loss, 16);
          const { x, y } = batch(loss, 12, 3);
          const rows = [3, 0, 7, 11, 5, 5, 2, 9, 1];
          const expected = engineLoss(reference, loss, x, y, rows);
          reference.zeroGrad();
          expected.backward();
          const got = kernel.trainBatch(x, y, rows);
          expect(Math.abs(got - expected.item())).toBeLessThan(1e-12);
          expect(maxDifference(reference, fast, 'grad')).toBeLessThan(1e-12);
        }
      });
    }
  }

  for (const optimizer of OPTIMIZERS) {
    test(`follows the engine's autograd within 1e-12 over five ${optimizer} steps of a 2-8-8-1 tanh network with weight decay and dropout`, () => {
      const state = stateFor({ activation: 'tanh', loss: 'bce', layers: [8, 8], dropout: 0.2, optimizer });
      const reference = makeModel(state, 2, new Random(11));
      const fast = makeModel(state, 2, new Random(11));
      const referenceOptimizer = makeOptimizer(optimizer, reference, 0.05, 0.01);
      const fastOptimizer = makeOptimizer(optimizer, fast, 0.05, 0.01);
      const kernel = new FastMLP(fast, 'tanh', 'bce', 16);
      const { x, y } = batch('bce', 40, 5);
      for (let step = 0; step < 5; step++) {
        const rows = Array.from({ length: 10 }, (_, i) => (step * 10 + i * 3) % 40);
        referenceOptimizer.zeroGrad();
        engineLoss(reference, 'bce', x, y, rows).backward();
        referenceOptimizer.step();
        kernel.trainBatch(x, y, rows);
        fastOptimizer.step();
      }
      expect(maxDifference(reference, fast, 'data')).toBeLessThan(1e-12);
      // The weights did move, so the comparison is not between two untouched networks.
      expect(maxDifference(reference, makeModel(state, 2, new Random(11)), 'data')).toBeGreaterThan(1e-3);
    });
  }

  test('reports the mean loss of a whole set and the class-1 probability, as the engine computes them', () => {
    const state = stateFor({ activation: 'relu', loss: 'cross-entropy' });
    const model = makeModel(state, 2, new Random(2));
    const kernel = new FastMLP(model, 'relu', 'cross-entropy', 8);
    const { x, y } = batch('cross-entropy', 30, 9);
    const rows = Array.from({ length: 30 }, (_, i) => i);
    model.eval();
    const expected = engineLoss(model, 'cross-entropy', x, y, rows).item();
    expect(Math.abs(kernel.meanLoss(x, y, 30) - expected)).toBeLessThan(1e-12);
    const probabilities = new Float32Array(30);
    kernel.predict(x, 30, probabilities);
    const logits = model.forward(Tensor.fromData(x, [30, 2])).data;
    const p0 = 1 / (1 + Math.exp(logits[0] - logits[1]));
    expect(probabilities[0]).toBeCloseTo(p0, 6);
  });
});
