import { describe, expect, test } from 'vitest';
import { MNIST_BOX, MNIST_SIDE, centreOfMass, preprocessDrawing } from '../../../../site/lesson/mnist-lab/preprocess.ts';
import { loadMnistSubset } from '../../../../scripts/mnist-subset.ts';

const SIZE = 280;

/** A 280×280 drawing with ink where `inside(x, y)` holds. */
function drawing(inside: (x: number, y: number) => boolean): Float64Array {
  const ink = new Float64Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) if (inside(x, y)) ink[y * SIZE + x] = 1;
  return ink;
}

/** The rows and columns of a 28×28 image that hold any ink: [width, height]. */
function inkExtent(image: Float64Array): [number, number] {
  const cols = new Set<number>();
  const rows = new Set<number>();
  image.forEach((v, i) => {
    if (v > 0) {
      cols.add(i % MNIST_SIDE);
      rows.add(Math.floor(i / MNIST_SIDE));
    }
  });
  return [cols.size, rows.size];
}

describe('preprocessing a drawing like MNIST', () => {
  test('a small, off-centre ring is scaled to fit 20×20 and its centre of mass moved to the centre of 28×28', () => {
    // A ring 60 px wide and 90 px tall in the top-left corner.
    const ink = drawing((x, y) => {
      const d = ((x - 50) / 30) ** 2 + ((y - 60) / 45) ** 2;
      return d <= 1 && d >= 0.45;
    });
    const image = preprocessDrawing(ink, SIZE, SIZE);
    expect(image.length).toBe(784);
    const [width, height] = inkExtent(image);
    expect(height).toBe(MNIST_BOX);
    expect(width).toBeGreaterThanOrEqual(13);
    expect(width).toBeLessThanOrEqual(14);
    const [cx, cy] = centreOfMass(image)!;
    expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
    // Anti-aliased: values between 0 and 1, some of them grey at the edges.
    expect(Math.min(...image)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...image)).toBeLessThanOrEqual(1);
    expect(image.some((v) => v > 0.05 && v < 0.95)).toBe(true);
  });

  test('a blank drawing gives a blank image', () => {
    expect(preprocessDrawing(new Float64Array(SIZE * SIZE), SIZE, SIZE).every((v) => v === 0)).toBe(true);
    expect(centreOfMass(new Float64Array(784))).toBeNull();
    expect(() => preprocessDrawing(new Float64Array(10), SIZE, SIZE)).toThrow(/10 ink values for a 280×280 drawing/);
  });

  test('a thin stroke, smaller than one MNIST pixel per canvas pixel, still fills its box', () => {
    // A vertical bar 3 px wide and 12 px tall: scaled up, not down.
    const image = preprocessDrawing(drawing((x, y) => x >= 100 && x < 103 && y >= 100 && y < 112), SIZE, SIZE);
    const [width, height] = inkExtent(image);
    expect([width, height]).toEqual([5, 20]);
  });

  test('an MNIST test image, drawn ten times larger, comes back close to itself', async () => {
    const mnist = await loadMnistSubset();
    for (const index of [0, 1, 2, 3]) {
      const original = Float64Array.from(mnist.test.pixels.subarray(index * 784, (index + 1) * 784), (v) => v / 255);
      const ink = new Float64Array(SIZE * SIZE);
      for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) ink[y * SIZE + x] = original[Math.floor(y / 10) * 28 + Math.floor(x / 10)];
      const again = preprocessDrawing(ink, SIZE, SIZE);
      // Cosine similarity: MNIST's digits already fit 20×20 and are centred by mass, so little moves.
      let dot = 0;
      let a = 0;
      let b = 0;
      for (let i = 0; i < 784; i++) {
        dot += original[i] * again[i];
        a += original[i] ** 2;
        b += again[i] ** 2;
      }
      expect(dot / Math.sqrt(a * b)).toBeGreaterThan(0.9);
    }
  });
});
