// The L1 penalty's fast gradient (λ sign(w), added after backpropagation) equals autograd's gradient of λ Σ|w| through
// `abs`, including sign(0) = 0; a FastMLP step with it equals an autograd step of loss + λ Σ|W|.

import { describe, expect, test } from 'vitest';
import { FastMLP, MLP, Random, SGD, Tensor, abs, add, binaryCrossEntropyWithLogits, mul, sum } from '../../../engine/index.ts';
import { addL1Gradient, l1PenaltyValue } from '../../../engine/optim/l1-penalty.ts';

describe('the L1 penalty', () => {
  test('its gradient is λ sign(w), as autograd of λ Σ|w| (0 at w = 0)', () => {
    const values = [0.5, -2, 0, 3e-9, -0];
    const w = Tensor.fromData(Float64Array.from(values), [5], { requiresGrad: true });
    mul(sum(abs(w)), 0.3).backward();
    const fast = Tensor.fromData(Float64Array.from(values), [5], { requiresGrad: true });
    fast.grad = Tensor.fromData(new Float64Array(5), [5]);
    addL1Gradient([fast], 0.3);
    expect(Array.from(fast.grad.data)).toEqual(Array.from(w.grad!.data));
    expect(Array.from(fast.grad.data)).toEqual([0.3, -0.3, 0, 0.3, 0]);
    expect(l1PenaltyValue([fast], 0.3)).toBeCloseTo(0.3 * (0.5 + 2 + 3e-9), 15);
  });

  test('a FastMLP step with the penalty on the weights equals autograd on loss + λ Σ|W|', () => {
    const x = Float64Array.from({ length: 16 }, (_, i) => Math.sin(i + 1));
    const y = Float64Array.from([0, 1, 1, 0, 1, 0, 0, 1]);
    const lambda = 0.01;
    const fastModel = new MLP([2, 5, 1], { activation: 'tanh', rng: new Random(3) });
    const slowModel = new MLP([2, 5, 1], { activation: 'tanh', rng: new Random(3) });
    const weights = (m: MLP) => m.blocks.map((b) => b.linear.weight);
    const fastOpt = new SGD(fastModel.parameters(), { lr: 0.1 });
    const slowOpt = new SGD(slowModel.parameters(), { lr: 0.1 });
    const kernel = new FastMLP(fastModel, { loss: 'binaryCrossEntropyWithLogits', maxBatch: 8 });
    for (let step = 0; step < 5; step++) {
      kernel.trainBatch(x, y, [0, 1, 2, 3, 4, 5, 6, 7]);
      addL1Gradient(weights(fastModel), lambda);
      fastOpt.step();
      slowOpt.zeroGrad();
      const out = slowModel.forward(Tensor.fromData(x, [8, 2]));
      let loss = binaryCrossEntropyWithLogits(out, Tensor.fromData(y, [8, 1]));
      for (const w of weights(slowModel)) loss = add(loss, mul(sum(abs(w)), lambda));
      loss.backward();
      slowOpt.step();
    }
    const a = fastModel.parameters().flatMap((p) => Array.from(p.data));
    const b = slowModel.parameters().flatMap((p) => Array.from(p.data));
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-12);
  });

  test('bad λ and missing gradients are refused', () => {
    const w = Tensor.fromData(Float64Array.of(1), [1], { requiresGrad: true });
    expect(() => addL1Gradient([w], -1)).toThrow(/λ must be/);
    expect(() => addL1Gradient([w], NaN)).toThrow(/λ must be/);
    expect(() => addL1Gradient([w], 0.1)).toThrow(/no gradient/);
    expect(() => addL1Gradient([w], 0)).not.toThrow();
  });
});
