// Small dense linear algebra on plain arrays: the eigenvalues of a symmetric 2×2 matrix in closed form (the engine's
// index and surfaces.ts re-export it), and the signs of a symmetric matrix's eigenvalues (its inertia), which say
// whether a critical point with that Hessian is a minimum, a maximum or a saddle (imported by path, for the lessons'
// build-time examples). The module imports nothing, so a page that needs only these (a numeric exercise's
// arithmetic) loads them without the tensors and optimizers.
//
// For A = [[a, b], [b, c]] the characteristic polynomial is λ² − (a + c) λ + (ac − b²), whose roots are
//   λ = (a + c)/2 ∓ √(((a − c)/2)² + b²).
//
// Sylvester's law of inertia: for an invertible P, A and P A Pᵀ have the same numbers of negative, zero and
// positive eigenvalues. Symmetric Gaussian elimination writes A = L D Lᵀ (after a symmetric permutation that puts
// the largest remaining diagonal entry first), so A's eigenvalue signs are the signs of D's diagonal: about n³/3
// multiply-adds, with no eigenvalue computed.

/** Eigenvalues (ascending) of the symmetric 2×2 matrix [[a, b], [b, c]]. */
export function symmetricEigenvalues2(m: readonly [readonly [number, number], readonly [number, number]]): [number, number] {
  const [[a, b], [b2, c]] = m;
  if (b !== b2) throw new RangeError(`symmetricEigenvalues2: the matrix is not symmetric (${b} ≠ ${b2})`);
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  return [mean - radius, mean + radius];
}

/** How many eigenvalues of a symmetric matrix are negative, zero and positive. */
export interface Inertia {
  negative: number;
  zero: number;
  positive: number;
}

/**
 * The inertia of the symmetric matrix `rows` (n rows of n numbers), by L D Lᵀ elimination with symmetric diagonal
 * pivoting. Throws a RangeError for a matrix that is not square and symmetric, and for one whose remaining block
 * has a zero diagonal but is not zero (such as [[0, 1], [1, 0]]), which would need 2×2 pivots.
 */
export function symmetricInertia(rows: readonly (readonly number[])[]): Inertia {
  const n = rows.length;
  rows.forEach((row, i) => {
    if (row.length !== n) throw new RangeError(`symmetricInertia: row ${i} has ${row.length} numbers, expected ${n} (a square matrix)`);
    for (let j = 0; j < i; j++) {
      if (row[j] !== rows[j][i]) throw new RangeError(`symmetricInertia: the matrix is not symmetric at (${i}, ${j}): ${row[j]} ≠ ${rows[j][i]}`);
    }
  });
  const a = rows.map((row) => Float64Array.from(row));
  const active = Array.from({ length: n }, (_, i) => i);
  const inertia: Inertia = { negative: 0, zero: 0, positive: 0 };
  while (active.length > 0) {
    // The remaining index with the largest |diagonal| is the pivot.
    let best = 0;
    for (let k = 1; k < active.length; k++) if (Math.abs(a[active[k]][active[k]]) > Math.abs(a[active[best]][active[best]])) best = k;
    const p = active[best];
    const pivot = a[p][p];
    active.splice(best, 1);
    if (pivot === 0) {
      // Every remaining diagonal entry is zero: the rest is either the zero block (all eigenvalues zero) or needs 2×2 pivots.
      if (active.some((i) => active.some((j) => a[i][j] !== 0)) || active.some((i) => a[p][i] !== 0)) {
        throw new RangeError('symmetricInertia: a zero diagonal with non-zero entries beside it needs 2×2 pivots, which this elimination does not take');
      }
      inertia.zero += active.length + 1;
      break;
    }
    if (pivot < 0) inertia.negative++;
    else inertia.positive++;
    // Schur complement: A ← A − a aᵀ / pivot on the remaining rows and columns.
    for (const i of active) {
      const factor = a[i][p] / pivot;
      if (factor === 0) continue;
      for (const j of active) a[i][j] -= factor * a[p][j];
    }
  }
  return inertia;
}
