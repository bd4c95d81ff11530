// Interleaved spiral arms, one per class, as in CS231n's spiral example: hard
// for a small network, so it shows what depth and width buy.

import type { Dataset } from './dataset.ts';
import { checkCount, generatorFor, jitter, linspace, shuffleTogether, type SamplingOptions } from './sampling.ts';

/** Options for `spirals`: `noise` is the standard deviation added to each coordinate (0.05 by default). */
export interface SpiralsOptions extends SamplingOptions {
  /** The number of arms, one class each (2 by default). */
  classes?: number;
  /** How many full turns each arm makes from the centre to radius 1 (1 by default). */
  turns?: number;
}

/** Points along `classes` spiral arms from the centre outwards, arm k rotated by 2πk/classes, labelled by arm. */
export function spirals(options: SpiralsOptions = {}): Dataset {
  const { n = 200, noise = 0.05, classes = 2, turns = 1 } = options;
  checkCount(n, 'spirals');
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`spirals: classes must be a positive whole number, got ${classes}`);
  const rng = generatorFor(options);
  const x: number[][] = [];
  const y: number[] = [];
  for (let k = 0; k < classes; k++) {
    // The first n mod classes arms get one extra point so the total is exactly n.
    const count = Math.floor(n / classes) + (k < n % classes ? 1 : 0);
    for (const r of linspace(0.05, 1, count)) {
      const angle = (2 * Math.PI * k) / classes + 2 * Math.PI * turns * r;
      x.push([r * Math.cos(angle), r * Math.sin(angle)]);
      y.push(k);
    }
  }
  jitter(x, noise, rng);
  shuffleTogether(x, y, rng);
  return { x, y };
}
