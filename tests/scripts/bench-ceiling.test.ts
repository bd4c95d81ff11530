// The bench's arithmetic ceiling (scripts/bench/assembly/ceiling.ts, benchmark d of scripts/bench.ts) does the
// arithmetic it is credited with: every step adds a · b into eight accumulators on every lane, so with both panels
// filled with x the total is passes · steps · 8 · lanes · x², in float64 and in float32 alike.

import { describe, expect, test } from 'vitest';
import { compileKernels } from '../../scripts/build-wasm.ts';

interface CeilingExports {
  fill(x: number, bits: number): void;
  loopF64x2(passes: number, steps: number): number;
  loopF32x4(passes: number, steps: number): number;
  MAX_STEPS: WebAssembly.Global;
}

describe('the arithmetic ceiling probe', () => {
  test('adds a · b into eight accumulators per lane at every step, on f64x2 and on f32x4', async () => {
    const bytes = (await compileKernels('scripts/bench/assembly/ceiling.ts')) as Uint8Array<ArrayBuffer>;
    const probe = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as CeilingExports;
    expect(probe.MAX_STEPS.value).toBe(512);
    for (const [passes, steps] of [[1, 1], [3, 5], [2, 128], [1, 512]]) {
      probe.fill(0.5, 64);
      expect(probe.loopF64x2(passes, steps), `f64x2 ${passes} × ${steps}`).toBe(passes * steps * 8 * 2 * 0.25);
      probe.fill(0.5, 32);
      expect(probe.loopF32x4(passes, steps), `f32x4 ${passes} × ${steps}`).toBe(passes * steps * 8 * 4 * 0.25);
    }
    // Different values on the panels change the total in proportion: the loop reads them.
    probe.fill(1.5, 64);
    expect(probe.loopF64x2(2, 3)).toBe(2 * 3 * 8 * 2 * 2.25);
  }, 60_000);
});
