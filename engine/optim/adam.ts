// Adam, as torch.optim.Adam: momentum (a running mean m of gradients) divided
// by a running root mean square (from v), both corrected for starting at zero.
//   t ← t + 1;  g ← g + λ θ           (L2 penalty in the gradient; AdamW decouples it)
//   m ← m + (1 - β₁)(g - m)           (= β₁ m + (1 - β₁) g)
//   v ← β₂ v + (1 - β₂) g²
//   v̂max ← max(v̂max, v)               (AMSGrad only; used in place of v)
//   θ ← θ - (η / (1 - β₁ᵗ)) · m / (√v / √(1 - β₂ᵗ) + ε)

import type { Tensor } from '../tensor.ts';
import { Optimizer } from './optimizer.ts';

/** Adam's options, named and defaulted as in torch.optim.Adam. */
export interface AdamOptions {
  /** Learning rate η (default 1e-3). */
  lr?: number;
  /** Decay rates (β₁, β₂) of the running mean and running square (default [0.9, 0.999]). */
  betas?: [number, number];
  /** ε added to the denominator (default 1e-8). */
  eps?: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay?: number;
  /** Use the maximum of all past v (AMSGrad) (default false). */
  amsgrad?: boolean;
  /** Maximize the objective instead of minimizing it (default false). */
  maximize?: boolean;
}

/** Adam with optional L2 weight decay and AMSGrad, as torch.optim.Adam. */
export class Adam extends Optimizer {
  /** Decay rates (β₁, β₂). */
  betas: [number, number];
  /** ε in the denominator. */
  eps: number;
  /** Weight decay λ. */
  weightDecay: number;
  /** Whether to use AMSGrad. */
  amsgrad: boolean;
  /** Whether to ascend instead of descend. */
  maximize: boolean;
  /** Whether weight decay shrinks the weights directly (AdamW) rather than entering the gradient. */
  protected readonly decoupled: boolean = false;

  /** Creates Adam over `params`. */
  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params, options.lr ?? 1e-3);
    this.betas = options.betas ?? [0.9, 0.999];
    this.eps = options.eps ?? 1e-8;
    this.weightDecay = options.weightDecay ?? 0;
    this.amsgrad = options.amsgrad ?? false;
    this.maximize = options.maximize ?? false;
  }

  protected override update(theta: Float64Array, grad: Float64Array, index: number): void {
    const { lr, eps, weightDecay, amsgrad, maximize, decoupled } = this;
    const [beta1, beta2] = this.betas;
    const m = this.buffer(index, 'expAverage');
    const v = this.buffer(index, 'expAverageSquare');
    const vMax = amsgrad ? this.buffer(index, 'maxExpAverageSquare') : null;
    const t = this.stepCount;
    const stepSize = lr / (1 - beta1 ** t);
    const correction2Sqrt = Math.sqrt(1 - beta2 ** t);
    // AdamW: θ ← θ (1 - η λ) before the Adam step, instead of adding λ θ to the gradient.
    const shrink = decoupled ? 1 - lr * weightDecay : 1;
    for (let i = 0; i < theta.length; i++) {
      let g = maximize ? -grad[i] : grad[i];
      if (decoupled) theta[i] *= shrink;
      else if (weightDecay !== 0) g += weightDecay * theta[i];
      m[i] += (1 - beta1) * (g - m[i]);
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      let second = v[i];
      if (vMax !== null) second = vMax[i] = Math.max(vMax[i], v[i]);
      theta[i] -= stepSize * (m[i] / (Math.sqrt(second) / correction2Sqrt + eps));
    }
  }
}
