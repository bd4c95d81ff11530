// Two concentric circles, as scikit-learn's make_circles: no line separates
// them, but one hidden layer (or the feature x² + y²) does.

import type { Dataset } from './dataset.ts';
import { checkCount, generatorFor, jitter, linspace, shuffleTogether, type SamplingOptions } from './sampling.ts';

/** Options for `circles`: `noise` is the standard deviation added to each coordinate (0.05 by default). */
export interface CirclesOptions extends SamplingOptions {
  /** The inner circle's radius as a fraction of the outer one's (radius 1), between 0 and 1; 0.5 by default. */
  factor?: number;
}

/** Points evenly spaced on an outer circle (label 0) and an inner circle (label 1), jittered and shuffled. */
export function circles(options: CirclesOptions = {}): Dataset {
  const { n = 100, noise = 0.05, factor = 0.5 } = options;
  checkCount(n, 'circles');
  if (!(factor > 0 && factor < 1)) throw new RangeError(`circles: factor must be between 0 and 1, got ${factor}`);
  const rng = generatorFor(options);
  const outer = Math.floor(n / 2);
  const inner = n - outer;
  const x: number[][] = [];
  const y: number[] = [];
  for (const t of linspace(0, 2 * Math.PI, outer, false)) {
    x.push([Math.cos(t), Math.sin(t)]);
    y.push(0);
  }
  for (const t of linspace(0, 2 * Math.PI, inner, false)) {
    x.push([factor * Math.cos(t), factor * Math.sin(t)]);
    y.push(1);
  }
  jitter(x, noise, rng);
  shuffleTogether(x, y, rng);
  return { x, y };
}
