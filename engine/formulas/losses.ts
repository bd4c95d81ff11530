// The registry of losses: each one's per-element (or per-sample) loss ℓ and its
// gradient with respect to the prediction, written once, as the lessons write
// them (for mean squared error ℓ = (p − t)², ∂ℓ/∂p = 2 (p − t)), with its
// parameters and PyTorch's defaults. The autograd ops (ops/losses.ts), the
// conformance runner's op table and the fused MLP kernel (nn/fast-mlp.ts) read
// from here; the reduction (mean, sum, none) is the op's business, not the
// formula's.
//
// Two kinds of entry:
// - pair: ℓ(p, t) of one prediction and its target, element by element, with
//   ∂ℓ/∂p and ∂ℓ/∂t (PyTorch differentiates the target too);
// - class: ℓ of one row of scores against a class index t, with ∂ℓ/∂scoreⱼ.

import { logistic, softmaxLine } from './activations.ts';
import type { ActivationParameter, ParameterValues } from './activations.ts';

/** What every loss has: its names, its formulas as text and its parameters. */
interface LossBase<P extends string> {
  /** The engine's name, that of its op: 'mseLoss'. */
  name: string;
  /**
   * PyTorch's name of the op (torch.nn.functional), also the graph node's op: 'mse_loss'. A loss PyTorch has no function
   * for keeps a name in the same style (the hinge loss: 'hinge_loss'; in PyTorch, `torch.clamp(margin - y * s, min=0)`).
   */
  torch: string;
  /** The name shown to a reader. */
  title: string;
  /** ℓ, as the lesson writes it. */
  formula: string;
  /** Its gradient with respect to the prediction, as the lesson writes it. */
  gradientFormula: string;
  /** Its parameters (the hinge's margin), in the order the op takes them after the target. */
  parameters: readonly ActivationParameter<P>[];
}

/** A loss of a prediction and a target element by element: ℓ(p, t), ∂ℓ/∂p and ∂ℓ/∂t. */
export interface PairLoss<P extends string = string> extends LossBase<P> {
  kind: 'pair';
  /** ℓ(p, t). */
  loss(p: number, t: number, parameters: ParameterValues<P>): number;
  /** ∂ℓ/∂p. */
  dp(p: number, t: number, parameters: ParameterValues<P>): number;
  /** ∂ℓ/∂t, for a target that requires a gradient. */
  dt(p: number, t: number, parameters: ParameterValues<P>): number;
}

/** A loss of a row of scores against a class index. */
export interface ClassLoss extends LossBase<never> {
  kind: 'class';
  /**
   * ℓ of the row scores[start .. start + count) against class t; it may write into `work` (same indices) what its
   * gradient needs (softmax for cross-entropy).
   */
  loss(scores: Float64Array, work: Float64Array, start: number, count: number, t: number): number;
  /** ∂ℓ/∂scoreₖ for the element k of a row whose loss was just computed, `target` telling whether k is class t. */
  dscore(scores: Float64Array, work: Float64Array, k: number, target: boolean): number;
}

/** Any entry of the registry. */
export type LossFunction = PairLoss | ClassLoss;

/** ln p clamped below at -100, as PyTorch does so that p = 0 gives a large finite loss instead of infinity. */
export function clampedLog(p: number): number {
  return Math.max(Math.log(p), -100);
}

/** A pair entry, its parameter names checked against its formulas. */
function pair<const P extends string = never>(entry: Omit<PairLoss<P>, 'kind'>): PairLoss<P> {
  return { kind: 'pair', ...entry };
}

/** A class entry. */
function byClass(entry: Omit<ClassLoss, 'kind' | 'parameters'>): ClassLoss {
  return { kind: 'class', parameters: [], ...entry };
}

/** Mean squared error, ℓ = (p - t)²; ∂ℓ/∂p = 2 (p - t). */
export const MSE_LOSS = pair({
  name: 'mseLoss', torch: 'mse_loss', title: 'Mean squared error',
  formula: 'ℓ(p, t) = (p − t)²', gradientFormula: '∂ℓ/∂p = 2 (p − t)',
  parameters: [],
  loss: (p, t) => (p - t) * (p - t),
  dp: (p, t) => 2 * (p - t),
  dt: (p, t) => -2 * (p - t),
});

/** Binary cross-entropy on probabilities, ℓ = -[y ln p + (1 - y) ln(1 - p)]; ∂ℓ/∂p = (p - y) / (p (1 - p)), kept finite as PyTorch does. */
export const BINARY_CROSS_ENTROPY = pair({
  name: 'binaryCrossEntropy', torch: 'binary_cross_entropy', title: 'Binary cross-entropy',
  formula: 'ℓ(p, y) = −[y ln p + (1 − y) ln(1 − p)]', gradientFormula: '∂ℓ/∂p = (p − y) / (p (1 − p))',
  parameters: [],
  loss: (p, y) => -(y * clampedLog(p) + (1 - y) * clampedLog(1 - p)),
  // The denominator is kept above 1e-12, as PyTorch's.
  dp: (p, y) => (p - y) / Math.max(p * (1 - p), 1e-12),
  dt: (p) => clampedLog(1 - p) - clampedLog(p),
});

/**
 * Binary cross-entropy on a logit z, the same loss with p = σ(z), written as max(z, 0) - z y + ln(1 + e^-|z|) so that
 * no exponential overflows; ∂ℓ/∂z = σ(z) - y.
 */
export const BINARY_CROSS_ENTROPY_WITH_LOGITS = pair({
  name: 'binaryCrossEntropyWithLogits', torch: 'binary_cross_entropy_with_logits', title: 'Binary cross-entropy (logits)',
  formula: 'ℓ(z, y) = −[y ln σ(z) + (1 − y) ln(1 − σ(z))]', gradientFormula: '∂ℓ/∂z = σ(z) − y',
  parameters: [],
  loss: (z, y) => Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))),
  dp: (z, y) => logistic(z) - y,
  dt: (z) => -z,
});

/** Hinge loss max(0, margin - y s) for labels y ∈ {-1, +1}; ∂ℓ/∂s = -y where the margin is violated, else 0. */
export const HINGE_LOSS = pair({
  name: 'hingeLoss', torch: 'hinge_loss', title: 'Hinge',
  formula: 'ℓ(s, y) = max(0, m − y s)', gradientFormula: '∂ℓ/∂s = −y if y s < m, else 0',
  parameters: [{ name: 'margin', symbol: 'm', default: 1, torch: ['margin'] }],
  loss: (s, y, { margin }) => Math.max(0, margin - y * s),
  dp: (s, y, { margin }) => (margin - y * s > 0 ? -y : 0),
  dt: (s, y, { margin }) => (margin - y * s > 0 ? -s : 0),
});

/**
 * Cross-entropy of raw logits z against a class t: ℓ = ln Σⱼ e^(zⱼ) - z_t (= -log softmax(z)_t), stable for large
 * logits; ∂ℓ/∂zⱼ = softmax(z)ⱼ - [j = t].
 */
export const CROSS_ENTROPY = byClass({
  name: 'crossEntropy', torch: 'cross_entropy', title: 'Cross-entropy (softmax)',
  formula: 'ℓ(z, t) = ln Σⱼ e^zⱼ − z_t', gradientFormula: '∂ℓ/∂zⱼ = softmax(z)ⱼ − [j = t]',
  // The row's softmax is kept in `work` for the gradient.
  loss: (z, softmax, start, count, t) => softmaxLine(z, softmax, start, start + count, 1) - z[start + t],
  dscore: (_z, softmax, k, target) => softmax[k] - (target ? 1 : 0),
});

/** Negative log-likelihood of log-probabilities against a class t: ℓ = -log p_t; ∂ℓ/∂(log pⱼ) = -[j = t]. */
export const NLL_LOSS = byClass({
  name: 'nllLoss', torch: 'nll_loss', title: 'Negative log-likelihood',
  formula: 'ℓ(log p, t) = −log p_t', gradientFormula: '∂ℓ/∂(log pⱼ) = −[j = t]',
  loss: (logProbabilities, _work, start, _count, t) => -logProbabilities[start + t],
  dscore: (_lp, _work, _k, target) => (target ? -1 : 0),
});

/** Every loss, by its engine name. */
export const LOSS_FUNCTIONS = {
  mseLoss: MSE_LOSS,
  binaryCrossEntropy: BINARY_CROSS_ENTROPY,
  binaryCrossEntropyWithLogits: BINARY_CROSS_ENTROPY_WITH_LOGITS,
  hingeLoss: HINGE_LOSS,
  crossEntropy: CROSS_ENTROPY,
  nllLoss: NLL_LOSS,
} as const satisfies Record<string, LossFunction>;

/** The engine name of a registered loss. */
export type LossFunctionName = keyof typeof LOSS_FUNCTIONS;

/** The registered loss of a name, or a readable error listing the known ones. */
export function lossFunction(name: string): LossFunction {
  const entry = Object.prototype.hasOwnProperty.call(LOSS_FUNCTIONS, name) ? (LOSS_FUNCTIONS as Record<string, LossFunction>)[name] : undefined;
  if (entry === undefined) throw new RangeError(`unknown loss '${name}'; known: ${Object.keys(LOSS_FUNCTIONS).join(', ')}`);
  return entry;
}
