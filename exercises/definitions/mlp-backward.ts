import { crossEntropy, linear, relu, tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { classIndices, distinctSizes, matrix, vector } from '../cases.ts';
import { gradOf, leaf } from '../engine-oracle.ts';

const SOLUTION_FORWARD = `  const n = x.length;
  const z1 = add(matmul(x, transpose(W1)), x.map(() => b1));
  const h = map(z1, (z) => Math.max(0, z));
  const z2 = add(matmul(h, transpose(W2)), x.map(() => b2));
  const dz2 = z2.map((row, i) => {
    const top = Math.max(...row);
    const e = row.map((z) => Math.exp(z - top));
    const total = sum(e) as number;
    return e.map((ej, j) => (ej / total - (j === targets[i] ? 1 : 0)) / n);
  });`;

/** Backpropagation through a two-layer perceptron with ReLU and softmax cross-entropy. */
export default defineExercise({
  kind: 'code',
  id: 'mlp-backward',
  title: 'Backpropagation through a two-layer network',
  prompt: `A batch $x$ ($N \\times D$) goes through $z_1 = x W_1^\\top + b_1$, $h = \\operatorname{relu}(z_1)$,
$z_2 = h W_2^\\top + b_2$, and the loss is the mean cross-entropy of $z_2$ against the class indices \`targets\`.
$W_1$ is $H \\times D$ and $W_2$ is $C \\times H$ (out × in, as \`torch.nn.Linear\`). Return the four gradients
\`{ dW1, db1, dW2, db2 }\`; each is scored on its own. You may also return the gradients on the way,
\`dz2\`, \`dh\` and \`dz1\` (not scored): if an answer is wrong, they show exactly where it parts from autograd.`,
  functionName: 'mlpBackward',
  signature:
    'mlpBackward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[], targets: number[]): { dW1: number[][]; db1: number[]; dW2: number[][]; db2: number[] }',
  starter: `function mlpBackward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[], targets: number[]) {
  return {
    dW1: zeros(W1.length, W1[0].length),
    db1: zeros(b1.length),
    dW2: zeros(W2.length, W2[0].length),
    db2: zeros(b2.length),
  };
}`,
  solution: `function mlpBackward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[], targets: number[]) {
${SOLUTION_FORWARD}
  const dW2 = matmul(transpose(dz2), h);
  const db2 = sum(dz2, 0) as number[];
  const dh = matmul(dz2, W2);
  const dz1 = map(dh, (g, i, j) => (z1[i][j] > 0 ? g : 0));
  return { dW1: matmul(transpose(dz1), x), db1: sum(dz1, 0) as number[], dW2, db2 };
}`,
  returns: 'object',
  parts: [{ name: 'dW1' }, { name: 'db1' }, { name: 'dW2' }, { name: 'db2' }],
  hints: [
    'Go backwards one step at a time: $\\partial L/\\partial z_2$, then the second layer, then $\\partial L/\\partial h$, then through the ReLU, then the first layer.',
    '$\\partial L/\\partial z_2 = (\\operatorname{softmax}(z_2) - \\text{one-hot})/N$, row by row.',
    'For $z = h W^\\top + b$: $\\partial L/\\partial W = (\\partial L/\\partial z)^\\top h$, $\\partial L/\\partial b$ = column sums of $\\partial L/\\partial z$, $\\partial L/\\partial h = (\\partial L/\\partial z)\\, W$.',
    "Through the ReLU: keep $\\partial L/\\partial h$ where $z_1 > 0$, zero elsewhere.",
  ],
  explanation: `With $\\delta_2 = (\\operatorname{softmax}(z_2) - Y)/N$: $\\partial L/\\partial W_2 = \\delta_2^\\top h$ ($C\\times H$, the shape of
$W_2$), $\\partial L/\\partial b_2 = \\sum_i \\delta_{2,i}$, $\\delta_1 = (\\delta_2 W_2) \\odot [z_1 > 0]$,
$\\partial L/\\partial W_1 = \\delta_1^\\top x$ and $\\partial L/\\partial b_1 = \\sum_i \\delta_{1,i}$. Every weight gradient has
its weight's shape, which tells you the order of the factors in each product.`,
  generate(rng) {
    const [n, d, hidden, classes] = distinctSizes(rng, 4, 2, 7);
    const x = matrix(rng, n, d, -1, 1);
    const W2 = matrix(rng, classes, hidden, -1, 1);
    const b2 = vector(rng, classes, -0.5, 0.5);
    const targets = classIndices(rng, n, classes);
    // Redraw the first layer until every pre-activation is at least 0.05 from ReLU's kink.
    for (;;) {
      const W1 = matrix(rng, hidden, d, -1, 1);
      const b1 = vector(rng, hidden, -0.5, 0.5);
      const clear = x.every((row) => W1.every((w, j) => Math.abs(w.reduce((s, wk, k) => s + wk * row[k], b1[j])) >= 0.05));
      if (clear) return { args: [x, W1, b1, W2, b2, targets] };
    }
  },
  batchSize: (args) => (args[0] as number[][]).length,
  oracle([x, W1, b1, W2, b2, targets]) {
    const [w1, c1, w2, c2] = [leaf(W1 as number[][]), leaf(b1 as number[]), leaf(W2 as number[][]), leaf(b2 as number[])];
    crossEntropy(linear(relu(linear(tensor(x as number[][]), w1, c1)), w2, c2), targets as number[]).backward();
    return { dW1: gradOf(w1), db1: gradOf(c1), dW2: gradOf(w2), db2: gradOf(c2) };
  },
  graph: {
    build([x, W1, b1, W2, b2, targets]) {
      const parameter = (label: string, values: unknown) => tensor(values as number[][], { requiresGrad: true, label });
      const z1 = linear(tensor(x as number[][], { label: 'x' }), parameter('W1', W1), parameter('b1', b1)).named('z1');
      const z2 = linear(relu(z1).named('h'), parameter('W2', W2), parameter('b2', b2)).named('z2');
      return crossEntropy(z2, targets as number[]).named('L');
    },
    parts: { dW1: 'W1', db1: 'b1', dW2: 'W2', db2: 'b2' },
    intermediates: { dz2: 'z2', dh: 'h', dz1: 'z1' },
  },
  misconceptions: [
    {
      id: 'forgot-relu-derivative',
      node: 'z1',
      solution: `function mlpBackward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[], targets: number[]) {
${SOLUTION_FORWARD}
  const dz1 = matmul(dz2, W2);
  return { dW1: matmul(transpose(dz1), x), db1: sum(dz1, 0) as number[], dW2: matmul(transpose(dz2), h), db2: sum(dz2, 0) as number[] };
}`,
      feedback: `dW1 and db1 ignore the ReLU: between $h$ and $z_1$ the gradient is multiplied by $\\operatorname{relu}'(z_1) = [z_1 > 0]$, so units that were off pass nothing back.`,
    },
    {
      id: 'transposed-weight-gradients',
      node: 'W2',
      solution: `function mlpBackward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[], targets: number[]) {
${SOLUTION_FORWARD}
  const dz1 = map(matmul(dz2, W2), (g, i, j) => (z1[i][j] > 0 ? g : 0));
  return { dW1: matmul(transpose(x), dz1), db1: sum(dz1, 0) as number[], dW2: matmul(transpose(h), dz2), db2: sum(dz2, 0) as number[] };
}`,
      feedback: `Your weight gradients are transposed: that is the rule for $z = xW$ (in × out). Here $z = xW^\\top$ with $W$ out × in, so $\\partial L/\\partial W = \\delta^\\top x$, which has $W$'s shape.`,
    },
    {
      id: 'forgot-batch-mean',
      node: 'z2',
      solution: `function mlpBackward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[], targets: number[]) {
  const z1 = add(matmul(x, transpose(W1)), x.map(() => b1));
  const h = map(z1, (z) => Math.max(0, z));
  const z2 = add(matmul(h, transpose(W2)), x.map(() => b2));
  const dz2 = z2.map((row, i) => {
    const e = row.map((z) => Math.exp(z));
    const total = sum(e) as number;
    return e.map((ej, j) => ej / total - (j === targets[i] ? 1 : 0));
  });
  const dz1 = map(matmul(dz2, W2), (g, i, j) => (z1[i][j] > 0 ? g : 0));
  return { dW1: matmul(transpose(dz1), x), db1: sum(dz1, 0) as number[], dW2: matmul(transpose(dz2), h), db2: sum(dz2, 0) as number[] };
}`,
      feedback: `Every gradient is $N$ times too large: the loss is the mean over the batch, so $\\partial L/\\partial z_2 = (\\operatorname{softmax}(z_2) - Y)/N$. The $1/N$ enters once, at the top, and flows down.`,
    },
    {
      id: 'averaged-bias-gradients',
      node: 'b2',
      solution: `function mlpBackward(x: number[][], W1: number[][], b1: number[], W2: number[][], b2: number[], targets: number[]) {
${SOLUTION_FORWARD}
  const dz1 = map(matmul(dz2, W2), (g, i, j) => (z1[i][j] > 0 ? g : 0));
  const mean = (v: number[]) => v.map((g) => g / n);
  return { dW1: matmul(transpose(dz1), x), db1: mean(sum(dz1, 0) as number[]), dW2: matmul(transpose(dz2), h), db2: mean(sum(dz2, 0) as number[]) };
}`,
      feedback: `Your bias gradients are divided by $N$ twice. The bias is added to every row, so its gradient is the **sum** of the rows of $\\delta$; the $1/N$ is already inside $\\delta$.`,
    },
  ],
});
