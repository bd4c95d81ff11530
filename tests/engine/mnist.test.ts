import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import { Tensor, noGrad } from '../../engine/tensor.ts';
import { crossEntropy } from '../../engine/ops/losses.ts';
import { SGD } from '../../engine/optim/sgd.ts';
import { MLP } from '../../engine/nn/mlp.ts';
import { batchIndices } from '../../engine/data/batches.ts';
import { accuracy } from '../../engine/data/accuracy.ts';
import { predictedClasses } from '../../engine/data/tensors.ts';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import {
  MNIST_GREY_LEVELS,
  MNIST_HEADER_BYTES,
  encodeMnistSubset,
  greyByte,
  greyLevel,
  mnistPixels,
  parseMnistSubset,
  quantiseMnistSubset,
  readMnistHeader,
  type MnistSplit,
} from '../../engine/data/mnist.ts';
import { MNIST_SEED, MNIST_SUBSET_PATH, MNIST_TEST_COUNT, MNIST_TRAIN_COUNT, buildMnistSubset, loadMnistSubset, readMnistPackage } from '../../scripts/mnist-subset.ts';

const mnist = await loadMnistSubset();
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

  test('every image is one of the package\'s at sixteen grey levels, with its label, and no image is in both splits', () => {
    const raw = readMnistPackage();
    const source = { labels: raw.labels, pixels: raw.pixels.map((v) => greyByte(greyLevel(v, MNIST_GREY_LEVELS), MNIST_GREY_LEVELS)) };
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

  test('the file is the package\'s subset at sixteen grey levels, deflated: under 0.8 MB, and the same bytes every time', async () => {
    expect(statSync(MNIST_SUBSET_PATH).size).toBeLessThan(800_000);
    const header = readMnistHeader(readFileSync(MNIST_SUBSET_PATH));
    expect(header).toMatchObject({ rows: 28, cols: 28, trainCount: 6000, testCount: 1000, seed: MNIST_SEED, greyLevels: 16 });
    const expected = quantiseMnistSubset(buildMnistSubset(), MNIST_GREY_LEVELS);
    for (const name of ['train', 'test'] as const) {
      expect(sameBytes(mnist[name].labels, expected[name].labels)).toBe(true);
      expect(sameBytes(mnist[name].pixels, expected[name].pixels)).toBe(true);
    }
    const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(hash(await encodeMnistSubset(buildMnistSubset()))).toBe(hash(readFileSync(MNIST_SUBSET_PATH)));
  });

  test('sixteen grey levels keep black and white exact and move no byte by more than 8', () => {
    expect(greyByte(greyLevel(0, 16), 16)).toBe(0);
    expect(greyByte(greyLevel(255, 16), 16)).toBe(255);
    for (let v = 0; v <= 255; v++) {
      const level = greyLevel(v, 16);
      expect(level).toBeGreaterThanOrEqual(0);
      expect(level).toBeLessThan(16);
      expect(Math.abs(greyByte(level, 16) - v)).toBeLessThanOrEqual(8);
      // At 256 levels nothing changes.
      expect(greyByte(greyLevel(v, 256), 256)).toBe(v);
    }
  });

  test('encoding and parsing round-trip at 256 and at 16 grey levels', async () => {
    for (const levels of [256, 16]) {
      const again = await parseMnistSubset(await encodeMnistSubset(mnist, levels));
      const expected = quantiseMnistSubset(mnist, levels);
      expect([again.rows, again.cols, again.seed]).toEqual([28, 28, MNIST_SEED]);
      for (const name of ['train', 'test'] as const) {
        expect(sameBytes(again[name].labels, expected[name].labels)).toBe(true);
        expect(sameBytes(again[name].pixels, expected[name].pixels)).toBe(true);
      }
    }
    await expect(encodeMnistSubset(mnist, 1)).rejects.toThrow(/greyLevels must be a whole number from 2 to 256/);
  });

  test('a damaged, truncated or foreign file is refused with a sentence saying what is wrong', async () => {
    const bytes = new Uint8Array(readFileSync(MNIST_SUBSET_PATH));
    await expect(parseMnistSubset(bytes.slice(0, 10))).rejects.toThrow(/10 bytes is too short for the 28-byte header/);
    await expect(parseMnistSubset(bytes.slice(0, bytes.length - 1))).rejects.toThrow(/promises \d+ compressed bytes after its 28, but the file has \d+; it was cut short/);
    await expect(parseMnistSubset(new Uint8Array([...bytes, 0]))).rejects.toThrow(/something follows it/);
    const foreign = bytes.slice();
    foreign[0] = 'X'.charCodeAt(0);
    await expect(parseMnistSubset(foreign)).rejects.toThrow(/not 'MNSB'/);
    const old = bytes.slice();
    old[4] = 1;
    await expect(parseMnistSubset(old)).rejects.toThrow(/format version 1, but this reader knows version 2; rebuild it with npm run data/);
    // A flipped byte in the middle of the deflated body: the inflater or zlib's Adler-32 checksum catches it.
    const damaged = bytes.slice();
    const middle = MNIST_HEADER_BYTES + (damaged.length - MNIST_HEADER_BYTES) / 2;
    damaged[Math.floor(middle)] ^= 0xff;
    await expect(parseMnistSubset(damaged)).rejects.toThrow(/the compressed images are damaged and cannot be inflated/);
    // A header that promises more images than the body holds.
    const more = bytes.slice();
    new DataView(more.buffer).setUint32(8, 6001, true);
    await expect(parseMnistSubset(more)).rejects.toThrow(/promises 6001 \+ 1000 images of 28×28 \(5495785 bytes inflated\), but the body inflates to 5495000/);
    const fewer = bytes.slice();
    new DataView(fewer.buffer).setUint32(8, 5999, true);
    await expect(parseMnistSubset(fewer)).rejects.toThrow(/promises 5999 \+ 1000 images .* but the body inflates to more/);
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
