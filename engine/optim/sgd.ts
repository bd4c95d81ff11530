// Stochastic gradient descent with momentum, as torch.optim.SGD.
//
// With g the gradient after the base's prologue (negated when maximizing, plus λ θ):
//   b ← g on the first step, then b ← μ b + (1 - τ) g      (momentum μ, dampening τ)
//   g ← g + μ b (Nesterov) or g ← b
//   θ ← θ - η g
// The lectures' v ← μ v - η g; θ ← θ + v is the same sequence of weights when
// η is constant (v = -η b); PyTorch's form keeps the buffer independent of η,
// so a schedule changing η acts at once.

import type { Tensor } from '../tensor.ts';
import { COMMON_HYPERPARAMETERS, Optimizer, learningRate, type HyperParameters, type OptimizerOptions } from './optimizer.ts';

/** SGD's options, named and defaulted as in torch.optim.SGD. */
export interface SGDOptions extends OptimizerOptions {
  /** Learning rate η (default 1e-3). */
  lr?: number;
  /** Momentum factor μ (default 0: plain SGD). */
  momentum?: number;
  /** Dampening τ of the gradient added to the momentum buffer (default 0). */
  dampening?: number;
  /** Use Nesterov momentum (default false); needs momentum > 0 and dampening 0. */
  nesterov?: boolean;
  /** L2 penalty λ added to the gradient as λ θ (default 0). */
  weightDecay?: number;
}

/** Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight decay, as torch.optim.SGD. */
export class SGD extends Optimizer {
  /** SGD's hyper-parameters: torch.optim.SGD's defaults and the values it accepts. */
  static readonly hyperparameters: HyperParameters = {
    lr: learningRate(1e-3),
    momentum: { default: 0, min: 0, description: 'Momentum μ: how much of the previous step carries into the next.' },
    dampening: { default: 0, min: 0, max: 1, description: 'Dampening τ: scales the new gradient by (1 - τ) in the momentum buffer.' },
    nesterov: { default: false, description: 'Nesterov momentum: step from where the momentum is about to take the weights.' },
    ...COMMON_HYPERPARAMETERS,
  };

  /** Momentum factor μ. */
  momentum: number;
  /** Dampening τ. */
  dampening: number;
  /** Whether to use Nesterov momentum. */
  nesterov: boolean;

  /** Creates SGD over `params`. */
  constructor(params: Iterable<Tensor>, options: SGDOptions = {}) {
    super(params, options);
    const o = this.settings<SGDOptions>();
    this.momentum = o.momentum;
    this.dampening = o.dampening;
    this.nesterov = o.nesterov;
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new RangeError('SGD: Nesterov momentum requires a momentum > 0 and zero dampening');
    }
  }

  protected override update(theta: Float64Array, grad: Float64Array, index: number): void {
    const { lr, momentum, dampening, nesterov } = this;
    const first = momentum !== 0 && !this.hasBuffer(index, 'momentum');
    const b = momentum !== 0 ? this.buffer(index, 'momentum') : null;
    for (let i = 0; i < theta.length; i++) {
      let g = grad[i];
      if (b !== null) {
        b[i] = first ? g : momentum * b[i] + (1 - dampening) * g;
        g = nesterov ? g + momentum * b[i] : b[i];
      }
      theta[i] -= lr * g;
    }
  }
}
