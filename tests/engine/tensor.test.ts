import { describe, expect, test } from 'vitest';
import { Tensor, full, noGrad, ones, tensor, zeros, isGradEnabled } from '../../engine/tensor.ts';
import { add, mul, tanh, sum } from '../../engine/index.ts';

describe('Tensor', () => {
  test('tensor reads numbers, vectors and matrices with their shapes', () => {
    expect(tensor(3).shape).toEqual([]);
    expect(tensor([1, 2, 3]).shape).toEqual([3]);
    const m = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(m.shape).toEqual([2, 3]);
    expect(m.size).toBe(6);
    expect(m.ndim).toBe(2);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.data).toBeInstanceOf(Float64Array);
  });

  test('toArray follows the shape', () => {
    expect(tensor(3).toArray()).toBe(3);
    expect(tensor([1, 2]).toArray()).toEqual([1, 2]);
    expect(tensor([[1, 2], [3, 4]]).toArray()).toEqual([[1, 2], [3, 4]]);
  });

  test('item returns the value of a one-element tensor and explains otherwise', () => {
    expect(tensor(2.5).item()).toBe(2.5);
    expect(tensor([[7]]).item()).toBe(7);
    expect(() => tensor([1, 2, 3]).item()).toThrow('item: the tensor has shape [3]; only a tensor with one element has a single value');
  });

  test('ragged rows are rejected with the row that differs', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow('tensor: row 1 has 1 values but row 0 has 2');
  });

  test('fromData checks that the data fills the shape', () => {
    expect(() => Tensor.fromData(new Float64Array(5), [2, 3])).toThrow('tensor: 5 values cannot fill shape [2, 3] (6 values)');
    expect(() => Tensor.fromData(new Float64Array(8), [2, 2, 2])).toThrow('has 3 dimensions; tensors have at most 2');
  });

  test('zeros, ones and full fill a shape', () => {
    expect(zeros([2, 2]).toArray()).toEqual([[0, 0], [0, 0]]);
    expect(ones([3]).toArray()).toEqual([1, 1, 1]);
    expect(full([], 4).toArray()).toBe(4);
  });

  test('backward on a scalar fills the gradient of every input', () => {
    const x = tensor(3, { requiresGrad: true });
    const y = tensor(4, { requiresGrad: true });
    const z = x.mul(y).add(x);
    z.backward();
    // dz/dx = y + 1, dz/dy = x
    expect(x.grad!.item()).toBe(y.item() + 1);
    expect(y.grad!.item()).toBe(x.item());
  });

  test('gradients accumulate over every path that reaches a tensor', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    // L = Σ (x·x + x) has dL/dx = 2x + 1; x reaches L along three paths.
    sum(add(mul(x, x), x)).backward();
    expect(x.grad!.toArray()).toEqual(Array.from(x.data, (v) => 2 * v + 1));
  });

  test('a second backward adds to a leaf gradient until zeroGrad clears it', () => {
    const x = tensor(2, { requiresGrad: true });
    const loss = x.mul(x);
    loss.backward();
    loss.backward();
    expect(x.grad!.item()).toBe(2 * 2 * x.item());
    const buffer = x.grad!.data;
    x.zeroGrad();
    expect(x.grad!.item()).toBe(0);
    expect(x.grad!.data).toBe(buffer);
  });

  test('backward on a non-scalar output asks for a gradient or a reduction', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    expect(() => x.mul(2).backward()).toThrow('backward: the output has shape [3]; pass a gradient or reduce it to a scalar');
  });

  test('backward with an explicit gradient computes a vector-Jacobian product', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const g = tensor([0.5, -1, 2]);
    x.mul(x).backward(g);
    expect(x.grad!.toArray()).toEqual(Array.from(x.data, (v, i) => 2 * v * g.data[i]));
    expect(() => x.mul(x).backward(tensor([1, 2]))).toThrow('backward: the gradient has shape [2] but the output has shape [3]');
  });

  test('backward through a chain of 100,000 ops does not overflow the stack', () => {
    const x = tensor(0.3, { requiresGrad: true });
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.mul(1.00001);
    y.backward();
    expect(x.grad!.item()).toBeCloseTo(Math.pow(1.00001, 100_000), 9);
  });

  test('noGrad records no graph and restores grad mode afterwards', () => {
    const x = tensor(2, { requiresGrad: true });
    const y = noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      return tanh(x);
    });
    expect(isGradEnabled()).toBe(true);
    expect(y.requiresGrad).toBe(false);
    expect(y.parents).toEqual([]);
    expect(() => y.backward()).toThrow('backward: this tensor does not depend on any tensor with requiresGrad: true');
  });

  test('detach shares the values but cuts the graph', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const d = x.mul(3).detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.op).toBe('leaf');
    const y = x.mul(d).sum();
    y.backward();
    expect(x.grad!.toArray()).toEqual(d.toArray());
  });

  test('ops on tensors without requiresGrad record no backward rule', () => {
    const y = tensor([1, 2]).mul(tensor([3, 4]));
    expect(y.requiresGrad).toBe(false);
    expect(y.backwardRule).toBeNull();
  });

  test('method forms match the functions', () => {
    const x = tensor([[1, -2], [3, 4]]);
    expect(x.relu().toArray()).toEqual([[1, 0], [3, 4]]);
    expect(x.T.toArray()).toEqual([[1, 3], [-2, 4]]);
    expect(x.sum(1).toArray()).toEqual([-1, 7]);
    expect(x.reshape([4]).toArray()).toEqual([1, -2, 3, 4]);
    expect(x.argmax(1).toArray()).toEqual([0, 1]);
  });
});
