// The JavaScript matrix-multiply kernel: the fallback of the WebAssembly SIMD kernel (engine/wasm/) where
// WebAssembly SIMD is missing, and the faster of the two for small products (see gemm.ts).
//
// C (m × n) = A (m × k) · B (k × n), where A and B are read through strides, so a
// transposed operand is just a different pair of strides and is never copied
// element by element into a new matrix. The loop over k runs innermost and
// accumulates a 4 × 4 tile of C in local variables (registers), so every value
// loaded from A or B is used four times. B is first copied, four columns at a
// time, into a contiguous panel, so the inner loop reads memory in order
// whatever B's layout.

/** A dense kernel's signature: C = A B (or C += A B), A and B read through strides, C row-major m × n. */
export type Gemm = (
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  aRow: number,
  aCol: number,
  b: Float64Array,
  bRow: number,
  bCol: number,
  c: Float64Array,
  accumulate: boolean,
) => void;

let panel = new Float64Array(0);

/** Grows the reusable scratch panel to at least `length` values, so the kernel allocates only when a bigger product arrives. */
function scratch(length: number): Float64Array {
  if (panel.length < length) panel = new Float64Array(length);
  return panel;
}

/**
 * Computes C = A B (or C += A B when `accumulate` is true) with A(i, p) = a[i * aRow + p * aCol],
 * B(p, j) = b[p * bRow + j * bCol] and C row-major (m × n).
 */
export const gemmJs: Gemm = (m, n, k, a, aRow, aCol, b, bRow, bCol, c, accumulate) => {
  if (!accumulate) c.fill(0, 0, m * n);
  if (m === 0 || n === 0 || k === 0) return;
  const packed = scratch(4 * k);
  const aRow2 = 2 * aRow;
  const aRow3 = 3 * aRow;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    // Pack B(:, j..j+3) as k consecutive groups of four.
    for (let p = 0, src = j * bCol, dst = 0; p < k; p++, src += bRow, dst += 4) {
      packed[dst] = b[src];
      packed[dst + 1] = b[src + bCol];
      packed[dst + 2] = b[src + 2 * bCol];
      packed[dst + 3] = b[src + 3 * bCol];
    }
    let i = 0;
    for (; i + 3 < m; i += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let pa = i * aRow;
      for (let q = 0; q < 4 * k; q += 4) {
        const a0 = a[pa];
        const a1 = a[pa + aRow];
        const a2 = a[pa + aRow2];
        const a3 = a[pa + aRow3];
        const b0 = packed[q];
        const b1 = packed[q + 1];
        const b2 = packed[q + 2];
        const b3 = packed[q + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        pa += aCol;
      }
      let o = i * n + j;
      c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03;
      o += n;
      c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13;
      o += n;
      c[o] += c20; c[o + 1] += c21; c[o + 2] += c22; c[o + 3] += c23;
      o += n;
      c[o] += c30; c[o + 1] += c31; c[o + 2] += c32; c[o + 3] += c33;
    }
    // The last m mod 4 rows, one row against the packed four columns.
    for (; i < m; i++) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      let pa = i * aRow;
      for (let q = 0; q < 4 * k; q += 4) {
        const ai = a[pa];
        c0 += ai * packed[q];
        c1 += ai * packed[q + 1];
        c2 += ai * packed[q + 2];
        c3 += ai * packed[q + 3];
        pa += aCol;
      }
      const o = i * n + j;
      c[o] += c0; c[o + 1] += c1; c[o + 2] += c2; c[o + 3] += c3;
    }
  }
  // The last n mod 4 columns, one dot product per element.
  for (; j < n; j++) {
    for (let i = 0; i < m; i++) {
      let sum = 0;
      for (let p = 0, pa = i * aRow, pb = j * bCol; p < k; p++, pa += aCol, pb += bRow) sum += a[pa] * b[pb];
      c[i * n + j] += sum;
    }
  }
};
