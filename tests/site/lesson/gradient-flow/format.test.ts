import { describe, expect, test } from 'vitest';
import { formatFactor, formatNorm, percent, spokenNorm } from '../../../../site/lesson/gradient-flow/format.ts';

describe('how the widget writes its numbers', () => {
  test('a factor: one decimal under 10, two significant digits with separators up to a million, then a power of ten', () => {
    expect(formatFactor(2.94)).toBe('2.9');
    expect(formatFactor(5)).toBe('5');
    expect(formatFactor(45.2)).toBe('45');
    expect(formatFactor(4520)).toBe('4,500');
    expect(formatFactor(45_200)).toBe('45,000');
    expect(formatFactor(3.94e13)).toBe('3.9 × 10¹³');
  });

  test('a norm on a bar is compact and parses back to itself within its two digits', () => {
    expect(formatNorm(1.94e-5)).toBe('1.9e-5');
    expect(formatNorm(120)).toBe('1.2e2');
    expect(formatNorm(0)).toBe('0');
    expect(formatNorm(NaN)).toBe('not finite');
    expect(formatNorm(Infinity)).toBe('not finite');
    for (const x of [3.3e-12, 0.07, 4.4e7]) expect(Math.abs(Number(formatNorm(x)) - x)).toBeLessThanOrEqual(0.05 * x);
  });

  test('a norm as a screen reader says it, and a share as a percentage', () => {
    expect(spokenNorm(1.94e-5)).toBe('1.9 × 10⁻⁵');
    expect(spokenNorm(2.5)).toBe('2.5');
    expect(spokenNorm(0)).toBe('0');
    expect(percent(0.375)).toBe('38%');
  });
});
