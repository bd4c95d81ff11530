// Small dense linear algebra on plain arrays, for the lessons' build-time examples: the signs of a symmetric
// matrix's eigenvalues (its inertia), which say whether a critical point with that Hessian is a minimum, a maximum
// or a saddle. Imported by path; not part of the public index.
//
// Sylvester's law of inertia: for an invertible P, A and P A Pᵀ have the same numbers of negative, zero and
// positive eigenvalues. Symmetric Gaussian elimination writes A = L D Lᵀ (after a symmetric permutation that puts
// the largest remaining diagonal entry first), so A's eigenvalue signs are the signs of D's diagonal: about n³/3
// multiply-adds, with no eigenvalue computed.

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
