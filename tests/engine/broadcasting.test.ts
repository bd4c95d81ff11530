import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { add, div, mul, sub, gradcheck, tensor } from '../../engine/index.ts';
import { broadcastShapes } from '../../engine/shape.ts';
import { randomTensor } from './random-tensor.ts';

const pairs: [number[], number[]][] = [
  [[3, 4], [3, 4]],
  [[3, 4], [4]],
  [[4], [3, 4]],
  [[3, 1], [1, 4]],
  [[3, 4], [3, 1]],
  [[3, 4], []],
  [[], [3, 4]],
  [[2, 3], [1, 1]],
  [[5], [1]],
  [[], []],
];

describe('broadcasting', () => {
  test('shapes broadcast as in NumPy', () => {
    expect(broadcastShapes('add', [3, 1], [1, 4])).toEqual([3, 4]);
    expect(broadcastShapes('add', [4], [3, 4])).toEqual([3, 4]);
    expect(broadcastShapes('add', [], [3])).toEqual([3]);
    expect(broadcastShapes('add', [1], [])).toEqual([1]);
    expect(broadcastShapes('add', [2, 1], [5])).toEqual([2, 5]);
  });

  test('incompatible shapes are reported with both shapes', () => {
    expect(() => add(tensor([[1, 2, 3]]), tensor([1, 2]))).toThrow(
      'add: cannot broadcast shapes [1, 3] and [2]: sizes 3 and 2 differ and neither is 1',
    );
  });

  test('a row broadcast against a column gives the outer sum', () => {
    const col = tensor([[1], [2], [3]]);
    const row = tensor([10, 20]);
    expect(add(col, row).toArray()).toEqual([[11, 21], [12, 22], [13, 23]]);
  });

  test('the gradient of a broadcast input is summed back to its own shape', () => {
    const a = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    const b = tensor([1, 1, 1], { requiresGrad: true });
    add(a, b).sum().backward();
    expect(b.grad!.shape).toEqual([3]);
    expect(b.grad!.toArray()).toEqual([2, 2, 2]);
  });

  for (const [sa, sb] of pairs) {
    for (const [name, op] of [['add', add], ['sub', sub], ['mul', mul], ['div', div]] as const) {
      test(`${name} of ${JSON.stringify(sa)} and ${JSON.stringify(sb)} passes gradcheck`, () => {
        const rng = new Random(sa.length * 100 + sb.length * 10 + name.length);
        const a = randomTensor(rng, sa);
        // Keep divisors away from zero.
        const b = randomTensor(rng, sb, name === 'div' ? { low: 0.5, high: 2 } : {});
        const result = gradcheck((x, y) => op(x, y), [a, b]);
        expect(result.ok, JSON.stringify(result.worst)).toBe(true);
      });
    }
  }
});
