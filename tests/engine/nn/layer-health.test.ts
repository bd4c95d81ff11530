import { describe, expect, test } from 'vitest';
import { MLP, Random, crossEntropy, gaussian, gradientTrend, heNormal, layerHealth, mseLoss, tensor, type Tensor } from '../../../engine/index.ts';

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

describe('gradient trend', () => {
  /** Layer health with these norms, nothing dead or saturated. */
  const withNorms = (norms: number[]) => norms.map((gradientNorm, i) => ({ layer: i + 1, gradientNorm, dead: null, saturated: null }));

  test('norms that shrink by 4× per layer towards the input: the last over the first is 4³ and the factor per layer 4', () => {
    const trend = gradientTrend(withNorms([1 / 64, 1 / 16, 1 / 4, 1]));
    expect(trend!.lastOverFirst).toBeCloseTo(64, 12);
    expect(trend!.perLayer).toBeCloseTo(4, 12);
  });

  test('the factor per layer is the geometric mean of the layer-to-layer ratios, whatever the layers between do', () => {
    const norms = [0.002, 0.5, 0.01, 0.3, 0.07];
    const ratios = norms.slice(1).map((n, i) => n / norms[i]);
    const mean = ratios.reduce((p, r) => p * r, 1) ** (1 / ratios.length);
    expect(gradientTrend(withNorms(norms))!.perLayer).toBeCloseTo(mean, 12);
  });

  test('growing norms give a factor below 1; one layer, a zero or an infinite norm give no trend', () => {
    expect(gradientTrend(withNorms([100, 10, 1]))!.perLayer).toBeCloseTo(0.1, 12);
    expect(gradientTrend(withNorms([1]))).toBeNull();
    expect(gradientTrend(withNorms([0, 1]))).toBeNull();
    expect(gradientTrend(withNorms([1, Infinity]))).toBeNull();
    expect(gradientTrend(withNorms([NaN, 1]))).toBeNull();
  });

  test('on a measured 20-layer sigmoid network it agrees with layerHealth’s own first and last norms', () => {
    const model = new MLP([10, ...Array(19).fill(32), 1], { activation: 'sigmoid', init: gaussian(1), seed: 3 });
    const health = layerHealth(model, batch(64, 10), (out) => mseLoss(out, tensor(Array.from({ length: 64 }, (_, i) => [i % 2]))));
    const trend = gradientTrend(health)!;
    expect(trend.lastOverFirst).toBe(health[19].gradientNorm / health[0].gradientNorm);
    expect(trend.perLayer ** 19).toBeCloseTo(trend.lastOverFirst, 6);
  });
});
