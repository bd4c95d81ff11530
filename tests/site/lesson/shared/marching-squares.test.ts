import { describe, expect, test } from 'vitest';
import { gridContour, gridSegments, joinSegments } from '../../../../site/lesson/shared/marching-squares.ts';

/** f sampled at the integer points of an nx × ny grid, row by row. */
function grid(f: (i: number, j: number) => number, nx: number, ny: number): Float64Array {
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[j * nx + i] = f(i, j);
  return values;
}

describe('marching squares', () => {
  test('a plane’s level set is the straight line where it equals the level, interpolated along each cut edge', () => {
    // f = i + j: the level 2.5 is the line i + j = 2.5, crossing the 4 × 4 grid's cells on the anti-diagonal band.
    const segments = gridSegments(grid((i, j) => i + j, 4, 4), 4, 4, 2.5);
    expect(segments.length % 4).toBe(0);
    for (let k = 0; k < segments.length; k += 2) expect(segments[k] + segments[k + 1]).toBeCloseTo(2.5, 12);
    const [line] = joinSegments(gridContour(grid((i, j) => i + j, 4, 4), 4, 4, 2.5));
    expect(line[0][0] + line[0][1]).toBeCloseTo(2.5, 12);
    expect(line).toHaveLength(segments.length / 4 + 1);
  });

  test('a bowl’s level set is one closed loop, its first point repeated at the end', () => {
    const n = 41;
    const contour = gridContour(grid((i, j) => (i - 20) ** 2 + (j - 20) ** 2, n, n), n, n, 100);
    const lines = joinSegments(contour);
    expect(lines).toHaveLength(1);
    expect(lines[0][0]).toEqual(lines[0][lines[0].length - 1]);
    for (const [i, j] of lines[0]) expect(Math.hypot(i - 20, j - 20)).toBeCloseTo(10, 0);
  });

  test('a saddle cell joins the corners above across its centre when the centre is above, and apart when below', () => {
    // Samples row by row (a, b, d, c): a (0, 0) and c (1, 1) above the level 0, b and d below; the centre decides.
    const cell = (centreAbove: boolean) => gridSegments(centreAbove ? [1, -0.5, -0.5, 1] : [0.5, -1, -1, 0.5], 2, 2, 0);
    const endsNear = (segments: number[], corner: [number, number]) =>
      [0, 1].some((s) => [0, 1].every((e) => Math.hypot(segments[4 * s + 2 * e] - corner[0], segments[4 * s + 2 * e + 1] - corner[1]) < 0.8));
    // Centre above: each segment cuts off one corner below, b (1, 0) or d (0, 1).
    expect(endsNear(cell(true), [1, 0])).toBe(true);
    expect(endsNear(cell(true), [0, 1])).toBe(true);
    // Centre below: each segment cuts off one corner above, a (0, 0) or c (1, 1).
    expect(endsNear(cell(false), [0, 0])).toBe(true);
    expect(endsNear(cell(false), [1, 1])).toBe(true);
  });

  test('a level passing exactly through samples still joins into one piece per branch', () => {
    // x·y = 0.5 on [−1, 1]² sampled every 0.05 passes through samples such as (0.5, 1): two branches.
    const n = 41;
    const values = grid((i, j) => (-1 + i / 20) * (-1 + j / 20), n, n);
    expect(joinSegments(gridContour(values, n, n, 0.5))).toHaveLength(2);
  });

  test('a grid of the wrong size is refused', () => {
    expect(() => gridSegments([1, 2, 3], 2, 2, 0)).toThrow(/3 values for a 2 × 2 grid/);
  });
});
