// Regression over the plane (TensorFlow Playground's two regression tasks): the surfaces' values, the sampling, the
// noise, the seed, and the bad options.

import { describe, expect, test } from 'vitest';
import { planeRegression, planeRegressionTarget } from '../../../engine/index.ts';
import { BUMPS } from '../../../engine/data/plane-regression.ts';

describe('regression over the plane', () => {
  test("'plane' is (x₁ + x₂)/2 and 'bumps' peaks at +1 or −1 at each bump's centre", () => {
    const plane = planeRegressionTarget('plane');
    expect(plane(0.5, -0.1)).toBeCloseTo(0.2, 15);
    const bumps = planeRegressionTarget('bumps');
    for (const [c1, c2, height] of BUMPS) expect(Math.abs(bumps(c1, c2) - height)).toBeLessThan(0.1);
    expect(Math.abs(bumps(0, 0))).toBeLessThan(0.3);
  });

  test('n points in [-1, 1]², their targets the surface plus noise, the same for the same seed', () => {
    const clean = planeRegression('bumps', { n: 300, seed: 4 });
    expect(clean.x).toHaveLength(300);
    const target = planeRegressionTarget('bumps');
    clean.x.forEach(([x1, x2], i) => {
      expect(Math.abs(x1) <= 1 && Math.abs(x2) <= 1).toBe(true);
      expect(clean.y[i]).toBe(target(x1, x2));
    });
    const noisy = planeRegression('bumps', { n: 300, seed: 4, noise: 0.1 });
    expect(noisy).toEqual(planeRegression('bumps', { n: 300, seed: 4, noise: 0.1 }));
    const residuals = noisy.y.map((y, i) => y - target(noisy.x[i][0], noisy.x[i][1]));
    const std = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
    expect(std).toBeGreaterThan(0.07);
    expect(std).toBeLessThan(0.13);
  });

  test('bad options are refused with a message', () => {
    expect(() => planeRegression('plane', { n: 0 })).toThrow(/n must be a positive whole number/);
    expect(() => planeRegression('plane', { noise: -1 })).toThrow(/standard deviation/);
    expect(() => planeRegressionTarget('cone' as 'plane')).toThrow(/unknown shape 'cone'/);
  });
});
