import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { noGrad } from '../../engine/tensor.ts';
import { binaryCrossEntropyWithLogits } from '../../engine/ops/losses.ts';
import { Adam } from '../../engine/optim/adam.ts';
import { MLP } from '../../engine/nn/mlp.ts';
import { xorGate } from '../../engine/data/logic.ts';
import { moons } from '../../engine/data/moons.ts';
import { batchIndices } from '../../engine/data/batches.ts';
import { subset, type Dataset } from '../../engine/data/dataset.ts';
import { datasetTensors, predictedClasses } from '../../engine/data/tensors.ts';
import { accuracy } from '../../engine/data/accuracy.ts';

/** Trains a one-output MLP with binary cross-entropy on logits and Adam, in seeded mini-batches; returns the losses per epoch. */
function trainBinary(net: MLP, data: Dataset, epochs: number, lr: number, batchSize: number, seed: number): number[] {
  const optimizer = new Adam(net.parameters(), { lr });
  const rng = new Random(seed);
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (const indices of batchIndices(data.y.length, batchSize, rng)) {
      const { x, y } = datasetTensors(subset(data, indices), 'column');
      optimizer.zeroGrad();
      const loss = binaryCrossEntropyWithLogits(net.forward(x), y);
      loss.backward();
      optimizer.step();
      total += loss.item() * indices.length;
    }
    losses.push(total / data.y.length);
  }
  return losses;
}

function accuracyOf(net: MLP, data: Dataset): number {
  const { x } = datasetTensors(data);
  return accuracy(noGrad(() => predictedClasses(net.eval().forward(x))), data.y);
}

describe('training', () => {
  test('a seeded 2-4-1 tanh MLP learns XOR to 100%', () => {
    const data = xorGate();
    const net = new MLP([2, 4, 1], { activation: 'tanh', seed: 1 });
    const losses = trainBinary(net, data, 300, 0.05, 4, 2);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] / 10);
    expect(accuracyOf(net, data)).toBe(1);
  });

  test('a seeded 2-16-16-1 ReLU MLP reaches at least 97% on held-out moons', () => {
    const train = moons({ n: 400, noise: 0.1, seed: 1 });
    const test = moons({ n: 400, noise: 0.1, seed: 2 });
    const net = new MLP([2, 16, 16, 1], { seed: 3 });
    trainBinary(net, train, 60, 0.01, 32, 4);
    expect(accuracyOf(net, train)).toBeGreaterThanOrEqual(0.97);
    expect(accuracyOf(net, test)).toBeGreaterThanOrEqual(0.97);
  });

  test('training is deterministic: the same seeds give the same weights to the last bit', () => {
    const run = (): string => {
      const net = new MLP([2, 8, 1], { seed: 5 });
      trainBinary(net, moons({ n: 64, seed: 6 }), 5, 0.01, 16, 7);
      return JSON.stringify(net);
    };
    expect(run()).toBe(run());
  });
});
