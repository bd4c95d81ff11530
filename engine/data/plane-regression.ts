// Regression over the plane, as TensorFlow Playground's two regression tasks: a real-valued target at points of the
// square [-1, 1]², to fit with one linear output and mean squared error. 'plane' is the tilted plane (x₁ + x₂)/2, which
// a linear model fits exactly; 'bumps' is six Gaussian bumps of alternating sign in two rows, which needs hidden units.

import type { Dataset } from './dataset.ts';
import { checkCount, checkNoise, generatorFor, type SamplingOptions } from './sampling.ts';

/** The surface to fit. */
export type PlaneRegressionShape = 'plane' | 'bumps';

/** The six bumps of 'bumps': centre (x₁, x₂) and height ±1, in two rows of alternating sign. */
export const BUMPS: readonly (readonly [number, number, number])[] = [
  [-2 / 3, 0.4, 1], [0, 0.4, -1], [2 / 3, 0.4, 1],
  [-2 / 3, -0.4, -1], [0, -0.4, 1], [2 / 3, -0.4, -1],
];
/** The standard deviation of each bump. */
export const BUMP_WIDTH = 0.22;

/** The noiseless surface of a shape, to draw the truth beside the samples. */
export function planeRegressionTarget(shape: PlaneRegressionShape): (x1: number, x2: number) => number {
  switch (shape) {
    case 'plane':
      return (x1, x2) => (x1 + x2) / 2;
    case 'bumps':
      return (x1, x2) => {
        let total = 0;
        for (const [c1, c2, height] of BUMPS) {
          const d2 = (x1 - c1) ** 2 + (x2 - c2) ** 2;
          total += height * Math.exp(-d2 / (2 * BUMP_WIDTH * BUMP_WIDTH));
        }
        return total;
      };
    default:
      throw new RangeError(`planeRegression: unknown shape '${String(shape)}'; use 'plane' or 'bumps'`);
  }
}

/** n points drawn uniformly from [-1, 1]², each with the surface's value plus Gaussian noise of standard deviation `noise`. */
export function planeRegression(shape: PlaneRegressionShape, options: SamplingOptions = {}): Dataset {
  const { n = 200, noise = 0 } = options;
  checkCount(n, 'planeRegression');
  checkNoise(noise);
  const target = planeRegressionTarget(shape);
  const rng = generatorFor(options);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = rng.uniform(-1, 1);
    const x2 = rng.uniform(-1, 1);
    x.push([x1, x2]);
    y.push(target(x1, x2) + (noise > 0 ? rng.normal(0, noise) : 0));
  }
  return { x, y };
}
