import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { argmax, gradcheck, max, mean, sum, tensor } from '../../engine/index.ts';
import { randomTensor } from './random-tensor.ts';

const m = () => tensor([[1, 5, 3], [4, 2, 6]]);

describe('reductions', () => {
  test('sum over everything, each axis, and with keepdim', () => {
    expect(sum(m()).toArray()).toBe(21);
    expect(sum(m(), 0).toArray()).toEqual([5, 7, 9]);
    expect(sum(m(), 1).toArray()).toEqual([9, 12]);
    expect(sum(m(), -1).toArray()).toEqual([9, 12]);
    expect(sum(m(), 0, true).shape).toEqual([1, 3]);
    expect(sum(m(), 1, true).toArray()).toEqual([[9], [12]]);
    expect(sum(m(), null, true).shape).toEqual([1, 1]);
    expect(sum(tensor([1, 2, 3]), 0).shape).toEqual([]);
  });

  test('mean divides by the number of elements reduced', () => {
    expect(mean(m()).item()).toBe(21 / 6);
    expect(mean(m(), 0).toArray()).toEqual([5 / 2, 7 / 2, 9 / 2]);
    expect(mean(m(), 1).toArray()).toEqual([3, 4]);
  });

  test('max and argmax find the largest along an axis', () => {
    expect(max(m()).item()).toBe(6);
    expect(max(m(), 0).toArray()).toEqual([4, 5, 6]);
    expect(max(m(), 1).toArray()).toEqual([5, 6]);
    expect(argmax(m()).item()).toBe(5);
    expect(argmax(m(), 0).toArray()).toEqual([1, 0, 1]);
    expect(argmax(m(), 1).toArray()).toEqual([1, 2]);
    expect(argmax(m(), 1).requiresGrad).toBe(false);
  });

  test('the gradient of max goes to the maximum, shared among ties over all elements', () => {
    const x = tensor([[1, 3], [3, 0]], { requiresGrad: true });
    max(x).backward();
    expect(x.grad!.toArray()).toEqual([[0, 0.5], [0.5, 0]]);
    const y = tensor([[1, 3], [3, 0]], { requiresGrad: true });
    max(y, 1).sum().backward();
    expect(y.grad!.toArray()).toEqual([[0, 1], [1, 0]]);
  });

  test('an axis out of range names the valid axes', () => {
    expect(() => sum(m(), 2)).toThrow('sum: axis 2 is out of range for shape [2, 3]; valid axes are -2 to 1');
    expect(() => mean(tensor(1), 0)).toThrow('mean: axis 0 is out of range for shape []; a scalar has no axes');
  });

  for (const [name, f] of [['sum', sum], ['mean', mean], ['max', max]] as const) {
    for (const axis of [null, 0, 1, -1]) {
      for (const keepdim of [false, true]) {
        test(`${name} with axis ${axis} and keepdim ${keepdim} passes gradcheck`, () => {
          const x = randomTensor(new Random(7 + (axis ?? 5)), [3, 4]);
          const result = gradcheck((t) => f(t, axis, keepdim), [x]);
          expect(result.ok, JSON.stringify(result.worst)).toBe(true);
        });
      }
    }
    test(`${name} of a vector passes gradcheck`, () => {
      const result = gradcheck((t) => f(t, 0), [randomTensor(new Random(3), [6])]);
      expect(result.ok).toBe(true);
    });
  }
});
