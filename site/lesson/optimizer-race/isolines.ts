// Contour lines of a surface by marching squares (site/lesson/shared/marching-squares.ts): the surface's value
// (the engine's closed form) sampled on a grid over its plotting window, then, for each level, the segments
// through every grid cell whose corners lie on both sides of it, joined into polylines. The race's worker
// computes them and writes each level as an SVG path in grid units, so drawing a surface's contours costs the
// page one transform from the grid to the chart's pixels (linear scales), at any width, and no arithmetic.

import type { Surface } from '../../../engine/surfaces.ts';
import { gridContour, joinSegments } from '../shared/marching-squares.ts';

/** The grid the contours are computed on: nx samples across x, ny across y, over the surface's domain. */
export const CONTOUR_GRID = { nx: 161, ny: 121 } as const;

/** The contour lines of one level as an SVG path in grid units: (i, j) is the sample at x₀ + i·Δx, y₀ + j·Δy. */
export interface IsolinePath {
  level: number;
  d: string;
}

/** The values of a surface on an nx × ny grid over its domain, row by row (y outer). */
export function sampleSurface(surface: Surface, nx: number, ny: number): Float64Array {
  const { x, y } = surface.domain;
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const py = y[0] + ((y[1] - y[0]) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) values[j * nx + i] = surface.value(x[0] + ((x[1] - x[0]) * i) / (nx - 1), py);
  }
  return values;
}

/**
 * The contour lines of `surface` at each level as SVG paths in grid units, each level's segments joined into
 * polylines (a closed loop ends on its first point). Two decimals of a grid cell: under 0.1 px on a chart up to
 * 1,000 px wide.
 */
export function isolinePaths(surface: Surface, levels: readonly number[], nx: number = CONTOUR_GRID.nx, ny: number = CONTOUR_GRID.ny): IsolinePath[] {
  const values = sampleSurface(surface, nx, ny);
  const number = (v: number) => String(Math.round(v * 100) / 100);
  return levels.map((level) => {
    const lines = joinSegments(gridContour(values, nx, ny, level));
    const d = lines.map((line) => line.map(([i, j], k) => `${k === 0 ? 'M' : 'L'}${number(i)},${number(j)}`).join('')).join('');
    return { level, d };
  });
}

/**
 * The SVG transform that takes grid units to a chart's pixels, given where the domain's two corners land
 * (linear scales): x₀ ↦ left, x₁ ↦ right, y₀ ↦ bottom, y₁ ↦ top.
 */
export function gridTransform(corners: { left: number; right: number; bottom: number; top: number }, nx: number = CONTOUR_GRID.nx, ny: number = CONTOUR_GRID.ny): string {
  const a = (corners.right - corners.left) / (nx - 1);
  const d = (corners.top - corners.bottom) / (ny - 1);
  return `matrix(${a} 0 0 ${d} ${corners.left} ${corners.bottom})`;
}
