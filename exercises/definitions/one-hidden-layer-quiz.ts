import { add, crossEntropy, linear, mul, sigmoid, sum, tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, matrix, vector } from '../cases.ts';
import { gradOf, leaf } from '../engine-oracle.ts';

const SIGNATURE_ARGS = 'x: number[], W1: number[][], b1: number[], W2: number[][], b2: number[], label: number, lambda: number';

/** The forward pass every solution shares, up to ŷ (`probabilities`), and the outer product the weight gradients use. */
const FORWARD = `  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const outer = (u: number[], v: number[]) => u.map((ui) => v.map((vj) => ui * vj));
  const z1 = W1.map((row, j) => dot(row, x) + b1[j]);
  const h = z1.map(sigmoid);
  const z2 = W2.map((row, k) => dot(row, h) + b2[k]);
  const top = Math.max(...z2);
  const e = z2.map((z) => Math.exp(z - top));
  const total = sum(e) as number;
  const probabilities = e.map((ek) => ek / total);`;

/** A solution of the quiz: the shared forward pass, then `body` (which returns the five gradients). */
function solutionWith(body: string): string {
  return `function oneHiddenLayerGradients(${SIGNATURE_ARGS}) {
${FORWARD}
${body}
}`;
}

/** The reference's backward pass, with ŷ − y at the top and the L2 term's λW on the weights only. */
const BACKWARD = `  // ∂J/∂z2 = ŷ − y, with y the one-hot vector of the label.
  const delta2 = probabilities.map((p, k) => p - (k === label ? 1 : 0));
  // ∂J/∂z1 = (W2ᵀ δ2) ⊙ σ′(z1), and σ′(z1) = h (1 − h).
  const delta1 = transpose(W2).map((column, j) => dot(column, delta2) * h[j] * (1 - h[j]));
  return {
    dW2: add(outer(delta2, h), mul(W2, lambda)),
    db2: delta2,
    dW1: add(outer(delta1, x), mul(W1, lambda)),
    db1: delta1,
    dx: transpose(W1).map((column) => dot(column, delta1)),
  };`;

/** The one-hidden-layer quiz: all five gradients of softmax cross-entropy with an L2 penalty on the weights. */
export default defineExercise({
  kind: 'code',
  id: 'one-hidden-layer-quiz',
  title: 'Every gradient of a one-hidden-layer network',
  prompt: `One example $x$ (a vector of $d_x$ numbers) goes through a hidden layer of $d_h$ sigmoid units and a softmax
over $n_c$ classes:

$$
\\begin{aligned}
z_1 &= W_1 x + b_1, & h &= \\sigma(z_1),\\\\
z_2 &= W_2 h + b_2, & \\hat y &= \\operatorname{softmax}(z_2),
\\end{aligned}
$$

with $W_1$ of size $d_h \\times d_x$ and $W_2$ of size $n_c \\times d_h$ (out × in). The objective is the cross-entropy
against the class \`label\` plus an L2 penalty on the two weight matrices (not on the biases):

$$
\\begin{aligned}
J = {}&-\\log \\hat y_{\\text{label}}\\\\
&+ \\frac{\\lambda}{2}\\left(\\lVert W_1 \\rVert_F^2 + \\lVert W_2 \\rVert_F^2\\right).
\\end{aligned}
$$

Return all five gradients \`{ dW2, db2, dW1, db1, dx }\`, each the shape of what it differentiates
($\\partial J/\\partial x$ included: it is what an earlier layer would receive). Each is scored on its own.`,
  functionName: 'oneHiddenLayerGradients',
  signature: `oneHiddenLayerGradients(${SIGNATURE_ARGS}): { dW2: number[][]; db2: number[]; dW1: number[][]; db1: number[]; dx: number[] }`,
  starter: `function oneHiddenLayerGradients(${SIGNATURE_ARGS}) {
  return {
    dW2: zeros(W2.length, W2[0].length),
    db2: zeros(b2.length),
    dW1: zeros(W1.length, W1[0].length),
    db1: zeros(b1.length),
    dx: zeros(x.length),
  };
}`,
  solution: solutionWith(BACKWARD),
  returns: 'object',
  parts: [{ name: 'dW2' }, { name: 'db2' }, { name: 'dW1' }, { name: 'db1' }, { name: 'dx' }],
  hints: [
    'Name two error signals and reuse them: $\\delta_2 = \\partial J/\\partial z_2$ (a vector of $n_c$) and $\\delta_1 = \\partial J/\\partial z_1$ (a vector of $d_h$). Every answer is built from one of them.',
    'Softmax followed by cross-entropy has the simplest gradient of all: $\\delta_2 = \\hat y - y$, with $y$ the one-hot vector of the label. Prediction minus target, in that order.',
    'To reach $z_1$, go back through $W_2$ and then through the sigmoid: $\\delta_1 = (W_2^\\top \\delta_2) \\odot \\sigma\'(z_1)$, and $\\sigma\'(z_1) = h\\,(1 - h)$.',
    'For $z = W a + b$: $\\partial J/\\partial W = \\delta\\, a^\\top$ (an outer product with $W$\'s shape), $\\partial J/\\partial b = \\delta$ and $\\partial J/\\partial a = W^\\top \\delta$. The penalty adds $\\lambda W$ to each weight gradient, and nothing to the biases.',
  ],
  explanation: `With $y$ the one-hot label, $\\delta_2 = \\hat y - y$ and $\\delta_1 = (W_2^\\top \\delta_2) \\odot h \\odot (1 - h)$. Then
$\\partial J/\\partial W_2 = \\delta_2 h^\\top + \\lambda W_2$ ($n_c \\times d_h$), $\\partial J/\\partial b_2 = \\delta_2$,
$\\partial J/\\partial W_1 = \\delta_1 x^\\top + \\lambda W_1$ ($d_h \\times d_x$), $\\partial J/\\partial b_1 = \\delta_1$ and
$\\partial J/\\partial x = W_1^\\top \\delta_1$ (the same length as $x$). The penalty $\\tfrac{\\lambda}{2}\\lVert W\\rVert_F^2$ has gradient
$\\lambda W$: the $\\tfrac12$ is there to cancel the 2 of the square. Written as $\\lambda \\lVert W \\rVert_F^2$ it would give $2\\lambda W$;
both are in use, so read which one a text means. The biases are not penalised: shrinking a bias does not make the
function any smoother. Checking shapes catches most slips here: $\\delta h^\\top$ and $h \\delta^\\top$ are transposes of each
other, and only one has the shape of $W$.`,
  generate(rng) {
    const [inputs, hidden, classes] = distinctSizes(rng, 3, 2, 6);
    const x = vector(rng, inputs, -2, 2);
    const W1 = matrix(rng, hidden, inputs, -1, 1);
    const b1 = vector(rng, hidden, -0.5, 0.5);
    const W2 = matrix(rng, classes, hidden, -1, 1);
    const b2 = vector(rng, classes, -0.5, 0.5);
    const label = rng.int(classes);
    // λ between 0.05 and 0.5, rounded to two digits so a visible case reads well; never 0, where the L2 slips vanish.
    const lambda = Math.round(rng.uniform(0.05, 0.5) * 100) / 100;
    return { args: [x, W1, b1, W2, b2, label, lambda] };
  },
  // The engine's answer by autograd: J = cross-entropy(z2, label) + (λ/2)(ΣW1² + ΣW2²), backward, read the five leaves.
  oracle([x, W1, b1, W2, b2, label, lambda]) {
    const [input, w1, c1, w2, c2] = [leaf(x as number[]), leaf(W1 as number[][]), leaf(b1 as number[]), leaf(W2 as number[][]), leaf(b2 as number[])];
    const logits = linear(sigmoid(linear(input, w1, c1)), w2, c2);
    const penalty = mul(add(sum(mul(w1, w1)), sum(mul(w2, w2))), (lambda as number) / 2);
    add(crossEntropy(logits, [label as number]), penalty).backward();
    return { dW2: gradOf(w2), db2: gradOf(c2), dW1: gradOf(w1), db1: gradOf(c1), dx: gradOf(input) };
  },
  graph: {
    build([x, W1, b1, W2, b2, label, lambda]) {
      const parameter = (name: string, values: unknown) => tensor(values as number[][], { requiresGrad: true, label: name });
      const [w1, w2] = [parameter('W1', W1), parameter('W2', W2)];
      const z1 = linear(parameter('x', x), w1, parameter('b1', b1)).named('z1');
      const z2 = linear(sigmoid(z1).named('h'), w2, parameter('b2', b2)).named('z2');
      const penalty = mul(add(sum(mul(w1, w1)), sum(mul(w2, w2))), (lambda as number) / 2).named('R');
      return add(crossEntropy(z2, [label as number]).named('CE'), penalty).named('J');
    },
    parts: { dW2: 'W2', db2: 'b2', dW1: 'W1', db1: 'b1', dx: 'x' },
    intermediates: { dz2: 'z2', dh: 'h', dz1: 'z1' },
  },
  misconceptions: [
    {
      id: 'error-sign-flipped',
      node: 'z2',
      solution: solutionWith(BACKWARD.replace('p - (k === label ? 1 : 0)', '(k === label ? 1 : 0) - p')),
      feedback: `Your error signal has the wrong sign: you used $y - \\hat y$. The gradient of softmax cross-entropy with respect
to the logits is $\\hat y - y$ (prediction minus target); with $y - \\hat y$ a gradient step would climb the loss. Every
gradient inherits the sign, except the $\\lambda W$ of the penalty, so they are not simply negated.`,
    },
    {
      id: 'forgot-sigmoid-derivative',
      node: 'z1',
      solution: solutionWith(BACKWARD.replace(' * h[j] * (1 - h[j])', '')),
      feedback: `dW1, db1 and dx skip the sigmoid: between $h$ and $z_1$ the gradient is multiplied by $\\sigma'(z_1) = h\\,(1 - h)$,
element by element, so $\\delta_1 = (W_2^\\top \\delta_2) \\odot h \\odot (1 - h)$.`,
    },
    {
      id: 'transposed-weight-gradients',
      node: 'W2',
      solution: solutionWith(BACKWARD.replace('outer(delta2, h)', 'outer(h, delta2)').replace('mul(W2, lambda)', 'mul(transpose(W2), lambda)').replace('outer(delta1, x)', 'outer(x, delta1)').replace('mul(W1, lambda)', 'mul(transpose(W1), lambda)')),
      feedback: `Your weight gradients are transposed: $h\\,\\delta^\\top$ is in × out. A gradient has the shape of what it
differentiates, and $W_2$ is $n_c \\times d_h$, so $\\partial J/\\partial W_2 = \\delta_2 h^\\top$ (and $\\partial J/\\partial W_1 = \\delta_1 x^\\top$).`,
    },
    {
      id: 'forgot-weight-penalty',
      node: 'W2',
      solution: solutionWith(BACKWARD.replace('add(outer(delta2, h), mul(W2, lambda))', 'outer(delta2, h)').replace('add(outer(delta1, x), mul(W1, lambda))', 'outer(delta1, x)')),
      feedback: `dW1 and dW2 leave out the L2 term. $J$ includes $\\tfrac{\\lambda}{2}\\lVert W\\rVert_F^2$, whose gradient
$\\lambda W$ adds to each weight gradient (this is weight decay).`,
    },
    {
      id: 'penalised-biases',
      node: 'b2',
      solution: solutionWith(BACKWARD.replace('db2: delta2', 'db2: add(delta2, mul(b2, lambda))').replace('db1: delta1', 'db1: add(delta1, mul(b1, lambda))')),
      feedback: `Your bias gradients include $\\lambda b$, but the penalty is on the weights only: $J$ has no $\\lVert b\\rVert^2$
term, so $\\partial J/\\partial b_2 = \\delta_2$ and $\\partial J/\\partial b_1 = \\delta_1$.`,
    },
    {
      id: 'penalty-without-half',
      node: 'W2',
      solution: solutionWith(BACKWARD.replace('mul(W2, lambda)', 'mul(W2, 2 * lambda)').replace('mul(W1, lambda)', 'mul(W1, 2 * lambda)')),
      feedback: `Your penalty gradient is $2\\lambda W$, the gradient of $\\lambda\\lVert W\\rVert_F^2$. The penalty here is
$\\tfrac{\\lambda}{2}\\lVert W\\rVert_F^2$, whose $\\tfrac12$ cancels the 2 of the square: its gradient is $\\lambda W$.`,
    },
  ],
});
