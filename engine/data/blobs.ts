// Gaussian blobs: each class a round cloud around its own centre, the easiest
// dataset to separate and the one where class count is a free choice.

import type { Dataset } from './dataset.ts';
import { checkCount, checkNoise, generatorFor, type SamplingOptions } from './sampling.ts';

/** Options for `blobs`: `noise` is each cloud's standard deviation (0.5 by default). */
export interface BlobsOptions extends SamplingOptions {
  /** The number of classes, one blob each (2 by default); ignored when `centers` is given. */
  classes?: number;
  /** The centre of each class; by default the classes sit evenly on a circle of radius 2. */
  centers?: [number, number][];
}

/** Points in Gaussian clouds, one per class, the classes taking turns so their sizes differ by at most one. */
export function blobs(options: BlobsOptions = {}): Dataset {
  const { n = 100, noise = 0.5 } = options;
  checkCount(n, 'blobs');
  checkNoise(noise);
  const classes = options.centers?.length ?? options.classes ?? 2;
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`blobs: classes must be a positive whole number, got ${classes}`);
  // Evenly spaced on a circle, starting at 45 degrees so two classes sit on the diagonal.
  const centers = options.centers ?? Array.from({ length: classes }, (_, k): [number, number] => {
    const angle = Math.PI / 4 + (2 * Math.PI * k) / classes;
    return [2 * Math.cos(angle), 2 * Math.sin(angle)];
  });
  const rng = generatorFor(options);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % classes;
    x.push([centers[k][0] + rng.normal(0, noise), centers[k][1] + rng.normal(0, noise)]);
    y.push(k);
  }
  return { x, y };
}
