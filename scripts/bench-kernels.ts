// npx tsx scripts/bench-kernels.ts
//
// The two measurements behind the engine's kernel choices (engine/README.md, "The dense kernel"):
//   - the size threshold: the JavaScript kernel against the WebAssembly SIMD kernel (copies included) on small
//     products, where the copies into the module's memory are a fixed cost per call;
//   - copying against keeping operands in the module's memory: the wrapped kernel (copy A and B in, C out) against
//     the bare kernel on operands already there, on the three layouts of the 784-256-10 training step's first layer.
// Medians of 15 runs; the load average before and after.

import { gemmJs } from '../engine/ops/gemm-js.ts';
import { wasmGemm as maybeWasmGemm } from '../engine/wasm/gemm-wasm.ts';
import { KERNELS_WASM_BASE64 } from '../engine/wasm/kernels.generated.ts';
import { Random } from '../engine/random.ts';
import { loadAverage, loadText, median } from './stats.ts';

const rng = new Random(1);
const random = (n: number): Float64Array => Float64Array.from({ length: n }, () => rng.uniform(-1, 1));
/** The median over 15 runs of the mean time of `repeat` calls, in milliseconds. */
function time(fn: () => void, repeat: number): number {
  const times: number[] = [];
  for (let r = 0; r < 15; r++) {
    const start = performance.now();
    for (let i = 0; i < repeat; i++) fn();
    times.push((performance.now() - start) / repeat);
  }
  return median(times);
}
if (maybeWasmGemm === null) throw new Error('bench-kernels: no WebAssembly SIMD here');
const wasmGemm = maybeWasmGemm;
console.log(`load average before: ${loadText(loadAverage())}`);

console.log('\nthreshold: A·Bᵀ, accumulate, microseconds per product (copies included for WebAssembly)');
for (const [m, n, k] of [[10, 8, 2], [10, 1, 8], [8, 8, 8], [10, 8, 8], [12, 12, 12], [16, 8, 16], [10, 16, 16], [16, 16, 16], [64, 10, 16], [32, 32, 32]]) {
  const a = random(m * k);
  const b = random(k * n);
  const c = new Float64Array(m * n);
  const repeat = Math.max(50, Math.floor(4e6 / (m * n * k)));
  const js = (): void => gemmJs(m, n, k, a, k, 1, b, 1, k, c, true);
  const wasm = (): void => wasmGemm(m, n, k, a, k, 1, b, 1, k, c, true);
  for (let w = 0; w < 200; w++) (js(), wasm());
  const tj = time(js, repeat);
  const tw = time(wasm, repeat);
  console.log(`  ${m}×${k}·${k}×${n} (${m * n * k} multiply-adds): JS ${(tj * 1000).toFixed(2)} µs, WebAssembly ${(tw * 1000).toFixed(2)} µs, WebAssembly ${(tj / tw).toFixed(2)}× as fast`);
}

console.log('\ncopies: milliseconds per product, operands already in the module\'s memory against copied in and out');
const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (ch) => ch.charCodeAt(0));
const kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as {
  memory: WebAssembly.Memory;
  KC: WebAssembly.Global;
  gemm(...args: number[]): void;
};
kernel.memory.grow(160);
const heap = new Float64Array(kernel.memory.buffer);
for (const [m, n, k, layout] of [[64, 256, 784, 'A·Bᵀ (forward)'], [256, 784, 64, 'Aᵀ·B (dW)'], [64, 784, 256, 'A·B (dX)']] as const) {
  const a = random(m * k);
  const b = random(k * n);
  const c = new Float64Array(m * n);
  const [aRow, aCol] = layout.startsWith('Aᵀ') ? [1, m] : [k, 1];
  const [bRow, bCol] = layout.startsWith('A·Bᵀ') ? [1, k] : [n, 1];
  const even = (x: number): number => x + (x % 2);
  const aAt = 8192;
  const bAt = aAt + even(m * k);
  const cAt = bAt + even(k * n);
  // The kernel's scratch, as engine/wasm/gemm-wasm.ts lays it out: A's rows for one block of k, a panel of B, the sums.
  const block = Math.min(k, Number(kernel.KC.value));
  const packA = cAt + even(m * n);
  const packB = packA + (m & ~3) * block;
  const sums = packB + 4 * block;
  heap.set(a, aAt);
  heap.set(b, bAt);
  const resident = (): void => kernel.gemm(m, n, k, aAt * 8, aRow, aCol, bAt * 8, bRow, bCol, cAt * 8, 1, packA * 8, packB * 8, sums * 8);
  const copied = (): void => wasmGemm(m, n, k, a, aRow, aCol, b, bRow, bCol, c, true);
  for (let w = 0; w < 5; w++) (resident(), copied());
  const tr: number[] = [];
  const tc: number[] = [];
  for (let s = 0; s < 3; s++) (tr.push(time(resident, 1)), tc.push(time(copied, 1)));
  const [r, cp] = [median(tr), median(tc)];
  const flops = 2 * m * n * k;
  console.log(`  ${m}×${k}·${k}×${n} ${layout}: in memory ${r.toFixed(3)} ms (${(flops / r / 1e6).toFixed(2)} GFLOP/s), copied ${cp.toFixed(3)} ms (${(flops / cp / 1e6).toFixed(2)} GFLOP/s)`);
}
console.log(`\nload average after: ${loadText(loadAverage())}`);
