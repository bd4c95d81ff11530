import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { symmetricEigenvalues2 } from '../../engine/eigenvalues.ts';
import * as engine from '../../engine/index.ts';
import * as surfaces from '../../engine/surfaces.ts';

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
  const source = readFileSync(new URL('../../engine/eigenvalues.ts', import.meta.url), 'utf8');
  expect(source).not.toMatch(/^\s*import\b/m);
});
