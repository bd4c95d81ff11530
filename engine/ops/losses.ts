// Loss functions: a scalar from predictions and targets, averaged over the
// elements (or the samples) as PyTorch's default reduction "mean" does; "sum"
// and "none" (one loss per element or sample) are there too, as in PyTorch.
//
// Elementwise losses L = (1/n) Σ ℓ(pᵢ, tᵢ) share one pattern: the backward
// rule is dL/dpᵢ = g · ∂ℓ/∂p (pᵢ, tᵢ) / n, with g = dL/d(loss) from upstream.
// The classification losses pick one entry per row by its class index.

import { Tensor, asTensor, gradBuffer } from '../tensor.ts';
import { broadcastPlan, shapeString } from '../shape.ts';
import { logistic, softmaxLine } from './activations.ts';

/** How a loss combines its per-element (or per-sample) terms, as PyTorch's `reduction`: their mean, their sum, or none. */
export type Reduction = 'mean' | 'sum' | 'none';

/** The upstream gradient reaching sample i's loss: its own with 'none', the mean's 1/rows share, or the sum's. */
function sampleGradient(g: Float64Array, i: number, rows: number, reduction: Reduction): number {
  return reduction === 'none' ? g[i] : reduction === 'mean' ? g[0] / rows : g[0];
}

/** Checks a reduction name, naming the op that received it otherwise. */
function checkReduction(op: string, reduction: Reduction): void {
  if (reduction !== 'mean' && reduction !== 'sum' && reduction !== 'none') {
    throw new RangeError(`${op}: reduction must be 'mean', 'sum' or 'none', got '${String(reduction)}'`);
  }
}

/**
 * Builds an elementwise loss ℓ(x, y) over the broadcast pairs, reduced by mean (the default), sum or none, with
 * backward rules dL/dx += g ∂ℓ/∂x and dL/dy += g ∂ℓ/∂y (g divided by n for the mean).
 */
function pairLoss(
  op: string,
  prediction: Tensor,
  target: Tensor | number,
  reduction: Reduction,
  loss: (x: number, y: number) => number,
  dldx: (x: number, y: number) => number,
  dldy: (x: number, y: number) => number,
): Tensor {
  checkReduction(op, reduction);
  const y = asTensor(target);
  const plan = broadcastPlan(op, prediction.shape, y.shape);
  const { rows, cols, aRow, aCol, bRow, bCol } = plan;
  const n = rows * cols;
  const ps = prediction.data;
  const ts = y.data;
  const terms = new Float64Array(n);
  for (let i = 0, k = 0; i < rows; i++) for (let j = 0; j < cols; j++, k++) terms[k] = loss(ps[i * aRow + j * aCol], ts[i * bRow + j * bCol]);
  let out = terms;
  if (reduction !== 'none') {
    let total = 0;
    for (let k = 0; k < n; k++) total += terms[k];
    out = Float64Array.of(reduction === 'mean' ? total / n : total);
  }
  return Tensor.fromOp(op, out, reduction === 'none' ? plan.shape : [], [prediction, y], (g) => {
    const gp = gradBuffer(prediction);
    const gt = gradBuffer(y);
    // The upstream gradient of term k: g[k] without reduction, g / n for the mean, g for the sum.
    const shared = reduction === 'mean' ? g[0] / n : g[0];
    for (let i = 0, k = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++, k++) {
        const ip = i * aRow + j * aCol;
        const it = i * bRow + j * bCol;
        const scale = reduction === 'none' ? g[k] : shared;
        if (gp !== null) gp[ip] += scale * dldx(ps[ip], ts[it]);
        if (gt !== null) gt[it] += scale * dldy(ps[ip], ts[it]);
      }
    }
  });
}

/** Mean squared error (1/n) Σ (p - t)²; ∂ℓ/∂p = 2 (p - t). */
export function mseLoss(prediction: Tensor, target: Tensor | number, reduction: Reduction = 'mean'): Tensor {
  return pairLoss(
    'mse_loss',
    prediction,
    target,
    reduction,
    (p, t) => (p - t) * (p - t),
    (p, t) => 2 * (p - t),
    (p, t) => -2 * (p - t),
  );
}

/** ln p clamped below at -100, as PyTorch does so that p = 0 gives a large finite loss instead of infinity. */
function clampedLog(p: number): number {
  return Math.max(Math.log(p), -100);
}

/**
 * Binary cross-entropy on probabilities, -(1/n) Σ [y ln p + (1 - y) ln(1 - p)];
 * ∂ℓ/∂p = (p - y) / (p (1 - p)), with the denominator kept above 1e-12 as PyTorch does.
 */
export function binaryCrossEntropy(probabilities: Tensor, target: Tensor | number, reduction: Reduction = 'mean'): Tensor {
  return pairLoss(
    'binary_cross_entropy',
    probabilities,
    target,
    reduction,
    (p, y) => -(y * clampedLog(p) + (1 - y) * clampedLog(1 - p)),
    (p, y) => (p - y) / Math.max(p * (1 - p), 1e-12),
    (p) => clampedLog(1 - p) - clampedLog(p),
  );
}

/**
 * Binary cross-entropy on logits z, the same loss with p = σ(z), written as max(z, 0) - z y + ln(1 + e^-|z|) so that
 * no exponential overflows; ∂ℓ/∂z = σ(z) - y.
 */
export function binaryCrossEntropyWithLogits(logits: Tensor, target: Tensor | number, reduction: Reduction = 'mean'): Tensor {
  return pairLoss(
    'binary_cross_entropy_with_logits',
    logits,
    target,
    reduction,
    (z, y) => Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))),
    (z, y) => logistic(z) - y,
    (z) => -z,
  );
}

/** Hinge loss (1/n) Σ max(0, margin - y s) for labels y ∈ {-1, +1}; ∂ℓ/∂s = -y where the margin is violated, else 0. */
export function hingeLoss(scores: Tensor, target: Tensor | number, margin = 1, reduction: Reduction = 'mean'): Tensor {
  return pairLoss(
    'hinge_loss',
    scores,
    target,
    reduction,
    (s, y) => Math.max(0, margin - y * s),
    (s, y) => (margin - y * s > 0 ? -y : 0),
    (s, y) => (margin - y * s > 0 ? -s : 0),
  );
}

/** Reads class indices from an array or tensor, checking each is an integer in [0, classes). */
function classIndices(op: string, classes: readonly number[] | Tensor, rows: number, count: number): Int32Array {
  const values = classes instanceof Tensor ? classes.data : classes;
  if (values.length !== rows) {
    const shape = classes instanceof Tensor ? shapeString(classes.shape) : `${values.length} values`;
    throw new RangeError(`${op}: ${rows} rows of scores need ${rows} class indices, got ${shape}`);
  }
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = values[i];
    if (!Number.isInteger(c) || c < 0 || c >= count) {
      throw new RangeError(`${op}: class ${c} at row ${i} is not an index between 0 and ${count - 1}`);
    }
    out[i] = c;
  }
  return out;
}

/** The rows and classes of a score tensor: [batch, classes], or one sample [classes]. */
function scoreRows(op: string, scores: Tensor): [number, number] {
  if (scores.ndim === 2) return [scores.shape[0], scores.shape[1]];
  if (scores.ndim === 1) return [1, scores.shape[0]];
  throw new RangeError(`${op}: scores must have shape [batch, classes] or [classes], got ${shapeString(scores.shape)}`);
}

/**
 * Reduces per-sample losses by mean, sum or none, as the output of a classification loss: a scalar, or one value
 * per sample (a scalar for a single unbatched sample).
 */
function reduceSamples(terms: Float64Array, reduction: Reduction, batched: boolean): { data: Float64Array; shape: number[] } {
  if (reduction === 'none') return { data: terms, shape: batched ? [terms.length] : [] };
  let total = 0;
  for (let i = 0; i < terms.length; i++) total += terms[i];
  return { data: Float64Array.of(reduction === 'mean' ? total / terms.length : total), shape: [] };
}

/**
 * Cross-entropy of raw logits z against class indices t, averaged over the batch by default:
 * (1/N) Σᵢ [ln Σⱼ e^(zᵢⱼ) - zᵢ,tᵢ], stable for large logits. dL/dzᵢⱼ = (softmax(zᵢ)ⱼ - [j = tᵢ]) / N.
 */
export function crossEntropy(logits: Tensor, classes: readonly number[] | Tensor, reduction: Reduction = 'mean'): Tensor {
  checkReduction('cross_entropy', reduction);
  const [rows, count] = scoreRows('cross_entropy', logits);
  const t = classIndices('cross_entropy', classes, rows, count);
  const zs = logits.data;
  // Keep each row's softmax for the backward rule.
  const probabilities = new Float64Array(zs.length);
  const terms = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const start = i * count;
    // -log softmax(z)ₜ = logsumexp(z) - zₜ
    terms[i] = softmaxLine(zs, probabilities, start, start + count, 1) - zs[start + t[i]];
  }
  const { data, shape } = reduceSamples(terms, reduction, logits.ndim === 2);
  const parents = classes instanceof Tensor ? [logits, classes] : [logits];
  return Tensor.fromOp('cross_entropy', data, shape, parents, (g) => {
    const gz = gradBuffer(logits);
    if (gz === null) return;
    for (let i = 0; i < rows; i++) {
      const scale = sampleGradient(g, i, rows, reduction);
      const start = i * count;
      for (let j = 0; j < count; j++) gz[start + j] += scale * (probabilities[start + j] - (j === t[i] ? 1 : 0));
    }
  });
}

/**
 * Negative log-likelihood of log-probabilities against class indices, -(1/N) Σᵢ log pᵢ,tᵢ by default;
 * dL/d(log pᵢ,tᵢ) = -1/N.
 */
export function nllLoss(logProbabilities: Tensor, classes: readonly number[] | Tensor, reduction: Reduction = 'mean'): Tensor {
  checkReduction('nll_loss', reduction);
  const [rows, count] = scoreRows('nll_loss', logProbabilities);
  const t = classIndices('nll_loss', classes, rows, count);
  const lp = logProbabilities.data;
  const terms = new Float64Array(rows);
  for (let i = 0; i < rows; i++) terms[i] = -lp[i * count + t[i]];
  const { data, shape } = reduceSamples(terms, reduction, logProbabilities.ndim === 2);
  const parents = classes instanceof Tensor ? [logProbabilities, classes] : [logProbabilities];
  return Tensor.fromOp('nll_loss', data, shape, parents, (g) => {
    const gl = gradBuffer(logProbabilities);
    if (gl === null) return;
    for (let i = 0; i < rows; i++) {
      gl[i * count + t[i]] -= sampleGradient(g, i, rows, reduction);
    }
  });
}
