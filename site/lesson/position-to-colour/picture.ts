// The picture the position-to-colour network learns, drawn by code (no download, the same pixels in every
// browser and in Node): a small colourful scene of sharp edges and fine detail, so that what a plain MLP
// blurs shows. A smooth diagonal background (which any network gets), stripes that narrow from 6 pixels to
// 2, a disc with a ring, a checker patch of 4- and 2-pixel squares and the letters "NN" in 2-pixel strokes.
// Each pixel takes the colour at its centre, with no antialiasing, so every edge is a jump.

/** The side of the picture in pixels: 64 × 64 = 4,096 positions to learn. */
export const PICTURE_SIZE = 64;

/** An RGB colour, each channel from 0 to 1. */
type Colour = readonly [number, number, number];

/** A picture: `size` × `size` pixels, row by row from the top, three channels from 0 to 1 per pixel. */
export interface Picture {
  /** The side in pixels. */
  readonly size: number;
  /** R, G, B of each pixel, row-major from the top-left (size · size · 3 numbers). */
  readonly rgb: Float64Array;
}

const hex = (value: number): Colour => [((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255];

const NAVY = hex(0x1b2a6b);
const ORANGE = hex(0xf28c28);
const CREAM = hex(0xfff4d6);
const RED = hex(0xd7263d);
const TEAL = hex(0x1b998b);
const MAGENTA = hex(0xc2185b);
const YELLOW = hex(0xffd23f);
const INK = hex(0x222222);

/** The distance from (u, v) to the segment from a to b. */
function segmentDistance(u: number, v: number, [ax, ay]: readonly [number, number], [bx, by]: readonly [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (ax + t * dx), v - (ay + t * dy));
}

/** The letter N as three strokes inside the box [x0, x0 + w] × [y0, y0 + h] (u to the right, v down). */
function letterN(x0: number, y0: number, w: number, h: number): [readonly [number, number], readonly [number, number]][] {
  return [
    [[x0, y0 + h], [x0, y0]],
    [[x0, y0], [x0 + w, y0 + h]],
    [[x0 + w, y0 + h], [x0 + w, y0]],
  ];
}

const STROKES = [...letterN(0.58, 0.62, 0.13, 0.3), ...letterN(0.79, 0.62, 0.13, 0.3)];

/** The colour at (u, v) in the unit square, u to the right and v down. */
export function colourAt(u: number, v: number): Colour {
  // Letters: strokes 2/64 wide, ink on the background.
  if (u > 0.5 && v > 0.5) {
    if (STROKES.some(([a, b]) => segmentDistance(u, v, a, b) < 1 / 64)) return INK;
  }
  // Stripes in the top-left quarter: bands 6, 4 then 2 pixels wide, orange on navy.
  if (u < 0.5 && v > 0.06 && v < 0.44) {
    const x = u * 64;
    const [start, width] = x < 12 ? [0, 6] : x < 20 ? [12, 4] : [20, 2];
    return Math.floor((x - start) / width) % 2 === 0 ? ORANGE : NAVY;
  }
  // A disc with a ring in the top-right quarter.
  if (u >= 0.5 && v < 0.5) {
    const r = Math.hypot(u - 0.75, v - 0.25);
    if (r < 0.12) return YELLOW;
    if (r < 0.18) return RED;
  }
  // A checker patch in the bottom-left quarter: 4-pixel squares above, 2-pixel squares below.
  if (u > 0.06 && u < 0.44 && v > 0.56 && v < 0.94) {
    const size = v < 0.75 ? 4 : 2;
    const cell = Math.floor((u * 64) / size) + Math.floor((v * 64) / size);
    return cell % 2 === 0 ? MAGENTA : CREAM;
  }
  // The background: a smooth blend from cream at the top-left to teal at the bottom-right.
  const t = (u + v) / 2;
  return [CREAM[0] + t * (TEAL[0] - CREAM[0]), CREAM[1] + t * (TEAL[1] - CREAM[1]), CREAM[2] + t * (TEAL[2] - CREAM[2])];
}

/** The picture at `size` × `size` pixels, each the colour at its centre ((i + ½)/size, (j + ½)/size). */
export function drawPicture(size = PICTURE_SIZE): Picture {
  if (!Number.isInteger(size) || size < 2) throw new RangeError(`drawPicture: size must be a whole number from 2, got ${size}`);
  const rgb = new Float64Array(size * size * 3);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const colour = colourAt((column + 0.5) / size, (row + 0.5) / size);
      rgb.set(colour, (row * size + column) * 3);
    }
  }
  return { size, rgb };
}

/** The pixels' positions, (x, y) = ((column + ½)/size, (row + ½)/size) for each pixel in the picture's order, row-major. */
export function pixelPositions(size: number): Float64Array {
  const out = new Float64Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      out[(row * size + column) * 2] = (column + 0.5) / size;
      out[(row * size + column) * 2 + 1] = (row + 0.5) / size;
    }
  }
  return out;
}

/** RGB values from 0 to 1 (three per pixel) as the RGBA bytes of an ImageData, written into `out`. */
export function toImageBytes(rgb: ArrayLike<number>, out: Uint8ClampedArray): Uint8ClampedArray {
  const pixels = rgb.length / 3;
  for (let i = 0; i < pixels; i++) {
    out[i * 4] = Math.round(rgb[i * 3] * 255);
    out[i * 4 + 1] = Math.round(rgb[i * 3 + 1] * 255);
    out[i * 4 + 2] = Math.round(rgb[i * 3 + 2] * 255);
    out[i * 4 + 3] = 255;
  }
  return out;
}
