// What the explorer draws: f on a grid, f′ by the engine's autograd, by the registry's formula and
// by central differences of f (a witness that shares no code with the backward rule), their largest
// differences, and the stretches where the gradient vanishes.

import { Tensor, noGrad, sum } from '../../../engine/index.ts';
import type { Activation } from './catalogue.ts';

/** An activation sampled on a grid. */
export interface Curves {
  /** The inputs: an even number of points, evenly spaced on [−range, range], so none lands on the kink at 0. */
  x: Float64Array;
  /** f(x) from the engine. */
  f: Float64Array;
  /** f′(x) from the engine's backward pass. */
  autograd: Float64Array;
  /** f′(x) from the lesson's formula. */
  formula: Float64Array;
  /** The largest |autograd − formula| over the grid. */
  maxDifference: number;
  /** The slope of f by central differences, (f(x + h) − f(x − h)) / 2h with h = CENTRAL_STEP. */
  numeric: Float64Array;
  /** The largest |autograd − central difference| over the grid: the differencing error, about 1e-10. */
  numericDifference: number;
}

/** The step h of the central differences: small enough for their O(h²) error, large enough for rounding. */
export const CENTRAL_STEP = 1e-5;

/** Samples `activation` with parameter `p` at `count` points on [−range, range] and differentiates it both ways. */
export function computeCurves(activation: Activation, p: number, range: number, count = 400): Curves {
  const x = new Float64Array(count);
  for (let i = 0; i < count; i++) x[i] = -range + (2 * range * i) / (count - 1);
  const input = new Tensor(x.slice(), [count], { requiresGrad: true });
  const output = activation.apply(input, p);
  // Every output depends on its own input alone, so d(Σ f(xᵢ))/dxᵢ = f′(xᵢ). The step records no
  // backward rule at all (its output is a constant to autograd), so nothing flows back: f′ = 0.
  if (output.requiresGrad) sum(output).backward();
  const autograd = input.grad ? Float64Array.from(input.grad.data) : new Float64Array(count);
  const formula = x.map((v) => activation.derivative(v, p));
  // The grid stays more than h from every kink (0, and ±1 for hard tanh), so each difference straddles none.
  const shifted = (h: number) => noGrad(() => activation.apply(new Tensor(x.map((v) => v + h), [count]), p).data);
  const [above, below] = [shifted(CENTRAL_STEP), shifted(-CENTRAL_STEP)];
  const numeric = x.map((_, i) => (above[i] - below[i]) / (2 * CENTRAL_STEP));
  let maxDifference = 0;
  let numericDifference = 0;
  for (let i = 0; i < count; i++) {
    maxDifference = Math.max(maxDifference, Math.abs(autograd[i] - formula[i]));
    numericDifference = Math.max(numericDifference, Math.abs(autograd[i] - numeric[i]));
  }
  return { x, f: Float64Array.from(output.data), autograd, formula, maxDifference, numeric, numericDifference };
}

/** The stretches [from, to] of the grid where |f′| < threshold, each widened to the midpoints around it. */
export function vanishingIntervals(x: Float64Array, gradient: Float64Array, threshold: number): [number, number][] {
  const intervals: [number, number][] = [];
  const n = x.length;
  const edge = (i: number, side: -1 | 1) => {
    const j = i + side;
    return j < 0 || j >= n ? x[i] : (x[i] + x[j]) / 2;
  };
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const small = i < n && Math.abs(gradient[i]) < threshold;
    if (small && start < 0) start = i;
    if (!small && start >= 0) {
      intervals.push([edge(start, -1), edge(i - 1, 1)]);
      start = -1;
    }
  }
  return intervals;
}
