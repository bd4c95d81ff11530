// What a definition's `oracle` is built from: the engine's autograd on plain arrays. Each code
// exercise computes its answer once more with the engine, and the tests prove the reference
// solution (and so every expected value the grader uses) equal to it. Only the tests and the
// build call an oracle; no page ships one.

import { tensor, type Tensor } from '../engine/index.ts';

/** A number, a vector or a matrix as nested arrays, the form exercise arguments take. */
type Values = number | number[] | number[][];

/** A tensor that records its gradient, made from plain numbers. */
export function leaf(values: Values): Tensor {
  return tensor(values, { requiresGrad: true });
}

/** A leaf's gradient after `backward()`, as plain arrays. */
export function gradOf(t: Tensor): number[] | number[][] {
  return t.grad!.toArray() as number[] | number[][];
}

/** The gradient of an elementwise op at `x` for an upstream gradient: `op(x).backward(upstream)`, then x's gradient. */
export function elementwiseGradient(op: (x: Tensor) => Tensor, [x, upstream]: readonly unknown[]): number[] | number[][] {
  const input = leaf(x as Values);
  op(input).backward(tensor(upstream as Values));
  return gradOf(input);
}
