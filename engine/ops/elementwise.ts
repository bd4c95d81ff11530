// Elementwise ops: each output element depends on one element of each input.
//
// A unary op is its function f and its derivative f'; the backward rule is the
// chain rule, dL/dx = dL/dy · f'(x). A binary op z = f(x, y) is f with its two
// partial derivatives; broadcasting pairs elements, and each input's gradient
// is summed back over the positions where it was repeated, so it keeps its own
// shape.

import { Tensor, asTensor, gradBuffer, type OpAttributes } from '../tensor.ts';
import { broadcastPlan } from '../shape.ts';

/** A derivative of an elementwise op given the input x and the output y = f(x) (whichever reads more simply). */
export type Derivative = (x: number, y: number) => number;

/** A partial derivative of z = f(x, y), given both inputs and the output. */
export type PartialDerivative = (x: number, y: number, z: number) => number;

/** Builds a unary elementwise op from its function and its derivative: forward y = f(x), backward dL/dx += dL/dy · f'(x). */
export function unaryOp(op: string, x: Tensor, f: (x: number) => number, derivative: Derivative, attributes: OpAttributes = {}): Tensor {
  const xs = x.data;
  const ys = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) ys[i] = f(xs[i]);
  return Tensor.fromOp(op, ys, x.shape, [x], (g) => {
    const gx = gradBuffer(x)!;
    for (let i = 0; i < xs.length; i++) gx[i] += g[i] * derivative(xs[i], ys[i]);
  }, attributes);
}

/**
 * Builds a binary elementwise op with broadcasting from its function and its partial derivatives:
 * dL/dx += dL/dz · ∂z/∂x and dL/dy += dL/dz · ∂z/∂y, each summed back to its input's shape.
 */
export function binaryOp(
  op: string,
  a: Tensor | number,
  b: Tensor | number,
  f: (x: number, y: number) => number,
  dzdx: PartialDerivative,
  dzdy: PartialDerivative,
): Tensor {
  const x = asTensor(a);
  const y = asTensor(b);
  const plan = broadcastPlan(op, x.shape, y.shape);
  const { rows, cols, aRow, aCol, bRow, bCol } = plan;
  const xs = x.data;
  const ys = y.data;
  const zs = new Float64Array(rows * cols);
  for (let i = 0, k = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++) zs[k] = f(xs[i * aRow + j * aCol], ys[i * bRow + j * bCol]);
  }
  return Tensor.fromOp(op, zs, plan.shape, [x, y], (g) => {
    const gx = gradBuffer(x);
    const gy = gradBuffer(y);
    for (let i = 0, k = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++, k++) {
        const ix = i * aRow + j * aCol;
        const iy = i * bRow + j * bCol;
        // A repeated (broadcast) element receives the sum of the gradients of all its copies.
        if (gx !== null) gx[ix] += g[k] * dzdx(xs[ix], ys[iy], zs[k]);
        if (gy !== null) gy[iy] += g[k] * dzdy(xs[ix], ys[iy], zs[k]);
      }
    }
  });
}

/** Elementwise a + b with broadcasting; ∂/∂a = 1, ∂/∂b = 1. */
export function add(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('add', a, b, (x, y) => x + y, () => 1, () => 1);
}

/** Elementwise a - b with broadcasting; ∂/∂a = 1, ∂/∂b = -1. */
export function sub(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('sub', a, b, (x, y) => x - y, () => 1, () => -1);
}

/** Elementwise a · b with broadcasting; ∂/∂a = b, ∂/∂b = a. */
export function mul(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('mul', a, b, (x, y) => x * y, (_x, y) => y, (x) => x);
}

/** Elementwise a / b with broadcasting; ∂/∂a = 1/b, ∂/∂b = -a/b². */
export function div(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('div', a, b, (x, y) => x / y, (_x, y) => 1 / y, (x, y) => -x / (y * y));
}

/** Elementwise -x; d/dx = -1. */
export function neg(x: Tensor): Tensor {
  return unaryOp('neg', x, (v) => -v, () => -1);
}

/** Elementwise e^x; d/dx e^x = e^x, the output itself. */
export function exp(x: Tensor): Tensor {
  return unaryOp('exp', x, Math.exp, (_x, y) => y);
}

/** Elementwise natural logarithm; d/dx ln x = 1/x. */
export function log(x: Tensor): Tensor {
  return unaryOp('log', x, Math.log, (v) => 1 / v);
}

/** Elementwise square root; d/dx √x = 1 / (2√x). */
export function sqrt(x: Tensor): Tensor {
  return unaryOp('sqrt', x, Math.sqrt, (_x, y) => 1 / (2 * y));
}

/** Elementwise x^p for a number exponent p; d/dx x^p = p x^(p-1). */
export function pow(x: Tensor, exponent: number): Tensor {
  if (typeof exponent !== 'number') throw new TypeError('pow: the exponent must be a number');
  const p = exponent;
  // Squares are common (losses, Rosenbrock); x * x is exact where Math.pow may round differently.
  const f = p === 2 ? (v: number) => v * v : (v: number) => Math.pow(v, p);
  const d = p === 2 ? (v: number) => 2 * v : p === 0 ? () => 0 : (v: number) => p * Math.pow(v, p - 1);
  return unaryOp('pow', x, f, d, { exponent: p });
}

/** Elementwise |x|; d/dx |x| = sign(x), taken as 0 at x = 0 (as PyTorch). */
export function abs(x: Tensor): Tensor {
  return unaryOp('abs', x, Math.abs, (v) => Math.sign(v));
}

/** Elementwise clamp into [min, max]; the gradient is 1 where min ≤ x ≤ max, 0 where x was clipped. */
export function clamp(x: Tensor, min: number, max: number): Tensor {
  if (min > max) throw new RangeError(`clamp: min ${min} is greater than max ${max}`);
  return unaryOp('clamp', x, (v) => (v < min ? min : v > max ? max : v), (v) => (v >= min && v <= max ? 1 : 0));
}
