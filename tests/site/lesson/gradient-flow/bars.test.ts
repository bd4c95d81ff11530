import { describe, expect, test } from 'vitest';
import { MAX_TICKS, MIN_DECADES, barPercent, logScale, tickExponents } from '../../../../site/lesson/gradient-flow/bars.ts';

describe('the bars’ log scale', () => {
  test('whole decades from the smallest norm to the largest', () => {
    expect(logScale([1.9e-5, 0.3, 0.86])).toEqual({ low: -5, high: 0 });
  });

  test('norms close together still get at least three decades, widened downwards first', () => {
    const scale = logScale([0.02, 0.05]);
    expect(scale.high - scale.low).toBe(MIN_DECADES);
    expect(scale).toEqual({ low: -4, high: -1 });
  });

  test('zero and non-finite norms are left out of the scale and get no bar', () => {
    const scale = logScale([0, NaN, 1e-3, 1e-1]);
    expect(scale).toEqual({ low: -4, high: -1 });
    expect(barPercent(0, scale)).toBe(0);
    expect(barPercent(Infinity, scale)).toBe(0);
    expect(logScale([0, 0])).toEqual({ low: -MIN_DECADES, high: 0 });
  });

  test('a bar’s length is the norm’s place between the decades; the smallest still shows', () => {
    const scale = { low: -6, high: 0 };
    expect(barPercent(1, scale)).toBe(100);
    expect(barPercent(1e-3, scale)).toBeCloseTo(50, 12);
    expect(barPercent(1e-6, scale)).toBe(0.5);
    // Ten times the norm is the same step anywhere on the scale.
    expect(barPercent(1e-2, scale) - barPercent(1e-3, scale)).toBeCloseTo(barPercent(1e-4, scale) - barPercent(1e-5, scale), 12);
  });

  test('at most six labelled decades, starting at the low end', () => {
    expect(tickExponents({ low: -3, high: 0 })).toEqual([-3, -2, -1, 0]);
    // A narrow axis asks for fewer: every second decade, then every fourth; never fewer than two labels.
    expect(tickExponents({ low: -3, high: 4 }, 4)).toEqual([-3, -1, 1, 3]);
    expect(tickExponents({ low: -3, high: 4 }, 2)).toEqual([-3, 1]);
    expect(tickExponents({ low: -3, high: 4 }, 0)).toEqual([-3, 1]);
    const wide = tickExponents({ low: -15, high: 0 });
    expect(wide.length).toBeLessThanOrEqual(MAX_TICKS);
    expect(wide[0]).toBe(-15);
    expect(wide).toEqual([-15, -12, -9, -6, -3, 0]);
  });
});
