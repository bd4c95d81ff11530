import { crossEntropy } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { classIndices, distinctSizes, matrix } from '../cases.ts';
import { gradOf, leaf } from '../engine-oracle.ts';

/** The gradient of the mean softmax cross-entropy with respect to the logits. */
export default defineExercise({
  kind: 'code',
  id: 'softmax-cross-entropy-backward',
  title: 'Backward through softmax and cross-entropy',
  prompt: `A batch of $N$ examples has logits $Z$ ($N \\times C$) and target classes $t_i \\in \\{0, \\dots, C - 1\\}$. The loss
is the mean cross-entropy of the softmax, $L = -\\frac1N \\sum_i \\log \\operatorname{softmax}(\\mathbf z_i)_{t_i}$, as
\`torch.nn.CrossEntropyLoss\`. Return $\\partial L / \\partial Z$.`,
  functionName: 'softmaxCrossEntropyBackward',
  signature: 'softmaxCrossEntropyBackward(logits: number[][], targets: number[]): number[][]',
  starter: `function softmaxCrossEntropyBackward(logits: number[][], targets: number[]): number[][] {
  return zeros(logits.length, logits[0].length);
}`,
  solution: `function softmaxCrossEntropyBackward(logits: number[][], targets: number[]): number[][] {
  const n = logits.length;
  return logits.map((row, i) => {
    const top = Math.max(...row);
    const e = row.map((z) => Math.exp(z - top));
    const total = sum(e) as number;
    return e.map((ej, j) => (ej / total - (j === targets[i] ? 1 : 0)) / n);
  });
}`,
  returns: 'value',
  parts: [{ name: 'dLogits' }],
  hints: [
    'Start from one example: the gradient of $-\\log \\operatorname{softmax}(\\mathbf z)_t$ with respect to $\\mathbf z$.',
    'It is $\\operatorname{softmax}(\\mathbf z) - \\mathbf e_t$: the probabilities, minus 1 at the target class.',
    'Average over the batch: divide every row by $N$. Subtract the row maximum before `Math.exp` to avoid overflow.',
  ],
  explanation: `For one example $\\partial(-\\log p_t)/\\partial z_j = p_j - [j = t]$: the softmax's Jacobian and the log's
$1/p_t$ collapse into "probabilities minus the one-hot target". The mean over the batch divides by $N$. The gradient
pushes up the target's logit and pushes down the others in proportion to their probability.`,
  generate(rng) {
    const [n, c] = distinctSizes(rng, 2, 3, 7);
    return { args: [matrix(rng, n, c, -2, 2), classIndices(rng, n, c)] };
  },
  batchSize: (args) => (args[0] as number[][]).length,
  oracle([logits, targets]) {
    const z = leaf(logits as number[][]);
    crossEntropy(z, targets as number[]).backward();
    return gradOf(z);
  },
  misconceptions: [
    {
      id: 'forgot-one-hot',
      solution: `function softmaxCrossEntropyBackward(logits: number[][], targets: number[]): number[][] {
  const n = logits.length;
  return logits.map((row) => {
    const e = row.map((z) => Math.exp(z));
    const total = sum(e) as number;
    return e.map((ej) => ej / total / n);
  });
}`,
      feedback: `You returned the softmax probabilities (over $N$) without subtracting the one-hot target: the gradient is $(\\operatorname{softmax}(\\mathbf z_i) - \\mathbf e_{t_i})/N$.`,
    },
    {
      id: 'summed-over-batch',
      solution: `function softmaxCrossEntropyBackward(logits: number[][], targets: number[]): number[][] {
  return logits.map((row, i) => {
    const e = row.map((z) => Math.exp(z));
    const total = sum(e) as number;
    return e.map((ej, j) => ej / total - (j === targets[i] ? 1 : 0));
  });
}`,
      feedback: `\`CrossEntropyLoss\` averages over the batch, so every row of the gradient is divided by $N$; yours is the gradient of the sum.`,
    },
    {
      id: 'one-hot-minus-softmax',
      solution: `function softmaxCrossEntropyBackward(logits: number[][], targets: number[]): number[][] {
  const n = logits.length;
  return logits.map((row, i) => {
    const e = row.map((z) => Math.exp(z));
    const total = sum(e) as number;
    return e.map((ej, j) => ((j === targets[i] ? 1 : 0) - ej / total) / n);
  });
}`,
      feedback: `Your sign is flipped: it is probabilities minus target, $\\mathbf p - \\mathbf e_t$. (Target minus probabilities is the direction the logits should move, the negative gradient.)`,
    },
  ],
});
