// RMSprop, as torch.optim.RMSprop: divide each step by a running root mean
// square of recent gradients.
//   g: the gradient after the base's prologue (negated when maximizing, plus λ θ)
//   v ← α v + (1 - α) g²
//   centered: m ← m + (1 - α)(g - m), and use v - m² (a running variance) for v
//   d = √v + ε                                  (ε outside the root)
//   momentum μ > 0: b ← μ b + g / d; θ ← θ - η b     else θ ← θ - η g / d

import type { Tensor } from '../tensor.ts';
import { COMMON_HYPERPARAMETERS, Optimizer, learningRate, type HyperParameters, type OptimizerOptions } from './optimizer.ts';

/** RMSprop's options, named and defaulted as in torch.optim.RMSprop. */
export interface RMSpropOptions extends OptimizerOptions {
  /** Learning rate η (default 0.01). */
  lr?: number;
  /** Smoothing constant α of the running average (default 0.99). */
  alpha?: number;
  /** ε added outside the square root (default 1e-8). */
  eps?: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay?: number;
  /** Momentum factor μ (default 0). */
  momentum?: number;
  /** Normalise by an estimate of the gradient's variance instead of its second moment (default false). */
  centered?: boolean;
}

/** RMSprop with optional momentum and centering, as torch.optim.RMSprop. */
export class RMSprop extends Optimizer {
  /** RMSprop's hyper-parameters: torch.optim.RMSprop's defaults and the values it accepts. */
  static readonly hyperparameters: HyperParameters = {
    lr: learningRate(0.01),
    alpha: { default: 0.99, min: 0, max: 1, description: 'Smoothing α of the running average of squared gradients.' },
    eps: { default: 1e-8, min: 0, description: 'ε added outside the square root so the step never divides by zero.' },
    momentum: { default: 0, min: 0, description: 'Momentum μ applied to the normalised step.' },
    centered: { default: false, description: 'Divide by the root of a running variance, √(v − ḡ²) with ḡ the running mean of the gradient, instead of the root of its second moment v.' },
    ...COMMON_HYPERPARAMETERS,
  };

  /** Smoothing constant α. */
  alpha: number;
  /** ε outside the root. */
  eps: number;
  /** Momentum factor μ. */
  momentum: number;
  /** Whether to centre the second moment. */
  centered: boolean;

  /** Creates RMSprop over `params`. */
  constructor(params: Iterable<Tensor>, options: RMSpropOptions = {}) {
    super(params, options);
    const o = this.settings<RMSpropOptions>();
    this.alpha = o.alpha;
    this.eps = o.eps;
    this.momentum = o.momentum;
    this.centered = o.centered;
  }

  protected override update(theta: Float64Array, grad: Float64Array, index: number): void {
    const { lr, alpha, eps, momentum } = this;
    const v = this.buffer(index, 'squareAverage');
    const m = this.centered ? this.buffer(index, 'gradAverage') : null;
    const b = momentum > 0 ? this.buffer(index, 'momentum') : null;
    for (let i = 0; i < theta.length; i++) {
      const g = grad[i];
      v[i] = alpha * v[i] + (1 - alpha) * g * g;
      let d: number;
      if (m !== null) {
        m[i] += (1 - alpha) * (g - m[i]);
        d = Math.sqrt(v[i] - m[i] * m[i]) + eps;
      } else {
        d = Math.sqrt(v[i]) + eps;
      }
      if (b !== null) {
        b[i] = momentum * b[i] + g / d;
        theta[i] -= lr * b[i];
      } else {
        theta[i] -= lr * (g / d);
      }
    }
  }
}
