// Worked examples for lesson 4, losses and output units, computed by the engine when the site is built.
//
// Every number the chapter shows comes from here, already formatted. Each claim the prose makes (the Gaussian
// negative log-likelihood is half the squared error plus a constant; the naive softmax overflows and the stable one
// does not; every gradient of the table equals its closed form) is checked, and a failed check throws, so the build
// stops instead of the text lying. Gradients are the engine's autograd; the closed forms are the lesson's formulas,
// and the registry's (engine/formulas/losses.ts) are compared with both.

import {
  LOSS_FUNCTIONS,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  logSoftmax,
  logistic,
  mseLoss,
  nllLoss,
  sigmoid,
  softmax,
  tensor,
  type Tensor,
} from '../../engine/index.ts';
import { lineChart } from './line-chart.ts';

/** Formats a number rounded to at most `decimals` places, trailing zeros dropped, with a true minus sign. */
export function show(value: number, decimals = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  let text = value.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  if (Number(text) === 0) text = '0';
  return text.replace('-', '\u2212');
}

/** Formats a small positive gap as "1.1 × 10⁻¹⁶", or "0" when it is exactly zero. */
export function showGap(value: number): string {
  if (value === 0) return '0';
  const [mantissa, exponent] = value.toExponential(1).split('e');
  const superscript = exponent.replace('+', '').replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)]);
  return `${mantissa} × 10${superscript}`;
}

/** How two computations agree, for a sentence: "agree to the last bit" or "differ by at most 1.1 × 10⁻¹⁶". */
export function agreement(gap: number): string {
  return gap === 0 ? 'agree to the last bit' : `differ by at most ${showGap(gap)}`;
}

/** Formats a vector as "(a, b, c)". */
function showVector(values: Iterable<number>, decimals = 3): string {
  return `(${Array.from(values, (v) => show(v, decimals)).join(', ')})`;
}

/** Throws with the lesson's name when a claim of the prose is false. */
function claim(condition: boolean, message: string): void {
  if (!condition) throw new Error(`losses example: ${message}`);
}

/** The largest absolute difference between two lists of numbers of the same length. */
function largestGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  claim(a.length === b.length, `comparing ${a.length} numbers with ${b.length}`);
  let gap = 0;
  for (let i = 0; i < a.length; i++) gap = Math.max(gap, Math.abs(a[i] - b[i]));
  return gap;
}

/** How far apart two computations of the same gradient may be: rounding, nothing more. */
const AGREEMENT = 1e-12;

/** A scalar or vector that autograd differentiates, and its gradient after `loss(leaf).backward()`. */
function gradientOf(values: number | number[], loss: (leaf: Tensor) => Tensor): { loss: number; gradient: number[] } {
  const leaf = tensor(values, { requiresGrad: true });
  const value = loss(leaf);
  value.backward();
  return { loss: value.item(), gradient: Array.from(leaf.grad!.data) };
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

// --- Three likelihoods ----------------------------------------------------------------------------------

/** One prediction of a linear output against a real target, under a Gaussian with variance 1. */
export interface GaussianRow {
  yHat: string;
  y: string;
  /** −log N(y; ŷ, 1), by the engine from the density. */
  nll: string;
  /** ½ (ŷ − y)², by the engine's mseLoss. */
  halfSquared: string;
  /** Their difference. */
  difference: string;
}

/** The Gaussian likelihood of a linear output: −log N(y; ŷ, 1) = ½(ŷ − y)² + ½ log 2π for every pair. */
export const gaussian = (() => {
  const pairs: [number, number][] = [[0.8, 2], [1.5, 1.4], [-0.3, 1.2], [2.6, -0.5]];
  const rows: GaussianRow[] = pairs.map(([yHat, y]) => {
    const prediction = tensor(yHat);
    // The density of N(ŷ, 1) at y, then its negative log, both by the engine.
    const density = prediction.sub(y).pow(2).mul(-0.5).exp().div(Math.sqrt(2 * Math.PI));
    const nll = density.log().neg().item();
    const halfSquared = mseLoss(prediction, tensor(y)).item() / 2;
    claim(Math.abs(nll - halfSquared - HALF_LOG_TWO_PI) < AGREEMENT, `−log N(${y}; ${yHat}, 1) − ½(ŷ − y)² is not ½ log 2π`);
    return { yHat: show(yHat, 2), y: show(y, 2), nll: show(nll, 4), halfSquared: show(halfSquared, 4), difference: show(nll - halfSquared, 4) };
  });
  // With a variance s², the loss is (ŷ − y)²/(2s²) + ½ log(2π s²): the gradient scales by 1/s², the minimiser stays.
  const s = 0.5, yHat = 0.8, y = 2;
  const nll = (variance: number) => (p: Tensor) => p.sub(y).pow(2).div(2 * variance).add(0.5 * Math.log(2 * Math.PI * variance));
  const plain = gradientOf(yHat, nll(1)).gradient[0];
  const scaled = gradientOf(yHat, nll(s * s)).gradient[0];
  claim(Math.abs(plain - (yHat - y)) < AGREEMENT && Math.abs(scaled - (yHat - y) / (s * s)) < AGREEMENT, 'the Gaussian gradient with variance s² is not (ŷ − y)/s²');
  return { rows, constant: show(HALF_LOG_TWO_PI, 4), variance: { at: `ŷ = ${show(yHat)}, y = ${show(y)}`, s: show(s), gradient: show(scaled), plain: show(plain) } };
})();

/** One prediction of a sigmoid output against a 0/1 label, under a Bernoulli distribution. */
export interface BernoulliRow {
  z: string;
  yHat: string;
  y: string;
  /** ŷ^y (1 − ŷ)^(1 − y). */
  likelihood: string;
  /** −log of it. */
  nll: string;
  /** The engine's binary cross-entropy of ŷ. */
  bce: string;
}

/** The Bernoulli likelihood of a sigmoid output: −log(ŷ^y (1 − ŷ)^(1−y)) is the binary cross-entropy, and −log σ((2y − 1) z). */
export const bernoulli = (() => {
  const pairs: [number, number][] = [[2, 1], [2, 0], [-0.5, 1], [-3, 0]];
  let softplusGap = 0;
  const rows: BernoulliRow[] = pairs.map(([z, y]) => {
    const yHat = sigmoid(tensor(z));
    const likelihood = yHat.pow(y).mul(yHat.neg().add(1).pow(1 - y)).item();
    const nll = -Math.log(likelihood);
    const bce = binaryCrossEntropy(yHat, tensor(y)).item();
    const withLogits = binaryCrossEntropyWithLogits(tensor(z), tensor(y)).item();
    // Seed 004's form: −log σ((2y − 1) z), one expression for both labels.
    const signed = sigmoid(tensor((2 * y - 1) * z)).log().neg().item();
    claim(Math.abs(nll - bce) < AGREEMENT && Math.abs(bce - withLogits) < AGREEMENT, `the Bernoulli NLL at z = ${z}, y = ${y} is not the binary cross-entropy`);
    softplusGap = Math.max(softplusGap, Math.abs(signed - bce));
    return { z: show(z, 2), yHat: show(yHat.item(), 4), y: String(y), likelihood: show(likelihood, 4), nll: show(nll, 4), bce: show(bce, 4) };
  });
  claim(softplusGap < AGREEMENT, '−log σ((2y − 1) z) is not the binary cross-entropy');
  return { rows, signedGap: showGap(softplusGap) };
})();

/** The categorical likelihood of a softmax output: −log softmax(z)_t = log Σ e^zⱼ − z_t = the engine's cross-entropy. */
export const categorical = (() => {
  const z = [2, -1, 0.5];
  const t = 2;
  const p = softmax(tensor([z]));
  const probabilities = Array.from(p.data);
  const fromProbability = -Math.log(probabilities[t]);
  const logSumExp = Math.log(z.reduce((total, zj) => total + Math.exp(zj), 0));
  const fromLogits = logSumExp - z[t];
  const engine = crossEntropy(tensor([z]), [t]).item();
  const viaNll = nllLoss(logSoftmax(tensor([z])), [t]).item();
  claim(Math.abs(fromProbability - engine) < AGREEMENT && Math.abs(fromLogits - engine) < AGREEMENT && Math.abs(viaNll - engine) < AGREEMENT,
    'the three forms of the categorical NLL disagree');
  claim(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1) < AGREEMENT, 'softmax does not sum to 1');
  // Two classes: softmax((z₁, z₂))₁ = σ(z₁ − z₂), so a sigmoid output is a two-class softmax with one logit fixed at 0.
  const pair = [1.3, -0.4];
  const twoClass = softmax(tensor(pair)).data[0];
  claim(Math.abs(twoClass - logistic(pair[0] - pair[1])) < AGREEMENT, 'a two-class softmax is not the sigmoid of the difference');
  return {
    z: showVector(z, 2),
    t,
    classNumber: t + 1,
    probabilities: showVector(probabilities),
    probability: show(probabilities[t], 4),
    logSumExp: show(logSumExp, 4),
    zt: show(z[t], 2),
    loss: show(engine, 4),
    twoClass: { z: showVector(pair, 1), difference: show(pair[0] - pair[1], 1), probability: show(twoClass, 4) },
  };
})();

// --- Overflow, and log-sum-exp ----------------------------------------------------------------------------

/** A softmax by the textbook formula, e^zⱼ / Σₖ e^zₖ, with the engine's elementwise ops: it overflows for large z. */
function naiveSoftmax(z: number[]): number[] {
  const e = tensor(z).exp();
  return Array.from(e.div(e.sum()).data);
}

/** The z below which the engine's e^z rounds to 0, found by bisection. */
function underflowThreshold(): number {
  let low = -800, high = -700; // e^low is 0, e^high is not
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (tensor(middle).exp().item() === 0) low = middle;
    else high = middle;
  }
  return high;
}

/** The naive softmax of large logits is NaN; the engine's (shifted by the maximum) is the softmax of the shifted logits. */
export const overflow = (() => {
  const small = [0, 1, 2];
  const shift = 1000;
  const large = small.map((z) => z + shift);
  const naive = naiveSoftmax(large);
  const stable = Array.from(softmax(tensor(large)).data);
  const reference = naiveSoftmax(small);
  claim(naive.every(Number.isNaN), 'the naive softmax of large logits did not overflow');
  claim(largestGap(stable, reference) < AGREEMENT, 'softmax(z + c) is not softmax(z)');
  const firstExp = tensor(large[0]).exp().item();
  claim(firstExp === Infinity, `e^${large[0]} did not overflow`);
  // Very negative logits underflow instead: every e^zⱼ is 0 and the naive softmax is 0/0.
  const negative = small.map((z) => z - shift);
  const naiveNegative = naiveSoftmax(negative);
  claim(naiveNegative.every(Number.isNaN), 'the naive softmax of very negative logits did not underflow to 0/0');
  // A log of a probability that underflows: log softmax needs log-sum-exp.
  const apart = [0, 800];
  const probabilityOfFirst = softmax(tensor(apart)).data[0];
  const logOfProbability = Math.log(probabilityOfFirst);
  const logSoftmaxOfFirst = logSoftmax(tensor(apart)).data[0];
  claim(probabilityOfFirst === 0 && logOfProbability === -Infinity, 'e^−800 did not underflow to 0');
  claim(Math.abs(logSoftmaxOfFirst - -800) < 1e-9, 'log softmax of (0, 800) is not −800 at the first class');
  // The loss of that example against class 0, by the engine's cross-entropy (log-sum-exp inside): finite.
  const loss = crossEntropy(tensor([apart]), [0]).item();
  claim(Math.abs(loss - 800) < 1e-9, 'the cross-entropy of (0, 800) against class 0 is not 800');
  return {
    small: showVector(small, 0),
    large: showVector(large, 0),
    negative: showVector(negative, 0),
    largest: String(large[large.length - 1]),
    shift: String(shift),
    firstExp: show(firstExp),
    naive: showVector(naive),
    naiveNegative: showVector(naiveNegative),
    stable: showVector(stable),
    largestDouble: showGap(Number.MAX_VALUE),
    overflowAt: show(Math.log(Number.MAX_VALUE), 1),
    underflowAt: show(underflowThreshold(), 1),
    smallestDouble: showGap(Number.MIN_VALUE),
    apart: showVector(apart, 0),
    probabilityOfFirst: show(probabilityOfFirst),
    logOfProbability: show(logOfProbability),
    logSoftmaxOfFirst: show(logSoftmaxOfFirst),
    loss: show(loss),
  };
})();

// --- The table: output unit, loss and gradient, each checked ----------------------------------------------

/** One row of the table: a sample point, the gradient by autograd, by the lesson's closed form, by the registry. */
export interface GradientRow {
  /** The sample point, as text. */
  at: string;
  /** ∂L/∂z by the engine's autograd. */
  autograd: string;
  /** ∂L/∂z by the closed form in the table. */
  closedForm: string;
  /** The largest difference among autograd, the closed form and the registry's gradient. */
  gap: string;
}

/** Compares autograd's gradient with the closed form and the registry's, and formats the row; throws if they differ. */
function gradientRow(name: string, at: string, autograd: number[], closedForm: number[], registry: number[]): GradientRow & { worst: number } {
  const worst = Math.max(largestGap(autograd, closedForm), largestGap(autograd, registry));
  claim(worst < AGREEMENT, `${name}: autograd ${autograd} differs from the closed form ${closedForm} or the registry ${registry}`);
  const format = (values: number[]): string => (values.length === 1 ? show(values[0], 4) : showVector(values, 4));
  return { at, autograd: format(autograd), closedForm: format(closedForm), gap: showGap(worst), worst };
}

const { mseLoss: MSE, binaryCrossEntropyWithLogits: BCE_LOGITS, crossEntropy: CROSS_ENTROPY } = LOSS_FUNCTIONS;

/** The table of output units: linear + Gaussian, sigmoid + Bernoulli, softmax + categorical, and sigmoid with squared error. */
export const gradientTable = (() => {
  // A linear output ŷ = z with L = −log N(y; z, 1): ∂L/∂z = ŷ − y. The registry's MSE gradient is 2(p − t), so half of it.
  const linearZ = 0.8, linearY = 2;
  const linear = gradientRow(
    'linear + Gaussian', `z = ${show(linearZ)}, y = ${show(linearY)}`,
    gradientOf(linearZ, (z) => z.sub(linearY).pow(2).mul(0.5).add(HALF_LOG_TWO_PI)).gradient,
    [linearZ - linearY],
    [MSE.dp(linearZ, linearY, {}) / 2],
  );
  // A sigmoid output ŷ = σ(z) with the binary cross-entropy of ŷ: ∂L/∂z = ŷ − y.
  const binaryZ = -1.5, binaryY = 1;
  const binary = gradientRow(
    'sigmoid + Bernoulli', `z = ${show(binaryZ)}, y = ${binaryY}`,
    gradientOf(binaryZ, (z) => binaryCrossEntropy(sigmoid(z), tensor(binaryY))).gradient,
    [logistic(binaryZ) - binaryY],
    [BCE_LOGITS.dp(binaryZ, binaryY, {})],
  );
  // A softmax output ŷ = softmax(z) with −log ŷ_t: ∂L/∂z = ŷ − e_t (autograd through log of the softmax).
  const classZ = [2, -1, 0.5], classT = 2;
  const yHat = Array.from(softmax(tensor(classZ)).data);
  const work = new Float64Array(classZ.length);
  CROSS_ENTROPY.loss(Float64Array.from(classZ), work, 0, classZ.length, classT);
  const categoricalRow = gradientRow(
    'softmax + categorical', `z = ${showVector(classZ, 1)}, t = ${classT + 1}`,
    gradientOf(classZ, (z) => softmax(z).log().mul(tensor(classZ.map((_, j) => (j === classT ? -1 : 0)))).sum()).gradient,
    yHat.map((p, j) => p - (j === classT ? 1 : 0)),
    classZ.map((_, k) => CROSS_ENTROPY.dscore(Float64Array.from(classZ), work, k, k === classT)),
  );
  // A sigmoid output with L = ½(ŷ − y)²: ∂L/∂z = (ŷ − y) σ′(z) = (ŷ − y) ŷ (1 − ŷ).
  const squaredZ = binaryZ, squaredY = binaryY;
  const s = logistic(squaredZ);
  const sigmoidSquared = gradientRow(
    'sigmoid + squared error', `z = ${show(squaredZ)}, y = ${squaredY}`,
    gradientOf(squaredZ, (z) => mseLoss(sigmoid(z), tensor(squaredY)).mul(0.5)).gradient,
    [(s - squaredY) * s * (1 - s)],
    [(MSE.dp(s, squaredY, {}) / 2) * s * (1 - s)],
  );
  const rows = [linear, binary, categoricalRow, sigmoidSquared];
  return {
    linear, binary, categorical: categoricalRow, sigmoidSquared,
    agreement: agreement(Math.max(...rows.map((r) => r.worst))),
    /** How much smaller the squared-error gradient is than the cross-entropy one at the same sigmoid unit. */
    shrink: show(gradientOf(binaryZ, (z) => binaryCrossEntropy(sigmoid(z), tensor(binaryY))).gradient[0] / ((s - squaredY) * s * (1 - s)), 1),
  };
})();

// --- Saturation: ŷ − y against (ŷ − y) σ′(z) --------------------------------------------------------------

/** The gradients of both losses over a grid of z for the label y = 1, by autograd, with the chart and the key numbers. */
export const saturation = (() => {
  const y = 1;
  const from = -8, to = 8, count = 161;
  const zs = Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
  // Summing one loss per point: each point's gradient is its own ∂ℓ/∂z.
  const crossEntropyRun = gradientOf(zs, (z) => binaryCrossEntropyWithLogits(z, tensor(zs.map(() => y)), 'sum'));
  const squaredRun = gradientOf(zs, (z) => mseLoss(sigmoid(z), tensor(zs.map(() => y)), 'sum').mul(0.5));
  const crossEntropyLosses = zs.map((z) => binaryCrossEntropyWithLogits(tensor(z), tensor(y)).item());
  const squaredLosses = zs.map((z) => mseLoss(sigmoid(tensor(z)), tensor(y)).item() / 2);
  // The closed forms on the whole grid.
  const crossEntropyGap = largestGap(crossEntropyRun.gradient, zs.map((z) => logistic(z) - y));
  const squaredGap = largestGap(squaredRun.gradient, zs.map((z) => (logistic(z) - y) * logistic(z) * (1 - logistic(z))));
  claim(crossEntropyGap < AGREEMENT && squaredGap < AGREEMENT, 'the gradients on the grid differ from ŷ − y and (ŷ − y) σ′(z)');
  // Confidently wrong: z = −6 for a positive example.
  const wrongAt = zs.findIndex((z) => Math.abs(z - -6) < 1e-9);
  const wrong = { z: show(zs[wrongAt]), crossEntropy: show(crossEntropyRun.gradient[wrongAt], 4), squared: show(squaredRun.gradient[wrongAt], 4), ratio: show(crossEntropyRun.gradient[wrongAt] / squaredRun.gradient[wrongAt], 0) };
  claim(crossEntropyRun.gradient[wrongAt] / squaredRun.gradient[wrongAt] > 100, 'at z = −6 the squared-error gradient is not a hundred times smaller');
  // The squared error's gradient is largest in size where σ = 1/3, z = −ln 2, at 4/27.
  let peakIndex = 0;
  squaredRun.gradient.forEach((g, i) => { if (Math.abs(g) > Math.abs(squaredRun.gradient[peakIndex])) peakIndex = i; });
  const peakZ = -Math.log(2);
  const peak = Math.abs(gradientOf(peakZ, (z) => mseLoss(sigmoid(z), tensor(y)).mul(0.5)).gradient[0]);
  claim(Math.abs(peak - 4 / 27) < AGREEMENT, 'the squared-error gradient at z = −ln 2 is not 4/27');
  claim(Math.abs(zs[peakIndex] - peakZ) <= (to - from) / (count - 1), 'the largest squared-error gradient on the grid is not next to z = −ln 2');
  claim(squaredRun.gradient.every((g) => Math.abs(g) <= peak + AGREEMENT), 'a squared-error gradient on the grid exceeds 4/27');
  const ticks = [-8, -6, -4, -2, 0, 2, 4, 6, 8];
  const gradientChart = lineChart({
    id: 'saturation-gradients',
    title: 'The gradient ∂L/∂z of a sigmoid output for a positive example (y = 1), for both losses',
    description: `Cross-entropy's gradient ŷ − y runs from about −1 at z = −8 up to 0 at large z. Squared error's gradient (ŷ − y) σ′(z) is close to 0 at both ends, smallest (about −${show(peak, 3)}) near z = −0.7: it vanishes exactly where the unit is most wrong.`,
    series: [
      { label: 'cross-entropy: ŷ − y', points: zs.map((z, i) => [z, crossEntropyRun.gradient[i]] as const), color: 'accent' },
      { label: 'squared error: (ŷ − y) σ′(z)', points: zs.map((z, i) => [z, squaredRun.gradient[i]] as const), color: 'bad', dashed: true },
    ],
    x: { label: 'pre-activation z', domain: [from, to], ticks },
    y: { label: '∂L/∂z', domain: [-1.05, 0.55], ticks: [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5] },
    rules: [0],
  });
  const lossChart = lineChart({
    id: 'saturation-losses',
    title: 'The loss of a sigmoid output for a positive example (y = 1), for both losses',
    description: 'Cross-entropy −log σ(z) grows like a straight line of slope −1 as z goes negative. Squared error ½(σ(z) − 1)² levels off at ½: its curve is flat exactly where the prediction is worst.',
    series: [
      { label: 'cross-entropy: −log σ(z)', points: zs.map((z, i) => [z, crossEntropyLosses[i]] as const), color: 'accent' },
      { label: 'squared error: ½ (σ(z) − 1)²', points: zs.map((z, i) => [z, squaredLosses[i]] as const), color: 'bad', dashed: true },
    ],
    x: { label: 'pre-activation z', domain: [from, to], ticks },
    y: { label: 'loss L', domain: [0, 8.5], ticks: [0, 2, 4, 6, 8] },
  });
  return {
    grid: { from: show(from), to: show(to), count },
    wrong,
    peak: show(peak, 4),
    peakZ: show(peakZ, 3),
    agreement: agreement(Math.max(crossEntropyGap, squaredGap)),
    gradientChart,
    lossChart,
  };
})();
