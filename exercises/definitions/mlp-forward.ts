import { linear, relu, tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, matrix, vector } from '../cases.ts';

/** The forward pass of a one-hidden-layer ReLU network on a batch, with the reference's own numbers (for the generator's checks). */
function forward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): { z1: number[][]; y: number[][] } {
  const affine = (rows: number[][], W: number[][], b: number[]) => rows.map((row) => W.map((w, j) => w.reduce((s, wk, k) => s + wk * row[k], b[j])));
  const z1 = affine(x, W1, b1);
  return { z1, y: affine(z1.map((row) => row.map((z) => Math.max(0, z))), W2, b2) };
}

/** The forward pass of a two-layer perceptron on a batch: relu(x W1ᵀ + b1) W2ᵀ + b2. */
export default defineExercise({
  kind: 'code',
  id: 'mlp-forward',
  title: 'The forward pass of an MLP',
  prompt: `A batch $x$ ($n \\times d$, one input per row: the lesson's $X$) goes through a hidden layer of $m$ ReLU units
and a linear output layer of $K$ units:
$h = \\operatorname{relu}(x W_1^\\top + b_1)$ and $\\hat y = h W_2^\\top + b_2$.
$W_1$ is $m \\times d$ and $W_2$ is $K \\times m$ (out × in, as \`torch.nn.Linear\`); each bias is added to every row.
Return $\\hat y$ ($n \\times K$).`,
  functionName: 'mlpForward',
  signature: 'mlpForward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): number[][]',
  starter: `function mlpForward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): number[][] {
  return zeros(x.length, W2.length);
}`,
  solution: `function mlpForward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): number[][] {
  const z1 = add(matmul(x, transpose(W1)), x.map(() => b1));
  const h = map(z1, (z) => Math.max(0, z));
  return add(matmul(h, transpose(W2)), x.map(() => b2));
}`,
  returns: 'value',
  parts: [{ name: 'output' }],
  hints: [
    'Check the shapes first: $x$ is $n \\times d$ and $W_1$ is $m \\times d$, so $x W_1^\\top$ is $n \\times m$.',
    'The bias is a vector of $m$ numbers added to each of the $n$ rows: `x.map(() => b1)` is a matrix whose rows are all $b_1$.',
    'The ReLU goes between the layers, on the hidden pre-activations only: `map(z1, (z) => Math.max(0, z))`. The output layer is linear.',
  ],
  explanation: `Row $i$ of $x W_1^\\top$ holds the sums $\\sum_k W_{1,jk}\\, x_{ik}$, one per hidden unit $j$: the matrix form of the
per-unit sums. Add $b_1$ to every row, apply the ReLU entry by entry, and repeat with $W_2$ and $b_2$, without an
activation at the end (the output activation, if any, belongs to the loss). The shapes are
$(n\\times d)(d\\times m) = n\\times m$, then $(n\\times m)(m\\times K) = n\\times K$: one row of outputs per input.`,
  generate(rng) {
    const [n, d, hidden, classes] = distinctSizes(rng, 4, 2, 7);
    const x = matrix(rng, n, d, -2, 2);
    // Redraw until every hidden pre-activation is at least 0.05 from ReLU's kink, some unit is off
    // (so a forgotten ReLU shows), and some output is negative (so a ReLU on the output shows).
    for (;;) {
      const W1 = matrix(rng, hidden, d, -1, 1);
      const b1 = vector(rng, hidden, -0.5, 0.5);
      const W2 = matrix(rng, classes, hidden, -1, 1);
      const b2 = vector(rng, classes, -0.5, 0.5);
      const { z1, y } = forward(x, W1, b1, W2, b2);
      const pre = z1.flat();
      const clear = pre.every((z) => Math.abs(z) >= 0.05) && pre.some((z) => z < 0) && y.flat().some((v) => v < 0);
      if (clear) return { args: [x, W1, b1, W2, b2] };
    }
  },
  detectors: ['zeros', 'sign', 'transposed'],
  oracle: ([x, W1, b1, W2, b2]) =>
    linear(relu(linear(tensor(x as number[][]), tensor(W1 as number[][]), tensor(b1 as number[]))), tensor(W2 as number[][]), tensor(b2 as number[])).toArray(),
  misconceptions: [
    {
      id: 'forgot-relu',
      solution: `function mlpForward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): number[][] {
  const h = add(matmul(x, transpose(W1)), x.map(() => b1));
  return add(matmul(h, transpose(W2)), x.map(() => b2));
}`,
      feedback: `Your network has no ReLU between the layers, so it is one linear layer in disguise (lesson 2). Apply $\\operatorname{relu}$ to every hidden pre-activation $x W_1^\\top + b_1$ before the second layer.`,
    },
    {
      id: 'relu-on-output',
      solution: `function mlpForward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): number[][] {
  const h = map(add(matmul(x, transpose(W1)), x.map(() => b1)), (z) => Math.max(0, z));
  return map(add(matmul(h, transpose(W2)), x.map(() => b2)), (z) => Math.max(0, z));
}`,
      feedback: `You applied the ReLU to the output too, so your network can never output a negative number. The output layer here is linear: $\\hat y = h W_2^\\top + b_2$, with no activation after it.`,
    },
    {
      id: 'bias-after-relu',
      solution: `function mlpForward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): number[][] {
  const h = add(map(matmul(x, transpose(W1)), (z) => Math.max(0, z)), x.map(() => b1));
  return add(matmul(h, transpose(W2)), x.map(() => b2));
}`,
      feedback: `You added the hidden bias after the ReLU. The bias belongs inside: $h = \\operatorname{relu}(x W_1^\\top + b_1)$, so it moves each unit's kink instead of shifting its output.`,
    },
    {
      id: 'examples-as-columns',
      solution: `function mlpForward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[]): number[][] {
  const h = map(matmul(W1, transpose(x)), (z, j) => Math.max(0, z + b1[j]));
  return map(matmul(W2, h), (z, k) => z + b2[k]);
}`,
      feedback: `Your output is $K \\times n$, one column per input: you used the one-input formula $W h$ with the inputs as columns and never transposed back. With the inputs as rows the layer is $x W^\\top + b$, which keeps one row per input.`,
    },
  ],
});
