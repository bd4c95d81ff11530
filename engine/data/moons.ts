// Two interleaving half circles, as scikit-learn's make_moons: the standard
// small test that a network can bend its decision boundary.

import type { Dataset } from './dataset.ts';
import { checkCount, generatorFor, jitter, linspace, shuffleTogether, type SamplingOptions } from './sampling.ts';

/** Points on two interleaving half circles (upper one label 0, lower one label 1), jittered by `noise` (0.1 by default) and shuffled. */
export function moons(options: SamplingOptions = {}): Dataset {
  const { n = 100, noise = 0.1 } = options;
  checkCount(n, 'moons');
  const rng = generatorFor(options);
  const upper = Math.floor(n / 2);
  const lower = n - upper;
  const x: number[][] = [];
  const y: number[] = [];
  for (const t of linspace(0, Math.PI, upper)) {
    x.push([Math.cos(t), Math.sin(t)]);
    y.push(0);
  }
  // The lower moon is the upper one turned over and shifted by (1, -1/2), so the two interlock.
  for (const t of linspace(0, Math.PI, lower)) {
    x.push([1 - Math.cos(t), 1 - Math.sin(t) - 0.5]);
    y.push(1);
  }
  jitter(x, noise, rng);
  shuffleTogether(x, y, rng);
  return { x, y };
}
