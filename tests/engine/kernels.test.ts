// The WebAssembly SIMD kernel (engine/wasm/) against the JavaScript kernel (engine/ops/gemm-js.ts): the same
// results to the last bit (both sum each element's products in the same order, from 0, and add the sum to C once),
// for random shapes with every edge (0, 1, 3, 5, odd and multiple-of-4 sizes), the three layouts the engine uses
// (A·B, A·Bᵀ, Aᵀ·B, and a general strided one), with and without accumulation; the fallback where WebAssembly
// SIMD is missing, forcing the JavaScript kernel, and FastMLP and autograd on either kernel.

import { afterEach, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { Random } from '../../engine/random.ts';
import { Tensor } from '../../engine/tensor.ts';
import { MLP } from '../../engine/nn/mlp.ts';
import { FastMLP } from '../../engine/nn/fast-mlp.ts';
import { crossEntropy } from '../../engine/ops/losses.ts';
import { gemm, gemmJs, kernelBackend, setKernelBackend, wasmKernelAvailable, WASM_MIN_WORK, type KernelBackend } from '../../engine/ops/gemm.ts';
import { loadWasmGemm, wasmGemm } from '../../engine/wasm/gemm-wasm.ts';
import { runNode } from '../scripts/run-node.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const initial = kernelBackend();
afterEach(() => {
  setKernelBackend(initial);
});

/** The strides of A (m × k) and B (k × n) in each layout, over arrays of the given sizes. */
type Layout = 'A·B' | 'A·Bᵀ' | 'Aᵀ·B' | 'strided';
function strides(layout: Layout, m: number, n: number, k: number): { aRow: number; aCol: number; bRow: number; bCol: number } {
  switch (layout) {
    case 'A·B':
      return { aRow: k, aCol: 1, bRow: n, bCol: 1 };
    case 'A·Bᵀ':
      return { aRow: k, aCol: 1, bRow: 1, bCol: k };
    case 'Aᵀ·B':
      return { aRow: 1, aCol: m, bRow: n, bCol: 1 };
    case 'strided':
      // Every other row and column of larger matrices.
      return { aRow: 2 * (2 * k + 1), aCol: 2, bRow: 2 * (2 * n + 1), bCol: 2 };
  }
}

function random(length: number, rng: Random): Float64Array {
  return Float64Array.from({ length }, () => rng.uniform(-2, 2));
}

const SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 13, 17];

describe('the WebAssembly SIMD kernel', () => {
  test('loads on this platform (Node has WebAssembly SIMD) and is the default backend', () => {
    expect(wasmGemm).not.toBeNull();
    expect(wasmKernelAvailable()).toBe(true);
    expect(initial).toBe('wasm');
  });

  /**
   * Runs both kernels on an m × k by k × n product in the four layouts, accumulating and not, from the same random C
   * (its first value −0, which C += sum must treat as the JavaScript kernel does), and expects the same bits; returns
   * how many elements it compared.
   */
  function expectSameBits(m: number, n: number, k: number, rng: Random): number {
    let compared = 0;
    for (const layout of ['A·B', 'A·Bᵀ', 'Aᵀ·B', 'strided'] as Layout[]) {
      const s = strides(layout, m, n, k);
      // Arrays longer than the strides reach, with a tail the kernels must not read into C.
      const a = random(Math.max(m * s.aRow, k * s.aCol, m * k) * 2 + 5, rng);
      const b = random(Math.max(k * s.bRow, n * s.bCol, k * n) * 2 + 5, rng);
      for (const accumulate of [false, true]) {
        const start = random(m * n + 3, rng);
        start[0] = -0;
        const expected = Float64Array.from(start);
        const actual = Float64Array.from(start);
        gemmJs(m, n, k, a, s.aRow, s.aCol, b, s.bRow, s.bCol, expected, accumulate);
        wasmGemm!(m, n, k, a, s.aRow, s.aCol, b, s.bRow, s.bCol, actual, accumulate);
        expect(Array.from(actual), `${m}×${k}·${k}×${n} ${layout} accumulate=${accumulate}`).toEqual(Array.from(expected));
        // The values past C are untouched.
        expect(Array.from(actual.subarray(m * n))).toEqual(Array.from(start.subarray(m * n)));
        compared += m * n;
      }
    }
    return compared;
  }

  test('equals the JavaScript kernel to the last bit: random shapes with edges, four layouts, accumulate on and off', () => {
    const rng = new Random(16);
    let compared = 0;
    for (let trial = 0; trial < 120; trial++) {
      const pick = () => (trial < 60 ? SIZES[rng.int(SIZES.length)] : 1 + rng.int(70));
      compared += expectSameBits(pick(), pick(), pick(), rng);
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  test('sums longer than one block of the kernel (KC = 128 values of k) agree to the last bit: k across the block edges, four layouts, accumulate on and off', () => {
    const rng = new Random(128);
    let compared = 0;
    for (const k of [127, 128, 129, 255, 256, 257, 300, 784]) {
      for (const [m, n] of [[4, 4], [5, 7], [9, 13], [64, 10]]) compared += expectSameBits(m, n, k, rng);
    }
    expect(compared).toBeGreaterThan(5_000);
  });

  test('a product larger than the memory the module starts with grows it and still agrees', () => {
    const rng = new Random(5);
    const [m, n, k] = [130, 67, 301];
    const a = random(m * k, rng);
    const b = random(n * k, rng);
    const expected = new Float64Array(m * n);
    const actual = new Float64Array(m * n);
    gemmJs(m, n, k, a, k, 1, b, 1, k, expected, false);
    wasmGemm!(m, n, k, a, k, 1, b, 1, k, actual, false);
    expect(actual).toEqual(expected);
  });
});

describe('the JavaScript fallback', () => {
  test('is what the engine loads where WebAssembly SIMD is missing (the kernel does not validate) or WebAssembly is absent', () => {
    const noSimd = { ...WebAssembly, validate: () => false } as unknown as typeof WebAssembly;
    expect(loadWasmGemm(noSimd)).toEqual({ gemm: null, error: 'no WebAssembly SIMD (the kernel does not validate)' });
    expect(loadWasmGemm(null)).toEqual({ gemm: null, error: 'no WebAssembly' });
    // With the platform's own WebAssembly it loads.
    expect(loadWasmGemm().gemm).toBeTypeOf('function');
  });

  test('setKernelBackend forces either kernel, and the dispatcher gives the same bits on both', () => {
    const rng = new Random(7);
    const [m, n, k] = [33, 29, 41];
    expect(m * n * k).toBeGreaterThan(WASM_MIN_WORK);
    const a = random(m * k, rng);
    const b = random(k * n, rng);
    const results: Record<KernelBackend, Float64Array> = { js: new Float64Array(m * n), wasm: new Float64Array(m * n) };
    for (const backend of ['js', 'wasm'] as KernelBackend[]) {
      setKernelBackend(backend);
      expect(kernelBackend()).toBe(backend);
      gemm(m, n, k, a, 1, m, b, n, 1, results[backend], false);
    }
    expect(results.wasm).toEqual(results.js);
    expect(() => setKernelBackend('gpu' as KernelBackend)).toThrow(/not a backend/);
  });

  test('NEURAL_NOTEBOOK_KERNEL=js in the environment starts the engine on the JavaScript kernel', async () => {
    const program = "import { kernelBackend, wasmKernelAvailable } from './engine/ops/gemm.ts'; console.log(kernelBackend(), wasmKernelAvailable());";
    const forced = await runNode(['--import', 'tsx', '--input-type=module', '-e', program], ROOT, { ...process.env, NEURAL_NOTEBOOK_KERNEL: 'js' });
    expect(forced.stderr).toBe('');
    expect(forced.stdout.trim()).toBe('js true');
    const unforced = await runNode(['--import', 'tsx', '--input-type=module', '-e', program], ROOT, { ...process.env, NEURAL_NOTEBOOK_KERNEL: '' });
    expect(unforced.stdout.trim()).toBe('wasm true');
  }, 120_000);
});

describe('FastMLP and autograd on either kernel', () => {
  /** A 60-24-5 network's loss and gradients after one training pass over 40 rows, on the given kernel. */
  function fastPass(backend: KernelBackend, zeros: number): { loss: number; grads: number[] } {
    setKernelBackend(backend);
    const rng = new Random(11);
    const x = Float64Array.from({ length: 40 * 60 }, () => (rng.uniform(0, 1) < zeros ? 0 : rng.uniform(-1, 1)));
    const y = Float64Array.from({ length: 40 }, () => rng.int(5));
    const model = new MLP([60, 24, 5], { seed: 3 });
    const fast = new FastMLP(model, { loss: 'crossEntropy' });
    const rows = Array.from({ length: 40 }, (_, i) => i);
    const loss = fast.trainBatch(x, y, rows);
    return { loss, grads: model.parameters().flatMap((p) => Array.from(p.grad!.data)) };
  }

  test('FastMLP gives the same loss and gradients within 1e-12 on the WebAssembly and JavaScript kernels, dense and sparse inputs', () => {
    for (const zeros of [0, 0.8]) {
      const js = fastPass('js', zeros);
      const wasm = fastPass('wasm', zeros);
      expect(Math.abs(wasm.loss - js.loss)).toBeLessThanOrEqual(1e-12 * Math.abs(js.loss));
      expect(wasm.grads.length).toBe(js.grads.length);
      const scale = Math.max(...js.grads.map(Math.abs));
      js.grads.forEach((g, i) => expect(Math.abs(wasm.grads[i] - g)).toBeLessThanOrEqual(1e-12 * scale));
    }
  });

  test("autograd's gradients are bitwise the same on both kernels (matmul and linear call the same gemm)", () => {
    const grads = (backend: KernelBackend): number[] => {
      setKernelBackend(backend);
      const rng = new Random(2);
      const model = new MLP([50, 30, 7], { seed: 9 });
      const x = Tensor.fromData(Float64Array.from({ length: 20 * 50 }, () => rng.uniform(-1, 1)), [20, 50]);
      crossEntropy(model.forward(x), Array.from({ length: 20 }, (_, i) => i % 7)).backward();
      return model.parameters().flatMap((p) => Array.from(p.grad!.data));
    };
    expect(grads('wasm')).toEqual(grads('js'));
  });
});
