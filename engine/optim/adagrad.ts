// Adagrad, as torch.optim.Adagrad: each weight's step shrinks with the sum of
// its squared gradients, so frequently updated weights slow down.
//   t ← t + 1;  g: the gradient after the base's prologue (negated when maximizing, plus λ θ)
//   η_t = η / (1 + (t - 1) · lrDecay)
//   s ← s + g²
//   θ ← θ - η_t g / (√s + ε)

import type { Tensor } from '../tensor.ts';
import { COMMON_HYPERPARAMETERS, Optimizer, learningRate, type HyperParameters, type OptimizerOptions } from './optimizer.ts';

/** Adagrad's options, named and defaulted as in torch.optim.Adagrad. */
export interface AdagradOptions extends OptimizerOptions {
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
}

/** Adagrad: per-weight steps divided by the root of the accumulated squared gradients, as torch.optim.Adagrad. */
export class Adagrad extends Optimizer {
  /** Adagrad's hyper-parameters: torch.optim.Adagrad's defaults and the values it accepts. */
  static readonly hyperparameters: HyperParameters = {
    lr: learningRate(0.01),
    lrDecay: { default: 0, min: 0, description: 'Learning-rate decay: step t uses η / (1 + (t - 1) · decay).' },
    initialAccumulatorValue: { default: 0, min: 0, description: 'The sum of squared gradients s before the first step.' },
    eps: { default: 1e-10, min: 0, description: 'ε added to √s so the step never divides by zero.' },
    ...COMMON_HYPERPARAMETERS,
  };

  /** Learning-rate decay per step. */
  lrDecay: number;
  /** Starting value of the accumulator. */
  initialAccumulatorValue: number;
  /** ε in the denominator. */
  eps: number;

  /** Creates Adagrad over `params`. */
  constructor(params: Iterable<Tensor>, options: AdagradOptions = {}) {
    super(params, options);
    const o = this.settings<AdagradOptions>();
    this.lrDecay = o.lrDecay;
    this.initialAccumulatorValue = o.initialAccumulatorValue;
    this.eps = o.eps;
  }

  protected override update(theta: Float64Array, grad: Float64Array, index: number): void {
    const { eps } = this;
    const s = this.buffer(index, 'sum', this.initialAccumulatorValue);
    const clr = this.lr / (1 + (this.stepCount - 1) * this.lrDecay);
    for (let i = 0; i < theta.length; i++) {
      const g = grad[i];
      s[i] += g * g;
      theta[i] -= clr * (g / (Math.sqrt(s[i]) + eps));
    }
  }
}
