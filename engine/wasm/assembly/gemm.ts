// The WebAssembly SIMD (f64x2) matrix-multiply kernel, in AssemblyScript. scripts/build-wasm.ts compiles it
// (asc --enable simd) into engine/wasm/kernels.generated.ts; engine/ops/gemm.ts loads it and falls back to its
// JavaScript kernel where WebAssembly SIMD is missing.
//
// It computes what the JavaScript kernel computes, in the same order for every element of C: the products
// A(i, p) B(p, j) summed over p = 0, 1, ..., k − 1 from 0, each product rounded then added (WebAssembly has no
// fused multiply-add here), and the sum added to C(i, j) once. So its results are the JavaScript kernel's to the
// last bit, whatever the layout and the tiling.
//
// All addresses are byte offsets into the module's own memory, where the caller has copied A, B and C. B is
// packed once, as panels of 4 columns (B(p, j..j+3) for p = 0..k−1, contiguous); A is packed 4 rows at a time
// (A(i..i+3, p) for p = 0..k−1), once per block of rows, which then meets every panel of B. So the inner loop
// reads memory in order whatever the strides, and no operand is packed twice. The 4 × 4 tile of C lives in
// eight f64x2 registers. (A 6 × 4 tile, twelve accumulators, measured slower: V8 spills them.)

/**
 * Copies four strided lines into a contiguous panel, k groups of four: dst[4p + q] = src[q across + p along] (byte
 * strides). Four rows of A (across = a row, along = a column) or four columns of B (across = a column, along = a row).
 */
@inline function packPanel(dst: usize, src: usize, across: usize, along: usize, k: usize): void {
  for (let p: usize = 0; p < k; p++) {
    store<f64>(dst, load<f64>(src));
    store<f64>(dst, load<f64>(src + across), 8);
    store<f64>(dst, load<f64>(src + 2 * across), 16);
    store<f64>(dst, load<f64>(src + 3 * across), 24);
    src += along;
    dst += 32;
  }
}

/** C (m × n, row-major at c) = A B, or C += A B when accumulate is not 0; A(i, p) at a + 8 (i aRow + p aCol), B(p, j) at b + 8 (p bRow + j bCol). packA is scratch of 4 k values, packB of (n − n mod 4) k values. */
export function gemm(
  m: i32, n: i32, k: i32,
  a: usize, aRow: i32, aCol: i32,
  b: usize, bRow: i32, bCol: i32,
  c: usize, accumulate: i32,
  packA: usize, packB: usize,
): void {
  if (accumulate == 0) memory.fill(c, 0, <usize>m * <usize>n * 8);
  if (m == 0 || n == 0 || k == 0) return;
  const aRowB = <usize>aRow << 3;
  const aColB = <usize>aCol << 3;
  const bRowB = <usize>bRow << 3;
  const bColB = <usize>bCol << 3;
  const nB = <usize>n << 3;
  const kk = <usize>k;
  const n4 = n & ~3;
  // Pack B(:, 0..n4−1) once, panel after panel: panel q holds B(p, 4q..4q+3) for p = 0..k−1, four values per p.
  const panelB = kk * 32;
  for (let j = 0; j < n4; j += 4) {
    packPanel(packB + <usize>(j >> 2) * panelB, b + <usize>j * bColB, bColB, bRowB, kk);
  }
  let i = 0;
  for (; i + 3 < m; i += 4) {
    // Pack A(i..i+3, :) once for all the panels of B: k consecutive groups of four.
    packPanel(packA, a + <usize>i * aRowB, aRowB, aColB, kk);
    const end = packA + kk * 32;
    for (let j = 0; j < n4; j += 4) {
      let c00 = f64x2.splat(0), c02 = f64x2.splat(0);
      let c10 = f64x2.splat(0), c12 = f64x2.splat(0);
      let c20 = f64x2.splat(0), c22 = f64x2.splat(0);
      let c30 = f64x2.splat(0), c32 = f64x2.splat(0);
      let qb = packB + <usize>(j >> 2) * panelB;
      let qa = packA;
      while (qa < end) {
        const b01 = v128.load(qb);
        const b23 = v128.load(qb, 16);
        const a0 = v128.load64_splat(qa);
        c00 = f64x2.add(c00, f64x2.mul(a0, b01));
        c02 = f64x2.add(c02, f64x2.mul(a0, b23));
        const a1 = v128.load64_splat(qa, 8);
        c10 = f64x2.add(c10, f64x2.mul(a1, b01));
        c12 = f64x2.add(c12, f64x2.mul(a1, b23));
        const a2 = v128.load64_splat(qa, 16);
        c20 = f64x2.add(c20, f64x2.mul(a2, b01));
        c22 = f64x2.add(c22, f64x2.mul(a2, b23));
        const a3 = v128.load64_splat(qa, 24);
        c30 = f64x2.add(c30, f64x2.mul(a3, b01));
        c32 = f64x2.add(c32, f64x2.mul(a3, b23));
        qa += 32;
        qb += 32;
      }
      let o = c + (<usize>i * <usize>n + <usize>j) * 8;
      v128.store(o, f64x2.add(v128.load(o), c00));
      v128.store(o, f64x2.add(v128.load(o, 16), c02), 16);
      o += nB;
      v128.store(o, f64x2.add(v128.load(o), c10));
      v128.store(o, f64x2.add(v128.load(o, 16), c12), 16);
      o += nB;
      v128.store(o, f64x2.add(v128.load(o), c20));
      v128.store(o, f64x2.add(v128.load(o, 16), c22), 16);
      o += nB;
      v128.store(o, f64x2.add(v128.load(o), c30));
      v128.store(o, f64x2.add(v128.load(o, 16), c32), 16);
    }
  }
  // The last m mod 4 rows, one row against each packed panel of B.
  for (; i < m; i++) {
    for (let j = 0; j < n4; j += 4) {
      let c0 = f64x2.splat(0), c2 = f64x2.splat(0);
      let pa = a + <usize>i * aRowB;
      let qb = packB + <usize>(j >> 2) * panelB;
      const end = qb + panelB;
      while (qb < end) {
        const ai = v128.load64_splat(pa);
        c0 = f64x2.add(c0, f64x2.mul(ai, v128.load(qb)));
        c2 = f64x2.add(c2, f64x2.mul(ai, v128.load(qb, 16)));
        pa += aColB;
        qb += 32;
      }
      const o = c + (<usize>i * <usize>n + <usize>j) * 8;
      v128.store(o, f64x2.add(v128.load(o), c0));
      v128.store(o, f64x2.add(v128.load(o, 16), c2), 16);
    }
  }
  let j = n4;
  // The last n mod 4 columns, one dot product per element.
  for (; j < n; j++) {
    for (let i = 0; i < m; i++) {
      let sum: f64 = 0;
      let pa = a + <usize>i * aRowB;
      let pb = b + <usize>j * bColB;
      for (let p = 0; p < k; p++) {
        sum += load<f64>(pa) * load<f64>(pb);
        pa += aColB;
        pb += bRowB;
      }
      const o = c + (<usize>i * <usize>n + <usize>j) * 8;
      store<f64>(o, load<f64>(o) + sum);
    }
  }
}
