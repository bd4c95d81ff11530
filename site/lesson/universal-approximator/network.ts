// One hidden layer, written out: ŷ(x) = c + Σⱼ vⱼ g(wⱼ x + bⱼ). Each term vⱼ g(wⱼ x + bⱼ) is one
// unit's contribution, a ReLU piece (a hinge at x = −bⱼ/wⱼ) or a sigmoid step (centred there), and
// the approximator draws them so the reader sees them add up to the fit.

import { Tensor, linear, noGrad, relu, sigmoid } from '../../../engine/index.ts';

/** The hidden units' nonlinearities on offer. */
export const HIDDEN_ACTIVATIONS = ['relu', 'sigmoid'] as const;

/** The hidden units' nonlinearity g. */
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];

/** The weights of a 1-N-1 network: wⱼ, bⱼ into each hidden unit, vⱼ out of it, and the output bias c. */
export interface NetworkWeights {
  /** Input weight of each hidden unit. */
  w: number[];
  /** Bias of each hidden unit. */
  b: number[];
  /** Output weight of each hidden unit. */
  v: number[];
  /** Output bias. */
  c: number;
}

/**
 * The fit ŷ at each x, and each unit's contribution vⱼ g(wⱼ x + bⱼ) (so fit = c + Σ pieces), computed by the engine
 * with the trainer's layers (linear, then relu or sigmoid, then linear).
 */
export function evaluate(weights: NetworkWeights, activation: HiddenActivation, xs: readonly number[]): { fit: number[]; pieces: number[][] } {
  const units = weights.w.length;
  const tensor = (values: readonly number[], shape: number[]) => Tensor.fromData(Float64Array.from(values), shape);
  return noGrad(() => {
    const hidden = linear(tensor(xs, [xs.length, 1]), tensor(weights.w, [units, 1]), tensor(weights.b, [units]));
    const g = activation === 'relu' ? relu(hidden) : sigmoid(hidden);
    const fit = linear(g, tensor(weights.v, [1, units]), tensor([weights.c], [1]));
    const pieces = weights.v.map((v, j) => xs.map((_, i) => v * g.data[i * units + j]));
    return { fit: Array.from(fit.data), pieces };
  });
}
