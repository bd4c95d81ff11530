// Contour lines of a surface by marching squares (site/lesson/shared/marching-squares.ts): the surface's value
// (the engine's closed form) sampled on a grid over its plotting window, then, for each level, the segments
// through every grid cell whose corners lie on both sides of it. The race's worker
// computes them, so drawing a surface's contours costs the page only the SVG paths.

import type { Surface } from '../../../engine/surfaces.ts';
import { gridSegments } from '../shared/marching-squares.ts';

/** The contour lines of one level: segments as [x₁, y₁, x₂, y₂, …] in the surface's coordinates. */
export interface Isoline {
  level: number;
  segments: number[];
}

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
    const grid = gridSegments(values, nx, ny, level);
    const segments = grid.map((v, k) => (k % 2 === 0 ? x[0] + v * sx : y[0] + v * sy));
    return { level, segments };
  });
}
