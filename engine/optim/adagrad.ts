// Adagrad, as torch.optim.Adagrad: each weight's step shrinks with the sum of
// its squared gradients, so frequently updated weights slow down.
//   t ← t + 1;  g ← g + λ θ
//   η_t = η / (1 + (t - 1) · lrDecay)
//   s ← s + g²
//   θ ← θ - η_t g / (√s + ε)

import type { Tensor } from '../tensor.ts';
import { Optimizer } from './optimizer.ts';

/** Adagrad's options, named and defaulted as in torch.optim.Adagrad. */
export interface AdagradOptions {
  /** Learning rate η (default 0.01). */
  lr?: number;
  /** Learning-rate decay per step (default 0). */
  lrDecay?: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay?: number;
  /** Starting value of the sum of squared gradients (default 0). */
  initialAccumulatorValue?: number;
  /** ε added to √s to avoid dividing by zero (default 1e-10). */
  eps?: number;
  /** Maximize the objective instead of minimizing it (default false). */
  maximize?: boolean;
}

/** Adagrad: per-weight steps divided by the root of the accumulated squared gradients, as torch.optim.Adagrad. */
export class Adagrad extends Optimizer {
  /** Learning-rate decay per step. */
  lrDecay: number;
  /** Weight decay λ. */
  weightDecay: number;
  /** Starting value of the accumulator. */
  initialAccumulatorValue: number;
  /** ε in the denominator. */
  eps: number;
  /** Whether to ascend instead of descend. */
  maximize: boolean;

  /** Creates Adagrad over `params`. */
  constructor(params: Iterable<Tensor>, options: AdagradOptions = {}) {
    super(params, options.lr ?? 0.01);
    this.lrDecay = options.lrDecay ?? 0;
    this.weightDecay = options.weightDecay ?? 0;
    this.initialAccumulatorValue = options.initialAccumulatorValue ?? 0;
    this.eps = options.eps ?? 1e-10;
    this.maximize = options.maximize ?? false;
  }

  protected override update(theta: Float64Array, grad: Float64Array, index: number): void {
    const { weightDecay, eps, maximize } = this;
    const s = this.buffer(index, 'sum', this.initialAccumulatorValue);
    const clr = this.lr / (1 + (this.stepCount - 1) * this.lrDecay);
    for (let i = 0; i < theta.length; i++) {
      let g = maximize ? -grad[i] : grad[i];
      if (weightDecay !== 0) g += weightDecay * theta[i];
      s[i] += g * g;
      theta[i] -= clr * (g / (Math.sqrt(s[i]) + eps));
    }
  }
}
