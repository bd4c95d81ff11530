// Inverted dropout: while training, zero each element with probability p and
// scale the survivors by 1/(1 - p), so the expected value is unchanged and
// evaluation needs no rescaling. The mask is drawn from a seeded Random.

import { Tensor, gradBuffer } from '../tensor.ts';
import type { Random } from '../random.ts';

/**
 * Draws an inverted-dropout mask into mask[0 .. n): one draw per element in order, kept (1/(1 - p)) with probability
 * 1 - p, else 0. The op below and the fused MLP kernel (nn/fast-mlp.ts) both draw with it, so they draw alike.
 */
export function dropoutMask(mask: Float64Array, n: number, p: number, rng: Random): void {
  const keep = 1 - p;
  // With p = 1 every element is dropped; 1/(1 - p) would be infinite, and 0 · ∞ is NaN.
  for (let i = 0; i < n; i++) mask[i] = p < 1 && rng.next() < keep ? 1 / keep : 0;
}

/**
 * Inverted dropout: in training, each element is kept with probability 1 - p and scaled by 1/(1 - p), else zeroed;
 * in evaluation it is the identity. Backward: dL/dx = dL/dy · mask, the same mask as the forward pass.
 */
export function dropout(x: Tensor, p: number, rng: Random, training = true): Tensor {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`dropout: p must be a probability between 0 and 1, got ${p}`);
  if (!training || p === 0) return x;
  const mask = new Float64Array(x.size);
  dropoutMask(mask, mask.length, p, rng);
  const xs = x.data;
  const ys = new Float64Array(xs.length);
  for (let i = 0; i < ys.length; i++) ys[i] = xs[i] * mask[i];
  return Tensor.fromOp('dropout', ys, x.shape, [x], (g) => {
    const gx = gradBuffer(x)!;
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * mask[i];
  });
}
