// The Playground's training run (site/lesson/playground/trainer.ts) trains through the engine's FastMLP: its losses
// and pictures are the engine's, computed by autograd's ops on the same model, for each of its losses.

import { describe, expect, test } from 'vitest';
import { Tensor, binaryCrossEntropyWithLogits, crossEntropy, logistic, mseLoss, softmax } from '../../../../engine/index.ts';
import { Trainer } from '../../../../site/lesson/playground/trainer.ts';
import { ACTIVATIONS, LOSSES, normalizeState, type LossName } from '../../../../site/lesson/playground/state.ts';

/** The engine's mean loss of the trainer's model on its training points, by autograd's ops. */
function engineTrainLoss(trainer: Trainer, loss: LossName): number {
  const { trainX, trainY, features } = trainer.data;
  const out = trainer.model.forward(Tensor.fromData(trainX, [trainY.length, features]));
  if (loss === 'cross-entropy') return crossEntropy(out, Array.from(trainY)).item();
  const targets = Tensor.fromData(trainY, [trainY.length, 1]);
  return (loss === 'bce' ? binaryCrossEntropyWithLogits(out, targets) : mseLoss(out, targets)).item();
}

describe('the playground trainer', () => {
  for (const loss of LOSSES) {
    test(`with ${loss}, reports the engine's loss and the engine's picture, and learns circles`, () => {
      const trainer = new Trainer(normalizeState({ data: 'circles', loss, layers: [6, 6], activation: 'tanh', dropout: 0.1, l2: 0.001, seed: 4, lr: 0.03 }));
      trainer.model.eval();
      const before = trainer.trainLoss();
      expect(Math.abs(before - engineTrainLoss(trainer, loss))).toBeLessThan(1e-12);
      trainer.model.train();
      for (let epoch = 0; epoch < 60; epoch++) trainer.trainEpoch();
      trainer.model.eval();
      const after = trainer.trainLoss();
      expect(Math.abs(after - engineTrainLoss(trainer, loss))).toBeLessThan(1e-12);
      expect(after).toBeLessThan(before);
      // The picture: the probability of class 1 (σ of the logit, or softmax's second entry) or the raw output, from the engine.
      const picture = trainer.predictions();
      expect(picture).toHaveLength(100 * 100);
      if (loss !== 'mse') for (const value of picture) expect(value >= 0 && value <= 1).toBe(true);
      const [x0, x1, y0, y1] = trainer.data.domain;
      for (const [row, col] of [[0, 0], [13, 71], [50, 50], [99, 2]]) {
        const cell = Tensor.fromData(Float64Array.of(x0 + ((x1 - x0) * (col + 0.5)) / 100, y1 - ((y1 - y0) * (row + 0.5)) / 100), [1, 2]);
        const logits = trainer.model.forward(cell).data;
        const expected = loss === 'bce' ? logistic(logits[0]) : loss === 'cross-entropy' ? softmax(Tensor.fromData(logits, [2])).data[1] : logits[0];
        expect(Math.abs(picture[row * 100 + col] - expected)).toBeLessThan(1e-6);
      }
    });
  }

  test('offers every activation of the engine that its kernel trains, and trains with each', () => {
    expect(ACTIVATIONS).toContain('tanh');
    expect(ACTIVATIONS).not.toContain('step');
    expect(ACTIVATIONS).not.toContain('softmax');
    for (const activation of ACTIVATIONS) {
      const trainer = new Trainer(normalizeState({ data: 'xor', activation, layers: [4], seed: 2 }));
      trainer.trainEpoch();
      expect(Number.isFinite(trainer.trainLoss()), activation).toBe(true);
    }
  });

  test('the L1 penalty drives weights to zero: a sparser network than without it', () => {
    const small = (l1: number) => {
      const trainer = new Trainer(normalizeState({ data: 'circles', layers: [8, 8], l1, lr: 0.01, seed: 5 }));
      for (let epoch = 0; epoch < 40; epoch++) trainer.trainEpoch();
      const weights = trainer.model.blocks.flatMap((block) => Array.from(block.linear.weight.data));
      return weights.filter((w) => Math.abs(w) < 0.01).length / weights.length;
    };
    expect(small(0.01)).toBeGreaterThan(small(0) + 0.2);
  });

  test('regression over the plane: a linear model fits the plane down to the noise, the bumps need hidden units', () => {
    const fit = (state: Parameters<typeof normalizeState>[0]) => {
      const trainer = new Trainer(normalizeState({ noise: 0.1, ...state }));
      expect(trainer.data.classes).toBe(1);
      for (let epoch = 0; epoch < 200; epoch++) trainer.trainEpoch();
      expect(Number.isNaN(trainer.testAccuracy())).toBe(true);
      return trainer;
    };
    // The noise's variance, 0.01, is the least mean squared error any model can reach.
    expect(fit({ data: 'plane', layers: [] }).testLoss()).toBeLessThan(0.013);
    const linearBumps = fit({ data: 'bumps', layers: [] }).testLoss();
    const deepBumps = fit({ data: 'bumps', layers: [8, 8], lr: 0.03 });
    expect(deepBumps.testLoss()).toBeLessThan(0.04);
    expect(linearBumps).toBeGreaterThan(0.1);
    // The picture is the raw output, one value per cell, the engine's forward pass at the cell's centre.
    const picture = deepBumps.predictions();
    expect(picture).toHaveLength(100 * 100);
    const [x0, x1, y0, y1] = deepBumps.data.domain;
    const cell = Tensor.fromData(Float64Array.of(x0 + ((x1 - x0) * 30.5) / 100, y1 - ((y1 - y0) * 60.5) / 100), [1, 2]);
    expect(Math.abs(picture[60 * 100 + 30] - deepBumps.model.forward(cell).data[0])).toBeLessThan(1e-6);
  });
});

describe('what a probe reads', () => {
  test('probabilities for the cross-entropies; for two classes trained with squared error, a raw output that can leave [0, 1]', () => {
    for (const loss of ['bce', 'cross-entropy'] as const) expect(new Trainer(normalizeState({ data: 'xor', loss })).givesProbabilities, loss).toBe(true);
    const mse = new Trainer(normalizeState({ data: 'xor', loss: 'mse', layers: [8, 8], lr: 0.03, seed: 1 }));
    expect(mse.givesProbabilities).toBe(false);
    for (let epoch = 0; epoch < 200; epoch++) mse.trainEpoch();
    const corners = [[5, -4.5], [-5, 4.5], [5, 5], [-5, -5], [4.5, -5]].map(([x, y]) => mse.probe(x, y)[0]);
    // Squared error does not keep the output inside [0, 1]: somewhere on the plane it leaves it.
    expect(corners.some((v) => v < 0 || v > 1), corners.join(', ')).toBe(true);
  });
});
