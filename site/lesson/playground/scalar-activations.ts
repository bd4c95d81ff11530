// The playground's activations as plain number functions, for the fast MLP
// kernel: each is the same formula, with the same constants and defaults, as
// the engine op of that name in engine/ops/activations.ts, so the kernel's
// values and gradients agree with the engine's autograd (checked by
// tests/site/lesson/playground/fast-mlp.test.ts).

import { erf, logistic } from '../../../engine/index.ts';
import type { PlaygroundActivation } from './state.ts';

/** An activation f and its derivative f'(x), given x and y = f(x) so that tanh and sigmoid reuse y. */
export interface ScalarActivation {
  /** f(x). */
  f(x: number): number;
  /** f'(x), given also y = f(x). */
  df(x: number, y: number): number;
}

const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;

/** Every playground activation as a scalar function and its derivative. */
export const SCALAR_ACTIVATIONS: Record<PlaygroundActivation, ScalarActivation> = {
  identity: { f: (x) => x, df: () => 1 },
  relu: { f: (x) => (x > 0 ? x : 0), df: (x) => (x > 0 ? 1 : 0) },
  // PyTorch's default negative slope, 0.01.
  leakyRelu: { f: (x) => (x > 0 ? x : 0.01 * x), df: (x) => (x > 0 ? 1 : 0.01) },
  // α = 1: x for x > 0, e^x - 1 otherwise; derivative e^x below zero.
  elu: { f: (x) => (x > 0 ? x : Math.expm1(x)), df: (x) => (x > 0 ? 1 : Math.exp(x)) },
  // Exact GELU x Φ(x); gelu'(x) = Φ(x) + x φ(x).
  gelu: {
    f: (x) => x * 0.5 * (1 + erf(x * Math.SQRT1_2)),
    df: (x) => 0.5 * (1 + erf(x * Math.SQRT1_2)) + x * ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x),
  },
  // silu'(x) = σ(x) (1 + x (1 - σ(x))).
  silu: {
    f: (x) => x * logistic(x),
    df: (x) => {
      const s = logistic(x);
      return s * (1 + x * (1 - s));
    },
  },
  // β = 1, threshold 20 as PyTorch: x itself above the threshold; softplus' = σ.
  softplus: {
    f: (x) => (x > 20 ? x : Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)))),
    df: (x) => (x > 20 ? 1 : logistic(x)),
  },
  tanh: { f: Math.tanh, df: (_x, y) => 1 - y * y },
  sigmoid: { f: logistic, df: (_x, y) => y * (1 - y) },
};
