// The L1 penalty λ Σ|w|, as TensorFlow Playground offers beside L2. Its gradient is λ sign(w), with sign(0) = 0
// (the subgradient PyTorch's abs takes at zero). It pushes every weight toward zero by the same amount per step
// whatever its size, so small weights reach zero and stay there: L1 makes networks sparse where L2 only shrinks.
//
// Fast paths (the Playground's FastMLP) add the penalty's gradient directly after backpropagation, before the
// optimizer's step; tests/engine/optim/l1-penalty.test.ts proves it equal to autograd of λ Σ|w| through `abs`.

import type { Tensor } from '../tensor.ts';

/** The L1 penalty λ Σᵢ |wᵢ| over the given tensors' values. */
export function l1PenaltyValue(tensors: Iterable<Tensor>, lambda: number): number {
  let total = 0;
  for (const t of tensors) for (const v of t.data) total += Math.abs(v);
  return lambda * total;
}

/**
 * Adds the L1 penalty's gradient, λ sign(w), to each tensor's gradient (sign(0) = 0). Does nothing for λ = 0;
 * refuses a negative or non-finite λ and a tensor without a gradient.
 */
export function addL1Gradient(tensors: Iterable<Tensor>, lambda: number): void {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`addL1Gradient: λ must be a finite number ≥ 0, got ${lambda}`);
  if (lambda === 0) return;
  for (const t of tensors) {
    const grad = t.grad;
    if (grad === null || grad === undefined) throw new Error('addL1Gradient: a tensor has no gradient yet; run backward first');
    const values = t.data;
    const g = grad.data;
    for (let i = 0; i < values.length; i++) g[i] += lambda * Math.sign(values[i]);
  }
}
