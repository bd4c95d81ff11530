// What every dataset generator shares: where its randomness comes from, how it
// checks its point count, and the Gaussian noise it adds (the same isotropic
// jitter scikit-learn's make_moons and make_circles add).

import { Random } from '../random.ts';

/** Options common to every generator: how many points, how much noise, and the seed (or generator) to draw from. */
export interface SamplingOptions {
  /** The number of points to generate. */
  n?: number;
  /** The standard deviation of the Gaussian noise added to each coordinate (each target, for regression). */
  noise?: number;
  /** The seed of a fresh generator; ignored when `rng` is given. Defaults to 0. */
  seed?: number;
  /** A generator to draw from instead of a fresh seeded one, for chaining several draws. */
  rng?: Random;
}

/** The generator a dataset should draw from: the one passed in, or a fresh one from the seed (0 by default). */
export function generatorFor(options: SamplingOptions): Random {
  return options.rng ?? new Random(options.seed ?? 0);
}

/** Adds independent Gaussian noise with standard deviation `std` to every coordinate of every row, in place. */
export function jitter(rows: number[][], std: number, rng: Random): number[][] {
  checkNoise(std);
  if (std === 0) return rows;
  for (const row of rows) {
    for (let j = 0; j < row.length; j++) row[j] += rng.normal(0, std);
  }
  return rows;
}

/** Throws a readable error unless the noise is a standard deviation of zero or more. */
export function checkNoise(std: number): void {
  if (!(std >= 0) || !Number.isFinite(std)) throw new RangeError(`noise: the standard deviation must be zero or more, got ${std}`);
}

/** Throws a readable error unless `n` is a positive whole number of points. */
export function checkCount(n: number, where: string): void {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${where}: n must be a positive whole number of points, got ${n}`);
}

/** `count` evenly spaced numbers from `start`, stepping so that `stop` is reached (or only approached, without the endpoint). */
export function linspace(start: number, stop: number, count: number, endpoint = true): number[] {
  if (count === 1) return [start];
  const step = (stop - start) / (endpoint ? count - 1 : count);
  return Array.from({ length: count }, (_, i) => start + i * step);
}

/** Shuffles the rows of a dataset and their targets together, in place, so classes are not stored in blocks. */
export function shuffleTogether(x: number[][], y: number[], rng: Random): void {
  const order = rng.shuffle(Array.from({ length: x.length }, (_, i) => i));
  const xs = order.map((i) => x[i]);
  const ys = order.map((i) => y[i]);
  for (let i = 0; i < order.length; i++) {
    x[i] = xs[i];
    y[i] = ys[i];
  }
}
