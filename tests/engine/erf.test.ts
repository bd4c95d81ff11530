import { describe, expect, test } from 'vitest';
import { erf, erfc } from '../../engine/erf.ts';

/** ∫₀ˣ 2/√π e^(-t²) dt by composite Simpson's rule with n (even) intervals. */
function simpson(x: number, n = 20_000): number {
  const f = (t: number) => (2 / Math.sqrt(Math.PI)) * Math.exp(-t * t);
  const h = x / n;
  let total = f(0) + f(x);
  for (let i = 1; i < n; i++) total += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return (total * h) / 3;
}

describe('erf', () => {
  test('erf equals the integral of the Gaussian density that defines it', () => {
    // Simpson's rule with 20,000 intervals is itself accurate to a few parts in 10¹⁵.
    for (const x of [0.1, 0.5, 0.9, 1.3, 2, 2.9, 3.1, 4, 5]) expect(Math.abs(erf(x) - simpson(x))).toBeLessThan(1e-14);
  });

  test('erf is odd, bounded by ±1, and 0 at 0', () => {
    expect(erf(0)).toBe(0);
    for (const x of [0.3, 1.7, 3.5, 8]) expect(erf(-x)).toBe(-erf(x));
    expect(erf(10)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(Number.isNaN(erf(NaN))).toBe(true);
  });

  test('erf + erfc = 1 and erfc keeps its relative accuracy in the tail', () => {
    for (const x of [-2, -0.5, 0, 0.4, 0.6, 1.5, 2.5, 4]) expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(2e-15);
    // erfc(x) ~ e^(-x²) / (x √π) (1 - 1/(2x²) + 3/(4x⁴)) for large x.
    const x = 10;
    const asymptotic = (Math.exp(-x * x) / (x * Math.sqrt(Math.PI))) * (1 - 1 / (2 * x * x) + 3 / (4 * x ** 4) - 15 / (8 * x ** 6));
    expect(Math.abs(erfc(x) / asymptotic - 1)).toBeLessThan(1e-7);
  });

  test('erf is monotone across the switch between its series and its continued fraction', () => {
    let previous = erf(2.99);
    for (let x = 2.991; x < 3.01; x += 0.001) {
      const v = erf(x);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
    }
  });
});
