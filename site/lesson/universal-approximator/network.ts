// One hidden layer, written out: ŷ(x) = c + Σⱼ vⱼ g(wⱼ x + bⱼ). Each term vⱼ g(wⱼ x + bⱼ) is one
// unit's contribution, a ReLU piece (a hinge at x = −bⱼ/wⱼ) or a sigmoid step (centred there), and
// the approximator draws them so the reader sees them add up to the fit.

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

/** g(z) for the chosen activation. */
export function activate(activation: HiddenActivation, z: number): number {
  return activation === 'relu' ? Math.max(0, z) : 1 / (1 + Math.exp(-z));
}

/** The fit ŷ at each x, and each unit's contribution vⱼ g(wⱼ x + bⱼ) (so fit = c + Σ pieces). */
export function evaluate(weights: NetworkWeights, activation: HiddenActivation, xs: readonly number[]): { fit: number[]; pieces: number[][] } {
  const pieces = weights.w.map((w, j) => xs.map((x) => weights.v[j] * activate(activation, w * x + weights.b[j])));
  const fit = xs.map((_, i) => pieces.reduce((total, piece) => total + piece[i], weights.c));
  return { fit, pieces };
}
