import { describe, expect, test } from 'vitest';
import { ACTIVATIONS, activationById } from '../../../../site/lesson/activation-explorer/catalogue.ts';
import { computeCurves, vanishingIntervals } from '../../../../site/lesson/activation-explorer/curves.ts';

describe('the activation explorer', () => {
  for (const activation of ACTIVATIONS) {
    const p = activation.parameter?.initial ?? 0;
    test(`${activation.name}: autograd and the lesson's derivative formula agree to 1e-12 on [−6, 6]`, () => {
      const curves = computeCurves(activation, p, 6);
      expect(curves.maxDifference).toBeLessThan(1e-12);
      expect(curves.x).toHaveLength(400);
    });

    test(`${activation.name}: autograd agrees with central differences of f to 1e-8 on [−6, 6]`, () => {
      const curves = computeCurves(activation, p, 6);
      expect(curves.numericDifference).toBeLessThan(1e-8);
    });
  }

  test('the grid never lands on the kink at zero', () => {
    expect(computeCurves(activationById('relu'), 0, 3).x.includes(0)).toBe(false);
  });

  test('ELU with α = 2 has slope 2eˣ on the left, from autograd', () => {
    const curves = computeCurves(activationById('elu'), 2, 2, 10);
    expect(curves.autograd[0]).toBeCloseTo(2 * Math.exp(-2), 12);
  });

  test('the sigmoid gradient vanishes (below 0.05) on both tails and nowhere near zero', () => {
    const curves = computeCurves(activationById('sigmoid'), 0, 6);
    const intervals = vanishingIntervals(curves.x, curves.autograd, 0.05);
    expect(intervals).toHaveLength(2);
    expect(intervals[0][0]).toBe(-6);
    expect(intervals[1][1]).toBe(6);
    // σ′(x) = 0.05 at |x| = ln((1 + √0.8)/(1 − √0.8)) ≈ 2.89.
    expect(intervals[0][1]).toBeCloseTo(-2.89, 1);
    expect(intervals[1][0]).toBeCloseTo(2.89, 1);
  });

  test('ReLU passes no gradient on the whole negative side', () => {
    const curves = computeCurves(activationById('relu'), 0, 4);
    const [[from, to]] = vanishingIntervals(curves.x, curves.autograd, 0.01);
    expect(from).toBe(-4);
    expect(to).toBeCloseTo(0, 1);
  });

  test('an unknown activation is a readable error', () => {
    expect(() => activationById('swishy')).toThrow(/unknown activation "swishy"/);
  });
});
