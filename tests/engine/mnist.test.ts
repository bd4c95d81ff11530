import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { Tensor, noGrad } from '../../engine/tensor.ts';
import { crossEntropy } from '../../engine/ops/losses.ts';
import { SGD } from '../../engine/optim/sgd.ts';
import { MLP } from '../../engine/nn/mlp.ts';
import { batchIndices } from '../../engine/data/batches.ts';
import { accuracy } from '../../engine/data/accuracy.ts';
import { predictedClasses } from '../../engine/data/tensors.ts';
import { encodeMnistSubset, mnistPixels, parseMnistSubset, type MnistSplit } from '../../engine/data/mnist.ts';
import { MNIST_SEED, MNIST_TEST_COUNT, MNIST_TRAIN_COUNT, loadMnistSubset, readMnistPackage } from '../../scripts/mnist-subset.ts';

const mnist = loadMnistSubset();
const AREA = 28 * 28;

/** Rows `indices` of a split as a [batch, 784] tensor of pixels in [0, 1] and their labels. */
function batch(split: MnistSplit, indices: readonly number[]): { x: Tensor; labels: number[] } {
  const x = new Float64Array(indices.length * AREA);
  indices.forEach((image, row) => {
    for (let p = 0; p < AREA; p++) x[row * AREA + p] = split.pixels[image * AREA + p] / 255;
  });
  return { x: Tensor.fromData(x, [indices.length, AREA]), labels: indices.map((i) => split.labels[i]) };
}

/** Whether two byte arrays hold the same bytes (a plain loop: deep equality on 4.7 million bytes takes seconds). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe('MNIST subset', () => {
  test('has 6,000 training and 1,000 test images of 28×28 with digits 0 to 9', () => {
    expect([mnist.rows, mnist.cols]).toEqual([28, 28]);
    expect(mnist.train.count).toBe(MNIST_TRAIN_COUNT);
    expect(mnist.test.count).toBe(MNIST_TEST_COUNT);
    expect(mnist.seed).toBe(MNIST_SEED);
    for (const split of [mnist.train, mnist.test]) {
      expect(split.pixels.length).toBe(split.count * AREA);
      const digits = new Set(split.labels);
      expect([...digits].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  test('every image is one of the package\'s, with its label, and no image is in both splits', () => {
    const source = readMnistPackage();
    const key = (pixels: Uint8Array, i: number): string => Buffer.from(pixels.subarray(i * AREA, (i + 1) * AREA)).toString('base64');
    const sourceLabels = new Map<string, Set<number>>();
    for (let i = 0; i < source.labels.length; i++) {
      const k = key(source.pixels, i);
      sourceLabels.set(k, (sourceLabels.get(k) ?? new Set()).add(source.labels[i]));
    }
    const trainKeys = new Set<string>();
    for (let i = 0; i < mnist.train.count; i++) {
      const k = key(mnist.train.pixels, i);
      expect(sourceLabels.get(k)?.has(mnist.train.labels[i])).toBe(true);
      trainKeys.add(k);
    }
    let shared = 0;
    for (let i = 0; i < mnist.test.count; i++) {
      const k = key(mnist.test.pixels, i);
      expect(sourceLabels.get(k)?.has(mnist.test.labels[i])).toBe(true);
      // The package may hold the same picture twice; only a picture stored once and found in both splits would be a leak.
      if (trainKeys.has(k) && sourceLabels.get(k)!.size === 1) shared++;
    }
    expect(shared).toBe(0);
  });

  test('bytes survive the package\'s three-decimal pixels: k/255 rounded to 3 places maps back to k', () => {
    for (let k = 0; k <= 255; k++) expect(Math.round(Number((k / 255).toFixed(3)) * 255)).toBe(k);
  });

  test('encoding and parsing round-trip, and a damaged file is explained', () => {
    const bytes = encodeMnistSubset(mnist);
    const again = parseMnistSubset(bytes.buffer as ArrayBuffer);
    for (const name of ['train', 'test'] as const) {
      expect(sameBytes(again[name].labels, mnist[name].labels)).toBe(true);
      expect(sameBytes(again[name].pixels, mnist[name].pixels)).toBe(true);
    }
    expect(() => parseMnistSubset(bytes.slice(0, bytes.length - 1))).toThrow(/the header promises 6000 \+ 1000 images/);
    const wrong = bytes.slice();
    wrong[0] = 'X'.charCodeAt(0);
    expect(() => parseMnistSubset(wrong)).toThrow(/not 'MNSB'/);
  });

  test('mnistPixels scales a range of images to [0, 1]', () => {
    const pixels = mnistPixels(mnist.test, 10, 3);
    expect(pixels.length).toBe(3 * AREA);
    pixels.forEach((v, i) => expect(v).toBe(mnist.test.pixels[10 * AREA + i] / 255));
    expect(() => mnistPixels(mnist.test, 999, 2)).toThrow(/outside the split's 1000/);
  });

  test('a seeded 784-256-10 ReLU MLP reaches at least 90% test accuracy in three epochs of SGD with momentum', () => {
    const net = new MLP([AREA, 256, 10], { seed: 1 });
    const optimizer = new SGD(net.parameters(), { lr: 0.05, momentum: 0.9 });
    const rng = new Random(2);
    for (let epoch = 0; epoch < 3; epoch++) {
      for (const indices of batchIndices(mnist.train.count, 64, rng)) {
        const { x, labels } = batch(mnist.train, indices);
        optimizer.zeroGrad();
        crossEntropy(net.forward(x), labels).backward();
        optimizer.step();
      }
    }
    const all = Array.from({ length: mnist.test.count }, (_, i) => i);
    const { x, labels } = batch(mnist.test, all);
    const predicted = noGrad(() => predictedClasses(net.eval().forward(x)));
    expect(accuracy(predicted, labels)).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
