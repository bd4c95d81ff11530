// A checkerboard of two classes: many small regions, each needing its own
// piece of decision boundary.

import type { Dataset } from './dataset.ts';
import { checkCount, generatorFor, jitter, type SamplingOptions } from './sampling.ts';

/** Options for `checkerboard`: `noise` is the standard deviation added to each coordinate after labelling (0 by default). */
export interface CheckerboardOptions extends SamplingOptions {
  /** The number of squares along each side of the board, which covers [-1, 1]²; 4 by default. */
  cells?: number;
}

/** Points uniform on [-1, 1]², labelled by the colour of their square: (column + row) mod 2. */
export function checkerboard(options: CheckerboardOptions = {}): Dataset {
  const { n = 200, noise = 0, cells = 4 } = options;
  checkCount(n, 'checkerboard');
  if (!Number.isInteger(cells) || cells < 1) throw new RangeError(`checkerboard: cells must be a positive whole number, got ${cells}`);
  const rng = generatorFor(options);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    const column = Math.floor(((a + 1) / 2) * cells);
    const row = Math.floor(((b + 1) / 2) * cells);
    x.push([a, b]);
    y.push((column + row) % 2);
  }
  // The noise moves points after they are labelled, so some land on the wrong colour near the edges.
  jitter(x, noise, rng);
  return { x, y };
}
