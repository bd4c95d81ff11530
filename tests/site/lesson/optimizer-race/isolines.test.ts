import { describe, expect, test } from 'vitest';
import { CONTOUR_GRID, gridTransform, isolinePaths } from '../../../../site/lesson/optimizer-race/isolines.ts';
import { createSurface, type Surface } from '../../../../engine/surfaces.ts';

/** A path's polylines, each as points in the surface's coordinates (the path is in grid units). */
function polylines(surface: Surface, d: string, nx: number = CONTOUR_GRID.nx, ny: number = CONTOUR_GRID.ny): [number, number][][] {
  const { x, y } = surface.domain;
  return d
    .split('M')
    .filter((piece) => piece !== '')
    .map((piece) =>
      piece.split('L').map((point) => {
        const [i, j] = point.split(',').map(Number);
        return [x[0] + (i * (x[1] - x[0])) / (nx - 1), y[0] + (j * (y[1] - y[0])) / (ny - 1)] as [number, number];
      }),
    );
}

describe('contour lines by marching squares, as SVG paths in grid units', () => {
  test('on the quadratic bowl every point of the path lies on its level (the bowl is smooth, so interpolation is close)', () => {
    const surface = createSurface('quadratic', { condition: 4 });
    const [line] = isolinePaths(surface, [1], 201, 141);
    const points = polylines(surface, line.d, 201, 141).flat();
    expect(points.length).toBeGreaterThan(100);
    for (const [px, py] of points) expect(surface.value(px, py)).toBeCloseTo(1, 2);
  });

  test('a level below the minimum or above the maximum draws nothing', () => {
    const surface = createSurface('quadratic');
    const [below, above] = isolinePaths(surface, [-1, 1e9]);
    expect(below).toEqual({ level: -1, d: '' });
    expect(above).toEqual({ level: 1e9, d: '' });
  });

  test('the circle x² + y² = 2 · 0.537 (κ = 1) is one closed polyline: it ends on its first point', () => {
    const surface = createSurface('quadratic', { condition: 1 });
    const [line] = isolinePaths(surface, [0.537], 61, 41);
    const lines = polylines(surface, line.d, 61, 41);
    expect(lines).toHaveLength(1);
    expect(lines[0].length).toBeGreaterThan(20);
    expect(lines[0].at(-1)).toEqual(lines[0][0]);
  });

  test('coordinates are written with at most two decimals of a grid cell', () => {
    const [line] = isolinePaths(createSurface('rosenbrock'), [10]);
    expect(line.d).toMatch(/^(?:[ML]\d+(?:\.\d{1,2})?,\d+(?:\.\d{1,2})?)+$/);
  });

  test('the grid transform takes grid corners to the chart corners it is given', () => {
    const transform = gridTransform({ left: 40, right: 400, bottom: 300, top: 20 }, 161, 121);
    const [a, b, c, d, e, f] = transform.slice('matrix('.length, -1).split(' ').map(Number);
    const apply = (i: number, j: number) => [a * i + c * j + e, b * i + d * j + f];
    expect(apply(0, 0)).toEqual([40, 300]);
    expect(apply(160, 120)[0]).toBeCloseTo(400, 10);
    expect(apply(160, 120)[1]).toBeCloseTo(20, 10);
    expect(b).toBe(0);
    expect(c).toBe(0);
  });
});
