import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { add, gradcheck, linear, matmul, tensor, transpose } from '../../engine/index.ts';
import { randomTensor } from './random-tensor.ts';

describe('linear', () => {
  test('linear(x, W, b) equals x Wᵀ + b', () => {
    const rng = new Random(3);
    const x = randomTensor(rng, [5, 4], { requiresGrad: false });
    const W = randomTensor(rng, [3, 4], { requiresGrad: false });
    const b = randomTensor(rng, [3], { requiresGrad: false });
    const want = add(matmul(x, transpose(W)), b).data;
    linear(x, W, b).data.forEach((v, i) => expect(v).toBeCloseTo(want[i], 14));
  });

  test('the bias is optional and a single sample is a vector', () => {
    const W = tensor([[1, 2], [3, 4], [5, 6]]);
    expect(linear(tensor([1, -1]), W).toArray()).toEqual([-1, -1, -1]);
    expect(linear(tensor([[1, -1]]), W, tensor([1, 2, 3])).toArray()).toEqual([[0, 1, 2]]);
  });

  test('mismatched sizes name the input and weight shapes', () => {
    expect(() => linear(tensor([[1, 2, 3]]), tensor([[1, 2]]))).toThrow(
      'linear: the input has shape [1, 3] but the weight [1, 2] expects 2 input features',
    );
    expect(() => linear(tensor([[1, 2]]), tensor([[1, 2]]), tensor([1, 2]))).toThrow('linear: the bias has shape [2]');
  });

  for (const [batch, inF, outF] of [[1, 2, 3], [4, 5, 3], [6, 9, 7], [2, 3, 1]]) {
    test(`linear with a batch of ${batch}, ${inF} inputs and ${outF} outputs passes gradcheck`, () => {
      const rng = new Random(batch * 31 + inF + outF);
      const result = gradcheck(linear, [randomTensor(rng, [batch, inF]), randomTensor(rng, [outF, inF]), randomTensor(rng, [outF])]);
      expect(result.ok, JSON.stringify(result.worst)).toBe(true);
    });
  }
});
