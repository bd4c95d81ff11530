import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { dropout, ones, tensor } from '../../engine/index.ts';

describe('dropout', () => {
  test('in evaluation dropout is the identity', () => {
    const x = tensor([1, 2, 3]);
    expect(dropout(x, 0.5, new Random(1), false)).toBe(x);
  });

  test('survivors are scaled by 1/(1 - p) so the mean is kept', () => {
    const p = 0.25;
    const y = dropout(ones([200, 50]), p, new Random(2));
    const values = Array.from(y.data);
    expect(values.every((v) => v === 0 || v === 1 / (1 - p))).toBe(true);
    const mean = values.reduce((a, b) => a + b) / values.length;
    // 10,000 Bernoulli draws: the mean's standard deviation is √(p/(1-p)/n) ≈ 0.006.
    expect(Math.abs(mean - 1)).toBeLessThan(0.03);
  });

  test('the same seed drops the same elements', () => {
    const a = dropout(ones([10, 10]), 0.5, new Random(7));
    const b = dropout(ones([10, 10]), 0.5, new Random(7));
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });

  test('the gradient flows through the kept elements only, with the same scale', () => {
    const x = ones([4, 5], { requiresGrad: true });
    const y = dropout(x, 0.5, new Random(3));
    y.sum().backward();
    expect(Array.from(x.grad!.data)).toEqual(Array.from(y.data));
  });

  test('p = 1 drops everything and p outside [0, 1] is refused', () => {
    expect(Array.from(dropout(ones([3]), 1, new Random(1)).data)).toEqual([0, 0, 0]);
    expect(() => dropout(ones([3]), 1.5, new Random(1))).toThrow('dropout: p must be a probability between 0 and 1, got 1.5');
  });
});
