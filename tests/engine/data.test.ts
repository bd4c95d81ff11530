import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { andGate, logicGate, orGate, xorGate } from '../../engine/data/logic.ts';
import { blobs } from '../../engine/data/blobs.ts';
import { circles } from '../../engine/data/circles.ts';
import { moons } from '../../engine/data/moons.ts';
import { spirals } from '../../engine/data/spirals.ts';
import { checkerboard } from '../../engine/data/checkerboard.ts';
import { regression, regressionTarget } from '../../engine/data/regression.ts';
import { trainValidationSplit } from '../../engine/data/split.ts';
import { batchIndices, miniBatches } from '../../engine/data/batches.ts';
import { oneHot } from '../../engine/data/one-hot.ts';
import { accuracy } from '../../engine/data/accuracy.ts';
import { datasetTensors, predictedClasses } from '../../engine/data/tensors.ts';
import { tensor } from '../../engine/tensor.ts';
import type { Dataset } from '../../engine/data/dataset.ts';

const generators: Record<string, (seed: number) => Dataset> = {
  'blobs': (seed) => blobs({ n: 90, classes: 3, seed }),
  'circles': (seed) => circles({ n: 90, seed }),
  'moons': (seed) => moons({ n: 90, seed }),
  'spirals': (seed) => spirals({ n: 90, classes: 3, seed }),
  'checkerboard': (seed) => checkerboard({ n: 90, noise: 0.02, seed }),
  'noisy xor': (seed) => xorGate({ n: 90, noise: 0.1, seed }),
};

const count = (labels: number[], k: number): number => labels.filter((y) => y === k).length;

describe('plane datasets', () => {
  for (const [name, make] of Object.entries(generators)) {
    test(`${name} is the same for the same seed and different for another seed`, () => {
      expect(make(7)).toEqual(make(7));
      expect(make(8).x).not.toEqual(make(7).x);
    });

    test(`${name} has n rows of two finite features and whole-number labels`, () => {
      const { x, y } = make(3);
      expect(x).toHaveLength(90);
      expect(y).toHaveLength(90);
      for (const row of x) {
        expect(row).toHaveLength(2);
        expect(row.every(Number.isFinite)).toBe(true);
      }
      expect(y.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    });
  }

  test('the logic gates without noise are exactly their truth tables', () => {
    const inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
    expect(andGate()).toEqual({ x: inputs, y: [0, 0, 0, 1] });
    expect(orGate()).toEqual({ x: inputs, y: [0, 1, 1, 1] });
    expect(xorGate()).toEqual({ x: inputs, y: [0, 1, 1, 0] });
    expect(logicGate('nand').y).toEqual([1, 1, 1, 0]);
  });

  test('noisy gate points stay labelled by the corner they were drawn around', () => {
    const { x, y } = xorGate({ n: 40, noise: 0.05, seed: 1 });
    x.forEach(([a, b], i) => expect(y[i]).toBe(Math.round(a) ^ Math.round(b)));
  });

  test('blobs and spirals split their points among the classes as evenly as possible', () => {
    const b = blobs({ n: 100, classes: 3 });
    expect([0, 1, 2].map((k) => count(b.y, k))).toEqual([34, 33, 33]);
    const s = spirals({ n: 100, classes: 4 });
    expect([0, 1, 2, 3].map((k) => count(s.y, k))).toEqual([25, 25, 25, 25]);
  });

  test('circles without noise put class 0 on the unit circle and class 1 on the inner circle', () => {
    const { x, y } = circles({ n: 50, noise: 0, factor: 0.3 });
    x.forEach(([a, b], i) => expect(Math.hypot(a, b)).toBeCloseTo(y[i] === 0 ? 1 : 0.3, 12));
    expect(count(y, 0)).toBe(25);
  });

  test('moons without noise lie on two unit half circles, the lower one shifted by (1, -1/2)', () => {
    const { x, y } = moons({ n: 40, noise: 0 });
    x.forEach(([a, b], i) => {
      const [cx, cy] = y[i] === 0 ? [0, 0] : [1, 0.5];
      expect(Math.hypot(a - cx, b - cy)).toBeCloseTo(1, 12);
    });
  });

  test('checkerboard labels without noise alternate between neighbouring squares', () => {
    const { x, y } = checkerboard({ n: 200, cells: 2 });
    x.forEach(([a, b], i) => expect(y[i]).toBe((a < 0) === (b < 0) ? 0 : 1));
  });

  test('noise moves the moons off their half circles by about its standard deviation', () => {
    // The radial part of isotropic Gaussian noise has the noise's standard deviation, so the RMS distance from
    // each point to its moon's circle estimates it.
    const offCircle = (noise: number): number => {
      const { x, y } = moons({ n: 400, noise, seed: 2 });
      const squares = x.map(([a, b], i) => {
        const [cx, cy] = y[i] === 0 ? [0, 0] : [1, 0.5];
        return (Math.hypot(a - cx, b - cy) - 1) ** 2;
      });
      return Math.sqrt(squares.reduce((s, v) => s + v, 0) / squares.length);
    };
    expect(offCircle(0.05)).toBeGreaterThan(0.04);
    expect(offCircle(0.05)).toBeLessThan(0.06);
    expect(offCircle(0.1)).toBeGreaterThan(offCircle(0.05));
  });

  test('a generator given a Random draws from it, so consecutive draws differ', () => {
    const rng = new Random(5);
    expect(moons({ n: 20, rng })).not.toEqual(moons({ n: 20, rng }));
  });

  test('bad arguments are explained in the user\'s terms', () => {
    expect(() => moons({ n: 0 })).toThrow(/n must be a positive whole number/);
    expect(() => moons({ noise: -1 })).toThrow(/standard deviation must be zero or more/);
    expect(() => circles({ factor: 1.5 })).toThrow(/factor must be between 0 and 1/);
  });
});

describe('regression targets', () => {
  test('without noise the targets are the curve at evenly spaced inputs', () => {
    for (const shape of ['sin', 'step', 'abs', 'polynomial'] as const) {
      const { x, y } = regression(shape, { n: 21 });
      const f = regressionTarget(shape);
      expect(x).toHaveLength(21);
      x.forEach(([v], i) => expect(y[i]).toBe(f(v)));
    }
  });

  test('the default ranges are [-π, π] for sin and [-1, 1] for the others', () => {
    expect(regression('sin', { n: 5 }).x.map(([v]) => v)).toEqual([-Math.PI, -Math.PI / 2, 0, Math.PI / 2, Math.PI]);
    expect(regression('abs', { n: 3 }).x).toEqual([[-1], [0], [1]]);
  });

  test('the polynomial uses its coefficients from the constant term up', () => {
    const f = regressionTarget('polynomial', [1, 2, 3]);
    expect(f(2)).toBe(1 + 2 * 2 + 3 * 4);
  });

  test('noisy targets are seeded and scatter around the curve by about the noise', () => {
    const a = regression('sin', { n: 400, noise: 0.2, seed: 4 });
    expect(regression('sin', { n: 400, noise: 0.2, seed: 4 })).toEqual(a);
    const residuals = a.x.map(([v], i) => a.y[i] - Math.sin(v));
    const std = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
    expect(std).toBeGreaterThan(0.17);
    expect(std).toBeLessThan(0.23);
  });

  test('uniform sampling gives sorted inputs inside the range', () => {
    const { x } = regression('step', { n: 50, sampling: 'uniform', range: [-2, 3] });
    const v = x.map(([u]) => u);
    expect(v).toEqual(v.slice().sort((p, q) => p - q));
    expect(v.every((u) => u >= -2 && u < 3)).toBe(true);
  });
});

describe('splits, batches, one-hot and accuracy', () => {
  const data = moons({ n: 50 });

  test('a split holds out round(n · fraction) rows and keeps every row exactly once', () => {
    const { train, validation } = trainValidationSplit(data, { validationFraction: 0.2, seed: 3 });
    expect(validation.y).toHaveLength(10);
    expect(train.y).toHaveLength(40);
    const key = (row: number[]): string => row.join(',');
    const all = [...train.x, ...validation.x].map(key).sort();
    expect(all).toEqual(data.x.map(key).sort());
  });

  test('the same seed holds out the same rows and another seed other rows', () => {
    expect(trainValidationSplit(data, { seed: 3 })).toEqual(trainValidationSplit(data, { seed: 3 }));
    expect(trainValidationSplit(data, { seed: 4 }).validation).not.toEqual(trainValidationSplit(data, { seed: 3 }).validation);
  });

  test('mini-batches cover every row once per epoch, the last batch taking the remainder', () => {
    const batches = miniBatches(data, 16, new Random(2));
    expect(batches.map((b) => b.y.length)).toEqual([16, 16, 16, 2]);
    const indices = batchIndices(50, 16, new Random(2)).flat().sort((a, b) => a - b);
    expect(indices).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  test('mini-batches are shuffled by the seed, differently in each epoch', () => {
    const rng = new Random(9);
    const first = batchIndices(50, 10, rng);
    const second = batchIndices(50, 10, rng);
    expect(first).not.toEqual(second);
    expect(batchIndices(50, 10, new Random(9))).toEqual(first);
  });

  test('one-hot puts a single 1 in the column of each class', () => {
    expect(oneHot([2, 0, 1])).toEqual([[0, 0, 1], [1, 0, 0], [0, 1, 0]]);
    expect(oneHot([1], 4)).toEqual([[0, 1, 0, 0]]);
    expect(() => oneHot([3], 3)).toThrow(/label 0 is 3/);
  });

  test('accuracy is the fraction of predictions equal to their labels', () => {
    expect(accuracy([1, 0, 1, 1], [1, 1, 1, 0])).toBe(0.5);
    expect(() => accuracy([1], [1, 0])).toThrow(/1 predictions but 2 labels/);
  });
});

describe('datasets as tensors', () => {
  test('features become an [n, features] tensor and targets a vector [n] or a column [n, 1]', () => {
    const data = blobs({ n: 7, seed: 2 });
    const { x, y } = datasetTensors(data);
    expect(x.shape).toEqual([7, 2]);
    expect(x.toArray()).toEqual(data.x);
    expect(y.shape).toEqual([7]);
    expect(Array.from(y.data)).toEqual(data.y);
    expect(datasetTensors(data, 'column').y.shape).toEqual([7, 1]);
  });

  test('predicted classes are the row argmax for several columns and a threshold for one', () => {
    expect(predictedClasses(tensor([[0.1, 2, -1], [3, 0, 0], [0, 0, 5]]))).toEqual([1, 0, 2]);
    expect(predictedClasses(tensor([[-0.2], [0.3]]))).toEqual([0, 1]);
    expect(predictedClasses(tensor([0.4, 0.6]), 0.5)).toEqual([0, 1]);
  });
});
