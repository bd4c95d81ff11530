import { mul, sum, tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, matrix } from '../cases.ts';
import { gradOf, leaf } from '../engine-oracle.ts';

/** Add the gradient of an L2 penalty (weight decay) to a weight gradient. */
export default defineExercise({
  kind: 'code',
  id: 'weight-decay-gradient',
  title: 'The gradient of L2 weight decay',
  prompt: `Training minimises $L(W) + \\frac{\\lambda}{2} \\lVert W \\rVert^2$, where $\\lVert W \\rVert^2$ is the sum of the
squared entries. Given $W$, the data loss's gradient $\\partial L / \\partial W$ and $\\lambda$, return the gradient of
the whole objective. (This is what the \`weight_decay\` argument of \`torch.optim.SGD\` adds, and the \`weightDecay\`
option of this course's \`SGD\`.)`,
  functionName: 'weightDecayGradient',
  signature: 'weightDecayGradient(W: number[][], dW: number[][], lambda: number): number[][]',
  starter: `function weightDecayGradient(W: number[][], dW: number[][], lambda: number): number[][] {
  return zeros(W.length, W[0].length);
}`,
  solution: `function weightDecayGradient(W: number[][], dW: number[][], lambda: number): number[][] {
  return add(dW, mul(W, lambda));
}`,
  returns: 'value',
  parts: [{ name: 'dW' }],
  hints: [
    'The gradient of a sum is the sum of the gradients.',
    '$\\frac{\\partial}{\\partial w} \\frac{\\lambda}{2} w^2 = \\lambda w$.',
  ],
  explanation: `$\\nabla \\big(L + \\frac{\\lambda}{2}\\lVert W\\rVert^2\\big) = \\nabla L + \\lambda W$: every step also pulls each weight
towards zero by a fraction $\\eta\\lambda$ of itself, hence "weight decay".`,
  generate(rng) {
    const [rows, cols] = distinctSizes(rng, 2, 2, 6);
    return { args: [matrix(rng, rows, cols, -2, 2, [0], 0.1), matrix(rng, rows, cols, -1, 1), rng.uniform(0.01, 0.3)] };
  },
  oracle([W, dW, lambda]) {
    // L = Σ W ⊙ dW (a loss whose gradient is dW) + λ/2 ‖W‖².
    const w = leaf(W as number[][]);
    sum(mul(w, tensor(dW as number[][]))).add(sum(mul(w, w)).mul((lambda as number) / 2)).backward();
    return gradOf(w);
  },
  misconceptions: [
    {
      id: 'two-lambda',
      solution: `function weightDecayGradient(W: number[][], dW: number[][], lambda: number): number[][] {
  return add(dW, mul(W, 2 * lambda));
}`,
      feedback: `You added $2\\lambda W$: that is the gradient of $\\lambda\\lVert W\\rVert^2$. The penalty here is $\\frac{\\lambda}{2}\\lVert W\\rVert^2$, whose $\\frac12$ cancels the 2.`,
    },
    {
      id: 'minus-lambda',
      solution: `function weightDecayGradient(W: number[][], dW: number[][], lambda: number): number[][] {
  return sub(dW, mul(W, lambda));
}`,
      feedback: `You subtracted $\\lambda W$. The penalty grows with $\\lVert W \\rVert$, so its gradient $+\\lambda W$ points away from zero; the descent step then pulls the weights back.`,
    },
    {
      id: 'l1-sign',
      solution: `function weightDecayGradient(W: number[][], dW: number[][], lambda: number): number[][] {
  return add(dW, map(W, (w) => lambda * Math.sign(w)));
}`,
      feedback: `You added $\\lambda\\,\\operatorname{sign}(W)$, the gradient of the L1 penalty $\\lambda\\lVert W\\rVert_1$. The L2 penalty's gradient is $\\lambda W$.`,
    },
    {
      id: 'penalty-only',
      solution: `function weightDecayGradient(W: number[][], dW: number[][], lambda: number): number[][] {
  return mul(W, lambda);
}`,
      feedback: `You returned only the penalty's gradient $\\lambda W$; add the data loss's gradient $\\partial L/\\partial W$ too.`,
    },
  ],
});
