import { add, linear, mseLoss, mul, reshape, sum, tanh, tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { awayFrom, distinctSizes, matrix, vector } from '../cases.ts';
import { gradOf, leaf } from '../engine-oracle.ts';

const SIGNATURE_ARGS = 'x: number[], y: number, W1: number[][], b1: number[], w2: number[], b2: number';

/** The forward pass every solution shares: pre-activations `a`, hidden outputs `z`, the prediction `yHat`. */
const FORWARD = `  const a = W1.map((row, j) => dot(row, x) + b1[j]);
  const z = a.map((aj) => Math.tanh(aj));
  const yHat = dot(w2, z) + b2;`;

/** The reference's backward pass: δ = ŷ − y at the output, δ_j = (1 − z_j²) w_j δ at hidden unit j. */
const BACKWARD = `  const delta = yHat - y;
  const deltas = z.map((zj, j) => (1 - zj * zj) * w2[j] * delta);
  return {
    dW1: deltas.map((dj) => x.map((xi) => dj * xi)),
    db1: deltas,
    dw2: z.map((zj) => delta * zj),
    db2: delta,
  };`;

/** A solution: the shared forward pass, then `body` (which returns the four gradients). */
function solutionWith(body: string): string {
  return `function tanhNetworkBackward(${SIGNATURE_ARGS}) {
${FORWARD}
${body}
}`;
}

/** Backpropagation through the tanh network of the lecture notes, with its two δ's as they should read. */
export default defineExercise({
  kind: 'code',
  id: 'tanh-network-backward',
  title: 'Backpropagation through a tanh network',
  prompt: `A network with one hidden layer of $m$ tanh units and one linear output takes an example $x$ (a vector of $d$
numbers) with target $y$:

$$
\\begin{aligned}
a_j &= \\textstyle\\sum_i W_{1,ji}\\, x_i + b_{1,j},\\\\
z_j &= \\tanh(a_j),\\\\
\\hat y &= \\textstyle\\sum_j w_{2,j}\\, z_j + b_2,\\\\
L &= \\tfrac12 (y - \\hat y)^2 .
\\end{aligned}
$$

$W_1$ is $m \\times d$ (row $j$ holds the weights into hidden unit $j$), $b_1$ and $w_2$ have $m$ entries and $b_2$ is a
number. Return the gradient of $L$ with respect to every weight and bias, \`{ dW1, db1, dw2, db2 }\`, each the shape of
its parameter. Each is scored on its own.`,
  functionName: 'tanhNetworkBackward',
  signature: `tanhNetworkBackward(${SIGNATURE_ARGS}): { dW1: number[][]; db1: number[]; dw2: number[]; db2: number }`,
  starter: `function tanhNetworkBackward(${SIGNATURE_ARGS}) {
  return { dW1: zeros(W1.length, x.length), db1: zeros(b1.length), dw2: zeros(w2.length), db2: 0 };
}`,
  solution: solutionWith(BACKWARD),
  returns: 'object',
  parts: [{ name: 'dW1' }, { name: 'db1' }, { name: 'dw2' }, { name: 'db2' }],
  hints: [
    'Work with error signals: $\\delta = \\partial L/\\partial \\hat y$ at the output and $\\delta_j = \\partial L/\\partial a_j$ at each hidden unit. Each weight\'s gradient is the error signal of the unit it feeds times the value it multiplies.',
    'Differentiate $\\tfrac12 (y - \\hat y)^2$ with respect to $\\hat y$ carefully: the inner derivative is $-1$, so $\\delta = \\hat y - y$.',
    'Hidden unit $j$ reaches the output only through $w_{2,j}$, and $\\tanh\'(a_j) = 1 - \\tanh^2(a_j) = 1 - z_j^2$: so $\\delta_j = (1 - z_j^2)\\, w_{2,j}\\, \\delta$.',
    'Then $\\partial L/\\partial w_{2,j} = \\delta\\, z_j$, $\\partial L/\\partial b_2 = \\delta$, $\\partial L/\\partial W_{1,ji} = \\delta_j\\, x_i$ and $\\partial L/\\partial b_{1,j} = \\delta_j$.',
  ],
  explanation: `At the output, $\\delta = \\partial L/\\partial \\hat y = \\hat y - y$: the chain rule on $\\tfrac12 (y - \\hat y)^2$ brings
down the 2 and an inner derivative of $-1$. At hidden unit $j$, $\\delta_j = \\partial L/\\partial a_j = (1 - z_j^2)\\, w_{2,j}\\, \\delta$,
because $z_j = \\tanh(a_j)$ has derivative $1 - \\tanh^2(a_j) = 1 - z_j^2$ (written with the unit's output, which the forward
pass already stored) and $z_j$ reaches $\\hat y$ through $w_{2,j}$. Each weight's gradient is then the δ of the unit it
feeds times its input: $\\partial L/\\partial w_{2,j} = \\delta z_j$, $\\partial L/\\partial W_{1,ji} = \\delta_j x_i$, and each bias
gets its unit's δ. The lecture notes print $\\delta = y - \\hat y$ and $\\delta_j = (1 - z_j)^2 w_j \\delta$: the first flips
every gradient, so a step "downhill" would climb the loss, and the second is not the derivative of tanh.`,
  generate(rng) {
    const [inputs, hidden] = distinctSizes(rng, 2, 2, 6);
    const x = vector(rng, inputs, -1.5, 1.5);
    // Output weights away from 0 (a unit with w = 0 passes nothing back) and from ±1 (where forgetting w changes nothing).
    const w2 = vector(rng, hidden, -1.5, 1.5, [0, -1, 1], 0.1);
    const b2 = awayFrom(rng, -0.5, 0.5);
    // Redraw the first layer until every pre-activation is at least 0.1 from 0, where 1 − a² and 1 − tanh²(a) agree.
    for (;;) {
      const W1 = matrix(rng, hidden, inputs, -1, 1);
      const b1 = vector(rng, hidden, -0.5, 0.5);
      const a = W1.map((row, j) => row.reduce((s, wji, i) => s + wji * x[i], b1[j]));
      if (a.some((aj) => Math.abs(aj) < 0.1)) continue;
      // The target at least 0.2 from the prediction, so the error signal δ is never near 0.
      const yHat = a.reduce((s, aj, j) => s + w2[j] * Math.tanh(aj), b2);
      const y = Math.round((yHat + (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform(0.2, 1.5)) * 1e4) / 1e4;
      return { args: [x, y, W1, b1, w2, b2] };
    }
  },
  // The engine's answer by autograd: ŷ = linear(tanh(linear(x, W1, b1)), w2 as a 1 × m weight, b2), L = ½ mseLoss(ŷ, y).
  oracle([x, y, W1, b1, w2, b2]) {
    const [w1, c1, v2, c2] = [leaf(W1 as number[][]), leaf(b1 as number[]), leaf(w2 as number[]), leaf(b2 as number)];
    const hidden = tanh(linear(tensor(x as number[]), w1, c1));
    const yHat = linear(hidden, reshape(v2, [1, (w2 as number[]).length]), c2);
    mul(mseLoss(yHat, y as number), 0.5).backward();
    return { dW1: gradOf(w1), db1: gradOf(c1), dw2: gradOf(v2), db2: c2.grad!.item() };
  },
  graph: {
    // The same network as one graph of scalars and vectors (ŷ = Σ w₂ ⊙ z + b₂), so every node has a chain-rule line.
    build([x, y, W1, b1, w2, b2]) {
      const parameter = (label: string, values: unknown) => tensor(values as number[], { requiresGrad: true, label });
      const a = linear(tensor(x as number[], { label: 'x' }), tensor(W1 as number[][], { requiresGrad: true, label: 'W1' }), parameter('b1', b1)).named('a');
      const z = tanh(a).named('z');
      const yHat = add(sum(mul(z, parameter('w2', w2)).named('w2z')), tensor(b2 as number, { requiresGrad: true, label: 'b2' })).named('yhat');
      return mul(mseLoss(yHat, y as number), 0.5).named('L');
    },
    parts: { dW1: 'W1', db1: 'b1', dw2: 'w2', db2: 'b2' },
    intermediates: { dyhat: 'yhat', dz: 'z', da: 'a' },
  },
  misconceptions: [
    {
      id: 'error-sign-flipped',
      node: 'yhat',
      solution: solutionWith(BACKWARD.replace('yHat - y', 'y - yHat')),
      feedback: `Every gradient has the wrong sign: you used $\\delta = y - \\hat y$ (as the lecture notes print it). For
$L = \\tfrac12 (y - \\hat y)^2$ the chain rule gives $\\partial L/\\partial \\hat y = -(y - \\hat y) = \\hat y - y$; with the
other sign a gradient step would climb the loss.`,
    },
    {
      id: 'squared-one-minus-z',
      node: 'a',
      solution: solutionWith(BACKWARD.replace('(1 - zj * zj)', '(1 - zj) * (1 - zj)')),
      feedback: `dW1 and db1 use $(1 - z_j)^2$, the lecture notes' misprint. The derivative of tanh is
$1 - \\tanh^2(a_j) = 1 - z_j^2$: square $z_j$, not $1 - z_j$.`,
    },
    {
      id: 'forgot-output-weight',
      node: 'z',
      solution: solutionWith(BACKWARD.replace(' * w2[j] * delta', ' * delta')),
      feedback: `dW1 and db1 skip the output weight: hidden unit $j$ reaches $\\hat y$ through $w_{2,j}$, so
$\\delta_j = (1 - z_j^2)\\, w_{2,j}\\, \\delta$. Without $w_{2,j}$ every hidden unit would receive the same output error $\\delta$, scaled only by its own slope,
whatever its weight to the output.`,
    },
    {
      id: 'derivative-at-pre-activation',
      node: 'a',
      solution: solutionWith(BACKWARD.replace('z.map((zj, j) => (1 - zj * zj)', 'a.map((aj, j) => (1 - aj * aj)')),
      feedback: `dW1 and db1 use $1 - a_j^2$. The formula $1 - z^2$ is written with tanh's output $z_j = \\tanh(a_j)$, not
its input: $\\tanh'(a_j) = 1 - \\tanh^2(a_j)$.`,
    },
    {
      id: 'pre-activation-as-input',
      node: 'w2',
      solution: solutionWith(BACKWARD.replace('z.map((zj) => delta * zj)', 'a.map((aj) => delta * aj)')),
      feedback: `dw2 multiplies by the pre-activation $a_j$. The output weight $w_{2,j}$ multiplies the hidden unit's output
$z_j = \\tanh(a_j)$, so $\\partial L/\\partial w_{2,j} = \\delta\\, z_j$.`,
    },
    {
      id: 'forgot-tanh-derivative',
      node: 'a',
      solution: solutionWith(BACKWARD.replace('(1 - zj * zj) * w2[j] * delta', 'w2[j] * delta')),
      feedback: `dW1 and db1 leave out tanh's derivative: between $z_j$ and $a_j$ the gradient is multiplied by
$\\tanh'(a_j) = 1 - z_j^2$, so $\\delta_j = (1 - z_j^2)\\, w_{2,j}\\, \\delta$.`,
    },
  ],
});
