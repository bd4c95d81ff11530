import { describe, expect, test } from 'vitest';
import { isolines } from '../../../../site/lesson/optimizer-race/isolines.ts';
import { createSurface } from '../../../../engine/surfaces.ts';

describe('contour lines by marching squares', () => {
  test('on the quadratic bowl every segment end lies on its level (the bowl is smooth, so interpolation is close)', () => {
    const surface = createSurface('quadratic', { condition: 4 });
    const [line] = isolines(surface, [1], 201, 141);
    expect(line.segments.length).toBeGreaterThan(100);
    for (let k = 0; k < line.segments.length; k += 2) expect(surface.value(line.segments[k], line.segments[k + 1])).toBeCloseTo(1, 2);
  });

  test('a level below the minimum or above the maximum draws nothing', () => {
    const surface = createSurface('quadratic');
    const [below, above] = isolines(surface, [-1, 1e9]);
    expect(below.segments).toEqual([]);
    expect(above.segments).toEqual([]);
  });

  test('the circle x² + y² = 2 · 0.537 (κ = 1) is closed: every segment end is shared with another segment', () => {
    const surface = createSurface('quadratic', { condition: 1 });
    const [line] = isolines(surface, [0.537], 61, 41);
    const ends = new Map<string, number>();
    for (let k = 0; k < line.segments.length; k += 2) {
      const key = `${line.segments[k].toFixed(9)},${line.segments[k + 1].toFixed(9)}`;
      ends.set(key, (ends.get(key) ?? 0) + 1);
    }
    expect([...ends.values()].every((count) => count === 2)).toBe(true);
  });
});
