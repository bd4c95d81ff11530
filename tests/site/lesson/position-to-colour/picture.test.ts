import { describe, expect, test } from 'vitest';
import { PICTURE_SIZE, colourAt, drawPicture, pixelPositions, toImageBytes } from '../../../../site/lesson/position-to-colour/picture.ts';

describe('the target picture', () => {
  test('is 64 × 64 RGB, every channel between 0 and 1, the same on every call', () => {
    const picture = drawPicture();
    expect(picture.size).toBe(PICTURE_SIZE);
    expect(picture.rgb.length).toBe(64 * 64 * 3);
    for (const value of picture.rgb) expect(value >= 0 && value <= 1).toBe(true);
    expect(drawPicture().rgb).toEqual(picture.rgb);
  });

  test('has sharp edges and fine detail: many neighbouring pixels jump, and stripes two pixels wide', () => {
    const { rgb, size } = drawPicture();
    const colour = (row: number, column: number) => Array.from(rgb.subarray((row * size + column) * 3, (row * size + column) * 3 + 3));
    let jumps = 0;
    for (let row = 0; row < size; row++) {
      for (let column = 1; column < size; column++) {
        const [a, b] = [colour(row, column - 1), colour(row, column)];
        if (Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) > 0.5) jumps++;
      }
    }
    expect(jumps).toBeGreaterThan(400);
    // The narrowest stripes (row 16, from column 20): two pixels of one colour, then two of the other.
    const stripes = [20, 21, 22, 23, 24, 25].map((column) => colour(16, column).join());
    expect(stripes[0]).toBe(stripes[1]);
    expect(stripes[2]).toBe(stripes[3]);
    expect(stripes[0]).not.toBe(stripes[2]);
    expect(stripes[4]).toBe(stripes[0]);
  });

  test('is colourful: the disc, the ring, the checker and the letters each have their own colour', () => {
    const centre = colourAt(0.75, 0.25);
    const ring = colourAt(0.75 + 0.15, 0.25);
    const checker = [colourAt(0.1 + 0.5 / 64, 0.6), colourAt(0.1 + 4.5 / 64, 0.6)];
    const letter = colourAt(0.58, 0.8);
    const distinct = new Set([centre, ring, ...checker, letter].map((c) => c.join()));
    expect(distinct.size).toBe(5);
  });

  test('pixel positions are the pixel centres, x across and y down, in the picture’s order', () => {
    const positions = pixelPositions(4);
    expect(Array.from(positions.subarray(0, 4))).toEqual([0.125, 0.125, 0.375, 0.125]);
    // Pixel 5 is row 1, column 1.
    expect(Array.from(positions.subarray(10, 12))).toEqual([0.375, 0.375]);
    expect(positions.length).toBe(32);
  });

  test('RGB from 0 to 1 becomes opaque RGBA bytes', () => {
    const bytes = toImageBytes([0, 0.5, 1, 1, 1, 0], new Uint8ClampedArray(8));
    expect(Array.from(bytes)).toEqual([0, 128, 255, 255, 255, 255, 0, 255]);
  });
});
