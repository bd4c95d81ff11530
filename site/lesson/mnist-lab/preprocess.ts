// A drawn digit made to look like MNIST's, as the data set's makers prepared theirs (LeCun, Cortes and Burges):
// the ink's bounding box is scaled, keeping its proportions, to fit a 20×20 box (each new pixel the mean ink of
// the area it covers, so edges come out grey: anti-aliased), then placed in the 28×28 image so that its centre of
// mass sits at the image's centre, pixel (14, 14) counting from 0 (where MNIST's own digits have theirs, to within
// half a pixel). Without this a digit drawn small or off-centre looks nothing like the training
// images, and the network, which never saw one moved, guesses badly.

/** The side of an MNIST image in pixels. */
export const MNIST_SIDE = 28;
/** The side of the box the digit's ink is scaled to fit. */
export const MNIST_BOX = 20;

/** The 784 inputs in [0, 1] (row-major, 1 = ink) for a drawing of `width` × `height` ink values in [0, 1]; all zeros when nothing is drawn. */
export function preprocessDrawing(ink: ArrayLike<number>, width: number, height: number): Float64Array {
  if (ink.length !== width * height) throw new RangeError(`preprocessDrawing: ${ink.length} ink values for a ${width}×${height} drawing`);
  const out = new Float64Array(MNIST_SIDE * MNIST_SIDE);
  // The ink's bounding box.
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] <= 0) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  if (right < 0) return out;
  const boxWidth = right - left + 1;
  const boxHeight = bottom - top + 1;
  // Scale so the longer side is 20 pixels; the box of the fitted digit is w × h.
  const scale = MNIST_BOX / Math.max(boxWidth, boxHeight);
  const w = Math.max(1, Math.round(boxWidth * scale));
  const h = Math.max(1, Math.round(boxHeight * scale));
  // Each fitted pixel averages samples spread over the source area it covers: at least one per source pixel.
  const samples = Math.min(32, Math.max(2, Math.ceil(1 / scale)));
  const fitted = new Float64Array(w * h);
  for (let v = 0; v < h; v++) {
    for (let u = 0; u < w; u++) {
      let total = 0;
      for (let sy = 0; sy < samples; sy++) {
        const y = Math.min(bottom, top + Math.floor(((v + (sy + 0.5) / samples) * boxHeight) / h));
        for (let sx = 0; sx < samples; sx++) {
          const x = Math.min(right, left + Math.floor(((u + (sx + 0.5) / samples) * boxWidth) / w));
          total += ink[y * width + x];
        }
      }
      fitted[v * w + u] = Math.min(1, total / (samples * samples));
    }
  }
  // The centre of mass of the fitted digit, in pixel indices.
  let mass = 0;
  let cx = 0;
  let cy = 0;
  for (let v = 0; v < h; v++) {
    for (let u = 0; u < w; u++) {
      const m = fitted[v * w + u];
      mass += m;
      cx += m * u;
      cy += m * v;
    }
  }
  // Shift by whole pixels so the centre of mass lands on pixel (14, 14), the digit kept inside.
  const dx = Math.min(MNIST_SIDE - w, Math.max(0, Math.round(MNIST_SIDE / 2 - cx / mass)));
  const dy = Math.min(MNIST_SIDE - h, Math.max(0, Math.round(MNIST_SIDE / 2 - cy / mass)));
  for (let v = 0; v < h; v++) {
    for (let u = 0; u < w; u++) out[(v + dy) * MNIST_SIDE + (u + dx)] = fitted[v * w + u];
  }
  return out;
}

/** The centre of mass (x, y) of a 28×28 image of inputs, in pixel indices (0 to 27), or null when it is blank. */
export function centreOfMass(image: ArrayLike<number>): [number, number] | null {
  let mass = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < image.length; i++) {
    mass += image[i];
    cx += image[i] * (i % MNIST_SIDE);
    cy += image[i] * Math.floor(i / MNIST_SIDE);
  }
  return mass === 0 ? null : [cx / mass, cy / mass];
}
