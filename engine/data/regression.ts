// One-dimensional regression targets: a curve, sampled at n points and blurred
// by noise, for fitting with a small network and watching it bend.

import type { Dataset } from './dataset.ts';
import { checkCount, checkNoise, generatorFor, linspace, type SamplingOptions } from './sampling.ts';

/** The shape of the curve to fit. */
export type RegressionShape = 'sin' | 'step' | 'abs' | 'polynomial';

/** Options for `regression`: `noise` is the standard deviation added to each target (0 by default). */
export interface RegressionOptions extends SamplingOptions {
  /** The interval the inputs cover; [-π, π] for 'sin' and [-1, 1] for the others by default. */
  range?: [number, number];
  /** 'grid' for evenly spaced inputs (the default), 'uniform' for random inputs, sorted. */
  sampling?: 'grid' | 'uniform';
  /** The polynomial's coefficients from the constant term up, for 'polynomial'; [0, -1, 0, 1] (x³ - x) by default. */
  coefficients?: number[];
}

/** The noiseless curve of a shape as a function, to draw the truth beside the samples. */
export function regressionTarget(shape: RegressionShape, coefficients: readonly number[] = [0, -1, 0, 1]): (x: number) => number {
  switch (shape) {
    case 'sin':
      return Math.sin;
    case 'step':
      return (x) => (x < 0 ? 0 : 1);
    case 'abs':
      return Math.abs;
    case 'polynomial':
      // Horner's rule: c0 + x (c1 + x (c2 + ...)).
      return (x) => coefficients.reduceRight((acc, c) => acc * x + c, 0);
    default:
      throw new RangeError(`regression: unknown shape '${String(shape)}'; use 'sin', 'step', 'abs' or 'polynomial'`);
  }
}

/** n samples of a curve: inputs as one-feature rows, targets the curve's value plus Gaussian noise. */
export function regression(shape: RegressionShape, options: RegressionOptions = {}): Dataset {
  const { n = 100, noise = 0, sampling = 'grid' } = options;
  checkCount(n, 'regression');
  checkNoise(noise);
  const f = regressionTarget(shape, options.coefficients);
  const [low, high] = options.range ?? (shape === 'sin' ? [-Math.PI, Math.PI] : [-1, 1]);
  const rng = generatorFor(options);
  const inputs = sampling === 'grid'
    ? linspace(low, high, n)
    : Array.from({ length: n }, () => rng.uniform(low, high)).sort((a, b) => a - b);
  const y = inputs.map((v) => f(v) + (noise > 0 ? rng.normal(0, noise) : 0));
  return { x: inputs.map((v) => [v]), y };
}
