import { dropout, Random, tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, matrix } from '../cases.ts';
import { gradOf, leaf } from '../engine-oracle.ts';

/** Backpropagate through inverted dropout, given the mask the forward pass drew. */
export default defineExercise({
  kind: 'code',
  id: 'dropout-backward',
  title: 'Backward through inverted dropout',
  prompt: `In training, inverted dropout keeps each entry with probability $1 - p$ and scales the survivors:
$y = x \\odot m / (1 - p)$, where the mask $m$ has a 1 for a kept entry and a 0 for a dropped one. Given the upstream
gradient $\\partial L / \\partial y$, the mask $m$ and $p$, return $\\partial L / \\partial x$.`,
  functionName: 'dropoutBackward',
  signature: 'dropoutBackward(upstream: number[][], mask: number[][], p: number): number[][]',
  starter: `function dropoutBackward(upstream: number[][], mask: number[][], p: number): number[][] {
  return zeros(upstream.length, upstream[0].length);
}`,
  solution: `function dropoutBackward(upstream: number[][], mask: number[][], p: number): number[][] {
  return map(mul(upstream, mask), (g) => g / (1 - p));
}`,
  returns: 'value',
  parts: [{ name: 'dx' }],
  hints: [
    'For a fixed mask, $y$ is linear in $x$: each $y_{ij}$ is $x_{ij}$ times a constant.',
    'That constant is $m_{ij} / (1 - p)$: the same factor multiplies the gradient on the way back.',
  ],
  explanation: `$y = x \\odot m/(1-p)$ is elementwise and linear in $x$, so $\\partial L/\\partial x = \\partial L/\\partial y \\odot m/(1-p)$:
dropped entries get no gradient, kept ones get it scaled by the same $1/(1-p)$ as the forward pass.`,
  generate(rng) {
    const [rows, cols] = distinctSizes(rng, 2, 3, 7);
    // p away from 1/2, where 1/(1 - p) = 2 would make a missing scale look like a factor-of-two slip.
    const p = Math.round(rng.uniform(0.15, 0.4) * 100) / 100;
    const seed = rng.nextUint32();
    // The mask is the one the engine's dropout draws with this seed: which entries survive, as 0 and 1.
    const ones = tensor(Array.from({ length: rows }, () => new Array<number>(cols).fill(1)));
    const kept = dropout(ones, p, new Random(seed)).toArray() as number[][];
    const mask = kept.map((row) => row.map((v) => (v === 0 ? 0 : 1)));
    return { args: [matrix(rng, rows, cols, -1, 1, [0], 0.05), mask, p], meta: { seed } };
  },
  oracle([upstream, , p], exerciseCase) {
    const x = leaf((upstream as number[][]).map((row) => row.map(() => 1)));
    dropout(x, p as number, new Random((exerciseCase.meta as { seed: number }).seed)).backward(tensor(upstream as number[][]));
    return gradOf(x);
  },
  misconceptions: [
    {
      id: 'forgot-scale',
      solution: `function dropoutBackward(upstream: number[][], mask: number[][], p: number): number[][] {
  return mul(upstream, mask);
}`,
      feedback: `You applied the mask but not the scale: the forward pass multiplied the kept entries by $1/(1 - p)$, so the backward pass must too.`,
    },
    {
      id: 'scaled-by-p',
      solution: `function dropoutBackward(upstream: number[][], mask: number[][], p: number): number[][] {
  return map(mul(upstream, mask), (g) => g / p);
}`,
      feedback: `You divided by $p$, the drop probability; the survivors are scaled by $1/(1 - p)$, one over the keep probability.`,
    },
    {
      id: 'multiplied-by-keep',
      solution: `function dropoutBackward(upstream: number[][], mask: number[][], p: number): number[][] {
  return map(mul(upstream, mask), (g) => g * (1 - p));
}`,
      feedback: `You multiplied by $1 - p$: that is the old (non-inverted) dropout's test-time scaling. Inverted dropout divides by $1 - p$ during training.`,
    },
    {
      id: 'forgot-mask',
      solution: `function dropoutBackward(upstream: number[][], mask: number[][], p: number): number[][] {
  return map(upstream, (g) => g / (1 - p));
}`,
      feedback: `You scaled every entry, but the dropped entries had no effect on the output, so their gradient is 0: multiply by the mask too.`,
    },
  ],
});
