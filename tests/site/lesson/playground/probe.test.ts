// Values on hover (site/lesson/playground/probe.ts): the loss chart's nearest epoch and readout, the picture's point
// and readout; and the worker's probe (Trainer.probe) equals the engine's forward pass by autograd at that point.

import { describe, expect, test } from 'vitest';
import { Tensor, logistic, softmax } from '../../../../engine/index.ts';
import { planeFeatures } from '../../../../engine/data/plane-features.ts';
import { chartEpochAt, lossReadout, nearestIndex, planeAt, pointReadout } from '../../../../site/lesson/playground/probe.ts';
import { Trainer } from '../../../../site/lesson/playground/trainer.ts';
import { normalizeState, type PlaygroundState } from '../../../../site/lesson/playground/state.ts';

describe('the loss chart readout', () => {
  const epochs = Float64Array.of(0, 10, 20, 40, 80);
  test('finds the nearest recorded epoch (the earlier on a tie), whatever the pointer gives', () => {
    expect([-5, 0, 4, 5, 6, 29, 30, 31, 79, 1000].map((e) => nearestIndex(epochs, e))).toEqual([0, 0, 0, 0, 1, 2, 2, 3, 4, 4]);
    expect(nearestIndex(new Float64Array(0), 3)).toBe(-1);
    expect(nearestIndex(epochs, NaN)).toBe(4);
  });

  test('maps a pointer across the chart to an epoch, clamped to the run', () => {
    expect(chartEpochAt(4, 208, 80)).toBe(0);
    expect(chartEpochAt(104, 208, 80)).toBe(40);
    expect(chartEpochAt(500, 208, 80)).toBe(80);
    expect(chartEpochAt(-10, 208, 80)).toBe(0);
  });

  test('reads "epoch 120: train 0.213, test 0.241"', () => {
    expect(lossReadout({ epochs: Float64Array.of(0, 120), train: Float64Array.of(1, 0.2131), test: Float64Array.of(1, 0.2409) }, 1)).toBe('epoch 120: train 0.213, test 0.241');
    expect(lossReadout({ epochs: Float64Array.of(7), train: Float64Array.of(NaN), test: Float64Array.of(Infinity) }, 0)).toBe('epoch 7: train –, test –');
  });
});

describe('the picture readout', () => {
  test('maps fractions of the picture to the plane, top row first', () => {
    expect(planeAt(0, 0, [-6, 6, -6, 6])).toEqual({ x: -6, y: 6 });
    expect(planeAt(0.5, 0.75, [-6, 6, -6, 6])).toEqual({ x: 0, y: -3 });
  });

  test('states the point and the output: two classes, more, regression', () => {
    expect(pointReadout(0.42, -1.3, [0.873], 2, 2)).toBe('(0.42, −1.30): P(class 1) = 0.873, P(class 0) = 0.127');
    // Two classes trained with squared error: a raw output, not a probability (it can leave [0, 1]).
    expect(pointReadout(5, -4.5, [1.049], 2, 2, false)).toBe('(5.00, −4.50): output 1.049 (class 1 where ≥ 0.5)');
    expect(pointReadout(1, 2, [0.2, 0.5, 0.3], 2, 3)).toBe('(1.00, 2.00): P(class 0) = 0.200, P(class 1) = 0.500, P(class 2) = 0.300');
    expect(pointReadout(0.42, -1.3, [-0.5], 2, 1)).toBe('(0.42, −1.30): output −0.500');
    expect(pointReadout(-0.5, 0, [0.9134], 1, 0)).toBe('x = −0.50: output 0.913');
    expect(pointReadout(0, 0, [NaN], 1, 0)).toBe('x = 0.00: output not a number (the network diverged)');
  });
});

describe('Trainer.probe: the network\'s exact output at a point, equal to the engine\'s forward pass', () => {
  const cases: [string, Partial<PlaygroundState>][] = [
    ['two classes, logistic loss', { data: 'circles', loss: 'bce', layers: [5, 3] }],
    ['two classes, softmax cross-entropy', { data: 'moons', loss: 'cross-entropy', layers: [4] }],
    ['three classes with features', { data: 'spiral', classes: 3, layers: [6], inputs: ['x1', 'x2', 'x1x2', 'sinx1'] }],
    ['five classes, a linear model', { data: 'gaussian', classes: 5, layers: [] }],
    ['regression', { data: 'regression', layers: [8] }],
  ];
  test.each(cases)('%s', (_, partial) => {
    const trainer = new Trainer(normalizeState({ ...partial, dropout: 0.2, seed: 3 }));
    for (let epoch = 0; epoch < 5; epoch++) trainer.trainEpoch();
    trainer.model.eval();
    const { features, inputNames, classes } = trainer.data;
    for (const [x, y] of [[0.3, -0.7], [-2.5, 1.25], [0, 0]]) {
      const got = trainer.probe(x, y);
      const row = features === 1 ? Float64Array.of(x) : planeFeatures(inputNames as Parameters<typeof planeFeatures>[0], Float64Array.of(x, y));
      const out = trainer.model.forward(Tensor.fromData(row, [1, row.length])).data;
      let expected: number[];
      if (features === 1) expected = [out[0]];
      else if (classes > 2) expected = Array.from(softmax(Tensor.fromData(Float64Array.from(out), [out.length])).data);
      else expected = [out.length === 1 ? logistic(out[0]) : softmax(Tensor.fromData(Float64Array.from(out), [2])).data[1]];
      expect(got).toHaveLength(trainer.valuesPerPoint);
      got.forEach((value, k) => expect(Math.abs(value - expected[k])).toBeLessThan(1e-12));
    }
    // The probe at a grid cell's centre is the picture's value there (the picture is float32).
    if (features === 2) {
      const [x0, x1, y0, y1] = trainer.data.domain;
      const picture = trainer.predictions();
      const [row, col] = [37, 62];
      const probe = trainer.probe(x0 + ((x1 - x0) * (col + 0.5)) / 100, y1 - ((y1 - y0) * (row + 0.5)) / 100);
      probe.forEach((value, k) => expect(Math.abs(value - picture[(row * 100 + col) * trainer.valuesPerPoint + k])).toBeLessThan(1e-6));
    }
  });
});
