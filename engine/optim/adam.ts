// Adam, as torch.optim.Adam: momentum (a running mean m of gradients) divided
// by a running root mean square (from v), both corrected for starting at zero.
//   t ← t + 1;  g: the gradient after the base's prologue (negated when maximizing, plus λ θ;
//               AdamW's prologue shrinks θ ← θ (1 - η λ) instead)
//   m ← m + (1 - β₁)(g - m)           (= β₁ m + (1 - β₁) g)
//   v ← β₂ v + (1 - β₂) g²
//   v̂max ← max(v̂max, v)               (AMSGrad only; used in place of v)
//   θ ← θ - (η / (1 - β₁ᵗ)) · m / (√v / √(1 - β₂ᵗ) + ε)
// With biasCorrection false (a teaching option, not in torch.optim) neither 1 - β₁ᵗ nor 1 - β₂ᵗ divides:
//   θ ← θ - η · m / (√v + ε). Both m and v start biased toward zero, v (β₂ near 1) far more: the first step is
//   (1 - β₁)/√(1 - β₂) ≈ 3.2 η with the default betas and the ratio keeps growing for a while (≈ 6.5 η at step
//   10), so uncorrected Adam's early steps are too LARGE, not too small. In general the first uncorrected step
//   errs large when (1 - β₁)² > 1 - β₂ and small when (1 - β₁)² < 1 - β₂ (β₁ = 0.95, β₂ = 0.99 halves it).

import type { Tensor } from '../tensor.ts';
import { COMMON_HYPERPARAMETERS, Optimizer, learningRate, type HyperParameters, type OptimizerOptions } from './optimizer.ts';

/** Adam's options, named and defaulted as in torch.optim.Adam. */
export interface AdamOptions extends OptimizerOptions {
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
  /**
   * Divide m by 1 - β₁ᵗ and v by 1 - β₂ᵗ (default true, as torch.optim.Adam always does). False is a teaching
   * option of this course, not of torch.optim: it shows why the correction matters in the first steps.
   */
  biasCorrection?: boolean;
}

/** Adam with optional L2 weight decay and AMSGrad, as torch.optim.Adam. */
export class Adam extends Optimizer {
  /** Adam's hyper-parameters: torch.optim.Adam's defaults and the values it accepts. */
  static readonly hyperparameters: HyperParameters = {
    lr: learningRate(1e-3),
    betas: { default: [0.9, 0.999], min: 0, below: 1, description: 'Decay rates (β₁, β₂) of the running mean m and running square v of the gradient.' },
    eps: { default: 1e-8, min: 0, description: 'ε added to the denominator so the step never divides by zero.' },
    amsgrad: { default: false, description: 'AMSGrad: divide by the largest v seen so far, so the denominator never shrinks when gradients quieten.' },
    biasCorrection: {
      default: true,
      description: 'Bias correction: divide m by 1 - β₁ᵗ and v by 1 - β₂ᵗ (always on in torch.optim; off shows why).',
    },
    ...COMMON_HYPERPARAMETERS,
  };

  /** Decay rates (β₁, β₂). */
  betas: [number, number];
  /** ε in the denominator. */
  eps: number;
  /** Whether to use AMSGrad. */
  amsgrad: boolean;
  /** Whether m and v are corrected for starting at zero (torch.optim.Adam: always). */
  biasCorrection: boolean;

  /** Creates Adam over `params`. */
  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params, options);
    const o = this.settings<AdamOptions>();
    this.betas = o.betas;
    this.eps = o.eps;
    this.amsgrad = o.amsgrad;
    this.biasCorrection = o.biasCorrection;
  }

  protected override update(theta: Float64Array, grad: Float64Array, index: number): void {
    const { lr, eps, amsgrad, biasCorrection } = this;
    const [beta1, beta2] = this.betas;
    const m = this.buffer(index, 'expAverage');
    const v = this.buffer(index, 'expAverageSquare');
    const vMax = amsgrad ? this.buffer(index, 'maxExpAverageSquare') : null;
    const t = this.stepCount;
    const stepSize = biasCorrection ? lr / (1 - beta1 ** t) : lr;
    const correction2Sqrt = biasCorrection ? Math.sqrt(1 - beta2 ** t) : 1;
    for (let i = 0; i < theta.length; i++) {
      const g = grad[i];
      m[i] += (1 - beta1) * (g - m[i]);
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      let second = v[i];
      if (vMax !== null) second = vMax[i] = Math.max(vMax[i], v[i]);
      theta[i] -= stepSize * (m[i] / (Math.sqrt(second) / correction2Sqrt + eps));
    }
  }
}
