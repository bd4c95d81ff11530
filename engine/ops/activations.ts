// Activation functions, each as its formula and its derivative.
//
// Most are elementwise, so the backward rule is dL/dx = dL/dy · f'(x), with f'
// written below each f as the lessons derive it. Softmax and log-softmax mix
// the elements of a row (or column), so they have their own rules.

import { Tensor, gradBuffer } from '../tensor.ts';
import { asMatrix, normalizeAxis } from '../shape.ts';
import { erf } from '../erf.ts';
import { binaryOp, unaryOp } from './elementwise.ts';

const SQRT_HALF = Math.SQRT1_2;
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;
const SQRT_TWO_OVER_PI = 0.7978845608028654;
const GELU_TANH_CUBIC = 0.044715;

/** The logistic function 1 / (1 + e^-x), computed without overflow for large |x|. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** softplus(x) = ln(1 + e^x), computed without overflow: max(x, 0) + ln(1 + e^-|x|). */
export function softplusValue(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** The identity f(x) = x; f'(x) = 1. A separate node, so graphs can show "no activation". */
export function identity(x: Tensor): Tensor {
  return unaryOp('identity', x, (v) => v, () => 1);
}

/**
 * The Heaviside step, 1 where x ≥ 0 and 0 elsewhere, as in Rosenblatt's perceptron. Its derivative is 0 wherever
 * it exists, so no gradient flows through it: the output is a constant, which is why the perceptron has its own rule.
 */
export function step(x: Tensor): Tensor {
  const out = new Float64Array(x.size);
  for (let i = 0; i < out.length; i++) out[i] = x.data[i] >= 0 ? 1 : 0;
  return new Tensor(out, x.shape, {}, 'step', [x]);
}

/** ReLU, max(0, x); relu'(x) = 1 for x > 0 and 0 for x ≤ 0 (0 at x = 0, as PyTorch). */
export function relu(x: Tensor): Tensor {
  return unaryOp('relu', x, (v) => (v > 0 ? v : 0), (v) => (v > 0 ? 1 : 0));
}

/** The sigmoid σ(x) = 1 / (1 + e^-x); σ'(x) = σ(x) (1 - σ(x)). */
export function sigmoid(x: Tensor): Tensor {
  return unaryOp('sigmoid', x, logistic, (_x, s) => s * (1 - s));
}

/** The hyperbolic tangent; tanh'(x) = 1 - tanh²(x). */
export function tanh(x: Tensor): Tensor {
  return unaryOp('tanh', x, Math.tanh, (_x, t) => 1 - t * t);
}

/** Leaky ReLU, x for x > 0 and a·x otherwise; the derivative is 1 for x > 0 and a for x ≤ 0. */
export function leakyRelu(x: Tensor, negativeSlope = 0.01): Tensor {
  const a = negativeSlope;
  return unaryOp('leaky_relu', x, (v) => (v > 0 ? v : a * v), (v) => (v > 0 ? 1 : a));
}

/**
 * PReLU, x for x > 0 and a·x otherwise, with a learnable slope tensor a (one value, or one per column, broadcast):
 * ∂y/∂x = 1 or a, ∂y/∂a = 0 or x.
 */
export function prelu(x: Tensor, slope: Tensor): Tensor {
  return binaryOp(
    'prelu',
    x,
    slope,
    (v, a) => (v > 0 ? v : a * v),
    (v, a) => (v > 0 ? 1 : a),
    (v) => (v > 0 ? 0 : v),
  );
}

/** ELU, x for x > 0 and α(e^x - 1) otherwise; the derivative is 1 for x > 0 and α e^x otherwise. */
export function elu(x: Tensor, alpha = 1): Tensor {
  return unaryOp('elu', x, (v) => (v > 0 ? v : alpha * Math.expm1(v)), (v) => (v > 0 ? 1 : alpha * Math.exp(v)));
}

/**
 * GELU, x Φ(x) with Φ the standard normal CDF. Exact form: Φ(x) = (1 + erf(x/√2)) / 2 and gelu'(x) = Φ(x) + x φ(x),
 * φ(x) = e^(-x²/2)/√(2π). Tanh form: Φ(x) ≈ (1 + tanh(√(2/π)(x + 0.044715 x³))) / 2, differentiated as written.
 */
export function gelu(x: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor {
  if (approximate === 'tanh') {
    const inner = (v: number) => SQRT_TWO_OVER_PI * (v + GELU_TANH_CUBIC * v * v * v);
    return unaryOp(
      'gelu',
      x,
      (v) => 0.5 * v * (1 + Math.tanh(inner(v))),
      (v) => {
        const t = Math.tanh(inner(v));
        // d/dx [x/2 (1 + t)] = (1 + t)/2 + x/2 (1 - t²) √(2/π) (1 + 3 · 0.044715 x²)
        return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_TWO_OVER_PI * (1 + 3 * GELU_TANH_CUBIC * v * v);
      },
    );
  }
  if (approximate !== 'none') throw new RangeError(`gelu: approximate must be 'none' or 'tanh', got '${String(approximate)}'`);
  return unaryOp(
    'gelu',
    x,
    (v) => v * 0.5 * (1 + erf(v * SQRT_HALF)),
    (v) => 0.5 * (1 + erf(v * SQRT_HALF)) + v * ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * v * v),
  );
}

/** SiLU (swish), x σ(x); silu'(x) = σ(x) (1 + x (1 - σ(x))). */
export function silu(x: Tensor): Tensor {
  return unaryOp(
    'silu',
    x,
    (v) => v * logistic(v),
    (v) => {
      const s = logistic(v);
      return s * (1 + v * (1 - s));
    },
  );
}

/** Mish, x tanh(softplus(x)); mish'(x) = tanh(sp) + x (1 - tanh²(sp)) σ(x), since softplus' = σ. */
export function mish(x: Tensor): Tensor {
  return unaryOp(
    'mish',
    x,
    (v) => v * Math.tanh(softplusValue(v)),
    (v) => {
      const t = Math.tanh(softplusValue(v));
      return t + v * (1 - t * t) * logistic(v);
    },
  );
}

/**
 * Softplus, ln(1 + e^(βx)) / β, and x itself where βx > threshold (as PyTorch, whose defaults are β = 1,
 * threshold = 20); softplus'(x) = σ(βx).
 */
export function softplus(x: Tensor, beta = 1, threshold = 20): Tensor {
  return unaryOp(
    'softplus',
    x,
    (v) => (v * beta > threshold ? v : softplusValue(v * beta) / beta),
    (v) => (v * beta > threshold ? 1 : logistic(v * beta)),
  );
}

/** Hard tanh, x clipped to [min, max]; the derivative is 1 strictly inside and 0 outside (as PyTorch). */
export function hardtanh(x: Tensor, min = -1, max = 1): Tensor {
  if (min > max) throw new RangeError(`hardtanh: min ${min} is greater than max ${max}`);
  return unaryOp('hardtanh', x, (v) => (v < min ? min : v > max ? max : v), (v) => (v > min && v < max ? 1 : 0));
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

/**
 * Writes the softmax of one line of `xs` (indices start, start + along, ... before end) into `out` and returns the
 * line's log-sum-exp, m + ln Σⱼ e^(xⱼ - m), with m the line's maximum so nothing overflows.
 */
export function softmaxLine(xs: Float64Array, out: Float64Array, start: number, end: number, along: number): number {
  let m = -Infinity;
  for (let i = start; i < end; i += along) if (xs[i] > m) m = xs[i];
  let total = 0;
  for (let i = start; i < end; i += along) total += out[i] = Math.exp(xs[i] - m);
  for (let i = start; i < end; i += along) out[i] /= total;
  return m + Math.log(total);
}

/**
 * Softmax along an axis (the last by default): sᵢ = e^(xᵢ - m) / Σⱼ e^(xⱼ - m), m the line's maximum so nothing
 * overflows. Backward: dL/dxᵢ = sᵢ (gᵢ - Σⱼ gⱼ sⱼ).
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  const { count, length, between, along } = lines('softmax', x, axis);
  const xs = x.data;
  const s = new Float64Array(xs.length);
  for (let l = 0; l < count; l++) {
    const start = l * between;
    const end = start + length * along;
    softmaxLine(xs, s, start, end, along);
  }
  return Tensor.fromOp('softmax', s, x.shape, [x], (g) => {
    const gx = gradBuffer(x)!;
    for (let l = 0; l < count; l++) {
      const start = l * between;
      const end = start + length * along;
      let dot = 0;
      for (let i = start; i < end; i += along) dot += g[i] * s[i];
      for (let i = start; i < end; i += along) gx[i] += s[i] * (g[i] - dot);
    }
  });
}

/**
 * Log-softmax along an axis (the last by default): xᵢ - m - ln Σⱼ e^(xⱼ - m), stable for logits of 1000.
 * Backward: dL/dxᵢ = gᵢ - softmaxᵢ Σⱼ gⱼ.
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const { count, length, between, along } = lines('log_softmax', x, axis);
  const xs = x.data;
  const y = new Float64Array(xs.length);
  for (let l = 0; l < count; l++) {
    const start = l * between;
    const end = start + length * along;
    const logTotal = softmaxLine(xs, y, start, end, along);
    for (let i = start; i < end; i += along) y[i] = xs[i] - logTotal;
  }
  return Tensor.fromOp('log_softmax', y, x.shape, [x], (g) => {
    const gx = gradBuffer(x)!;
    for (let l = 0; l < count; l++) {
      const start = l * between;
      const end = start + length * along;
      let total = 0;
      for (let i = start; i < end; i += along) total += g[i];
      for (let i = start; i < end; i += along) gx[i] += g[i] - Math.exp(y[i]) * total;
    }
  });
}
