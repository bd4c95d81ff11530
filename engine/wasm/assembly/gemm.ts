// The WebAssembly SIMD (f64x2) matrix-multiply kernel, in AssemblyScript. scripts/build-wasm.ts compiles it
// (asc --enable simd) into engine/wasm/kernels.generated.ts; engine/ops/gemm.ts loads it and falls back to its
// JavaScript kernel where WebAssembly SIMD is missing.
//
// It computes what the JavaScript kernel computes, in the same order for every element of C: the products
// A(i, p) B(p, j) summed over p = 0, 1, ..., k − 1 from 0, each product rounded then added (WebAssembly has no
// fused multiply-add here), and the sum added to C(i, j) once. So its results are the JavaScript kernel's to the
// last bit, whatever the layout and the tiling.
//
// All addresses are byte offsets into the module's own memory, where the caller has copied A, B and C. The sum
// over p runs in blocks of KC values of p. For each block, every four rows of A are packed once (A(i..i+3, p) for
// the block's p, contiguous), then each panel of four columns of B (B(p, j..j+3), contiguous) is packed and meets
// every packed block of rows while it is still in the fastest cache; a 4 × 4 tile of sums is loaded before a block
// and stored after it, so each element's products are still added one after another from p = 0, and the sums are
// added to C once at the end. So the inner loop reads memory in order whatever the strides, no operand is packed
// twice, and the two panels the inner loop reads (4 KB each) stay in the level-1 cache, which an unblocked sum over
// k = 784 (25 KB each) does not. The 4 × 4 tile lives in eight f64x2 registers. (A 6 × 4 tile, twelve accumulators,
// measured slower: V8 spills them.)

/** How many values of p one block of the sum spans (a panel of 4 × KC float64 values is 4 KB); exported for the caller's scratch sizes. */
export const KC: usize = 128;

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

/**
 * The inner loop: a 4 × 4 tile of sums, rows `rowBytes` apart from `o`, plus the products of a packed block of four
 * rows of A (from qa) and a packed panel of four columns of B (from qb to endB), one p after another. The tile lives in
 * eight f64x2 registers between its load and its store. scripts/bench/assembly/ceiling.ts runs this same function on
 * panels in the level-1 cache to measure the arithmetic ceiling of the machine.
 */
@inline export function tile4x4(qa: usize, qb: usize, endB: usize, o: usize, rowBytes: usize): void {
  let c00 = v128.load(o), c02 = v128.load(o, 16);
  let c10 = v128.load(o + rowBytes), c12 = v128.load(o + rowBytes, 16);
  let c20 = v128.load(o + 2 * rowBytes), c22 = v128.load(o + 2 * rowBytes, 16);
  let c30 = v128.load(o + 3 * rowBytes), c32 = v128.load(o + 3 * rowBytes, 16);
  while (qb < endB) {
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
  v128.store(o, c00);
  v128.store(o, c02, 16);
  o += rowBytes;
  v128.store(o, c10);
  v128.store(o, c12, 16);
  o += rowBytes;
  v128.store(o, c20);
  v128.store(o, c22, 16);
  o += rowBytes;
  v128.store(o, c30);
  v128.store(o, c32, 16);
}

/**
 * C (m × n, row-major at c) = A B, or C += A B when accumulate is not 0; A(i, p) at a + 8 (i aRow + p aCol), B(p, j)
 * at b + 8 (p bRow + j bCol). Scratch: packA of (m − m mod 4) min(k, KC) values, packB of 4 min(k, KC) values, and
 * sums of m n values (used only when accumulating: otherwise C, filled with 0, holds the sums).
 */
export function gemm(
  m: i32, n: i32, k: i32,
  a: usize, aRow: i32, aCol: i32,
  b: usize, bRow: i32, bCol: i32,
  c: usize, accumulate: i32,
  packA: usize, packB: usize, sums: usize,
): void {
  const total = <usize>m * <usize>n * 8;
  // The sums start from 0. Without accumulation they are C itself: C = 0 + sum is the sum (a sum that starts from +0
  // is never −0), so this is the JavaScript kernel's result to the bit.
  const acc = accumulate == 0 ? c : sums;
  memory.fill(acc, 0, total);
  if (m == 0 || n == 0 || k == 0) return;
  const aRowB = <usize>aRow << 3;
  const aColB = <usize>aCol << 3;
  const bRowB = <usize>bRow << 3;
  const bColB = <usize>bCol << 3;
  const nB = <usize>n << 3;
  const n4 = n & ~3;
  const m4 = m & ~3;
  // One block of the sum at a time: p0 ≤ p < p0 + kk.
  for (let p0: usize = 0; p0 < <usize>k; p0 += KC) {
    const kk = min(KC, <usize>k - p0);
    const panel = kk * 32;
    const a0 = a + p0 * aColB;
    const b0 = b + p0 * bRowB;
    // Every four rows of A, packed once for the block: block q holds A(4q..4q+3, p), four values per p.
    for (let i = 0; i < m4; i += 4) packPanel(packA + <usize>(i >> 2) * panel, a0 + <usize>i * aRowB, aRowB, aColB, kk);
    for (let j = 0; j < n4; j += 4) {
      // B(p, j..j+3), packed once; it then meets every packed block of rows of A.
      packPanel(packB, b0 + <usize>j * bColB, bColB, bRowB, kk);
      const endB = packB + panel;
      for (let i = 0; i < m4; i += 4) {
        tile4x4(packA + <usize>(i >> 2) * panel, packB, endB, acc + (<usize>i * <usize>n + <usize>j) * 8, nB);
      }
      // The last m mod 4 rows, one row against the packed panel.
      for (let i = m4; i < m; i++) {
        const o = acc + (<usize>i * <usize>n + <usize>j) * 8;
        let c0 = v128.load(o), c2 = v128.load(o, 16);
        let pa = a0 + <usize>i * aRowB;
        let qb = packB;
        while (qb < endB) {
          const ai = v128.load64_splat(pa);
          c0 = f64x2.add(c0, f64x2.mul(ai, v128.load(qb)));
          c2 = f64x2.add(c2, f64x2.mul(ai, v128.load(qb, 16)));
          pa += aColB;
          qb += 32;
        }
        v128.store(o, c0);
        v128.store(o, c2, 16);
      }
    }
  }
  if (accumulate != 0) {
    // C += the sums, once per element, as the JavaScript kernel adds each element's sum once.
    for (let q: usize = 0; q < (total & ~15); q += 16) v128.store(c + q, f64x2.add(v128.load(c + q), v128.load(sums + q)));
    if (total & 15) store<f64>(c + total - 8, load<f64>(c + total - 8) + load<f64>(sums + total - 8));
  }
  // The last n mod 4 columns, one dot product per element.
  const kk = <usize>k;
  for (let j = n4; j < n; j++) {
    for (let i = 0; i < m; i++) {
      let sum: f64 = 0;
      let pa = a + <usize>i * aRowB;
      let pb = b + <usize>j * bColB;
      for (let p: usize = 0; p < kk; p++) {
        sum += load<f64>(pa) * load<f64>(pb);
        pa += aColB;
        pb += bRowB;
      }
      const o = c + (<usize>i * <usize>n + <usize>j) * 8;
      store<f64>(o, load<f64>(o) + sum);
    }
  }
}
