// The plane features the Playground feeds a network (x₁, x₂, their squares, product and sines): each formula at a
// point, the row layout, the canonical order, and the bad inputs.

import { describe, expect, test } from 'vitest';
import { PLANE_FEATURES, PLANE_FEATURE_INFO, orderPlaneFeatures, planeFeatures } from '../../../engine/index.ts';

describe('plane features', () => {
  test('each feature is its formula at the point', () => {
    const [x1, x2] = [0.7, -1.3];
    const expected = { x1, x2, x1sq: x1 * x1, x2sq: x2 * x2, x1x2: x1 * x2, sinx1: Math.sin(x1), sinx2: Math.sin(x2) };
    for (const name of PLANE_FEATURES) expect(PLANE_FEATURE_INFO[name].value(x1, x2), name).toBe(expected[name]);
  });

  test('rows hold the chosen features in the order given, one row per point', () => {
    const out = planeFeatures(['x1sq', 'x1x2', 'sinx2'], [1, 2, -3, 0.5]);
    expect(Array.from(out)).toEqual([1, 2, Math.sin(2), 9, -1.5, Math.sin(0.5)]);
  });

  test('orderPlaneFeatures keeps the canonical order and drops repeats', () => {
    expect(orderPlaneFeatures(['sinx1', 'x2', 'x1', 'x2'])).toEqual(['x1', 'x2', 'sinx1']);
    expect(() => orderPlaneFeatures(['x3'])).toThrow(/unknown feature "x3"/);
  });

  test('bad inputs are refused with a message', () => {
    expect(() => planeFeatures([], [1, 2])).toThrow(/at least one feature/);
    expect(() => planeFeatures(['x1'], [1, 2, 3])).toThrow(/two numbers per point/);
  });

  test('every label reads in Unicode and in TeX', () => {
    for (const name of PLANE_FEATURES) {
      expect(PLANE_FEATURE_INFO[name].label).toMatch(/x[₁₂]/);
      expect(PLANE_FEATURE_INFO[name].tex).toMatch(/x_[12]/);
    }
  });
});
