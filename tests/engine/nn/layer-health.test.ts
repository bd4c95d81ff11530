import { describe, expect, test } from 'vitest';
import { MLP, Random, crossEntropy, gaussian, heNormal, layerHealth, mseLoss, tensor, type Tensor } from '../../../engine/index.ts';

/** A seeded batch of `n` examples with `d` features, standard normal. */
function batch(n: number, d: number, seed = 1): Tensor {
  const rng = new Random(seed);
  return tensor(Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal())));
}

describe('layer health', () => {
  test('the gradient norms are those of an ordinary forward and backward pass', () => {
    const model = new MLP([4, 6, 5, 3], { activation: 'tanh', seed: 2 });
    const x = batch(8, 4);
    const labels = [0, 1, 2, 0, 1, 2, 0, 1];
    const health = layerHealth(model, x, (out) => crossEntropy(out, labels));
    model.zeroGrad();
    crossEntropy(model.forward(x), labels).backward();
    const norms = model.blocks.map((b) => Math.hypot(...b.linear.weight.grad!.data));
    expect(health.map((h) => h.layer)).toEqual([1, 2, 3]);
    health.forEach((h, i) => expect(h.gradientNorm).toBeCloseTo(norms[i], 12));
    expect(health[2]).toMatchObject({ dead: null, saturated: null });
  });

  test('a 20-layer sigmoid network with Gaussian weights: the first layer’s gradient is over 100× smaller than the last’s', () => {
    const model = new MLP([10, ...Array(19).fill(32), 1], { activation: 'sigmoid', init: gaussian(0.1), seed: 3 });
    const x = batch(64, 10);
    const health = layerHealth(model, x, (out) => mseLoss(out, tensor(Array.from({ length: 64 }, (_, i) => [i % 2]))));
    expect(health[health.length - 1].gradientNorm / health[0].gradientNorm).toBeGreaterThan(100);
    for (const h of health.slice(0, -1)) expect(h.dead).toBe(0);
  });

  test('the same depth with ReLU and He weights: first and last within 10×', () => {
    const model = new MLP([10, ...Array(19).fill(32), 1], { activation: 'relu', init: heNormal(), seed: 3 });
    const x = batch(64, 10);
    const health = layerHealth(model, x, (out) => mseLoss(out, tensor(Array.from({ length: 64 }, (_, i) => [i % 2]))));
    const ratio = health[health.length - 1].gradientNorm / health[0].gradientNorm;
    expect(ratio).toBeLessThan(10);
    expect(ratio).toBeGreaterThan(0.1);
  });

  test('a ReLU unit whose input is negative on every example is dead; a sigmoid with huge weights is saturated', () => {
    const relu = new MLP([2, 4, 1], { activation: 'relu', seed: 1 });
    // Two units' biases far below anything the inputs reach: they are off for every example.
    relu.blocks[0].linear.bias!.data.set([-100, -100, 0, 0]);
    const [hidden] = layerHealth(relu, batch(16, 2), (out) => out.sum());
    expect(hidden.dead).toBeCloseTo(0.5, 12);
    expect(hidden.saturated).toBeNull();
    const sigmoid = new MLP([2, 4, 1], { activation: 'sigmoid', init: gaussian(50), seed: 1 });
    const [squashed] = layerHealth(sigmoid, batch(16, 2), (out) => out.sum());
    expect(squashed.saturated).toBeGreaterThan(0.8);
    expect(squashed.dead).toBe(0);
  });
});
