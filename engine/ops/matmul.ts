// Matrix product and transpose.
//
// For C = A B, each C(i, j) = Σ_p A(i, p) B(p, j), so
//   dL/dA = dL/dC · Bᵀ   and   dL/dB = Aᵀ · dL/dC.
// Both products run through the same kernel as the forward pass, reading the
// transposed operand through swapped strides instead of copying it, and add
// straight into the existing gradient buffers.

import { Tensor, gradBuffer } from '../tensor.ts';
import { shapeString } from '../shape.ts';
import { gemm } from './gemm.ts';

/**
 * The matrix product a · b of [m, k] and [k, n] matrices. As in NumPy, a vector [k] on the left is a row and
 * on the right a column, and that dimension is dropped from the result.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new RangeError(`matmul: cannot multiply ${shapeString(a.shape)} by ${shapeString(b.shape)}: both operands need at least one dimension (use mul for scalars)`);
  }
  const m = a.ndim === 2 ? a.shape[0] : 1;
  const k = a.ndim === 2 ? a.shape[1] : a.shape[0];
  const kb = b.ndim === 2 ? b.shape[0] : b.shape[0];
  const n = b.ndim === 2 ? b.shape[1] : 1;
  if (k !== kb) {
    throw new RangeError(`matmul: cannot multiply ${shapeString(a.shape)} by ${shapeString(b.shape)}: inner sizes ${k} and ${kb} differ`);
  }
  const shape = a.ndim === 2 ? (b.ndim === 2 ? [m, n] : [m]) : b.ndim === 2 ? [n] : [];
  const A = a.data;
  const B = b.data;
  const C = new Float64Array(m * n);
  gemm(m, n, k, A, k, 1, B, n, 1, C, false);
  return Tensor.fromOp('matmul', C, shape, [a, b], (dC) => {
    const dA = gradBuffer(a);
    const dB = gradBuffer(b);
    // dA (m × k) += dC (m × n) · Bᵀ: Bᵀ(j, p) = B[p * n + j], so its strides are (1, n).
    if (dA !== null) gemm(m, k, n, dC, n, 1, B, 1, n, dA, true);
    // dB (k × n) += Aᵀ (k × m) · dC: Aᵀ(p, i) = A[i * k + p], so its strides are (1, k).
    if (dB !== null) gemm(k, n, m, A, 1, k, dC, n, 1, dB, true);
  });
}

/** The transpose of a matrix, (Aᵀ)(i, j) = A(j, i); a scalar or vector is returned as is (as NumPy's `.T`). */
export function transpose(x: Tensor): Tensor {
  if (x.ndim < 2) return x;
  const [rows, cols] = x.shape;
  const xs = x.data;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = xs[i * cols + j];
  return Tensor.fromOp('transpose', out, [cols, rows], [x], (g) => {
    // The gradient of a transpose is the transpose of the gradient.
    const gx = gradBuffer(x)!;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) gx[i * cols + j] += g[j * rows + i];
  });
}
