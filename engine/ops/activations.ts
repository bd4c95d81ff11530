// Activation functions as autograd ops. Their formulas and derivatives are
// the registry's (formulas/activations.ts), written once there as the lessons
// write them; this file turns an entry into an op.
//
// An elementwise entry becomes a unary op whose backward rule is the chain
// rule dL/dx = dL/dy · f′(x). Softmax and log-softmax mix the elements of a
// row (or column): their entries give the rule for one line, applied here to
// every line along the chosen axis.

import { Tensor, gradBuffer } from '../tensor.ts';
import { asMatrix, normalizeAxis } from '../shape.ts';
import { binaryOp, unaryOp } from './elementwise.ts';
import {
  ELU,
  GELU,
  GELU_TANH,
  HARDTANH,
  IDENTITY,
  LEAKY_RELU,
  LOG_SOFTMAX,
  MISH,
  PRELU,
  RELU,
  SIGMOID,
  SILU,
  SOFTMAX,
  SOFTPLUS,
  STEP,
  TANH,
  parameterValues,
  type ElementwiseActivation,
  type LineActivation,
  type ParameterValues,
} from '../formulas/activations.ts';

export { logistic, softplusValue, softmaxLine } from '../formulas/activations.ts';

/**
 * Applies an elementwise registry entry with the given parameter values: y = f(x), and, unless the entry is the
 * step, the backward rule dL/dx += dL/dy · f′(x).
 */
export function applyElementwise<P extends string>(entry: ElementwiseActivation<P>, x: Tensor, p: ParameterValues<P>): Tensor {
  const { f, df } = entry;
  const problem = entry.check?.(p);
  if (problem !== undefined) throw new RangeError(`${entry.name}: ${problem}`);
  if (!entry.differentiable) {
    const out = new Float64Array(x.size);
    for (let i = 0; i < out.length; i++) out[i] = f(x.data[i], p);
    return new Tensor(out, x.shape, {}, entry.torch, [x]);
  }
  return unaryOp(entry.torch, x, (v) => f(v, p), (v, y) => df(v, y, p), { parameters: { ...p } });
}

/** The identity f(x) = x; f'(x) = 1. A separate node, so graphs can show "no activation". */
export function identity(x: Tensor): Tensor {
  return applyElementwise(IDENTITY, x, {});
}

/**
 * The Heaviside step, 1 where x ≥ 0 and 0 elsewhere, as in Rosenblatt's perceptron. Its derivative is 0 wherever
 * it exists, so no gradient flows through it: the output is a constant, which is why the perceptron has its own rule.
 */
export function step(x: Tensor): Tensor {
  return applyElementwise(STEP, x, {});
}

/** ReLU, max(0, x); relu'(x) = 1 for x > 0 and 0 for x ≤ 0 (0 at x = 0, as PyTorch). */
export function relu(x: Tensor): Tensor {
  return applyElementwise(RELU, x, {});
}

/** The sigmoid σ(x) = 1 / (1 + e^-x); σ'(x) = σ(x) (1 - σ(x)). */
export function sigmoid(x: Tensor): Tensor {
  return applyElementwise(SIGMOID, x, {});
}

/** The hyperbolic tangent; tanh'(x) = 1 - tanh²(x). */
export function tanh(x: Tensor): Tensor {
  return applyElementwise(TANH, x, {});
}

/** Leaky ReLU, x for x > 0 and a·x otherwise (a = 0.01 by default); the derivative is 1 for x > 0 and a for x ≤ 0. */
export function leakyRelu(x: Tensor, negativeSlope = LEAKY_RELU.parameters[0].default): Tensor {
  return applyElementwise(LEAKY_RELU, x, { negativeSlope });
}

/**
 * PReLU, x for x > 0 and a·x otherwise, with a learnable slope tensor a (one value, or one per column, broadcast):
 * ∂y/∂x = 1 or a, ∂y/∂a = 0 or x.
 */
export function prelu(x: Tensor, slope: Tensor): Tensor {
  return applyLearnable(PRELU, x, slope);
}

/**
 * Applies an elementwise entry whose one parameter is learned (PReLU's slope), given as a tensor broadcast against
 * x: ∂y/∂x = f′(x) and ∂y/∂a from the entry, each summed back to its input's shape.
 */
export function applyLearnable<P extends string>(entry: ElementwiseActivation<P>, x: Tensor, parameter: Tensor): Tensor {
  const learned = entry.parameters.find((p) => p.learnable === true);
  const dParameter = learned === undefined ? undefined : entry.dParameter?.[learned.name];
  if (learned === undefined || dParameter === undefined) throw new RangeError(`${entry.name}: has no learned parameter with a derivative`);
  const { f, df } = entry;
  const values = (a: number) => ({ [learned.name]: a }) as ParameterValues<P>;
  return binaryOp(
    entry.torch,
    x,
    parameter,
    (v, a) => f(v, values(a)),
    (v, a, y) => df(v, y, values(a)),
    (v, a, y) => dParameter(v, y, values(a)),
  );
}

/** ELU, x for x > 0 and α(e^x - 1) otherwise (α = 1 by default); the derivative is 1 for x > 0 and α e^x otherwise. */
export function elu(x: Tensor, alpha = ELU.parameters[0].default): Tensor {
  return applyElementwise(ELU, x, { alpha });
}

/**
 * GELU, x Φ(x) with Φ the standard normal CDF. Exact form: Φ(x) = (1 + erf(x/√2)) / 2 and gelu'(x) = Φ(x) + x φ(x),
 * φ(x) = e^(-x²/2)/√(2π). Tanh form: Φ(x) ≈ (1 + tanh(√(2/π)(x + 0.044715 x³))) / 2, differentiated as written.
 */
export function gelu(x: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor {
  if (approximate === 'tanh') return applyElementwise(GELU_TANH, x, {});
  if (approximate !== 'none') throw new RangeError(`gelu: approximate must be 'none' or 'tanh', got '${String(approximate)}'`);
  return applyElementwise(GELU, x, {});
}

/** SiLU (swish), x σ(x); silu'(x) = σ(x) (1 + x (1 - σ(x))). */
export function silu(x: Tensor): Tensor {
  return applyElementwise(SILU, x, {});
}

/** Mish, x tanh(softplus(x)); mish'(x) = tanh(sp) + x (1 - tanh²(sp)) σ(x), since softplus' = σ. */
export function mish(x: Tensor): Tensor {
  return applyElementwise(MISH, x, {});
}

/**
 * Softplus, ln(1 + e^(βx)) / β, and x itself where βx > threshold (as PyTorch, whose defaults are β = 1,
 * threshold = 20); softplus'(x) = σ(βx).
 */
export function softplus(x: Tensor, beta = SOFTPLUS.parameters[0].default, threshold = SOFTPLUS.parameters[1].default): Tensor {
  return applyElementwise(SOFTPLUS, x, { beta, threshold });
}

/** Hard tanh, x clipped to [min, max] ([-1, 1] by default); the derivative is 1 strictly inside and 0 outside (as PyTorch). */
export function hardtanh(x: Tensor, min = HARDTANH.parameters[0].default, max = HARDTANH.parameters[1].default): Tensor {
  return applyElementwise(HARDTANH, x, { min, max });
}

/** The rows (axis = last) or columns (axis 0 of a matrix) that softmax normalises: how many, how long, and their strides. */
interface Lines {
  count: number;
  length: number;
  /** Step between the starts of consecutive lines. */
  between: number;
  /** Step between consecutive elements of one line. */
  along: number;
}

/** Splits a tensor into the lines along `axis`, for softmax and log-softmax. */
function lines(op: string, x: Tensor, axis: number): Lines {
  // A scalar is one line of one element, as PyTorch allows dim 0 or -1 for it.
  if (x.ndim === 0) {
    if (axis !== 0 && axis !== -1) normalizeAxis(op, axis, x.shape);
    return { count: 1, length: 1, between: 1, along: 1 };
  }
  const a = normalizeAxis(op, axis, x.shape);
  const [rows, cols] = asMatrix(x.shape);
  if (x.ndim === 2 && a === 0) return { count: cols, length: rows, between: 1, along: cols };
  return { count: rows, length: cols, between: cols, along: 1 };
}

/** Applies a line registry entry (softmax, log-softmax) to every line along `axis`, recording its backward rule per line. */
export function applyLine(entry: LineActivation, x: Tensor, axis = -1): Tensor {
  const { count, length, between, along } = lines(entry.torch, x, axis);
  const xs = x.data;
  const ys = new Float64Array(xs.length);
  for (let l = 0; l < count; l++) {
    const start = l * between;
    entry.forward(xs, ys, start, start + length * along, along);
  }
  return Tensor.fromOp(entry.torch, ys, x.shape, [x], (g) => {
    const gx = gradBuffer(x)!;
    for (let l = 0; l < count; l++) {
      const start = l * between;
      entry.backward(g, xs, ys, gx, start, start + length * along, along);
    }
  }, { axis });
}

/**
 * Softmax along an axis (the last by default): sᵢ = e^(xᵢ - m) / Σⱼ e^(xⱼ - m), m the line's maximum so nothing
 * overflows. Backward: dL/dxᵢ = sᵢ (gᵢ - Σⱼ gⱼ sⱼ).
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  return applyLine(SOFTMAX, x, axis);
}

/**
 * Log-softmax along an axis (the last by default): xᵢ - m - ln Σⱼ e^(xⱼ - m), stable for logits of 1000.
 * Backward: dL/dxᵢ = gᵢ - softmaxᵢ Σⱼ gⱼ.
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  return applyLine(LOG_SOFTMAX, x, axis);
}
