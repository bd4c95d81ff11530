import { describe, expect, test } from 'vitest';
import { loadMnistSubset } from '../../../../scripts/mnist-subset.ts';
import { MNIST_LAB_TRAINING, MnistTrainer, batchInputs, probabilities } from '../../../../site/lesson/mnist-lab/trainer.ts';
import { Tensor, noGrad } from '../../../../engine/tensor.ts';
import { softmax } from '../../../../engine/ops/activations.ts';
import { mnistPixels } from '../../../../engine/data/mnist.ts';

const mnist = await loadMnistSubset();

describe('the MNIST lab’s trainer', () => {
  test('one epoch of the lab’s settings (Adam, lr 2e-3, batch 64, seed 1) reaches at least 90% test accuracy', () => {
    const trainer = new MnistTrainer(mnist);
    expect(trainer.batchesPerEpoch).toBe(Math.ceil(6000 / MNIST_LAB_TRAINING.batchSize));
    let ended = false;
    let steps = 0;
    while (!ended) {
      ended = trainer.step();
      steps += 1;
    }
    expect(steps).toBe(94);
    expect(trainer.epoch).toBe(1);
    expect(trainer.batch).toBe(0);
    const test = trainer.evaluate(mnist.test);
    expect(test.accuracy).toBeGreaterThanOrEqual(0.9);
    // The confusion matrix counts every test image once, its diagonal the right ones.
    expect(test.confusion.flat().reduce((a, b) => a + b, 0)).toBe(1000);
    expect(test.confusion.reduce((sum, row, k) => sum + row[k], 0)).toBe(Math.round(test.accuracy * 1000));
    const train = trainer.evaluate(mnist.train, 1000);
    expect(train.guesses.length).toBe(1000);
    expect(train.accuracy).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  test('the same seed gives the same losses, and the scores are the network’s own forward pass', () => {
    const a = new MnistTrainer(mnist);
    const b = new MnistTrainer(mnist);
    const losses = (t: MnistTrainer) => Array.from({ length: 3 }, () => (t.step(), t.lastLoss));
    expect(losses(a)).toEqual(losses(b));
    const inputs = mnistPixels(mnist.test, 0, 5);
    const fromEngine = noGrad(() => a.model.eval().forward(Tensor.fromData(inputs, [5, 784])));
    const scores = a.scores(inputs, 5);
    scores.forEach((v, i) => expect(v).toBeCloseTo(fromEngine.data[i], 10));
  });

  test('the probabilities of a digit are the engine’s softmax of its scores and sum to 1', () => {
    const trainer = new MnistTrainer(mnist);
    for (let i = 0; i < 10; i++) trainer.step();
    const inputs = mnistPixels(mnist.test, 3, 1);
    const p = trainer.classify(inputs);
    expect(p.length).toBe(10);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const expected = softmax(Tensor.fromData(trainer.scores(inputs, 1), [1, 10]));
    p.forEach((v, k) => expect(v).toBeCloseTo(expected.data[k], 14));
    expect(probabilities(new Float64Array([0, 0, Math.log(2), 0]), 2, 2)).toEqual(new Float64Array([0.5, 0.5, 2 / 3, 1 / 3]));
  });

  test('a mini-batch is converted from bytes to inputs in [0, 1] as it is used', () => {
    const out = new Float64Array(2 * 784);
    batchInputs(mnist.train, [5, 2], out);
    for (let p = 0; p < 784; p++) {
      expect(out[p]).toBe(mnist.train.pixels[5 * 784 + p] / 255);
      expect(out[784 + p]).toBe(mnist.train.pixels[2 * 784 + p] / 255);
    }
  });

  test('refuses images that are not 28×28', () => {
    expect(() => new MnistTrainer({ ...mnist, rows: 27 })).toThrow(/images of 27×28 do not give the network's 784 inputs/);
  });
});
