// Worked examples for lesson 1, the perceptron, computed when the site is built.
//
// Every number the lesson shows about these examples comes from here, already
// formatted for display. The perceptron runs are the engine's `Perceptron`; the
// gradient steps are plain numbers on small arrays so they read like the
// formulas in the lesson, each checked against the engine's autograd.

import { Random } from '../../engine/random.ts';
import { SIGMOID } from '../../engine/formulas/activations.ts';
import { binaryCrossEntropy, mseLoss } from '../../engine/ops/losses.ts';
import { sigmoid as sigmoidOp } from '../../engine/ops/activations.ts';
import { tensor, type Tensor } from '../../engine/tensor.ts';
import { Perceptron } from '../../engine/nn/perceptron.ts';
import { halfPlaneInBox, lineInBox, panel, type FigurePanel } from './figures.ts';

/** A labelled point: two inputs and a label in \{-1, +1\}. */
export interface LabelledPoint {
  /** The inputs (x1, x2). */
  x: readonly [number, number];
  /** The class, -1 or +1. */
  y: -1 | 1;
}

/** The four corners of the unit square labelled by logical AND (true is +1). */
export const andData: readonly LabelledPoint[] = [
  { x: [0, 0], y: -1 },
  { x: [0, 1], y: -1 },
  { x: [1, 0], y: -1 },
  { x: [1, 1], y: 1 },
];

/** The four corners of the unit square labelled by logical OR (true is +1). */
export const orData: readonly LabelledPoint[] = [
  { x: [0, 0], y: -1 },
  { x: [0, 1], y: 1 },
  { x: [1, 0], y: 1 },
  { x: [1, 1], y: 1 },
];

/** The four corners of the unit square labelled by exclusive OR (true is +1). */
export const xorData: readonly LabelledPoint[] = [
  { x: [0, 0], y: -1 },
  { x: [0, 1], y: 1 },
  { x: [1, 0], y: 1 },
  { x: [1, 1], y: -1 },
];

/** Formats a number for the lesson: rounded to at most the given decimals, trailing zeros dropped, with a true minus sign. */
export function show(value: number, decimals = 3): string {
  let text = value.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  // Avoid "-0" and use the typographic minus, as the math does.
  if (Number(text) === 0) text = '0';
  return text.replace('-', '\u2212');
}

/** Formats a vector as "(a, b)". */
function showVector(values: readonly number[], decimals = 3): string {
  return `(${values.map((v) => show(v, decimals)).join(', ')})`;
}

/** One visit of Rosenblatt's rule to one training point, with the state after it. */
export interface PerceptronVisit {
  /** The epoch (pass over the data), counted from 1. */
  epoch: number;
  /** The point's inputs, formatted, e.g. "(0, 1)". */
  point: string;
  /** The point's label, formatted. */
  label: string;
  /** The score w·x + b before the visit, formatted. */
  score: string;
  /** The prediction: "+1", "−1", or "0" when the point lies on the boundary. */
  prediction: string;
  /** Whether the point was misclassified (y times the score is at most zero). */
  mistake: boolean;
  /** The update applied, e.g. "Δw = (0, −1), Δb = −1", or "none". */
  update: string;
  /** The weights after the visit, formatted. */
  w: string;
  /** The bias after the visit, formatted. */
  b: string;
}

/** The state at the end of one epoch of the perceptron. */
export interface PerceptronEpoch {
  /** The epoch, counted from 1. */
  epoch: number;
  /** How many points were misclassified (and so caused an update) in this epoch. */
  mistakes: number;
  /** The weights at the end of the epoch, formatted. */
  w: string;
  /** The bias at the end of the epoch, formatted. */
  b: string;
}

/** A whole run of Rosenblatt's rule on a data set, raw and formatted. */
export interface PerceptronRun {
  /** The learning rate used. */
  eta: number;
  /** Every visit of every epoch, in order. */
  visits: PerceptronVisit[];
  /** One summary row per epoch. */
  epochs: PerceptronEpoch[];
  /** Whether an epoch passed with no mistake. */
  converged: boolean;
  /** The number of epochs run, including the final mistake-free one when it converged. */
  epochCount: number;
  /** The total number of mistakes (updates) over the run. */
  mistakes: number;
  /** The final weights. */
  wFinal: [number, number];
  /** The final bias. */
  bFinal: number;
  /** The final weights, formatted. */
  wShown: string;
  /** The final bias, formatted. */
  bShown: string;
  /** The raw mistake sequence: the index of the point that caused each update. */
  mistakeOrder: number[];
  /** The first epoch whose starting weights repeat an earlier epoch's, or 0 if none did. */
  repeatEpoch: number;
  /** The earlier epoch whose starting weights were repeated, or 0 if none were. */
  repeatOf: number;
}

/**
 * Runs Rosenblatt's perceptron rule from w = 0, b = 0, visiting the points in
 * order, for at most `maxEpochs` epochs. A point counts as a mistake when
 * y (w·x + b) is at most zero, so a point on the boundary is updated on.
 */
export function runPerceptron(data: readonly LabelledPoint[], eta: number, maxEpochs: number): PerceptronRun {
  // The engine's perceptron does the arithmetic; this function only records what it did, for the tables.
  const unit = new Perceptron(2, eta);
  const visits: PerceptronVisit[] = [];
  const epochs: PerceptronEpoch[] = [];
  const mistakeOrder: number[] = [];
  const seen = new Map<string, number>();
  let repeatEpoch = 0;
  let repeatOf = 0;
  let converged = false;
  let total = 0;

  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    const key = `${unit.weights[0]},${unit.weights[1]},${unit.bias}`;
    if (repeatEpoch === 0 && seen.has(key)) {
      repeatEpoch = epoch;
      repeatOf = seen.get(key)!;
    }
    if (!seen.has(key)) seen.set(key, epoch);

    let mistakes = 0;
    data.forEach((point, index) => {
      const score = unit.score(point.x);
      const before = [...unit.weights, unit.bias];
      // w <- w + eta y x,  b <- b + eta y, when y (w.x + b) <= 0
      const mistake = unit.update(point.x, point.y);
      let update = 'none';
      if (mistake) {
        mistakes++;
        mistakeOrder.push(index);
        update = `Δw = ${showVector([unit.weights[0] - before[0], unit.weights[1] - before[1]])}, Δb = ${show(unit.bias - before[2])}`;
      }
      visits.push({
        epoch,
        point: showVector(point.x),
        label: show(point.y).replace(/^1$/, '+1'),
        score: show(score),
        prediction: score > 0 ? '+1' : score < 0 ? '\u22121' : '0',
        mistake,
        update,
        w: showVector(unit.weights),
        b: show(unit.bias),
      });
    });
    total += mistakes;
    epochs.push({ epoch, mistakes, w: showVector(unit.weights), b: show(unit.bias) });
    if (mistakes === 0) {
      converged = true;
      break;
    }
  }
  const w: [number, number] = [unit.weights[0], unit.weights[1]];
  const b = unit.bias;

  return {
    eta,
    visits,
    epochs,
    converged,
    epochCount: epochs.length,
    mistakes: total,
    wFinal: [w[0], w[1]],
    bFinal: b,
    wShown: showVector(w),
    bShown: show(b),
    mistakeOrder,
    repeatEpoch,
    repeatOf,
  };
}

/** The perceptron on AND with learning rate 1, run until an epoch makes no mistake. */
export const andRun: PerceptronRun = runPerceptron(andData, 1, 1000);

/** The visits of the first two epochs on AND, every point shown, for the step-by-step table. */
export const andFirstEpochs: PerceptronVisit[] = andRun.visits.filter((v) => v.epoch <= 2);

/** The perceptron on OR with learning rate 1, run until an epoch makes no mistake. */
export const orRun: PerceptronRun = runPerceptron(orData, 1, 1000);

/** How many epochs the perceptron is given on XOR before we stop it. */
export const xorEpochLimit = 100;

/** The perceptron on XOR with learning rate 1: it never has a mistake-free epoch. */
export const xorRun: PerceptronRun = runPerceptron(xorData, 1, xorEpochLimit);

// The lesson says the XOR run has no line to show: each of its epochs ends with every weight and the bias back at 0.
if (xorRun.epochs.some((e) => e.w !== showVector([0, 0]) || e.b !== show(0)) || xorRun.wFinal.some((w) => w !== 0) || xorRun.bFinal !== 0) {
  throw new Error('perceptron example: the lesson says every XOR epoch ends at w = 0, b = 0');
}

/** The fewest mistakes XOR caused in any single epoch (never zero). */
export const xorFewestMistakes: number = Math.min(...xorRun.epochs.map((e) => e.mistakes));

// Starting from zero, every weight is eta times an integer combination of the
// inputs, so the signs of the scores, and so the mistakes, do not depend on eta.
// (A power of two keeps the arithmetic exact, so a score of zero stays zero.)
const andRunSmallEta = runPerceptron(andData, 0.25, 1000);
if (andRunSmallEta.mistakeOrder.join() !== andRun.mistakeOrder.join()) {
  throw new Error('perceptron example: the mistakes on AND should not depend on the learning rate when starting from zero');
}

/** The learning rate of the second AND run, which makes exactly the same mistakes as the run with rate 1. */
export const andSmallEta: number = andRunSmallEta.eta;

/** The final weights of the AND run with the small learning rate, formatted. */
export const andSmallEtaW: string = andRunSmallEta.wShown;

/** The final bias of the AND run with the small learning rate, formatted. */
export const andSmallEtaB: string = show(andRunSmallEta.bFinal);

// --- The convergence bound on AND -------------------------------------------

/** Solves the square linear system A v = r by Gaussian elimination with partial pivoting; null if singular. */
function solve(a: number[][], r: number[]): number[] | null {
  const n = r.length;
  const m = a.map((row, i) => [...row, r[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
    if (Math.abs(m[pivot][col]) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = m[row][col] / m[col][col];
      for (let k = col; k <= n; k++) m[row][k] -= factor * m[col][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/**
 * The point of smallest norm in the convex hull of a few vectors, by trying every
 * subset: on each, minimise |sum l_i p_i|^2 subject to sum l_i = 1 (a small KKT
 * system) and keep the answers whose weights l_i are all non-negative.
 */
function minNormInHull(points: number[][]): number[] {
  const dim = points[0].length;
  let best: number[] | null = null;
  let bestNorm = Infinity;
  for (let mask = 1; mask < 1 << points.length; mask++) {
    const chosen = points.filter((_, i) => mask & (1 << i));
    const k = chosen.length;
    // [G 1; 1^T 0] [l; mu] = [0; 1], with G the Gram matrix of the chosen points.
    const a = chosen.map((p) => [...chosen.map((q) => p.reduce((s, v, j) => s + v * q[j], 0)), 1]);
    a.push([...chosen.map(() => 1), 0]);
    const solution = solve(a, [...chosen.map(() => 0), 1]);
    if (!solution) continue;
    const weights = solution.slice(0, k);
    if (weights.some((l) => l < -1e-12)) continue;
    const point = Array.from({ length: dim }, (_, j) => chosen.reduce((s, p, i) => s + weights[i] * p[j], 0));
    const norm = Math.hypot(...point);
    if (norm < bestNorm) {
      bestNorm = norm;
      best = point;
    }
  }
  return best!;
}

/** The numbers of the convergence theorem on a data set, with the bias folded in as a third input fixed at 1. */
export interface ConvergenceBound {
  /** The radius R: the largest length of an augmented input (x1, x2, 1). */
  R: string;
  /** The best margin γ: the largest, over unit vectors u, of the smallest y u·(x1, x2, 1). */
  gamma: string;
  /** The best separating direction u, formatted. */
  u: string;
  /** The bound (R/γ)², formatted. */
  bound: string;
  /** The bound rounded down to a whole number of mistakes. */
  maxMistakes: number;
}

/**
 * The convergence bound on a separable data set. For a homogeneous separator the
 * best margin is the distance from the origin to the convex hull of the vectors
 * y·(x1, x2, 1), and the nearest point of the hull, normalised, is the best direction.
 */
export function convergenceBound(data: readonly LabelledPoint[]): ConvergenceBound {
  const augmented = data.map((p) => [p.x[0], p.x[1], 1]);
  const R = Math.max(...augmented.map((v) => Math.hypot(...v)));
  const nearest = minNormInHull(data.map((p, i) => augmented[i].map((v) => p.y * v)));
  const gamma = Math.hypot(...nearest);
  const u = nearest.map((v) => v / gamma);
  const margins = data.map((p, i) => p.y * augmented[i].reduce((s, v, j) => s + v * u[j], 0));
  if (Math.min(...margins) < gamma - 1e-9) throw new Error('perceptron example: the nearest hull point does not separate the data');
  const bound = (R / gamma) ** 2;
  return {
    R: show(R),
    gamma: show(gamma),
    u: showVector(u),
    bound: show(bound, 2),
    maxMistakes: Math.floor(bound + 1e-9),
  };
}

/** The convergence bound on AND: at most (R/γ)² mistakes. */
export const andBound: ConvergenceBound = convergenceBound(andData);

if (andRun.mistakes > andBound.maxMistakes) {
  throw new Error('perceptron example: the run on AND broke the convergence bound');
}

// --- One gradient step with each smooth loss ---------------------------------

/** The logistic sigmoid σ(z) = 1 / (1 + e^(−z)): the engine's own (its registry entry's value). */
export function sigmoid(z: number): number {
  return SIGMOID.f(z, {});
}

/** The starting weights of the one-step examples. */
const stepW: [number, number] = [0.2, -0.4];
/** The starting bias of the one-step examples. */
const stepB = 0.1;
/** The learning rate of the one-step examples. */
const stepEta = 0.1;
/** The training point of the one-step examples: AND's positive corner. */
const stepX: [number, number] = [1, 1];

/** One stochastic gradient step on one point, before and after, formatted. */
export interface GradientStep {
  /** The starting weights. */
  w: string;
  /** The starting bias. */
  b: string;
  /** The learning rate. */
  eta: string;
  /** The point's inputs. */
  x: string;
  /** The target, in the labels this loss uses. */
  y: string;
  /** The score z = w·x + b before the step. */
  score: string;
  /** The model's output before the step (f or σ(z)). */
  output: string;
  /** The error factor that multiplies x in the gradient: f − y or σ(z) − y. */
  error: string;
  /** The gradient with respect to w. */
  gradW: string;
  /** The gradient with respect to b. */
  gradB: string;
  /** The weights after the step. */
  newW: string;
  /** The bias after the step. */
  newB: string;
  /** The model's output on the same point after the step. */
  newOutput: string;
  /** The loss on the point before the step. */
  loss: string;
  /** The loss on the point after the step. */
  newLoss: string;
}

/** Takes one gradient step on one point given the output function, the loss, and the error factor of the gradient. */
function gradientStep(
  y: number,
  output: (z: number) => number,
  loss: (out: number) => number,
  error: (out: number) => number,
  autograd: { loss: (z: Tensor) => Tensor; factor: number },
): GradientStep {
  const z = stepW[0] * stepX[0] + stepW[1] * stepX[1] + stepB;
  const out = output(z);
  const e = error(out);
  // The engine's autograd on the same loss: its gradient is `factor` times the error factor times x (the 2 of squared
  // error, which the update folds into η), and its loss is the one shown.
  const w = tensor([...stepW], { requiresGrad: true });
  const b = tensor([stepB], { requiresGrad: true });
  const engineLoss = autograd.loss(w.mul(tensor([...stepX])).sum().add(b.sum()));
  engineLoss.backward();
  const gaps = [...w.grad!.data].map((g, i) => Math.abs(g - autograd.factor * e * stepX[i])).concat(Math.abs(b.grad!.data[0] - autograd.factor * e), Math.abs(engineLoss.data[0] - loss(out)));
  if (Math.max(...gaps) > 1e-12) throw new Error('perceptron example: the one-step update should be autograd\'s gradient');
  const gradW = [e * stepX[0], e * stepX[1]];
  const newW = [stepW[0] - stepEta * gradW[0], stepW[1] - stepEta * gradW[1]];
  const newB = stepB - stepEta * e;
  const newOut = output(newW[0] * stepX[0] + newW[1] * stepX[1] + newB);
  return {
    w: showVector(stepW),
    b: show(stepB),
    eta: show(stepEta),
    x: showVector(stepX),
    y: show(y),
    score: show(z, 4),
    output: show(out, 4),
    error: show(e, 4),
    gradW: showVector(gradW, 4),
    gradB: show(e, 4),
    newW: showVector(newW, 4),
    newB: show(newB, 4),
    newOutput: show(newOut, 4),
    loss: show(loss(out), 4),
    newLoss: show(loss(newOut), 4),
  };
}

/** One squared-error step: f = w·x + b, E = (f − y)², update w ← w − η (f − y) x with the 2 folded into η. */
export const squaredStep: GradientStep = gradientStep(
  1,
  (z) => z,
  (f) => (f - 1) ** 2,
  (f) => f - 1,
  { loss: (z) => mseLoss(z, 1, 'sum'), factor: 2 },
);

/** One logistic-loss step with label 1: output σ(z), loss −log σ(z), update w ← w − η (σ(z) − y) x. */
export const logisticStep: GradientStep = gradientStep(
  1,
  sigmoid,
  (p) => -Math.log(p),
  (p) => p - 1,
  { loss: (z) => binaryCrossEntropy(sigmoidOp(z), 1, 'sum'), factor: 1 },
);

// --- The learning-rate schedule ----------------------------------------------

/** The initial learning rate of the schedule example. */
export const schedule0 = 0.1;

/** The schedule η_t = η₀ / t for t = 1 to 5 and t = 100, formatted. */
export const scheduleRows: { t: number; eta: string }[] = [1, 2, 3, 4, 5, 100].map((t) => ({ t, eta: show(schedule0 / t, 4) }));

// --- Logistic regression trained by mini-batch SGD on AND --------------------

/** The settings and results of training one logistic neuron on AND by mini-batch SGD. */
export interface LogisticTraining {
  /** The seed of the generator that initialises the weights and shuffles the data. */
  seed: number;
  /** The initial learning rate η₀; epoch t uses η₀ / t. */
  eta0: number;
  /** The mini-batch size. */
  batchSize: number;
  /** The number of epochs trained. */
  epochs: number;
  /** The mean logistic loss over the four points at chosen epochs (0 is before training). */
  lossAt: { epoch: number; loss: string }[];
  /** The trained neuron's probability of class 1 on each corner, with the corner and its AND label. */
  probabilities: { point: string; label: number; p: string }[];
  /** The trained weights, formatted. */
  w: string;
  /** The trained bias, formatted. */
  b: string;
}

/**
 * How far a mini-batch gradient worked out by hand, [∂L/∂w₁, ∂L/∂w₂, ∂L/∂b], is from the engine's autograd of the
 * mean logistic loss (binary cross-entropy of the sigmoid) over the same batch.
 */
function autogradGap(w: readonly number[], b: number, batch: readonly { x: readonly number[]; y: number }[], byHand: readonly number[]): number {
  const wt = tensor([...w], { requiresGrad: true });
  const bt = tensor([b], { requiresGrad: true });
  const x = tensor(batch.map((p) => [...p.x]));
  const scores = x.matmul(wt.reshape([2, 1])).reshape([batch.length]).add(bt);
  binaryCrossEntropy(sigmoidOp(scores), tensor(batch.map((p) => p.y)), 'mean').backward();
  const auto = [wt.grad!.data[0], wt.grad!.data[1], bt.grad!.data[0]];
  return Math.max(...auto.map((v, i) => Math.abs(v - byHand[i])));
}

/** Trains one sigmoid neuron on AND (labels 0/1) by mini-batch SGD with the schedule η₀ / t; every step's gradient is checked against autograd. */
function trainLogisticAnd(): LogisticTraining {
  const seed = 1;
  const eta0 = 8;
  const batchSize = 2;
  const epochs = 1000;
  const reportAt = [0, 1, 10, 100, 1000];
  const random = new Random(seed);
  const data = andData.map((p) => ({ x: p.x, y: p.y === 1 ? 1 : 0 }));
  // Small random initial weights, as the notes suggest (Gaussian, std 0.05).
  const w = [random.normal(0, 0.05), random.normal(0, 0.05)];
  let b = 0;
  const meanLoss = (): number =>
    data.reduce((s, p) => {
      const q = sigmoid(w[0] * p.x[0] + w[1] * p.x[1] + b);
      return s - (p.y === 1 ? Math.log(q) : Math.log(1 - q));
    }, 0) / data.length;
  const lossAt: { epoch: number; loss: string }[] = [{ epoch: 0, loss: show(meanLoss(), 4) }];
  const order = data.map((_, i) => i);
  let largestGap = 0;
  for (let t = 1; t <= epochs; t++) {
    const eta = eta0 / t;
    random.shuffle(order);
    for (let start = 0; start < order.length; start += batchSize) {
      const batch = order.slice(start, start + batchSize);
      // The mini-batch gradient is the mean of (σ(z) − y) x over the batch.
      const g = [0, 0];
      let gb = 0;
      for (const i of batch) {
        const p = data[i];
        const e = sigmoid(w[0] * p.x[0] + w[1] * p.x[1] + b) - p.y;
        g[0] += e * p.x[0];
        g[1] += e * p.x[1];
        gb += e;
      }
      largestGap = Math.max(largestGap, autogradGap(w, b, batch.map((i) => data[i]), [g[0] / batch.length, g[1] / batch.length, gb / batch.length]));
      w[0] -= (eta * g[0]) / batch.length;
      w[1] -= (eta * g[1]) / batch.length;
      b -= (eta * gb) / batch.length;
    }
    if (reportAt.includes(t)) lossAt.push({ epoch: t, loss: show(meanLoss(), 4) });
  }
  if (largestGap > 1e-12) throw new Error(`perceptron example: a mini-batch gradient differs from autograd's by ${largestGap}`);
  // The lesson says the trained neuron classifies every corner correctly at the threshold 1/2.
  if (data.some((p) => (sigmoid(w[0] * p.x[0] + w[1] * p.x[1] + b) > 0.5 ? 1 : 0) !== p.y)) {
    throw new Error('perceptron example: the logistic neuron should classify all four AND corners correctly');
  }
  return {
    seed,
    eta0,
    batchSize,
    epochs,
    lossAt,
    probabilities: data.map((p) => ({
      point: showVector(p.x),
      label: p.y,
      p: show(sigmoid(w[0] * p.x[0] + w[1] * p.x[1] + b), 3),
    })),
    w: showVector(w, 2),
    b: show(b, 2),
  };
}

/** One logistic neuron trained on AND by mini-batch SGD with a decaying learning rate. */
export const logisticAnd: LogisticTraining = trainLogisticAnd();

// --- Softmax regression: one example -----------------------------------------

/** The softmax of a vector, shifted by its maximum so exp never overflows. */
export function softmax(z: readonly number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/** A worked softmax-regression example: scores, probabilities, cross-entropy and its gradient for three classes. */
export interface SoftmaxExample {
  /** The scores z = Wx + b, formatted. */
  z: string;
  /** The correct class, counted from 1. */
  target: number;
  /** The one-hot target vector, formatted. */
  oneHot: string;
  /** The probabilities softmax(z), formatted. */
  probabilities: string;
  /** The cross-entropy −log ŷ of the correct class, formatted. */
  loss: string;
  /** The gradient of the loss with respect to z: ŷ − y, formatted. */
  gradient: string;
}

/** Softmax regression on one example with three classes whose correct class is the second. */
export const softmaxExample: SoftmaxExample = (() => {
  const z = [2, 1, 0.1];
  const target = 2;
  const oneHot = z.map((_, k) => (k === target - 1 ? 1 : 0));
  const p = softmax(z);
  return {
    z: showVector(z, 1),
    target,
    oneHot: showVector(oneHot),
    probabilities: showVector(p, 3),
    loss: show(-Math.log(p[target - 1]), 3),
    gradient: showVector(p.map((v, k) => v - oneHot[k]), 3),
  };
})();

// --- The picture of the learned AND boundary -------------------------------------------------

/** The AND data with the boundary w·x + b = 0 the rule ended with, its positive side shaded and its normal w drawn. */
export const andBoundaryFigure: FigurePanel = (() => {
  const [w1, w2] = andRun.wFinal;
  const b = andRun.bFinal;
  const xd: [number, number] = [-0.25, 1.5];
  const yd: [number, number] = [-0.25, 1.5];
  const ends = lineInBox(w1, w2, b, xd, yd);
  if (ends.length !== 2) throw new Error('perceptron example: the learned AND boundary should cross the picture');
  const mid = { x: (ends[0].x + ends[1].x) / 2, y: (ends[0].y + ends[1].y) / 2 };
  const norm = Math.hypot(w1, w2);
  const tip = { x: mid.x + (0.45 * w1) / norm, y: mid.y + (0.45 * w2) / norm };
  const scores = andData.map((p) => w1 * p.x[0] + w2 * p.x[1] + b);
  if (!scores.every((s, i) => s * andData[i].y > 0)) throw new Error('perceptron example: the learned boundary should separate AND');
  return panel({
    label: `The four corners of the unit square, the three labelled −1 drawn as squares and (1, 1) labelled +1 as a circle, with the line ${show(w1)} x₁ + ${show(w2)} x₂ ${b < 0 ? '−' : '+'} ${show(Math.abs(b))} = 0 that the learning rule ended with; the side where the score is positive is shaded and contains only (1, 1), and the normal w points into it.`,
    x: { domain: xd, ticks: [0, 0.5, 1, 1.5], label: 'x₁' },
    y: { domain: yd, ticks: [0, 0.5, 1, 1.5], label: 'x₂' },
    regions: [{ points: halfPlaneInBox(w1, w2, b, xd, yd), color: 'accent-soft' }],
    lines: [{ points: ends, color: 'text' }],
    arrows: [{ from: mid, to: tip, color: 'accent' }],
    dots: andData.map((p, i) => ({
      at: { x: p.x[0], y: p.x[1] },
      shape: p.y > 0 ? ('circle' as const) : ('square' as const),
      color: p.y > 0 ? ('accent' as const) : ('bad' as const),
      title: `(${p.x[0]}, ${p.x[1]}): label ${p.y > 0 ? '+1' : '−1'}, score ${show(scores[i])}`,
    })),
    labels: [
      { at: tip, text: 'w', color: 'accent', anchor: 'start', dx: 6, dy: 4 },
      { at: { x: 1.45, y: 1.42 }, text: 'score > 0', color: 'accent', anchor: 'end' },
      { at: { x: -0.2, y: -0.17 }, text: 'score < 0', color: 'text-muted', anchor: 'start' },
    ],
  });
})();
