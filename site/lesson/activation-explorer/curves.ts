// What the explorer draws: f on a grid, f′ by the engine's autograd and by the lesson's formula,
// their largest difference, and the stretches where the gradient vanishes.

import { Tensor, sum } from '../../../engine/index.ts';
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
}

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
  let maxDifference = 0;
  for (let i = 0; i < count; i++) maxDifference = Math.max(maxDifference, Math.abs(autograd[i] - formula[i]));
  return { x, f: Float64Array.from(output.data), autograd, formula, maxDifference };
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
