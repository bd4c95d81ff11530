// The eigenvalues of a symmetric 2×2 matrix in closed form. Its own module, importing nothing, so that a page
// that needs only this (a numeric exercise's arithmetic) loads it without the tensors and optimizers;
// surfaces.ts and the engine's index re-export it.
//
// For A = [[a, b], [b, c]] the characteristic polynomial is λ² − (a + c) λ + (ac − b²), whose roots are
//   λ = (a + c)/2 ∓ √(((a − c)/2)² + b²).

/** Eigenvalues (ascending) of the symmetric 2×2 matrix [[a, b], [b, c]]. */
export function symmetricEigenvalues2(m: readonly [readonly [number, number], readonly [number, number]]): [number, number] {
  const [[a, b], [b2, c]] = m;
  if (b !== b2) throw new RangeError(`symmetricEigenvalues2: the matrix is not symmetric (${b} ≠ ${b2})`);
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  return [mean - radius, mean + radius];
}
