import { describe, expect, test } from 'vitest';
import { formatNumber, formatValue, superscript } from '../../../../../site/lesson/shared/graph/number-format.ts';

describe('how the graph widgets write numbers', () => {
  test('three significant digits, trailing zeros dropped, a true minus sign', () => {
    expect(formatNumber(0.0706234)).toBe('0.0706');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(-1.3456)).toBe('−1.35');
    expect(formatNumber(0.62245933, 4)).toBe('0.6225');
    expect(formatNumber(-0)).toBe('0');
  });

  test('tiny and huge magnitudes use an exponent; infinities and NaN are words', () => {
    expect(formatNumber(1.234e-7)).toBe('1.23e−7');
    expect(formatNumber(2.5e9)).toBe('2.5e9');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(NaN)).toBe('NaN');
  });

  test('vectors and matrices in brackets', () => {
    expect(formatValue([0.4, -0.25])).toBe('[0.4, −0.25]');
    expect(formatValue([[1, 2], [3, 4]])).toBe('[[1, 2], [3, 4]]');
  });

  test('exponents in superscript characters', () => {
    expect(superscript('2')).toBe('²');
    expect(superscript('−1')).toBe('⁻¹');
  });
});
