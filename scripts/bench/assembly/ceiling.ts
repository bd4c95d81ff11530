import { tile4x4 } from '../../../engine/wasm/assembly/gemm';

// The arithmetic ceiling of WebAssembly SIMD on this machine, for the bench (scripts/bench.ts, benchmark d): the
// matrix kernel's own inner loop (tile4x4 in engine/wasm/assembly/gemm.ts) on two small packed panels that stay in the level-1
// cache, so that only the arithmetic limits it. Each step loads four values of A (each splat) and four of B (two
// vectors) and multiplies then adds into eight accumulators: WebAssembly's SIMD has no fused multiply-add.
// Compiled with the kernel's options (scripts/build-wasm.ts) when the bench starts; tsconfig.json leaves this
// folder out, as it is AssemblyScript.
//
// On f64x2 (two float64 lanes) it bounds what a float64 kernel of this form can reach, ours included; on f32x4
// (four float32 lanes, the same instructions) it bounds a float32 kernel of this form, such as TensorFlow.js's wasm
// backend's. A step is 8 multiplies and 8 adds on every lane: 16 × lanes floating-point operations.

/** The most steps a pass can take: the panels' room. */
export const MAX_STEPS: i32 = 512;
/** Where the panel of A starts (after the first 64 KiB, which the compiler's data may use), the panel of B, and the f64x2 loop's 4 × 4 tile of sums. */
const PANEL_A: usize = 65536;
const PANEL_B: usize = PANEL_A + <usize>MAX_STEPS * 32;
const SUMS: usize = PANEL_B + <usize>MAX_STEPS * 32;

/** Fills both panels with `x`, as float64 or float32 values (`bits` = 64 or 32): the loops' operands. */
export function fill(x: f64, bits: i32): void {
  for (let p: usize = PANEL_A; p < PANEL_B + <usize>MAX_STEPS * 32; p += 8) {
    if (bits == 64) store<f64>(p, x);
    else {
      store<f32>(p, <f32>x);
      store<f32>(p, <f32>x, 4);
    }
  }
}

/** `passes` passes over the panels, each `steps` (at most MAX_STEPS) steps of the kernel's own inner loop (tile4x4); returns the sums' total. */
export function loopF64x2(passes: i32, steps: i32): f64 {
  memory.fill(SUMS, 0, 4 * 32);
  for (let r = 0; r < passes; r++) tile4x4(PANEL_A, PANEL_B, PANEL_B + <usize>steps * 32, SUMS, 32);
  let total: f64 = 0;
  for (let q: usize = 0; q < 16; q++) total += load<f64>(SUMS + q * 8);
  return total;
}

/**
 * The same on f32x4: tile4x4's instructions on four float32 lanes, with the tile in registers across the passes (the
 * f64x2 loop stores its tile once a pass, a cost of 16 loads and stores in `steps` steps).
 */
export function loopF32x4(passes: i32, steps: i32): f32 {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0), c4 = f32x4.splat(0), c5 = f32x4.splat(0), c6 = f32x4.splat(0), c7 = f32x4.splat(0);
  for (let r = 0; r < passes; r++) {
    let qa: usize = PANEL_A;
    let qb: usize = PANEL_B;
    for (let s = 0; s < steps; s++) {
      const b01 = v128.load(qb);
      const b23 = v128.load(qb, 16);
      const a0 = v128.load32_splat(qa);
      c0 = f32x4.add(c0, f32x4.mul(a0, b01));
      c1 = f32x4.add(c1, f32x4.mul(a0, b23));
      const a1 = v128.load32_splat(qa, 4);
      c2 = f32x4.add(c2, f32x4.mul(a1, b01));
      c3 = f32x4.add(c3, f32x4.mul(a1, b23));
      const a2 = v128.load32_splat(qa, 8);
      c4 = f32x4.add(c4, f32x4.mul(a2, b01));
      c5 = f32x4.add(c5, f32x4.mul(a2, b23));
      const a3 = v128.load32_splat(qa, 12);
      c6 = f32x4.add(c6, f32x4.mul(a3, b01));
      c7 = f32x4.add(c7, f32x4.mul(a3, b23));
      qa += 16;
      qb += 32;
    }
  }
  const sum = f32x4.add(f32x4.add(f32x4.add(c0, c1), f32x4.add(c2, c3)), f32x4.add(f32x4.add(c4, c5), f32x4.add(c6, c7)));
  return f32x4.extract_lane(sum, 0) + f32x4.extract_lane(sum, 1) + f32x4.extract_lane(sum, 2) + f32x4.extract_lane(sum, 3);
}
