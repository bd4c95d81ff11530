// The geometry the lessons' static figures are drawn with.

import { describe, expect, test } from 'vitest';
import { clipPolygon, contourLines, halfPlaneInBox, lineInBox, panel } from '../../lessons/examples/figures.ts';

describe('figure geometry', () => {
  test('a line is cut to the box at its two crossings', () => {
    expect(lineInBox(1, 1, -1, [0, 2], [0, 2])).toEqual([{ x: 0, y: 1 }, { x: 1, y: 0 }]);
    expect(lineInBox(1, 0, -0.5, [0, 1], [0, 1])).toEqual([{ x: 0.5, y: 0 }, { x: 0.5, y: 1 }]);
    expect(lineInBox(1, 1, 10, [0, 1], [0, 1])).toEqual([]);
  });

  test('the half-plane in the box is the polygon on the positive side, and clipping it again gives a band', () => {
    const half = halfPlaneInBox(1, 0, -0.5, [0, 1], [0, 1]);
    expect(half).toEqual([{ x: 0.5, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }, { x: 0.5, y: 1 }]);
    const band = clipPolygon(half, -1, 0, 0.75);
    expect(band.map((p) => p.x).sort()).toEqual([0.5, 0.5, 0.75, 0.75]);
  });

  test('a panel maps the domain onto its pixels and writes ticks with a true minus sign', () => {
    const p = panel({ label: 'test', x: { domain: [-1, 1], ticks: [-1, 0, 1], label: 'x' }, y: { domain: [0, 1], ticks: [0, 1], label: 'y' }, dots: [{ at: { x: -1, y: 0 }, shape: 'circle', color: 'accent', title: 'corner' }] });
    expect(p.dots[0]).toMatchObject({ x: 44, y: 260, title: 'corner' });
    expect(p.labels.map((l) => l.text)).toContain('−1');
  });
});

describe('contour lines', () => {
  test('the level set of x² + y² at 1 is one closed loop on the unit circle', () => {
    const lines = contourLines((x, y) => x * x + y * y, [-2, 2], [-2, 2], 1, 80);
    expect(lines).toHaveLength(1);
    const [loop] = lines;
    expect(loop.length).toBeGreaterThan(100);
    expect(loop[0]).toEqual(loop[loop.length - 1]);
    for (const p of loop) expect(Math.hypot(p.x, p.y)).toBeCloseTo(1, 2);
  });

  test('a level set that leaves the box is an open line from border to border, one per piece', () => {
    // x·y = 1 has two branches; in [0.2, 3]² only the upper-right one, ending on the border.
    const lines = contourLines((x, y) => x * y, [0.2, 3], [0.2, 3], 1, 50);
    expect(lines).toHaveLength(1);
    const line = lines[0];
    for (const p of line) expect(p.x * p.y).toBeCloseTo(1, 1);
    const onBorder = (p: { x: number; y: number }) => [p.x - 0.2, 3 - p.x, p.y - 0.2, 3 - p.y].some((d) => Math.abs(d) < 1e-9);
    expect(onBorder(line[0]) && onBorder(line[line.length - 1])).toBe(true);
    expect(contourLines((x, y) => x * y, [-1, 1], [-1, 1], 0.5, 40)).toHaveLength(2);
  });
});
