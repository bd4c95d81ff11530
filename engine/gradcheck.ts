// Gradient checking: compare backpropagation with finite differences.
//
// For every input element x and every output element y, the analytic
// derivative ∂y/∂x from `backward()` must match the central difference
//   (f(x + ε) - f(x - ε)) / 2ε,
// whose error is O(ε²), within |analytic - numeric| <= atol + rtol |numeric|.
// The defaults are torch.autograd.gradcheck's: ε = 1e-6, atol = 1e-5,
// rtol = 1e-3, all in float64.

import { Tensor, noGrad } from './tensor.ts';

/** gradcheck's settings, defaulting to torch.autograd.gradcheck's. */
export interface GradcheckOptions {
  /** The finite-difference step ε (default 1e-6). */
  eps?: number;
  /** Absolute tolerance (default 1e-5). */
  atol?: number;
  /** Relative tolerance (default 1e-3). */
  rtol?: number;
}

/** The element where backpropagation and finite differences disagree most. */
export interface GradcheckWorst {
  /** Which input (its position in `inputs`). */
  input: number;
  /** The element of that input (row-major index). */
  index: number;
  /** The element of the output (row-major index; 0 for a scalar). */
  output: number;
  /** ∂output/∂input from backpropagation. */
  analytic: number;
  /** ∂output/∂input from central differences. */
  numeric: number;
  /** |analytic - numeric|. */
  error: number;
}

/** gradcheck's verdict and its worst element (null when no input needs a gradient or the output is empty). */
export interface GradcheckResult {
  /** Whether every derivative is within tolerance. */
  ok: boolean;
  /** The element with the largest error relative to its tolerance. */
  worst: GradcheckWorst | null;
}

/**
 * Checks the gradients of f at `inputs` (those with requiresGrad) against central differences, for every element
 * of every input and of the output, and returns the worst element with both values. Inputs are restored afterwards.
 */
export function gradcheck(f: (...inputs: Tensor[]) => Tensor, inputs: Tensor[], options: GradcheckOptions = {}): GradcheckResult {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-3;
  const checked = inputs.map((t, i) => (t.requiresGrad ? i : -1)).filter((i) => i >= 0);
  if (checked.length === 0) throw new Error('gradcheck: no input has requiresGrad: true, so there is no gradient to check');
  const savedGrads = inputs.map((t) => t.grad);

  // Analytic Jacobian, one backward pass per output element: row o holds ∂y_o/∂(every input element).
  const output = f(...inputs);
  if (!output.requiresGrad) throw new Error('gradcheck: the output does not depend on any input with requiresGrad: true');
  const analytic: Float64Array[][] = [];
  for (let o = 0; o < output.size; o++) {
    for (const i of checked) inputs[i].grad = null;
    const seed = new Float64Array(output.size);
    seed[o] = 1;
    output.backward(Tensor.fromData(seed, output.shape));
    analytic.push(checked.map((i) => (inputs[i].grad === null ? new Float64Array(inputs[i].size) : inputs[i].grad!.data.slice())));
  }
  inputs.forEach((t, i) => (t.grad = savedGrads[i]));

  let worst: GradcheckWorst | null = null;
  let worstRatio = -1;
  let ok = true;
  checked.forEach((inputIndex, c) => {
    const x = inputs[inputIndex].data;
    for (let k = 0; k < x.length; k++) {
      const original = x[k];
      x[k] = original + eps;
      const plus = noGrad(() => f(...inputs)).data.slice();
      x[k] = original - eps;
      const minus = noGrad(() => f(...inputs)).data;
      x[k] = original;
      for (let o = 0; o < output.size; o++) {
        const numeric = (plus[o] - minus[o]) / (2 * eps);
        const a = analytic[o][c][k];
        const error = Math.abs(a - numeric);
        const allowed = atol + rtol * Math.abs(numeric);
        const within = error <= allowed || (Number.isNaN(a) && Number.isNaN(numeric));
        if (!within) ok = false;
        const ratio = Number.isNaN(error) ? Infinity : error / allowed;
        if (ratio > worstRatio) {
          worstRatio = ratio;
          worst = { input: inputIndex, index: k, output: o, analytic: a, numeric, error };
        }
      }
    }
  });
  return { ok, worst };
}
