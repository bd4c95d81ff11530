import { describe, expect, test } from 'vitest';
import { formatCount, formatNumber, formatValue, superscript } from '../../../../../site/lesson/shared/graph/number-format.ts';

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

  test('counts are grouped in thousands as toLocaleString("en") groups them, without Intl', () => {
    for (const value of [0, 1, 12, 999, 1000, 1001, 12_345, 100_000, 1_234_567, 20_000_000, 1234.5, 0.25, 999_999.75]) {
      expect(formatCount(value), String(value)).toBe(value.toLocaleString('en', { maximumFractionDigits: 20 }));
    }
    expect(formatCount(-2000)).toBe('−2,000');
    expect(formatCount(-0)).toBe('0');
    expect(formatCount(Infinity)).toBe('∞');
    expect(formatCount(NaN)).toBe('NaN');
    expect(formatCount(1e21)).toBe('1e21');
  });
});
