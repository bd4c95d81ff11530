import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { gradcheck, matmul, tensor, transpose, zeros } from '../../engine/index.ts';
import { gemm } from '../../engine/ops/gemm.ts';
import { randomTensor } from './random-tensor.ts';

/** The textbook triple loop, as the reference for the blocked kernel. */
function naive(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) c[i * n + j] += a[i * k + p] * b[p * n + j];
  return c;
}

describe('matmul', () => {
  test('a 2×3 by 3×2 product', () => {
    const a = tensor([[1, 2, 3], [4, 5, 6]]);
    const b = tensor([[7, 8], [9, 10], [11, 12]]);
    expect(matmul(a, b).toArray()).toEqual([
      [1 * 7 + 2 * 9 + 3 * 11, 1 * 8 + 2 * 10 + 3 * 12],
      [4 * 7 + 5 * 9 + 6 * 11, 4 * 8 + 5 * 10 + 6 * 12],
    ]);
  });

  test('the blocked kernel matches the triple loop for sizes around its 4×4 tiles', () => {
    const rng = new Random(11);
    for (const [m, k, n] of [[1, 1, 1], [3, 5, 7], [4, 4, 4], [5, 9, 6], [8, 3, 13], [17, 31, 9]]) {
      const a = randomTensor(rng, [m, k]).data;
      const b = randomTensor(rng, [k, n]).data;
      const want = naive(a, b, m, k, n);
      const got = new Float64Array(m * n);
      gemm(m, n, k, a, k, 1, b, n, 1, got, false);
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
    }
  });

  test('vectors multiply as rows on the left and columns on the right', () => {
    const m = tensor([[1, 2], [3, 4]]);
    expect(matmul(tensor([1, 1]), m).toArray()).toEqual([4, 6]);
    expect(matmul(m, tensor([1, 1])).toArray()).toEqual([3, 7]);
    expect(matmul(tensor([1, 2]), tensor([3, 4])).toArray()).toBe(11);
  });

  test('mismatched inner sizes are reported in the user\'s terms', () => {
    expect(() => matmul(zeros([3, 4]), zeros([5, 2]))).toThrow(
      'matmul: cannot multiply [3, 4] by [5, 2]: inner sizes 4 and 5 differ',
    );
  });

  test('transpose swaps rows and columns and leaves vectors alone', () => {
    expect(transpose(tensor([[1, 2, 3], [4, 5, 6]])).toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    const v = tensor([1, 2]);
    expect(transpose(v)).toBe(v);
  });

  for (const [m, k, n] of [[3, 4, 5], [1, 6, 2], [7, 1, 3], [5, 6, 9]]) {
    test(`matmul of [${m}, ${k}] by [${k}, ${n}] passes gradcheck`, () => {
      const rng = new Random(m * 100 + k * 10 + n);
      const result = gradcheck(matmul, [randomTensor(rng, [m, k]), randomTensor(rng, [k, n])]);
      expect(result.ok, JSON.stringify(result.worst)).toBe(true);
    });
  }

  test('matmul of vectors and transpose pass gradcheck', () => {
    const rng = new Random(5);
    expect(gradcheck(matmul, [randomTensor(rng, [4]), randomTensor(rng, [4, 3])]).ok).toBe(true);
    expect(gradcheck(matmul, [randomTensor(rng, [3, 4]), randomTensor(rng, [4])]).ok).toBe(true);
    expect(gradcheck(transpose, [randomTensor(rng, [3, 5])]).ok).toBe(true);
  });
});
