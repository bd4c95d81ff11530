// Loads the WebAssembly SIMD kernel (assembly/gemm.ts, compiled by scripts/build-wasm.ts into
// kernels.generated.ts) synchronously, so the engine's API stays synchronous, and wraps it in the JavaScript
// kernel's signature. The operands are copied into the module's memory for each call (only the part the strides
// reach), the product runs there, and C is copied back: engine/README.md has the measurement that chose copying.

import { KERNELS_WASM_BASE64 } from './kernels.generated.ts';
import type { Gemm } from '../ops/gemm-js.ts';

interface KernelExports {
  memory: WebAssembly.Memory;
  /** How many values of p one block of the kernel's sum spans, which sizes its scratch. */
  KC: WebAssembly.Global;
  gemm(m: number, n: number, k: number, a: number, aRow: number, aCol: number, b: number, bRow: number, bCol: number, c: number, accumulate: number, packA: number, packB: number, sums: number): void;
}

/** The module's bytes, decoded from base64 (atob exists in browsers, workers and Node ≥ 16). */
function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The first byte the kernel's buffers use: the module's own data (AssemblyScript's) stays in the first 64 KiB page. */
const BASE = 65536;
const PAGE = 65536;

/** The number of values from a strided matrix's first to its last element, plus one (0 when it is empty). */
function extent(rows: number, cols: number, rowStride: number, colStride: number): number {
  return rows === 0 || cols === 0 ? 0 : (rows - 1) * rowStride + (cols - 1) * colStride + 1;
}

/** Rounds a count of float64 values up to whole 16-byte vectors. */
function aligned(values: number): number {
  return (values + 1) & ~1;
}

/**
 * Instantiates the kernel through `wasm` (the platform's WebAssembly object, or a stand-in in tests): the wrapped
 * kernel, or null and the reason where WebAssembly or its SIMD instructions are missing.
 */
export function loadWasmGemm(wasm: typeof WebAssembly | null = globalThis.WebAssembly ?? null): { gemm: Gemm | null; error: string | null } {
  if (typeof wasm !== 'object' || wasm === null || typeof wasm.validate !== 'function') return { gemm: null, error: 'no WebAssembly' };
  const bytes = decode(KERNELS_WASM_BASE64);
  // The module uses SIMD instructions, so it validates only where WebAssembly SIMD is supported.
  if (!wasm.validate(bytes)) return { gemm: null, error: 'no WebAssembly SIMD (the kernel does not validate)' };
  let exports: KernelExports;
  try {
    exports = new wasm.Instance(new wasm.Module(bytes), {}).exports as unknown as KernelExports;
  } catch (error) {
    return { gemm: null, error: `the kernel did not instantiate: ${(error as Error).message}` };
  }
  const memory = exports.memory;
  const blockK = Number(exports.KC.value);
  let heap = new Float64Array(memory.buffer);
  /** Makes the memory hold at least `bytes` bytes, growing it by whole pages. */
  const reserve = (bytes: number): void => {
    if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    if (heap.buffer !== memory.buffer) heap = new Float64Array(memory.buffer);
  };
  const gemm: Gemm = (m, n, k, a, aRow, aCol, b, bRow, bCol, c, accumulate) => {
    const aLength = extent(m, k, aRow, aCol);
    const bLength = extent(k, n, bRow, bCol);
    const cLength = m * n;
    // Offsets in float64 values: A, B, C, then the scratch: A's rows packed for one block of the sum (m − m mod 4 rows
    // of up to KC values), one packed panel of B (4 columns of up to KC values) and, when accumulating, the sums.
    const block = Math.min(k, blockK);
    const aAt = BASE / 8;
    const bAt = aAt + aligned(aLength);
    const cAt = bAt + aligned(bLength);
    const packAAt = cAt + aligned(cLength);
    const packBAt = packAAt + (m & ~3) * block;
    const sumsAt = packBAt + 4 * block;
    reserve((sumsAt + (accumulate ? cLength : 0)) * 8);
    heap.set(aLength === a.length ? a : a.subarray(0, aLength), aAt);
    heap.set(bLength === b.length ? b : b.subarray(0, bLength), bAt);
    if (accumulate) heap.set(cLength === c.length ? c : c.subarray(0, cLength), cAt);
    exports.gemm(m, n, k, aAt * 8, aRow, aCol, bAt * 8, bRow, bCol, cAt * 8, accumulate ? 1 : 0, packAAt * 8, packBAt * 8, sumsAt * 8);
    c.set(heap.subarray(cAt, cAt + cLength));
  };
  return { gemm, error: null };
}

const loaded = loadWasmGemm();

/** The WebAssembly SIMD kernel, or null where this platform cannot run it (then `wasmKernelError` says why). */
export const wasmGemm: Gemm | null = loaded.gemm;

/** Why the WebAssembly SIMD kernel is unavailable, or null when it loaded. */
export const wasmKernelError: string | null = loaded.error;
