// RMSprop, as torch.optim.RMSprop: divide each step by a running root mean
// square of recent gradients.
//   g ← g + λ θ
//   v ← α v + (1 - α) g²
//   centered: m ← m + (1 - α)(g - m), and use v - m² (a running variance) for v
//   d = √v + ε                                  (ε outside the root)
//   momentum μ > 0: b ← μ b + g / d; θ ← θ - η b     else θ ← θ - η g / d

import type { Tensor } from '../tensor.ts';
import { Optimizer } from './optimizer.ts';

/** RMSprop's options, named and defaulted as in torch.optim.RMSprop. */
export interface RMSpropOptions {
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
  /** Maximize the objective instead of minimizing it (default false). */
  maximize?: boolean;
}

/** RMSprop with optional momentum and centering, as torch.optim.RMSprop. */
export class RMSprop extends Optimizer {
  /** Smoothing constant α. */
  alpha: number;
  /** ε outside the root. */
  eps: number;
  /** Weight decay λ. */
  weightDecay: number;
  /** Momentum factor μ. */
  momentum: number;
  /** Whether to centre the second moment. */
  centered: boolean;
  /** Whether to ascend instead of descend. */
  maximize: boolean;

  /** Creates RMSprop over `params`. */
  constructor(params: Iterable<Tensor>, options: RMSpropOptions = {}) {
    super(params, options.lr ?? 0.01);
    this.alpha = options.alpha ?? 0.99;
    this.eps = options.eps ?? 1e-8;
    this.weightDecay = options.weightDecay ?? 0;
    this.momentum = options.momentum ?? 0;
    this.centered = options.centered ?? false;
    this.maximize = options.maximize ?? false;
  }

  protected override update(theta: Float64Array, grad: Float64Array, index: number): void {
    const { lr, alpha, eps, weightDecay, momentum, centered, maximize } = this;
    const v = this.buffer(index, 'squareAverage');
    const m = centered ? this.buffer(index, 'gradAverage') : null;
    const b = momentum > 0 ? this.buffer(index, 'momentum') : null;
    for (let i = 0; i < theta.length; i++) {
      let g = maximize ? -grad[i] : grad[i];
      if (weightDecay !== 0) g += weightDecay * theta[i];
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
