// The claims lesson 1 makes about its picture, checked against the module that computes it.

import { describe, expect, test } from 'vitest';
import { andBoundaryFigure, andData, andRun } from '../../lessons/examples/perceptron.ts';

describe('lesson 1: the learned AND boundary', () => {
  test('the rule ends with weights that separate AND, and the picture draws the four corners with their labels', () => {
    const [w1, w2] = andRun.wFinal;
    for (const p of andData) expect(p.y * (w1 * p.x[0] + w2 * p.x[1] + andRun.bFinal)).toBeGreaterThan(0);
    expect(andBoundaryFigure.dots.map((d) => d.shape)).toEqual(['square', 'square', 'square', 'circle']);
    expect(andBoundaryFigure.dots[3].title).toMatch(/^\(1, 1\): label \+1, score /);
    expect(andBoundaryFigure.label).toContain(`${w1} x₁ + ${w2} x₂`);
  });
});
