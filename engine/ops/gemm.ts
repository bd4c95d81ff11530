// The matrix-multiply kernel behind matmul, linear, their backward rules and FastMLP.
//
// C (m × n) = A (m × k) · B (k × n), where A and B are read through strides, so a transposed operand
// (A·Bᵀ, Aᵀ·B) is just a different pair of strides and is never copied element by element into a new matrix.
// Two kernels compute it, to the same bits (each element of C is the sum of its products in the order
// p = 0, 1, ..., k − 1, added to C once):
//   - the WebAssembly SIMD (f64x2) kernel of engine/wasm/, compiled from AssemblyScript at install and build
//     time, used where WebAssembly SIMD is available, for products of at least WASM_MIN_WORK multiply-adds;
//   - the JavaScript kernel of gemm-js.ts, used everywhere else: small products (where copying into the
//     WebAssembly memory costs more than it saves), platforms without WebAssembly SIMD, and when forced by
//     `setKernelBackend('js')` or the environment variable NEURAL_NOTEBOOK_KERNEL=js.

import { gemmJs, type Gemm } from './gemm-js.ts';
import { wasmGemm, wasmKernelError } from '../wasm/gemm-wasm.ts';

export { gemmJs };

/** Which kernel the dense products run on: 'wasm' (WebAssembly SIMD, above the size threshold) or 'js'. */
export type KernelBackend = 'js' | 'wasm';

/**
 * The fewest multiply-adds (m · n · k) a product needs to run on the WebAssembly kernel; below it the
 * JavaScript kernel is as fast or faster (copying in and out of the WebAssembly memory is a fixed cost per
 * call). Measured by scripts/bench.ts --threshold; see engine/README.md.
 */
export const WASM_MIN_WORK = 1024;

/** The backend asked for by the environment (NEURAL_NOTEBOOK_KERNEL=js|wasm in Node), else null. */
function environmentBackend(): KernelBackend | null {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.NEURAL_NOTEBOOK_KERNEL;
  return value === 'js' || value === 'wasm' ? value : null;
}

let backend: KernelBackend = wasmGemm !== null && environmentBackend() !== 'js' ? 'wasm' : 'js';

/** The backend the dense products run on now. */
export function kernelBackend(): KernelBackend {
  return backend;
}

/** Whether this platform can run the WebAssembly SIMD kernel. */
export function wasmKernelAvailable(): boolean {
  return wasmGemm !== null;
}

/**
 * Chooses the kernel of every dense product from now on: 'js' forces the JavaScript kernel, 'wasm' the
 * WebAssembly SIMD one (an error where this platform has no WebAssembly SIMD). Returns the backend it replaced.
 */
export function setKernelBackend(next: KernelBackend): KernelBackend {
  if (next !== 'js' && next !== 'wasm') throw new RangeError(`setKernelBackend: '${String(next)}' is not a backend; use 'js' or 'wasm'`);
  if (next === 'wasm' && wasmGemm === null) {
    throw new Error(`setKernelBackend: this platform cannot run the WebAssembly SIMD kernel (${wasmKernelError ?? 'unknown reason'})`);
  }
  const previous = backend;
  backend = next;
  return previous;
}

/**
 * Computes C = A B (or C += A B when `accumulate` is true) with A(i, p) = a[i * aRow + p * aCol],
 * B(p, j) = b[p * bRow + j * bCol] and C row-major (m × n).
 */
export const gemm: Gemm = (m, n, k, a, aRow, aCol, b, bRow, bCol, c, accumulate) => {
  if (backend === 'wasm' && m * n * k >= WASM_MIN_WORK) wasmGemm!(m, n, k, a, aRow, aCol, b, bRow, bCol, c, accumulate);
  else gemmJs(m, n, k, a, aRow, aCol, b, bRow, bCol, c, accumulate);
};
