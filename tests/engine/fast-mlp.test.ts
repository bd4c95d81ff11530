// The fused fast path of MLP (engine/nn/fast-mlp.ts) against the engine's autograd: the same losses, gradients
// and training steps, for every activation and loss of the registry it runs, with and without dropout and L2, on
// seeded random networks of several shapes.

import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { Tensor } from '../../engine/tensor.ts';
import { MLP } from '../../engine/nn/mlp.ts';
import { Activation } from '../../engine/nn/activation.ts';
import { FastMLP, FAST_MLP_ACTIVATIONS } from '../../engine/nn/fast-mlp.ts';
import { xavierNormal } from '../../engine/nn/init.ts';
import { LOSS_FUNCTIONS, type LossFunctionName } from '../../engine/formulas/losses.ts';
import { parameterValues, type ActivationName } from '../../engine/formulas/activations.ts';
import { applyClassLoss, applyPairLoss } from '../../engine/ops/losses.ts';
import { dropoutMask } from '../../engine/ops/dropout.ts';
import { Adagrad, Adam, AdamW, RMSprop, SGD, type Optimizer } from '../../engine/optim/index.ts';

const LOSSES = Object.keys(LOSS_FUNCTIONS) as LossFunctionName[];

/** The output activation a loss needs: a probability for binary cross-entropy on probabilities, else raw outputs. */
const outputActivationFor = (loss: LossFunctionName): ActivationName => (loss === 'binaryCrossEntropy' ? 'sigmoid' : 'identity');

/**
 * Seeded inputs in [-1.5, 1.5] and targets for the loss: class indices for the class losses, else one target per
 * output (reals for MSE, 0/1 for the cross-entropies, ±1 for the hinge).
 */
function batch(loss: LossFunctionName, n: number, inputs: number, outputs: number, seed: number): { x: Float64Array; y: Float64Array } {
  const rng = new Random(seed);
  const x = Float64Array.from({ length: inputs * n }, () => rng.uniform(-1.5, 1.5));
  const entry = LOSS_FUNCTIONS[loss];
  const target = (): number => {
    if (loss === 'mseLoss') return rng.normal(0, 1);
    if (loss === 'hingeLoss') return rng.int(2) === 0 ? -1 : 1;
    return rng.int(2);
  };
  const y = entry.kind === 'class' ? Float64Array.from({ length: n }, () => rng.int(outputs)) : Float64Array.from({ length: n * outputs }, target);
  return { x, y };
}

/** The engine's loss of `model` on the rows of (x, y), as a graph ready for backward(). */
function engineLoss(model: MLP, loss: LossFunctionName, x: Float64Array, y: Float64Array, rows: number[]): Tensor {
  const inputs = model.sizes[0];
  const outputs = model.sizes[model.sizes.length - 1];
  const input = Tensor.fromData(Float64Array.from(rows.flatMap((r) => Array.from(x.subarray(r * inputs, (r + 1) * inputs)))), [rows.length, inputs]);
  const out = model.forward(input);
  const entry = LOSS_FUNCTIONS[loss];
  if (entry.kind === 'class') return applyClassLoss(entry, out, rows.map((r) => y[r]));
  const targets = Tensor.fromData(Float64Array.from(rows.flatMap((r) => Array.from(y.subarray(r * outputs, (r + 1) * outputs)))), [rows.length, outputs]);
  return applyPairLoss(entry, out, targets, parameterValues(entry));
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

/** Two copies of one seeded network. */
function twins(sizes: number[], activation: ActivationName, outputActivation: ActivationName, dropout: number, seed: number): [MLP, MLP] {
  const make = () => new MLP(sizes, { activation, outputActivation, dropout: dropout > 0 ? dropout : undefined, init: xavierNormal(), rng: new Random(seed) });
  return [make(), make()];
}

/** The optimizers of the Playground's list (momentum and Nesterov are SGD with μ = 0.9), and AdamW, with weight decay λ. */
const OPTIMIZERS: Record<string, (model: MLP, lr: number, weightDecay: number) => Optimizer> = {
  sgd: (m, lr, weightDecay) => new SGD(m.parameters(), { lr, weightDecay }),
  momentum: (m, lr, weightDecay) => new SGD(m.parameters(), { lr, weightDecay, momentum: 0.9 }),
  nesterov: (m, lr, weightDecay) => new SGD(m.parameters(), { lr, weightDecay, momentum: 0.9, nesterov: true }),
  adagrad: (m, lr, weightDecay) => new Adagrad(m.parameters(), { lr, weightDecay }),
  rmsprop: (m, lr, weightDecay) => new RMSprop(m.parameters(), { lr, weightDecay }),
  adam: (m, lr, weightDecay) => new Adam(m.parameters(), { lr, weightDecay }),
  adamw: (m, lr, weightDecay) => new AdamW(m.parameters(), { lr, weightDecay }),
};

describe('the fast MLP kernel', () => {
  test('runs every differentiable elementwise activation of the registry, and is given every loss', () => {
    expect([...FAST_MLP_ACTIVATIONS].sort()).toEqual(
      ['elu', 'gelu', 'geluTanh', 'hardtanh', 'identity', 'leakyRelu', 'mish', 'rbf', 'relu', 'sigmoid', 'silu', 'softplus', 'tanh'],
    );
    expect(LOSSES.sort()).toEqual(['binaryCrossEntropy', 'binaryCrossEntropyWithLogits', 'crossEntropy', 'hingeLoss', 'mseLoss', 'nllLoss']);
  });

  for (const activation of FAST_MLP_ACTIVATIONS) {
    for (const loss of LOSSES) {
      test(`gives the engine's loss and gradients within 1e-12 for ${activation} with ${loss}, with and without dropout, on seeded networks of three shapes`, () => {
        const outputs = LOSS_FUNCTIONS[loss].kind === 'class' ? 3 : 2;
        for (const sizes of [[2, 5, 4, outputs], [3, 6, outputs], [2, 1]]) {
          for (const dropout of [0, 0.3]) {
            for (const seed of [7, 8, 9]) {
              const [reference, fast] = twins(sizes, activation, outputActivationFor(loss), dropout, seed);
              const kernel = new FastMLP(fast, { loss, maxBatch: 16 });
              const { x, y } = batch(loss, 12, sizes[0], sizes[sizes.length - 1], seed + 100);
              const rows = [3, 0, 7, 11, 5, 5, 2, 9, 1];
              const expected = engineLoss(reference, loss, x, y, rows);
              reference.zeroGrad();
              expected.backward();
              const got = kernel.trainBatch(x, y, rows);
              expect(Number.isFinite(got)).toBe(true);
              expect(Math.abs(got - expected.item())).toBeLessThan(1e-12);
              expect(maxDifference(reference, fast, 'grad')).toBeLessThan(1e-12);
            }
          }
        }
      });

      test(`follows autograd within 1e-12 over three SGD steps for ${activation} with ${loss}, with and without dropout and L2`, () => {
        const outputs = LOSS_FUNCTIONS[loss].kind === 'class' ? 3 : 1;
        const sizes = [2, 6, 5, outputs];
        for (const dropout of [0, 0.2]) {
          for (const weightDecay of [0, 0.01]) {
            const [reference, fast] = twins(sizes, activation, outputActivationFor(loss), dropout, 21);
            const referenceOptimizer = OPTIMIZERS.momentum(reference, 0.05, weightDecay);
            const fastOptimizer = OPTIMIZERS.momentum(fast, 0.05, weightDecay);
            const kernel = new FastMLP(fast, { loss, maxBatch: 16 });
            const { x, y } = batch(loss, 30, 2, outputs, 4);
            for (let step = 0; step < 3; step++) {
              const rows = Array.from({ length: 10 }, (_, i) => (step * 10 + i * 7) % 30);
              referenceOptimizer.zeroGrad();
              const expected = engineLoss(reference, loss, x, y, rows);
              expected.backward();
              referenceOptimizer.step();
              expect(Math.abs(kernel.trainBatch(x, y, rows) - expected.item())).toBeLessThan(1e-12);
              fastOptimizer.step();
            }
            expect(maxDifference(reference, fast, 'data')).toBeLessThan(1e-12);
          }
        }
      });
    }
  }

  for (const outputActivation of FAST_MLP_ACTIVATIONS) {
    test(`applies ${outputActivation} after the last layer as autograd does`, () => {
      for (const seed of [1, 2]) {
        const [reference, fast] = twins([2, 4, 3], 'tanh', outputActivation, 0.25, seed);
        const kernel = new FastMLP(fast, { loss: 'mseLoss', maxBatch: 8 });
        const { x, y } = batch('mseLoss', 8, 2, 3, seed);
        const rows = [0, 1, 2, 3, 4, 5, 6, 7];
        const expected = engineLoss(reference, 'mseLoss', x, y, rows);
        reference.zeroGrad();
        expected.backward();
        expect(Math.abs(kernel.trainBatch(x, y, rows) - expected.item())).toBeLessThan(1e-12);
        expect(maxDifference(reference, fast, 'grad')).toBeLessThan(1e-12);
      }
    });
  }

  for (const optimizer of Object.keys(OPTIMIZERS)) {
    test(`follows the engine's autograd within 1e-12 over five ${optimizer} steps of a 2-8-8-1 tanh network with weight decay and dropout`, () => {
      const [reference, fast] = twins([2, 8, 8, 1], 'tanh', 'identity', 0.2, 11);
      const referenceOptimizer = OPTIMIZERS[optimizer](reference, 0.05, 0.01);
      const fastOptimizer = OPTIMIZERS[optimizer](fast, 0.05, 0.01);
      const kernel = new FastMLP(fast, { loss: 'binaryCrossEntropyWithLogits', maxBatch: 16 });
      const { x, y } = batch('binaryCrossEntropyWithLogits', 40, 2, 1, 5);
      for (let step = 0; step < 5; step++) {
        const rows = Array.from({ length: 10 }, (_, i) => (step * 10 + i * 3) % 40);
        referenceOptimizer.zeroGrad();
        engineLoss(reference, 'binaryCrossEntropyWithLogits', x, y, rows).backward();
        referenceOptimizer.step();
        kernel.trainBatch(x, y, rows);
        fastOptimizer.step();
      }
      expect(maxDifference(reference, fast, 'data')).toBeLessThan(1e-12);
      // The weights did move, so the comparison is not between two untouched networks.
      expect(maxDifference(reference, twins([2, 8, 8, 1], 'tanh', 'identity', 0.2, 11)[0], 'data')).toBeGreaterThan(1e-3);
    });
  }

  test('skips the inputs that are exactly zero and still gives autograd\'s losses, gradients, steps and outputs (mostly-background images)', () => {
    for (const loss of ['crossEntropy', 'mseLoss'] as const) {
      for (const dropout of [0, 0.3]) {
        const outputs = loss === 'crossEntropy' ? 4 : 2;
        const [reference, fast] = twins([30, 12, outputs], 'relu', 'identity', dropout, 5);
        const kernel = new FastMLP(fast, { loss, maxBatch: 16 });
        const { x, y } = batch(loss, 12, 30, outputs, 42);
        // About 80% of the inputs exactly zero, as on MNIST; one row all zero and one with none.
        const rng = new Random(3);
        for (let e = 0; e < x.length; e++) if (rng.next() < 0.8) x[e] = 0;
        x.fill(0, 0, 30);
        for (let j = 0; j < 30; j++) x[30 + j] = 0.5 + j / 60;
        const rows = [0, 1, 7, 11, 5, 5, 2, 9];
        const optimizers = [new Adam(reference.parameters(), { lr: 0.01 }), new Adam(fast.parameters(), { lr: 0.01 })];
        for (let step = 0; step < 3; step++) {
          optimizers[0].zeroGrad();
          const expected = engineLoss(reference, loss, x, y, rows);
          expected.backward();
          const got = kernel.trainBatch(x, y, rows);
          expect(Math.abs(got - expected.item())).toBeLessThan(1e-12);
          expect(maxDifference(reference, fast, 'grad')).toBeLessThan(1e-12);
          optimizers[0].step();
          optimizers[1].step();
          expect(maxDifference(reference, fast, 'data')).toBeLessThan(1e-12);
        }
        reference.eval();
        fast.eval();
        const out = new Float64Array(12 * outputs);
        kernel.predict(x, 12, out);
        const engineOut = reference.forward(Tensor.fromData(x, [12, 30])).data;
        out.forEach((v, e) => expect(Math.abs(v - engineOut[e])).toBeLessThan(1e-12));
      }
    }
  });

  test('reports the mean loss of a whole set and the outputs, as the engine computes them', () => {
    const [model] = twins([2, 5, 4, 2], 'relu', 'identity', 0, 2);
    const kernel = new FastMLP(model, { loss: 'crossEntropy', maxBatch: 8 });
    const { x, y } = batch('crossEntropy', 30, 2, 2, 9);
    const rows = Array.from({ length: 30 }, (_, i) => i);
    model.eval();
    const expected = engineLoss(model, 'crossEntropy', x, y, rows).item();
    expect(Math.abs(kernel.meanLoss(x, y, 30) - expected)).toBeLessThan(1e-12);
    const outputs = new Float64Array(60);
    kernel.predict(x, 30, outputs);
    const logits = model.forward(Tensor.fromData(x, [30, 2])).data;
    for (let i = 0; i < 60; i++) expect(Math.abs(outputs[i] - logits[i])).toBeLessThan(1e-12);
    const p0 = 1 / (1 + Math.exp(logits[0] - logits[1]));
    expect(1 / (1 + Math.exp(outputs[0] - outputs[1]))).toBeCloseTo(p0, 6);
  });

  test('draws no dropout masks once the model is in evaluation mode, as the engine does', () => {
    const [reference, fast] = twins([2, 6, 1], 'silu', 'identity', 0.5, 3);
    reference.eval();
    fast.eval();
    const kernel = new FastMLP(fast, { loss: 'mseLoss', maxBatch: 8 });
    const { x, y } = batch('mseLoss', 8, 2, 1, 3);
    const rows = [0, 1, 2, 3, 4, 5, 6, 7];
    const expected = engineLoss(reference, 'mseLoss', x, y, rows);
    reference.zeroGrad();
    expected.backward();
    expect(Math.abs(kernel.trainBatch(x, y, rows) - expected.item())).toBeLessThan(1e-12);
    expect(maxDifference(reference, fast, 'grad')).toBeLessThan(1e-12);
    expect(reference.blocks[0].dropout!.rng.next()).toBe(fast.blocks[0].dropout!.rng.next());
  });

  test('reports the dropout mask of its last training pass, row by row, as the engine drew it', () => {
    const [reference, fast] = twins([2, 6, 5, 1], 'tanh', 'identity', 0.4, 7);
    const kernel = new FastMLP(fast, { loss: 'mseLoss', maxBatch: 4 });
    const { x, y } = batch('mseLoss', 4, 2, 1, 7);
    kernel.trainBatch(x, y, [0, 1, 2, 3]);
    // The engine draws layer 1's mask for all rows, then layer 2's, each from its own Dropout's generator.
    const first = new Float64Array(4 * 6);
    const second = new Float64Array(4 * 5);
    dropoutMask(first, first.length, 0.4, reference.blocks[0].dropout!.rng);
    dropoutMask(second, second.length, 0.4, reference.blocks[1].dropout!.rng);
    for (let row = 0; row < 4; row++) {
      expect(Array.from(kernel.dropoutMask(1, row)!)).toEqual(Array.from(first.slice(row * 6, row * 6 + 6)));
      expect(Array.from(kernel.dropoutMask(2, row)!)).toEqual(Array.from(second.slice(row * 5, row * 5 + 5)));
    }
    expect(() => kernel.dropoutMask(3, 0)).toThrow(/layer 3 is not a hidden layer/);
    fast.eval();
    kernel.trainBatch(x, y, [0, 1, 2, 3]);
    expect(kernel.dropoutMask(1, 0)).toBeNull();
  });

  test("gives every neuron's value, layer by layer, as the engine's forward pass computes them", () => {
    for (const [sizes, activation, outputActivation] of [
      [[3, 5, 4, 2], 'tanh', 'identity'],
      [[2, 6, 1], 'relu', 'sigmoid'],
    ] as const) {
      const [model] = twins([...sizes], activation, outputActivation, 0.3, 4);
      model.eval();
      const kernel = new FastMLP(model, { loss: outputActivation === 'sigmoid' ? 'binaryCrossEntropy' : 'mseLoss', maxBatch: 8 });
      const n = 19;
      const { x } = batch('mseLoss', n, sizes[0], 1, 5);
      const out = sizes.map((width) => new Float64Array(n * width));
      kernel.neuronValues(x, n, out);
      // The engine, block by block: Linear, then the block's activation (none for the identity).
      let h = Tensor.fromData(x, [n, sizes[0]]);
      expect(Array.from(out[0])).toEqual(Array.from(x));
      model.blocks.forEach((block, k) => {
        h = block.linear.forward(h);
        if (block.activation !== 'identity') h = new Activation(block.activation).forward(h);
        h.data.forEach((v, e) => expect(Math.abs(out[k + 1][e] - v)).toBeLessThan(1e-12));
      });
    }
    const kernel = new FastMLP(new MLP([2, 3, 1]), { loss: 'mseLoss' });
    expect(() => kernel.neuronValues(new Float64Array(4), 2, [new Float64Array(4)])).toThrow(/one array per layer \(3\)/);
    expect(() => kernel.neuronValues(new Float64Array(4), 2, [new Float64Array(4), new Float64Array(5), new Float64Array(2)])).toThrow(/layer 1 holds 5 values/);
  });

  test("reads the model's parameters live: a weight set on the model changes the kernel's next outputs and loss", () => {
    const [model] = twins([2, 4, 1], 'tanh', 'identity', 0, 6);
    const kernel = new FastMLP(model, { loss: 'mseLoss', maxBatch: 8 });
    const { x, y } = batch('mseLoss', 8, 2, 1, 6);
    const before = kernel.meanLoss(x, y, 8);
    const weight = model.blocks[1].linear.weight;
    weight.data[2] += 1.5;
    model.blocks[0].linear.bias!.data[1] = -0.75;
    const expected = engineLoss(model, 'mseLoss', x, y, [0, 1, 2, 3, 4, 5, 6, 7]).item();
    const after = kernel.meanLoss(x, y, 8);
    expect(after).not.toBe(before);
    expect(Math.abs(after - expected)).toBeLessThan(1e-12);
  });

  test('refuses what it cannot run with a message naming it', () => {
    expect(() => new FastMLP(new MLP([2, 3, 2], { outputActivation: 'softmax' }), { loss: 'mseLoss' })).toThrow(/output activation 'softmax' is not one it runs/);
    expect(() => new FastMLP(new MLP([2, 3, 1], { activation: 'step' }), { loss: 'mseLoss' })).toThrow(/hidden activation 'step'/);
    expect(() => new FastMLP(new MLP([2, 1]), { loss: 'huber' as LossFunctionName })).toThrow(/unknown loss 'huber'/);
    const kernel = new FastMLP(new MLP([2, 3, 2]), { loss: 'crossEntropy', maxBatch: 2 });
    expect(() => kernel.trainBatch(new Float64Array(6), new Float64Array(3), [0, 1, 2])).toThrow(/a batch of 3 rows is more than the 2/);
    expect(() => kernel.trainBatch(new Float64Array(4), Float64Array.of(0, 2), [0, 1])).toThrow(/class 2 is not an index between 0 and 1/);
  });
});
