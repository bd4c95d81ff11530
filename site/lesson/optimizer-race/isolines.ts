// Contour lines of a surface by marching squares: the surface's value (the engine's closed form) sampled on a
// grid over its plotting window, then, for each level, one line segment through every grid cell whose corners
// lie on both sides of it, its ends placed by linear interpolation along the cell's edges. The race's worker
// computes them, so drawing a surface's contours costs the page only the SVG paths.

import type { Surface } from '../../../engine/surfaces.ts';

/** The contour lines of one level: segments as [x₁, y₁, x₂, y₂, …] in the surface's coordinates. */
export interface Isoline {
  level: number;
  segments: number[];
}

/** Which two edges each corner pattern joins (corner bits: a (i, j) 1, b (i + 1, j) 2, c (i + 1, j + 1) 4, d (i, j + 1) 8; edges 0 a–b, 1 b–c, 2 d–c, 3 a–d). */
const CASES: readonly (readonly [number, number][])[] = [
  [],
  [[3, 0]],
  [[0, 1]],
  [[3, 1]],
  [[1, 2]],
  [[3, 0], [1, 2]],
  [[0, 2]],
  [[3, 2]],
  [[2, 3]],
  [[0, 2]],
  [[0, 1], [2, 3]],
  [[1, 2]],
  [[1, 3]],
  [[0, 1]],
  [[0, 3]],
  [],
];

/** The values of a surface on an nx × ny grid over its domain, row by row (y outer), and the grid's spacing. */
export function sampleSurface(surface: Surface, nx: number, ny: number): Float64Array {
  const { x, y } = surface.domain;
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const py = y[0] + ((y[1] - y[0]) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) values[j * nx + i] = surface.value(x[0] + ((x[1] - x[0]) * i) / (nx - 1), py);
  }
  return values;
}

/** The contour lines of `surface` at each level, from an nx × ny grid over its domain. */
export function isolines(surface: Surface, levels: readonly number[], nx = 161, ny = 121): Isoline[] {
  const values = sampleSurface(surface, nx, ny);
  const { x, y } = surface.domain;
  const sx = (x[1] - x[0]) / (nx - 1);
  const sy = (y[1] - y[0]) / (ny - 1);
  return levels.map((level) => {
    const segments: number[] = [];
    for (let j = 0; j < ny - 1; j++) {
      for (let i = 0; i < nx - 1; i++) {
        const a = values[j * nx + i];
        const b = values[j * nx + i + 1];
        const c = values[(j + 1) * nx + i + 1];
        const d = values[(j + 1) * nx + i];
        const index = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
        const pairs = CASES[index];
        if (pairs.length === 0) continue;
        // The point where the level crosses each edge, in grid units.
        const edge = (k: number): [number, number] => {
          const t = (from: number, to: number) => (level - from) / (to - from);
          if (k === 0) return [i + t(a, b), j];
          if (k === 1) return [i + 1, j + t(b, c)];
          if (k === 2) return [i + t(d, c), j + 1];
          return [i, j + t(a, d)];
        };
        for (const [p, q] of pairs) {
          const [i1, j1] = edge(p);
          const [i2, j2] = edge(q);
          segments.push(x[0] + i1 * sx, y[0] + j1 * sy, x[0] + i2 * sx, y[0] + j2 * sy);
        }
      }
    }
    return { level, segments };
  });
}
