// Symmetric matrices: the 2×2 eigenvalues in closed form, and the inertia (the signs of the eigenvalues) checked
// against eigenvalues known in closed form.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as engine from '../../engine/index.ts';
import * as surfaces from '../../engine/surfaces.ts';
import { symmetricEigenvalues2, symmetricInertia } from '../../engine/linalg.ts';
import { Random } from '../../engine/random.ts';

/** Q diag(λ) Qᵀ for the rotation Q by `angle` in the plane of axes i and j of an n×n identity. */
function rotatedDiagonal(eigenvalues: number[], angle: number, i: number, j: number): number[][] {
  const n = eigenvalues.length;
  const q: number[][] = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === c ? 1 : 0)));
  q[i][i] = Math.cos(angle);
  q[j][j] = Math.cos(angle);
  q[i][j] = -Math.sin(angle);
  q[j][i] = Math.sin(angle);
  const m = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => eigenvalues.reduce((s, l, k) => s + q[r][k] * l * q[c][k], 0)));
  // Symmetrise exactly, so rounding does not make the matrix fail the symmetry check.
  return m.map((row, r) => row.map((v, c) => (r <= c ? v : m[c][r])));
}

describe('the inertia of a symmetric matrix', () => {
  test('a diagonal matrix counts the signs of its diagonal', () => {
    expect(symmetricInertia([[2, 0, 0], [0, -1, 0], [0, 0, 3]])).toEqual({ negative: 1, zero: 0, positive: 2 });
    expect(symmetricInertia([[0, 0], [0, -4]])).toEqual({ negative: 1, zero: 1, positive: 0 });
    expect(symmetricInertia([])).toEqual({ negative: 0, zero: 0, positive: 0 });
  });

  test('it equals the signs of the closed-form eigenvalues of random 2×2 matrices', () => {
    const rng = new Random(7);
    for (let k = 0; k < 500; k++) {
      const [a, b, c] = [rng.normal(), rng.normal(), rng.normal()];
      const [low, high] = symmetricEigenvalues2([[a, b], [b, c]]);
      const expected = { negative: Number(low < 0) + Number(high < 0), zero: 0, positive: Number(low > 0) + Number(high > 0) };
      expect(symmetricInertia([[a, b], [b, c]])).toEqual(expected);
    }
  });

  test('a rotated diagonal matrix keeps the signs of its eigenvalues, whatever the rotation', () => {
    for (const angle of [0.3, 1.1, 2.5]) {
      expect(symmetricInertia(rotatedDiagonal([3, -0.5, 1, -2], angle, 1, 2))).toEqual({ negative: 2, zero: 0, positive: 2 });
      expect(symmetricInertia(rotatedDiagonal([-1, -0.1, -5], angle, 0, 2))).toEqual({ negative: 3, zero: 0, positive: 0 });
    }
  });

  test('a matrix that is not square and symmetric, or needs a 2×2 pivot, is refused with a reason', () => {
    expect(() => symmetricInertia([[1, 2], [3, 4]])).toThrow(/not symmetric/);
    expect(() => symmetricInertia([[1, 2]])).toThrow(/square/);
    expect(() => symmetricInertia([[0, 1], [1, 0]])).toThrow(/2×2 pivots/);
  });
});

test('the eigenvalues solve the characteristic polynomial, ascending, and sum to the trace', () => {
  for (const [a, b, c] of [
    [5, 2, 2],
    [9, -4, 3],
    [1, 0, 1],
    [0.3, 1.7, -2.5],
  ]) {
    const [low, high] = symmetricEigenvalues2([
      [a, b],
      [b, c],
    ]);
    expect(low).toBeLessThanOrEqual(high);
    expect(low + high).toBeCloseTo(a + c, 12);
    expect(low * high).toBeCloseTo(a * c - b * b, 12);
  }
  expect(symmetricEigenvalues2([[5, 2], [2, 2]])).toEqual([1, 6]);
  expect(() => symmetricEigenvalues2([[1, 2], [3, 4]])).toThrow(/not symmetric/);
});

test('the engine index and surfaces.ts re-export this one function', () => {
  expect(engine.symmetricEigenvalues2).toBe(symmetricEigenvalues2);
  expect(surfaces.symmetricEigenvalues2).toBe(symmetricEigenvalues2);
});

test('the module imports nothing, so a page can load it without the tensors and optimizers', () => {
  const source = readFileSync(new URL('../../engine/linalg.ts', import.meta.url), 'utf8');
  expect(source).not.toMatch(/^\s*import\b/m);
});
