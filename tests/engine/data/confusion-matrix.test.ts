import { describe, expect, test } from 'vitest';
import { confusionMatrix } from '../../../engine/data/confusion-matrix.ts';
import { accuracy } from '../../../engine/data/accuracy.ts';

describe('confusionMatrix', () => {
  test('counts each true class against each guess; the diagonal over the total is the accuracy', () => {
    const labels = [0, 0, 1, 1, 1, 2];
    const guesses = [0, 1, 1, 1, 2, 2];
    const matrix = confusionMatrix(guesses, labels, 3);
    expect(matrix).toEqual([
      [1, 1, 0],
      [0, 2, 1],
      [0, 0, 1],
    ]);
    const diagonal = matrix.reduce((sum, row, k) => sum + row[k], 0);
    expect(diagonal / labels.length).toBe(accuracy(guesses, labels));
    // Each row sums to the number of examples of that class.
    expect(matrix.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([2, 3, 1]);
  });

  test('refuses mismatched lengths and classes out of range', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/2 predictions but 1 labels/);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/prediction 1 is 3, but classes are the whole numbers 0 to 2/);
    expect(() => confusionMatrix([0, 1], [0, 1.5], 3)).toThrow(/label 1 is 1.5/);
  });
});
