// Loss functions: a scalar from predictions and targets, averaged over the
// elements (or the samples) as PyTorch's default reduction "mean" does.
//
// Elementwise losses L = (1/n) Σ ℓ(pᵢ, tᵢ) share one pattern: the backward
// rule is dL/dpᵢ = g · ∂ℓ/∂p (pᵢ, tᵢ) / n, with g = dL/d(loss) from upstream.
// The classification losses pick one entry per row by its class index.

import { Tensor, asTensor, gradBuffer } from '../tensor.ts';
import { broadcastPlan, shapeString } from '../shape.ts';
import { logistic } from './activations.ts';

/**
 * Builds a mean-reduced elementwise loss (1/n) Σ ℓ(x, y) over the broadcast pairs, with backward rules
 * dL/dx += g ∂ℓ/∂x / n and dL/dy += g ∂ℓ/∂y / n.
 */
function meanPairLoss(
  op: string,
  prediction: Tensor,
  target: Tensor | number,
  loss: (x: number, y: number) => number,
  dldx: (x: number, y: number) => number,
  dldy: (x: number, y: number) => number,
): Tensor {
  const y = asTensor(target);
  const plan = broadcastPlan(op, prediction.shape, y.shape);
  const { rows, cols, aRow, aCol, bRow, bCol } = plan;
  const n = rows * cols;
  const ps = prediction.data;
  const ts = y.data;
  let total = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) total += loss(ps[i * aRow + j * aCol], ts[i * bRow + j * bCol]);
  return Tensor.fromOp(op, Float64Array.of(total / n), [], [prediction, y], (g) => {
    const gp = gradBuffer(prediction);
    const gt = gradBuffer(y);
    const scale = g[0] / n;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const ip = i * aRow + j * aCol;
        const it = i * bRow + j * bCol;
        if (gp !== null) gp[ip] += scale * dldx(ps[ip], ts[it]);
        if (gt !== null) gt[it] += scale * dldy(ps[ip], ts[it]);
      }
    }
  });
}

/** Mean squared error (1/n) Σ (p - t)²; ∂ℓ/∂p = 2 (p - t). */
export function mseLoss(prediction: Tensor, target: Tensor | number): Tensor {
  return meanPairLoss(
    'mse_loss',
    prediction,
    target,
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
export function binaryCrossEntropy(probabilities: Tensor, target: Tensor | number): Tensor {
  return meanPairLoss(
    'binary_cross_entropy',
    probabilities,
    target,
    (p, y) => -(y * clampedLog(p) + (1 - y) * clampedLog(1 - p)),
    (p, y) => (p - y) / Math.max(p * (1 - p), 1e-12),
    (p) => clampedLog(1 - p) - clampedLog(p),
  );
}

/**
 * Binary cross-entropy on logits z, the same loss with p = σ(z), written as max(z, 0) - z y + ln(1 + e^-|z|) so that
 * no exponential overflows; ∂ℓ/∂z = σ(z) - y.
 */
export function binaryCrossEntropyWithLogits(logits: Tensor, target: Tensor | number): Tensor {
  return meanPairLoss(
    'binary_cross_entropy_with_logits',
    logits,
    target,
    (z, y) => Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))),
    (z, y) => logistic(z) - y,
    (z) => -z,
  );
}

/** Hinge loss (1/n) Σ max(0, margin - y s) for labels y ∈ {-1, +1}; ∂ℓ/∂s = -y where the margin is violated, else 0. */
export function hingeLoss(scores: Tensor, target: Tensor | number, margin = 1): Tensor {
  return meanPairLoss(
    'hinge_loss',
    scores,
    target,
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
 * Cross-entropy of raw logits z against class indices t, averaged over the batch:
 * (1/N) Σᵢ [ln Σⱼ e^(zᵢⱼ) - zᵢ,tᵢ], stable for large logits. dL/dzᵢⱼ = (softmax(zᵢ)ⱼ - [j = tᵢ]) / N.
 */
export function crossEntropy(logits: Tensor, classes: readonly number[] | Tensor): Tensor {
  const [rows, count] = scoreRows('cross_entropy', logits);
  const t = classIndices('cross_entropy', classes, rows, count);
  const zs = logits.data;
  // Keep each row's softmax for the backward rule.
  const probabilities = new Float64Array(zs.length);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const start = i * count;
    let m = -Infinity;
    for (let j = 0; j < count; j++) if (zs[start + j] > m) m = zs[start + j];
    let sum = 0;
    for (let j = 0; j < count; j++) sum += probabilities[start + j] = Math.exp(zs[start + j] - m);
    for (let j = 0; j < count; j++) probabilities[start + j] /= sum;
    total += m + Math.log(sum) - zs[start + t[i]];
  }
  const parents = classes instanceof Tensor ? [logits, classes] : [logits];
  return Tensor.fromOp('cross_entropy', Float64Array.of(total / rows), [], parents, (g) => {
    const gz = gradBuffer(logits);
    if (gz === null) return;
    const scale = g[0] / rows;
    for (let i = 0; i < rows; i++) {
      const start = i * count;
      for (let j = 0; j < count; j++) gz[start + j] += scale * (probabilities[start + j] - (j === t[i] ? 1 : 0));
    }
  });
}

/** Negative log-likelihood of log-probabilities against class indices, -(1/N) Σᵢ log pᵢ,tᵢ; dL/d(log pᵢ,tᵢ) = -1/N. */
export function nllLoss(logProbabilities: Tensor, classes: readonly number[] | Tensor): Tensor {
  const [rows, count] = scoreRows('nll_loss', logProbabilities);
  const t = classIndices('nll_loss', classes, rows, count);
  const lp = logProbabilities.data;
  let total = 0;
  for (let i = 0; i < rows; i++) total -= lp[i * count + t[i]];
  const parents = classes instanceof Tensor ? [logProbabilities, classes] : [logProbabilities];
  return Tensor.fromOp('nll_loss', Float64Array.of(total / rows), [], parents, (g) => {
    const gl = gradBuffer(logProbabilities);
    if (gl === null) return;
    for (let i = 0; i < rows; i++) gl[i * count + t[i]] -= g[0] / rows;
  });
}
