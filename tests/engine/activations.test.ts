import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import {
  elu,
  erf,
  gelu,
  gradcheck,
  hardtanh,
  identity,
  leakyRelu,
  logSoftmax,
  mish,
  prelu,
  relu,
  sigmoid,
  silu,
  softmax,
  softplus,
  step,
  tanh,
  tensor,
  type Tensor,
} from '../../engine/index.ts';
import { RBF } from '../../engine/formulas/activations.ts';
import { applyElementwise } from '../../engine/ops/activations.ts';
import { randomTensor, type RandomTensorOptions } from './random-tensor.ts';

const elementwise: [string, (x: Tensor) => Tensor, RandomTensorOptions][] = [
  ['identity', identity, {}],
  ['relu', relu, { avoid: [0] }],
  ['sigmoid', sigmoid, { low: -6, high: 6 }],
  ['tanh', tanh, {}],
  ['leaky relu', (x) => leakyRelu(x, 0.1), { avoid: [0] }],
  ['elu', (x) => elu(x, 0.7), { avoid: [0] }],
  ['gelu (erf)', (x) => gelu(x), { low: -4, high: 4 }],
  ['gelu (tanh)', (x) => gelu(x, 'tanh'), { low: -4, high: 4 }],
  ['silu', silu, { low: -5, high: 5 }],
  ['mish', mish, { low: -5, high: 5 }],
  ['softplus', softplus, { low: -5, high: 5 }],
  ['hardtanh', (x) => hardtanh(x, -1, 1), { avoid: [-1, 1] }],
  ['rbf (σ = 1)', (x) => applyElementwise(RBF, x, { sigma: 1 }), { low: -3, high: 3 }],
  ['rbf (σ = 0.5)', (x) => applyElementwise(RBF, x, { sigma: 0.5 }), { low: -1.5, high: 1.5 }],
  ['softmax along rows', (x) => softmax(x, -1), {}],
  ['softmax along columns', (x) => softmax(x, 0), {}],
  ['log-softmax along rows', (x) => logSoftmax(x, -1), {}],
  ['log-softmax along columns', (x) => logSoftmax(x, 0), {}],
];

const sigma = (v: number) => 1 / (1 + Math.exp(-v));

describe('activations', () => {
  test('values follow the formulas', () => {
    const xs = [-2, -0.5, 0, 0.5, 2];
    const x = tensor(xs);
    expect(relu(x).toArray()).toEqual(xs.map((v) => Math.max(0, v)));
    expect(leakyRelu(x, 0.2).toArray()).toEqual(xs.map((v) => (v > 0 ? v : 0.2 * v)));
    expect(elu(x, 2).toArray()).toEqual(xs.map((v) => (v > 0 ? v : 2 * Math.expm1(v))));
    expect(hardtanh(x, -1, 1).toArray()).toEqual(xs.map((v) => Math.min(1, Math.max(-1, v))));
    expect(step(x).toArray()).toEqual(xs.map((v) => (v >= 0 ? 1 : 0)));
    (sigmoid(x).toArray() as number[]).forEach((s, i) => expect(s).toBeCloseTo(sigma(xs[i]), 15));
    (silu(x).toArray() as number[]).forEach((s, i) => expect(s).toBeCloseTo(xs[i] * sigma(xs[i]), 15));
    (softplus(x).toArray() as number[]).forEach((s, i) => expect(s).toBeCloseTo(Math.log(1 + Math.exp(xs[i])), 15));
    (mish(x).toArray() as number[]).forEach((s, i) => expect(s).toBeCloseTo(xs[i] * Math.tanh(Math.log(1 + Math.exp(xs[i]))), 15));
    (gelu(x).toArray() as number[]).forEach((s, i) => expect(s).toBeCloseTo((xs[i] * (1 + erf(xs[i] / Math.SQRT2))) / 2, 15));
  });

  test('the radial basis unit is exp(−x²/σ²): 1 at its centre, e⁻¹ at distance σ, slope −(2x/σ²)·rbf(x)', () => {
    const x = tensor([0, 2, -2, 1], { requiresGrad: true });
    const y = applyElementwise(RBF, x, { sigma: 2 });
    const values = y.toArray() as number[];
    expect(values[0]).toBe(1);
    expect(values[1]).toBeCloseTo(Math.exp(-1), 15);
    expect(values[2]).toBe(values[1]);
    expect(values[3]).toBeCloseTo(Math.exp(-0.25), 15);
    y.sum().backward();
    // d/dx exp(−x²/4) = −(x/2) exp(−x²/4): 0 at the centre, −e⁻¹ at x = 2, +e⁻¹ at x = −2.
    const slopes = x.grad!.toArray() as number[];
    expect(slopes[0]).toBeCloseTo(0, 15);
    expect(slopes[1]).toBeCloseTo(-Math.exp(-1), 15);
    expect(slopes[2]).toBeCloseTo(Math.exp(-1), 15);
    expect(slopes[3]).toBeCloseTo(-0.5 * Math.exp(-0.25), 15);
    expect(() => applyElementwise(RBF, x, { sigma: 0 })).toThrow(/rbf: the width σ must be above 0/);
  });

  test('relu has derivative 0 at 0 and leaky relu uses its slope there', () => {
    const x = tensor([0, 1, -1], { requiresGrad: true });
    relu(x).sum().backward();
    expect(x.grad!.toArray()).toEqual([0, 1, 0]);
    const y = tensor([0, 1, -1], { requiresGrad: true });
    leakyRelu(y, 0.3).sum().backward();
    expect(y.grad!.toArray()).toEqual([0.3, 1, 0.3]);
  });

  test('step passes no gradient', () => {
    const x = tensor([1, -1], { requiresGrad: true });
    expect(step(x).requiresGrad).toBe(false);
  });

  test('sigmoid and softplus stay finite for logits of ±1000', () => {
    const x = tensor([-1000, 1000]);
    expect(sigmoid(x).toArray()).toEqual([0, 1]);
    expect(softplus(x).toArray()).toEqual([0, 1000]);
    expect(mish(x).toArray()).toEqual([-0, 1000]);
  });

  test('softmax rows sum to one and log-softmax is stable for logits of 1000', () => {
    const z = tensor([[1000, 1001, 1002], [-1000, 0, 1000]]);
    const s = softmax(z);
    for (const row of s.toArray() as number[][]) expect(row.reduce((a, b) => a + b)).toBeCloseTo(1, 15);
    const ls = logSoftmax(z).toArray() as number[][];
    expect(ls.flat().every(Number.isFinite)).toBe(true);
    // log-softmax is shift-invariant: row 0 equals log-softmax of [0, 1, 2].
    const reference = logSoftmax(tensor([0, 1, 2])).toArray() as number[];
    ls[0].forEach((v, j) => expect(v).toBeCloseTo(reference[j], 12));
  });

  test('prelu learns its slope: dL/da sums x over the non-positive inputs', () => {
    const x = tensor([[-1, 2], [-3, 4]], { requiresGrad: true });
    const a = tensor([0.25], { requiresGrad: true });
    prelu(x, a).sum().backward();
    expect(a.grad!.toArray()).toEqual([-1 + -3]);
    expect(x.grad!.toArray()).toEqual([[0.25, 1], [0.25, 1]]);
  });

  test('prelu with one slope per column passes gradcheck', () => {
    const rng = new Random(17);
    const result = gradcheck(prelu, [randomTensor(rng, [4, 3], { avoid: [0] }), randomTensor(rng, [3], { low: 0, high: 0.5 })]);
    expect(result.ok, JSON.stringify(result.worst)).toBe(true);
  });

  test('gelu rejects an unknown approximation', () => {
    expect(() => gelu(tensor([1]), 'fast' as 'tanh')).toThrow("gelu: approximate must be 'none' or 'tanh', got 'fast'");
  });

  for (const [name, f, range] of elementwise) {
    for (const shape of [[7], [3, 4]]) {
      test(`${name} on shape ${JSON.stringify(shape)} passes gradcheck`, () => {
        const x = randomTensor(new Random(name.length * 13 + shape.length), shape, range);
        const result = gradcheck(f, [x]);
        expect(result.ok, JSON.stringify(result.worst)).toBe(true);
      });
    }
  }
});
