import { linear, matmul, mseLoss, sigmoid, softplus, tanh, tensor, type Tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, matrix, vector } from '../cases.ts';
import { compileTrusted } from '../prepare-cases.ts';
import { gradOf, leaf } from '../engine-oracle.ts';

/** The step of the central differences the prompt asks for, as the code writes it. */
const STEP = '1e-5';

// The tolerance is the grader's own (exercises/compare.ts: rtol 1e-6, atol 1e-9 · max(1, max|g|)), because at h = 1e-5
// it sits between the two errors that matter. Central differences are off by h²/6 · ∂³L plus the rounding ε · L / h,
// about 1e-11: under a tenth of the tolerance on every case the tests sweep, so a right answer passes with any step
// from 1e-7 to 1e-4. The one-sided difference is off by h/2 · ∂²L ≈ 5e-6 · ∂²L, more than three tolerances on some
// element of every graded set (tests/exercises/definitions/gradient-check.test.ts measures both). A looser rtol would
// let the one-sided difference pass; a much tighter one would fail central differences taken with another sound step.

/** The activations a case may use, in case order: every three consecutive cases use all three, so each candidate is the wrong one once. */
const ACTIVATIONS = ['tanh', 'sigmoid', 'softplus'] as const;

const SIGNATURE_ARGS = "w: number[], X: number[][], y: number[], activation: 'tanh' | 'sigmoid' | 'softplus'";

// What the student is given, below their function in the starter and in every solution (all top-level code runs before
// the function is called, so theirs can come first, where the editor opens): the function to check and three candidate
// backward functions. Each candidate gets one activation's derivative wrong (A: tanh′ written with the pre-activation,
// B: σ′ without its square, C: softplus′ with the sign of the exponent flipped), so which one is wrong depends on the case.
const SUPPLIED = `// The function to check: one neuron's mean squared error, L(w) = (1/m) Σₖ (φ(xₖ · w) − yₖ)².
function neuronLoss(${SIGNATURE_ARGS}): number {
  const errors = X.map((row, k) => activate(dot(row, w), activation) - y[k]);
  return dot(errors, errors) / X.length;
}

function activate(z: number, activation: string): number {
  if (activation === 'tanh') return Math.tanh(z);
  if (activation === 'sigmoid') return 1 / (1 + Math.exp(-z));
  return Math.log(1 + Math.exp(z)); // softplus
}

// Three backward functions for neuronLoss, each returning ∂L/∂w. All three look plausible.
function gradientA(${SIGNATURE_ARGS}): number[] {
  const slope = (z: number) =>
    activation === 'tanh' ? 1 - z * z : activation === 'sigmoid' ? activate(z, 'sigmoid') * (1 - activate(z, 'sigmoid')) : activate(z, 'sigmoid');
  const g = zeros(w.length);
  X.forEach((row, k) => {
    const z = dot(row, w);
    const factor = (2 / X.length) * (activate(z, activation) - y[k]) * slope(z);
    row.forEach((xi, i) => (g[i] += factor * xi));
  });
  return g;
}

function gradientB(${SIGNATURE_ARGS}): number[] {
  const slope = (z: number) =>
    activation === 'tanh' ? 1 - Math.tanh(z) ** 2 : activation === 'sigmoid' ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(-z));
  const factors = X.map((row, k) => (2 / X.length) * (activate(dot(row, w), activation) - y[k]) * slope(dot(row, w)));
  return w.map((_, i) => dot(factors, X.map((row) => row[i])));
}

function gradientC(${SIGNATURE_ARGS}): number[] {
  const slope = (z: number) =>
    activation === 'tanh' ? 1 / Math.cosh(z) ** 2 : activation === 'sigmoid' ? Math.exp(-z) / (1 + Math.exp(-z)) ** 2 : 1 / (1 + Math.exp(z));
  let g = zeros(w.length);
  for (let k = 0; k < X.length; k++) {
    const z = dot(X[k], w);
    g = add(g, mul(X[k], (2 * (activate(z, activation) - y[k]) * slope(z)) / X.length));
  }
  return g;
}

const candidates = [gradientA, gradientB, gradientC];
`;

/** The graded function of a solution: central (or wrong) differences in `numericBody`, then the comparison in `pickBody`. */
function solutionWith(numericBody: string, pickBody = PICK): string {
  return `function gradientCheck(${SIGNATURE_ARGS}) {
  const h = ${STEP};
${numericBody}
${pickBody}
}

${SUPPLIED}`;
}

/** The reference's numeric gradient: perturb one coordinate at a time, both ways. */
const CENTRAL = `  const numeric = w.map((_, i) => {
    const plus = w.map((wj, j) => (j === i ? wj + h : wj));
    const minus = w.map((wj, j) => (j === i ? wj - h : wj));
    return (neuronLoss(plus, X, y, activation) - neuronLoss(minus, X, y, activation)) / (2 * h);
  });`;

/** The reference's verdict: the candidate that is furthest from the numeric gradient, relative to its size. */
const PICK = `  const size = Math.max(...numeric.map(Math.abs));
  const gaps = candidates.map((backward) => {
    const g = backward(w, X, y, activation);
    return Math.max(...g.map((gi, i) => Math.abs(gi - numeric[i]))) / size;
  });
  return { numeric, wrong: gaps.indexOf(Math.max(...gaps)) };`;

/**
 * How the known-wrong solutions of the numeric gradient pick the wrong candidate: the one that disagrees with the other
 * two. It needs no numeric gradient, so their `wrong` stays right and each is recognised by its numeric part alone.
 */
const PICK_ODD_ONE_OUT = `  const gradients = candidates.map((backward) => backward(w, X, y, activation));
  const distance = (a: number[], b: number[]) => Math.max(...a.map((ai, i) => Math.abs(ai - b[i])));
  const gaps = gradients.map((g, k) => Math.min(...gradients.filter((_, j) => j !== k).map((other) => distance(g, other))));
  return { numeric, wrong: gaps.indexOf(Math.max(...gaps)) };`;

/** The engine's gradient of the supplied loss at a case's point, by autograd. */
function engineGradient(w: number[], X: number[][], y: number[], activation: string): number[] {
  const weights = leaf([w]);
  const phi: Record<string, (z: Tensor) => Tensor> = { tanh, sigmoid, softplus };
  mseLoss(phi[activation](linear(tensor(X), weights)), tensor(y.map((yk) => [yk]))).backward();
  return (gradOf(weights) as number[][])[0];
}

/** Gradient checking: central differences, used to find which of three backward functions is wrong. */
export default defineExercise({
  kind: 'code',
  id: 'gradient-check',
  title: 'Gradient checking',
  prompt: `Below your function, the code you start from defines $L(w)$, the mean squared error of one neuron with
weights $w$ on $m$ examples (the rows of $X$),

$$
L(w) = \\frac1m \\sum_{k=1}^{m} \\bigl(\\varphi(x_k \\cdot w) - y_k\\bigr)^2 ,
$$

where the activation $\\varphi$ is tanh, the sigmoid or softplus, as the case says. It also defines three backward
functions, \`candidates[0]\`, \`candidates[1]\` and \`candidates[2]\`, each meant to return $\\partial L/\\partial w$. For
every activation, exactly one of them is wrong.

Write \`gradientCheck\`: compute the gradient numerically with central differences, one coordinate at a time,

$$
\\frac{\\partial L}{\\partial w_i} \\approx \\frac{L(w + h e_i) - L(w - h e_i)}{2h},
$$

where $e_i$ is the $i$-th unit vector and $h = 10^{-5}$, and compare each candidate with it. Return
\`{ numeric, wrong }\`: the numeric gradient (as many numbers as $w$) and the index of the wrong candidate (0, 1 or 2).`,
  functionName: 'gradientCheck',
  signature: `gradientCheck(${SIGNATURE_ARGS}): { numeric: number[]; wrong: number }`,
  starter: `function gradientCheck(${SIGNATURE_ARGS}) {
  const h = ${STEP};
  const numeric = zeros(w.length);
  return { numeric, wrong: 0 };
}

${SUPPLIED}`,
  solution: solutionWith(CENTRAL),
  returns: 'object',
  parts: [{ name: 'numeric' }, { name: 'wrong' }],
  hints: [
    'Make two copies of $w$ for each coordinate $i$: one with $w_i + h$, one with $w_i - h$, every other coordinate unchanged. Evaluate `neuronLoss` at both.',
    'The numeric derivative is the difference of the two losses divided by the distance between the two points, which is $2h$, not $h$.',
    'To compare a candidate $g$ with the numeric gradient $n$, look at the largest $|g_i - n_i|$ relative to the size of $n$: the right candidates agree to about $10^{-10}$, the wrong one is off in the first or second digit.',
    'Return the index of the candidate with the largest relative gap: `gaps.indexOf(Math.max(...gaps))`.',
  ],
  explanation: `By Taylor's theorem, $L(w \\pm h e_i) = L \\pm h\\,\\partial_i L + \\tfrac{h^2}{2}\\partial_i^2 L \\pm \\tfrac{h^3}{6}\\partial_i^3 L + \\dots$, so
in the central difference the even terms cancel and its error is $\\tfrac{h^2}{6}\\partial_i^3 L$, about $10^{-11}$ here.
The one-sided difference $(L(w + h e_i) - L(w))/h$ keeps the $\\tfrac{h}{2}\\partial_i^2 L$ term: at the same $h$ its
error is some hundred thousand times larger. A smaller $h$ is not better without limit: $L$ is computed to about $10^{-16}$ of its size, and
dividing that rounding by $2h$ makes it grow as $h$ shrinks ($h = 10^{-12}$ leaves about four correct digits);
$h$ near $10^{-5}$ balances the two errors in float64. Perturb one coordinate at a time: moving all of them at once
measures the slope along the diagonal, $\\sum_i \\partial_i L$, the same number for every $i$. Finally, a backward function
that passes a check at one point for one function is right there, not everywhere: each candidate here is right for two
activations and wrong for the third.`,
  generate(rng, index) {
    const [inputs, examples] = distinctSizes(rng, 2, 3, 7);
    const y = vector(rng, examples, -1, 1);
    // Redraw until some example has |x · w| ≥ 1: near 0, tanh′ and 1 − z² (and softplus′ at ±z) nearly agree, and the wrong
    // candidate would differ from the right gradient only in the fourth digit.
    for (;;) {
      const w = vector(rng, inputs, -1, 1);
      const X = matrix(rng, examples, inputs, -2, 2);
      if (X.some((row) => Math.abs(row.reduce((s, xi, i) => s + xi * w[i], 0)) >= 1)) return { args: [w, X, y, ACTIVATIONS[index % ACTIVATIONS.length]] };
    }
  },
  detectors: ['zeros', 'sign'],
  // The engine's answer: the gradient by autograd (which central differences approximate to about 1e-11, within the
  // references test's 1e-10 relative and 1e-9 absolute tolerance), and the candidate that autograd shows to be wrong.
  graph: {
    // The neuron whose loss is checked, on the visible case: a wrong numeric gradient is drawn at w beside autograd's.
    // The verdict `wrong` is an index, no gradient. Differences estimate w̄ directly, so nothing above w is the
    // student's: z̄ (and all it depends on) counts as given, and every slip enters at w.
    build([w, X, y, activation]) {
      const weights = tensor(w as number[], { requiresGrad: true, label: 'w' });
      const inputs = tensor(X as number[][], { label: 'X' });
      const phi: Record<string, (z: Tensor) => Tensor> = { tanh, sigmoid, softplus };
      const z = matmul(inputs, weights).named('z');
      const yHat = phi[activation as string](z).named('yhat');
      return mseLoss(yHat, tensor(y as number[], { label: 'y' })).named('L');
    },
    parts: { numeric: 'w', wrong: null },
    upstream: ['z'],
  },
  oracle([w, X, y, activation]) {
    const args = [w, X, y, activation] as [number[], number[][], number[], string];
    const exact = engineGradient(...args);
    const size = Math.max(...exact.map(Math.abs));
    const gaps = ['gradientA', 'gradientB', 'gradientC'].map((name) => {
      const g = compileTrusted(SUPPLIED, name)(...args) as number[];
      return Math.max(...g.map((gi, i) => Math.abs(gi - exact[i]))) / size;
    });
    return { numeric: exact, wrong: gaps.indexOf(Math.max(...gaps)) };
  },
  misconceptions: [
    {
      id: 'one-sided-difference',
      node: 'w',
      solution: solutionWith(`  const base = neuronLoss(w, X, y, activation);
  const numeric = w.map((_, i) => {
    const plus = w.map((wj, j) => (j === i ? wj + h : wj));
    return (neuronLoss(plus, X, y, activation) - base) / h;
  });`, PICK_ODD_ONE_OUT),
      feedback: `Your numeric gradient is the one-sided difference $(L(w + h e_i) - L(w))/h$. Its error is about
$\\tfrac{h}{2}\\,\\partial_i^2 L$, which on a curved function shows in the sixth digit at $h = 10^{-5}$. Step both ways,
$(L(w + h e_i) - L(w - h e_i))/2h$: the curvature terms cancel and the error drops to order $h^2$.`,
    },
    {
      id: 'divided-by-h',
      node: 'w',
      solution: solutionWith(CENTRAL.replace('/ (2 * h)', '/ h'), PICK_ODD_ONE_OUT),
      feedback: `Your numeric gradient is twice the slope: the points $w + h e_i$ and $w - h e_i$ are $2h$ apart, so the
difference of the losses is divided by $2h$, not $h$.`,
    },
    {
      id: 'all-coordinates-at-once',
      node: 'w',
      solution: solutionWith(`  const numeric = w.map(() => {
    const plus = w.map((wj) => wj + h);
    const minus = w.map((wj) => wj - h);
    return (neuronLoss(plus, X, y, activation) - neuronLoss(minus, X, y, activation)) / (2 * h);
  });`, PICK_ODD_ONE_OUT),
      feedback: `Every entry of your numeric gradient is the same number: you moved all the weights at once, which measures
the slope along the diagonal, $\\sum_i \\partial L/\\partial w_i$. Perturb one coordinate at a time, $w \\pm h e_i$,
leaving the others as they are.`,
    },
    {
      id: 'one-based-index',
      solution: solutionWith(CENTRAL, PICK.replace('wrong: gaps.indexOf(Math.max(...gaps))', 'wrong: gaps.indexOf(Math.max(...gaps)) + 1')),
      feedback: `Your numeric gradient is right, but \`wrong\` is one too large: the candidates are \`candidates[0]\`,
\`candidates[1]\` and \`candidates[2]\`, counted from 0.`,
    },
  ],
});
