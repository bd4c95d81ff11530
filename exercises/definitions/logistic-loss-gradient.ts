import { binaryCrossEntropyWithLogits, matmul, tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, matrix, vector } from '../cases.ts';
import { gradOf, leaf } from '../engine-oracle.ts';

/** The gradient of the mean logistic (binary cross-entropy) loss of a logistic neuron. */
export default defineExercise({
  kind: 'code',
  id: 'logistic-loss-gradient',
  title: 'Gradient of the logistic loss',
  prompt: `A logistic neuron predicts $p_i = \\sigma(\\mathbf x_i \\cdot \\mathbf w + b)$ for each row $\\mathbf x_i$ of $X$
($N \\times d$), with labels $y_i \\in \\{0, 1\\}$. The loss is the mean binary cross-entropy
$L = -\\frac1N \\sum_i \\big(y_i \\log p_i + (1 - y_i) \\log(1 - p_i)\\big)$. Return \`{ dw, db }\`, its gradient with
respect to $\\mathbf w$ and $b$.`,
  functionName: 'logisticLossGradient',
  signature: 'logisticLossGradient(X: number[][], y: number[], w: number[], b: number): { dw: number[]; db: number }',
  starter: `function logisticLossGradient(X: number[][], y: number[], w: number[], b: number): { dw: number[]; db: number } {
  return { dw: zeros(w.length), db: 0 };
}`,
  solution: `function logisticLossGradient(X: number[][], y: number[], w: number[], b: number): { dw: number[]; db: number } {
  const n = X.length;
  const error = X.map((row, i) => 1 / (1 + Math.exp(-(dot(row, w) + b))) - y[i]);
  const dw = matmul([error], X)[0].map((g) => g / n);
  return { dw, db: (sum(error) as number) / n };
}`,
  returns: 'object',
  parts: [{ name: 'dw' }, { name: 'db' }],
  hints: [
    'Work with the score $z_i = \\mathbf x_i\\cdot\\mathbf w + b$: first find $\\partial L/\\partial z_i$.',
    "With the sigmoid's derivative the terms simplify: $\\partial L/\\partial z_i = (p_i - y_i)/N$.",
    '$\\partial L/\\partial \\mathbf w = \\sum_i \\mathbf x_i\\, \\partial L/\\partial z_i$, that is $X^\\top (\\mathbf p - \\mathbf y)/N$.',
  ],
  explanation: `$\\partial L/\\partial z_i = (p_i - y_i)/N$: the $\\sigma'(z) = p(1-p)$ of the chain rule cancels against the
$1/p$ and $1/(1-p)$ of the logarithms. So $\\nabla_{\\mathbf w} L = X^\\top(\\mathbf p - \\mathbf y)/N$ and
$\\partial L/\\partial b = \\overline{\\mathbf p - \\mathbf y}$: the error, weighted by the inputs.`,
  generate(rng) {
    const [n, d] = distinctSizes(rng, 2, 3, 8);
    const X = matrix(rng, n, d, -1.5, 1.5);
    // Weights small enough that every |z| <= 3: the sigmoid is not saturated, so p - y is informative.
    const w = vector(rng, d, -0.8, 0.8).map((wi) => wi / Math.sqrt(d));
    const y = X.map(() => rng.int(2));
    return { args: [X, y, w, Math.round(rng.uniform(-0.5, 0.5) * 1e4) / 1e4] };
  },
  batchSize: (args) => (args[0] as number[][]).length,
  oracle([X, y, w, b]) {
    const weights = leaf(w as number[]);
    const bias = leaf(b as number);
    const scores = matmul(tensor(X as number[][]), weights.reshape([(w as number[]).length, 1])).reshape([(X as number[][]).length]).add(bias);
    binaryCrossEntropyWithLogits(scores, tensor(y as number[])).backward();
    return { dw: gradOf(weights), db: bias.grad!.item() };
  },
  misconceptions: [
    {
      id: 'extra-sigmoid-derivative',
      solution: `function logisticLossGradient(X: number[][], y: number[], w: number[], b: number): { dw: number[]; db: number } {
  const n = X.length;
  const dz = X.map((row, i) => {
    const p = 1 / (1 + Math.exp(-(dot(row, w) + b)));
    return (p - y[i]) * p * (1 - p);
  });
  return { dw: matmul([dz], X)[0].map((g) => g / n), db: (sum(dz) as number) / n };
}`,
      feedback: `You multiplied $p - y$ by $\\sigma'(z) = p(1 - p)$ again. With cross-entropy that factor is already used: it cancels against the logarithm's $1/p$, leaving $\\partial L/\\partial z = (p - y)/N$. (The extra factor belongs to a squared error.)`,
    },
    {
      id: 'forgot-sigmoid',
      solution: `function logisticLossGradient(X: number[][], y: number[], w: number[], b: number): { dw: number[]; db: number } {
  const n = X.length;
  const dz = X.map((row, i) => dot(row, w) + b - y[i]);
  return { dw: matmul([dz], X)[0].map((g) => g / n), db: (sum(dz) as number) / n };
}`,
      feedback: `You used the score $z$ where the prediction is $p = \\sigma(z)$: the error term is $\\sigma(z) - y$.`,
    },
    {
      id: 'summed-over-batch',
      solution: `function logisticLossGradient(X: number[][], y: number[], w: number[], b: number): { dw: number[]; db: number } {
  const error = X.map((row, i) => 1 / (1 + Math.exp(-(dot(row, w) + b))) - y[i]);
  return { dw: matmul([error], X)[0], db: sum(error) as number };
}`,
      feedback: `The loss is the mean over the $N$ examples, so its gradient has a $1/N$: you returned the sum.`,
    },
  ],
});
