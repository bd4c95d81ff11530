import { describe, expect, test } from 'vitest';
import { Perceptron, signedLabels } from '../../engine/nn/perceptron.ts';
import { andGate, orGate, xorGate } from '../../engine/data/logic.ts';
import { blobs } from '../../engine/data/blobs.ts';
import { Random } from '../../engine/random.ts';

const signed = (data: { x: number[][]; y: number[] }) => ({ x: data.x, y: signedLabels(data.y) });

describe('Rosenblatt perceptron', () => {
  for (const [name, gate] of [['AND', andGate], ['OR', orGate]] as const) {
    test(`learns ${name} and then classifies all four inputs correctly`, () => {
      const data = signed(gate());
      const p = new Perceptron(2);
      const result = p.fit(data, { maxEpochs: 100 });
      expect(result.converged).toBe(true);
      expect(result.mistakesPerEpoch[result.mistakesPerEpoch.length - 1]).toBe(0);
      expect(result.epochs).toBe(result.mistakesPerEpoch.length);
      data.x.forEach((x, i) => expect(p.predict(x)).toBe(data.y[i]));
    });
  }

  test('never converges on XOR: every epoch up to the limit makes a mistake', () => {
    const p = new Perceptron(2);
    const result = p.fit(signed(xorGate()), { maxEpochs: 50 });
    expect(result.converged).toBe(false);
    expect(result.epochs).toBe(50);
    expect(result.mistakesPerEpoch.every((m) => m > 0)).toBe(true);
  });

  test('an update on a mistake is w ← w + η y x and b ← b + η y', () => {
    const p = new Perceptron(3, 0.5);
    p.weights = [1, -2, 0.5];
    p.bias = 0.25;
    const x = [2, 1, -4];
    // Score 2 - 2 - 2 + 0.25 = -1.75 with label +1: a mistake.
    expect(p.update(x, 1)).toBe(true);
    expect(p.weights).toEqual([1 + 0.5 * 2, -2 + 0.5 * 1, 0.5 + 0.5 * -4]);
    expect(p.bias).toBe(0.25 + 0.5);
  });

  test('a correctly classified example leaves the weights alone', () => {
    const p = new Perceptron(2);
    p.weights = [1, 1];
    expect(p.update([1, 1], 1)).toBe(false);
    expect(p.weights).toEqual([1, 1]);
    expect(p.bias).toBe(0);
  });

  test('a point on the boundary counts as a mistake, so learning starts from zero weights', () => {
    const p = new Perceptron(2);
    expect(p.score([3, 4])).toBe(0);
    expect(p.update([3, 4], -1)).toBe(true);
    expect(p.predict([3, 4])).toBe(-1);
  });

  test('separates two far-apart blobs, visiting them in a seeded shuffled order', () => {
    const data = signed(blobs({ n: 60, noise: 0.3, seed: 1 }));
    const runs = [1, 2].map(() => {
      const p = new Perceptron(2);
      return { result: p.fit(data, { rng: new Random(4) }), weights: p.weights.slice() };
    });
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0].result.converged).toBe(true);
  });

  test('labels must be ±1, and signedLabels maps 0/1 to them', () => {
    expect(signedLabels([0, 1, 1])).toEqual([-1, 1, 1]);
    expect(() => new Perceptron(2).fit(andGate())).toThrow(/labels must be -1 or \+1, got 0/);
    expect(() => new Perceptron(2).predict([1, 2, 3])).toThrow(/3 features but the perceptron has 2 weights/);
  });
});
