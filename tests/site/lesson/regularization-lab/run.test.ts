// A RegularizationLab run, in Node: the same data, network and training the worker runs, checked on the claims the
// widget and the lesson make (the overfit run's validation loss turns while its training loss falls; L2, dropout and
// early stopping each end with a lower validation loss; early stopping restores its best epoch's weights).

import { describe, expect, test } from 'vitest';
import { FastMLP } from '../../../../engine/index.ts';
import { LAB, boundaryGrid, gridInputs, labData, labModel, trainLab } from '../../../../site/lesson/regularization-lab/run.ts';
import { PRESETS } from '../../../../site/lesson/regularization-lab/presets.ts';

const overfit = trainLab(PRESETS.overfit.settings);
const argmin = (values: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
  return best;
};

describe('the lab’s data and network', () => {
  test('a seed gives the same training and validation points every time, with about 15% of the labels flipped', () => {
    const a = labData(3);
    const b = labData(3);
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(a.train.y.length).toBe(LAB.trainCount);
    expect(a.validation.y.length).toBe(LAB.validationCount);
    expect(Array.from(labData(4).train.x)).not.toEqual(Array.from(a.train.x));
    // Class 1 is the lower moon: among the validation points well below the upper moon's tips (y < −0.3), the flipped
    // labels are the only class-0 ones, about 15% of them.
    const low = Array.from({ length: LAB.validationCount }, (_, i) => i).filter((i) => a.validation.x[2 * i + 1] < -0.3);
    const flipped = low.filter((i) => a.validation.y[i] === 0).length / low.length;
    expect(low.length).toBeGreaterThan(20);
    expect(flipped).toBeGreaterThan(0.05);
    expect(flipped).toBeLessThan(0.3);
  });

  test('the network is 2-H-H-1 tanh, with a Dropout after each hidden layer only when p > 0', () => {
    expect(labModel(1, 0).sizes).toEqual([2, LAB.hidden, LAB.hidden, 1]);
    expect(labModel(1, 0).blocks.every((block) => block.dropout === null)).toBe(true);
    expect(labModel(1, 0.3).blocks.slice(0, 2).every((block) => block.dropout?.p === 0.3)).toBe(true);
  });
});

describe('a run', () => {
  test('is deterministic given its settings', () => {
    const again = trainLab(PRESETS.overfit.settings);
    expect(Array.from(again.validationLoss)).toEqual(Array.from(overfit.validationLoss));
  });

  test('without a regulariser it overfits: the training loss falls near zero while the validation loss turns and climbs', () => {
    const last = overfit.trained;
    expect(last).toBe(PRESETS.overfit.settings.epochs);
    expect(overfit.trainLoss[last]).toBeLessThan(0.1);
    const best = argmin(overfit.validationLoss);
    expect(best).toBeGreaterThan(0);
    expect(best).toBeLessThan(last / 2);
    expect(overfit.validationLoss[last]).toBeGreaterThan(2 * overfit.validationLoss[best]);
  });

  test('L2, dropout and early stopping each end with a lower validation loss than the overfit run', () => {
    const end = (run: ReturnType<typeof trainLab>) => run.validationLoss[run.restoredEpoch];
    for (const id of ['l2', 'dropout', 'early-stopping'] as const) {
      const run = trainLab(PRESETS[id].settings);
      expect(end(run), id).toBeLessThan(0.75 * overfit.validationLoss[overfit.trained]);
    }
  });

  test('L2 keeps the weights smaller than the overfit run’s', () => {
    const run = trainLab(PRESETS.l2.settings);
    const norm = (w: Float64Array) => Math.hypot(...w);
    expect(norm(run.weights[run.trained])).toBeLessThan(0.5 * norm(overfit.weights[overfit.trained]));
  });

  test('early stopping stops after `patience` epochs without improvement and ends with its best epoch’s weights', () => {
    const run = trainLab(PRESETS['early-stopping'].settings);
    expect(run.stopped).toBe(true);
    expect(run.trained - run.restoredEpoch).toBe(PRESETS['early-stopping'].settings.patience);
    expect(run.restoredEpoch).toBe(argmin(run.validationLoss.subarray(1)) + 1);
    // The model holds the restored weights.
    const fast = new FastMLP(run.model, { loss: 'binaryCrossEntropyWithLogits' });
    expect(fast.meanLoss(run.validation.x, run.validation.y, LAB.validationCount)).toBeCloseTo(run.validationLoss[run.restoredEpoch], 12);
  });

  test('dropout draws a fresh mask of the shown point at every step; without dropout there is none', () => {
    const run = trainLab({ ...PRESETS.dropout.settings, epochs: 20 });
    expect(run.masks[0]).toEqual([]);
    const masks = run.masks.slice(1).map((layers) => layers.map((m) => Array.from(m).join('')).join('|'));
    expect(masks.every((m) => m.length === 2 * LAB.hidden + 1)).toBe(true);
    expect(new Set(masks).size).toBeGreaterThan(15);
    const dropped = masks.join('').split('').filter((c) => c === '0').length;
    expect(dropped / (20 * 2 * LAB.hidden)).toBeGreaterThan(0.15);
    expect(dropped / (20 * 2 * LAB.hidden)).toBeLessThan(0.45);
    expect(overfit.masks.slice(1).every((layers) => layers.length === 0)).toBe(true);
  });

  test('the boundary grid is the evaluation network’s probability of class 1 after the epoch asked for', () => {
    const grid = boundaryGrid(overfit, overfit.trained, 8);
    expect(grid.length).toBe(64);
    const fast = new FastMLP(overfit.model, { loss: 'binaryCrossEntropyWithLogits' });
    const logits = new Float64Array(64);
    fast.predict(gridInputs(8), 64, logits);
    grid.forEach((p, i) => expect(p).toBeCloseTo(1 / (1 + Math.exp(-logits[i])), 6));
    expect(Array.from(boundaryGrid(overfit, 0, 8))).not.toEqual(Array.from(grid));
  });
});
