// Loss functions as autograd ops: a scalar from predictions and targets,
// averaged over the elements (or the samples) as PyTorch's default reduction
// "mean" does; "sum" and "none" (one loss per element or sample) are there
// too, as in PyTorch. The formulas ℓ and their gradients are the registry's
// (formulas/losses.ts); this file reduces them and records the backward rule.
//
// Elementwise losses L = (1/n) Σ ℓ(pᵢ, tᵢ) share one pattern: the backward
// rule is dL/dpᵢ = g · ∂ℓ/∂p (pᵢ, tᵢ) / n, with g = dL/d(loss) from upstream.
// The classification losses take one row of scores per sample and its class
// index: dL/dzᵢⱼ = g · ∂ℓ/∂zⱼ / N.

import { Tensor, asTensor, gradBuffer } from '../tensor.ts';
import { broadcastPlan, shapeString } from '../shape.ts';
import type { ParameterValues } from '../formulas/activations.ts';
import {
  BINARY_CROSS_ENTROPY,
  BINARY_CROSS_ENTROPY_WITH_LOGITS,
  CROSS_ENTROPY,
  HINGE_LOSS,
  MSE_LOSS,
  NLL_LOSS,
  type ClassLoss,
  type PairLoss,
} from '../formulas/losses.ts';

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
 * Applies a pair loss of the registry, ℓ(x, y) over the broadcast pairs, reduced by mean (the default), sum or
 * none, with backward rules dL/dx += g ∂ℓ/∂x and dL/dy += g ∂ℓ/∂y (g divided by n for the mean).
 */
export function applyPairLoss<P extends string>(
  entry: PairLoss<P>,
  prediction: Tensor,
  target: Tensor | number,
  parameters: ParameterValues<P>,
  reduction: Reduction = 'mean',
): Tensor {
  const op = entry.torch;
  checkReduction(op, reduction);
  const { loss, dp, dt } = entry;
  const y = asTensor(target);
  const plan = broadcastPlan(op, prediction.shape, y.shape);
  const { rows, cols, aRow, aCol, bRow, bCol } = plan;
  const n = rows * cols;
  const ps = prediction.data;
  const ts = y.data;
  const terms = new Float64Array(n);
  for (let i = 0, k = 0; i < rows; i++) for (let j = 0; j < cols; j++, k++) terms[k] = loss(ps[i * aRow + j * aCol], ts[i * bRow + j * bCol], parameters);
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
        if (gp !== null) gp[ip] += scale * dp(ps[ip], ts[it], parameters);
        if (gt !== null) gt[it] += scale * dt(ps[ip], ts[it], parameters);
      }
    }
  }, { reduction, parameters: { ...parameters } });
}

/** Mean squared error (1/n) Σ (p - t)²; ∂ℓ/∂p = 2 (p - t). */
export function mseLoss(prediction: Tensor, target: Tensor | number, reduction: Reduction = 'mean'): Tensor {
  return applyPairLoss(MSE_LOSS, prediction, target, {}, reduction);
}

/**
 * Binary cross-entropy on probabilities, -(1/n) Σ [y ln p + (1 - y) ln(1 - p)];
 * ∂ℓ/∂p = (p - y) / (p (1 - p)), with the denominator kept above 1e-12 as PyTorch does.
 */
export function binaryCrossEntropy(probabilities: Tensor, target: Tensor | number, reduction: Reduction = 'mean'): Tensor {
  return applyPairLoss(BINARY_CROSS_ENTROPY, probabilities, target, {}, reduction);
}

/**
 * Binary cross-entropy on logits z, the same loss with p = σ(z), written as max(z, 0) - z y + ln(1 + e^-|z|) so that
 * no exponential overflows; ∂ℓ/∂z = σ(z) - y.
 */
export function binaryCrossEntropyWithLogits(logits: Tensor, target: Tensor | number, reduction: Reduction = 'mean'): Tensor {
  return applyPairLoss(BINARY_CROSS_ENTROPY_WITH_LOGITS, logits, target, {}, reduction);
}

/** Hinge loss (1/n) Σ max(0, margin - y s) for labels y ∈ {-1, +1}; ∂ℓ/∂s = -y where the margin is violated, else 0. */
export function hingeLoss(scores: Tensor, target: Tensor | number, margin = HINGE_LOSS.parameters[0].default, reduction: Reduction = 'mean'): Tensor {
  return applyPairLoss(HINGE_LOSS, scores, target, { margin }, reduction);
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
 * Applies a class loss of the registry to rows of scores and their class indices, reduced by mean (the default),
 * sum or none; backward dL/dzᵢⱼ += g ∂ℓ/∂zⱼ (g divided by N for the mean).
 */
export function applyClassLoss(entry: ClassLoss, scores: Tensor, classes: readonly number[] | Tensor, reduction: Reduction = 'mean'): Tensor {
  const op = entry.torch;
  checkReduction(op, reduction);
  const [rows, count] = scoreRows(op, scores);
  const t = classIndices(op, classes, rows, count);
  const zs = scores.data;
  // What each row's gradient needs (cross-entropy keeps its softmax here).
  const work = new Float64Array(zs.length);
  const terms = new Float64Array(rows);
  for (let i = 0; i < rows; i++) terms[i] = entry.loss(zs, work, i * count, count, t[i]);
  const { data, shape } = reduceSamples(terms, reduction, scores.ndim === 2);
  const parents = classes instanceof Tensor ? [scores, classes] : [scores];
  return Tensor.fromOp(op, data, shape, parents, (g) => {
    const gz = gradBuffer(scores);
    if (gz === null) return;
    for (let i = 0; i < rows; i++) {
      const scale = sampleGradient(g, i, rows, reduction);
      const start = i * count;
      for (let j = 0; j < count; j++) gz[start + j] += scale * entry.dscore(zs, work, start + j, j === t[i]);
    }
  }, { reduction, classes: Array.from(t) });
}

/**
 * Cross-entropy of raw logits z against class indices t, averaged over the batch by default:
 * (1/N) Σᵢ [ln Σⱼ e^(zᵢⱼ) - zᵢ,tᵢ], stable for large logits. dL/dzᵢⱼ = (softmax(zᵢ)ⱼ - [j = tᵢ]) / N.
 */
export function crossEntropy(logits: Tensor, classes: readonly number[] | Tensor, reduction: Reduction = 'mean'): Tensor {
  return applyClassLoss(CROSS_ENTROPY, logits, classes, reduction);
}

/**
 * Negative log-likelihood of log-probabilities against class indices, -(1/N) Σᵢ log pᵢ,tᵢ by default;
 * dL/d(log pᵢ,tᵢ) = -1/N.
 */
export function nllLoss(logProbabilities: Tensor, classes: readonly number[] | Tensor, reduction: Reduction = 'mean'): Tensor {
  return applyClassLoss(NLL_LOSS, logProbabilities, classes, reduction);
}
