import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  gradcheck,
  hingeLoss,
  logSoftmax,
  mseLoss,
  nllLoss,
  sigmoid,
  tensor,
  Tensor,
} from '../../engine/index.ts';
import { randomTensor } from './random-tensor.ts';

describe('losses', () => {
  test('mse is the mean of squared differences', () => {
    const p = tensor([[1, 2], [3, 4]]);
    const t = tensor([[1, 0], [5, 4]]);
    expect(mseLoss(p, t).item()).toBe((0 + 4 + 4 + 0) / 4);
  });

  test('binary cross-entropy on probabilities and on logits agree', () => {
    const z = tensor([[-2], [0.5], [3]]);
    const y = tensor([[0], [1], [1]]);
    expect(binaryCrossEntropyWithLogits(z, y).item()).toBeCloseTo(binaryCrossEntropy(sigmoid(z), y).item(), 14);
  });

  test('binary cross-entropy with logits is finite for logits of ±1000', () => {
    const loss = binaryCrossEntropyWithLogits(tensor([1000, -1000]), tensor([0, 1]));
    expect(loss.item()).toBe(1000);
  });

  test('binary cross-entropy clamps ln 0 at -100 as PyTorch does', () => {
    expect(binaryCrossEntropy(tensor([0]), tensor([1])).item()).toBe(100);
  });

  test('cross-entropy on logits equals nll of log-softmax and is stable for logits near 1000', () => {
    const z = tensor([[1000, 999, 998], [0.1, 0.2, -0.3]]);
    const classes = [2, 0];
    const ce = crossEntropy(z, classes).item();
    expect(Number.isFinite(ce)).toBe(true);
    expect(ce).toBeCloseTo(nllLoss(logSoftmax(z), classes).item(), 12);
  });

  test('class indices may be an int tensor and must be in range', () => {
    const z = tensor([[1, 2], [3, 4]]);
    expect(crossEntropy(z, tensor([1, 0])).item()).toBe(crossEntropy(z, [1, 0]).item());
    expect(() => crossEntropy(z, [0, 2])).toThrow('cross_entropy: class 2 at row 1 is not an index between 0 and 1');
    expect(() => nllLoss(z, [0])).toThrow('nll_loss: 2 rows of scores need 2 class indices, got 1 values');
  });

  test('hinge loss is zero beyond the margin and linear inside it', () => {
    const s = tensor([2, 0.5, -1]);
    const y = tensor([1, 1, 1]);
    expect(hingeLoss(s, y).item()).toBe((0 + 0.5 + 2) / 3);
  });

  test('cross-entropy of one sample works on a vector of logits', () => {
    const z = tensor([1, 2, 3]);
    expect(crossEntropy(z, [2]).item()).toBeCloseTo(-(logSoftmax(z).toArray() as number[])[2], 15);
  });

  const rng = new Random(99);
  const cases: [string, (p: Tensor) => Tensor, Tensor][] = [
    ['mse', (p) => mseLoss(p, randomTensor(new Random(1), [4, 3], { requiresGrad: false })), randomTensor(rng, [4, 3])],
    ['mse against a broadcast target', (p) => mseLoss(p, tensor([0.5, -0.5, 1])), randomTensor(rng, [4, 3])],
    ['binary cross-entropy', (p) => binaryCrossEntropy(p, tensor([[0], [1], [1], [0]])), randomTensor(rng, [4, 1], { low: 0.1, high: 0.9 })],
    ['binary cross-entropy with logits', (z) => binaryCrossEntropyWithLogits(z, tensor([[0], [1], [0.3], [1]])), randomTensor(rng, [4, 1], { low: -4, high: 4 })],
    ['cross-entropy', (z) => crossEntropy(z, [0, 2, 1, 2]), randomTensor(rng, [4, 3])],
    ['nll', (lp) => nllLoss(lp, [1, 0, 2, 2]), randomTensor(rng, [4, 3])],
    ['hinge', (s) => hingeLoss(s, tensor([1, -1, 1, -1, 1])), randomTensor(rng, [5], { avoid: [1, -1] })],
  ];
  for (const [name, f, x] of cases) {
    test(`${name} passes gradcheck`, () => {
      const result = gradcheck(f, [x]);
      expect(result.ok, JSON.stringify(result.worst)).toBe(true);
    });
  }

  test('reduction sum and none give the total and the per-element or per-sample losses', () => {
    const p = tensor([[1, 2], [3, 4]]);
    const t = tensor([[0, 0], [0, 0]]);
    expect(mseLoss(p, t, 'sum').item()).toBe(1 + 4 + 9 + 16);
    expect(mseLoss(p, t, 'none').toArray()).toEqual([[1, 4], [9, 16]]);
    const z = tensor([[0.5, -1, 2], [1, 1, 1]]);
    const perSample = crossEntropy(z, [2, 0], 'none');
    expect(perSample.shape).toEqual([2]);
    const [a, b] = perSample.toArray() as number[];
    expect(crossEntropy(z, [2, 0], 'sum').item()).toBe(a + b);
    expect(crossEntropy(z, [2, 0]).item()).toBe((a + b) / 2);
    expect(nllLoss(z, [1, 2], 'none').toArray()).toEqual([1, -1]);
    expect(() => mseLoss(p, t, 'average' as 'sum')).toThrow("mse_loss: reduction must be 'mean', 'sum' or 'none', got 'average'");
  });

  for (const reduction of ['sum', 'none'] as const) {
    test(`losses with reduction ${reduction} pass gradcheck`, () => {
      const r = new Random(reduction.length);
      const weights = randomTensor(r, [4], { requiresGrad: false });
      // Weight the unreduced losses so every element's gradient is checked.
      const reduce = (l: Tensor) => (reduction === 'none' ? l.mul(l.ndim === 2 ? tensor([[1], [2], [3], [4]]) : weights).sum() : l);
      expect(gradcheck((z) => reduce(crossEntropy(z, [0, 2, 1, 1], reduction)), [randomTensor(r, [4, 3])]).ok).toBe(true);
      expect(gradcheck((z) => reduce(nllLoss(z, [0, 2, 1, 1], reduction)), [randomTensor(r, [4, 3])]).ok).toBe(true);
      expect(gradcheck((z) => reduce(binaryCrossEntropyWithLogits(z, tensor([[0], [1], [1], [0]]), reduction)), [randomTensor(r, [4, 1])]).ok).toBe(true);
      expect(gradcheck((p) => reduce(mseLoss(p, tensor([[1], [2], [3], [4]]), reduction)), [randomTensor(r, [4, 1])]).ok).toBe(true);
    });
  }

  test('the targets of mse and binary cross-entropy get gradients too', () => {
    const r = new Random(5);
    expect(gradcheck((p, t) => mseLoss(p, t), [randomTensor(r, [3, 2]), randomTensor(r, [3, 2])]).ok).toBe(true);
    expect(gradcheck((z, y) => binaryCrossEntropyWithLogits(z, y), [randomTensor(r, [3]), randomTensor(r, [3], { low: 0, high: 1 })]).ok).toBe(true);
  });
});
