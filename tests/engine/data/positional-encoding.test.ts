import { describe, expect, test } from 'vitest';
import { encodePositions, encodedWidth, positionalEncoding } from '../../../engine/data/positional-encoding.ts';
import * as engine from '../../../engine/index.ts';

describe('the positional encoding γ(p)', () => {
  test('γ(p) is p, then sin and cos of 2π·2^k·p for k = 0 … L−1', () => {
    const p = 0.3;
    const expected = [p];
    for (let k = 0; k < 4; k++) expected.push(Math.sin(2 * Math.PI * 2 ** k * p), Math.cos(2 * Math.PI * 2 ** k * p));
    expect(positionalEncoding(p, { frequencies: 4 })).toEqual(expected);
    // Without the input, the same sines and cosines alone.
    expect(positionalEncoding(p, { frequencies: 4, includeInput: false })).toEqual(expected.slice(1));
  });

  test('known values: at p = 1/4 the first octave is (1, 0), the second (0, −1), the third (0, 1)', () => {
    const [p, ...rest] = positionalEncoding(0.25, { frequencies: 3 });
    expect(p).toBe(0.25);
    const expected = [1, 0, 0, -1, 0, 1];
    rest.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 14));
  });

  test('each octave doubles the frequency: its pair is periodic with period 2^−k, and sin² + cos² = 1', () => {
    const L = 6;
    for (const p of [0, 0.1, 0.37, 0.5, 0.93]) {
      const here = positionalEncoding(p, { frequencies: L, includeInput: false });
      for (let k = 0; k < L; k++) {
        const shifted = positionalEncoding(p + 2 ** -k, { frequencies: L, includeInput: false });
        expect(shifted[2 * k]).toBeCloseTo(here[2 * k], 12);
        expect(shifted[2 * k + 1]).toBeCloseTo(here[2 * k + 1], 12);
        expect(here[2 * k] ** 2 + here[2 * k + 1] ** 2).toBeCloseTo(1, 14);
      }
    }
  });

  test('with L = 0 only the coordinate is left; an empty encoding or a bad L is refused', () => {
    expect(positionalEncoding(0.7, { frequencies: 0 })).toEqual([0.7]);
    expect(() => positionalEncoding(0.7, { frequencies: 0, includeInput: false })).toThrow(/empty/);
    expect(() => positionalEncoding(0.7, { frequencies: 1.5 })).toThrow(/whole number/);
    expect(() => positionalEncoding(0.7, { frequencies: -1 })).toThrow(/whole number/);
  });
});

describe('encoding a matrix of positions', () => {
  test('the width is d · (1 + 2L) with the input and d · 2L without', () => {
    expect(encodedWidth(2, { frequencies: 6 })).toBe(26);
    expect(encodedWidth(2, { frequencies: 6, includeInput: false })).toBe(24);
    expect(encodedWidth(3, { frequencies: 10 })).toBe(63);
    expect(() => encodedWidth(0, { frequencies: 2 })).toThrow(/dimensions/);
  });

  test('each row becomes [γ(x), γ(y)], row-major, rows × width', () => {
    const points = [0.1, 0.2, 0.55, 0.9, 1, 0];
    const options = { frequencies: 3 };
    const out = encodePositions(points, 2, options);
    const width = encodedWidth(2, options);
    expect(out).toBeInstanceOf(Float64Array);
    expect(out.length).toBe(3 * width);
    for (let r = 0; r < 3; r++) {
      const row = Array.from(out.subarray(r * width, (r + 1) * width));
      expect(row).toEqual([...positionalEncoding(points[2 * r], options), ...positionalEncoding(points[2 * r + 1], options)]);
    }
  });

  test('a list that is not whole rows is refused', () => {
    expect(() => encodePositions([0.1, 0.2, 0.3], 2, { frequencies: 2 })).toThrow(/whole rows/);
  });

  test('the engine index exports it', () => {
    expect(engine.positionalEncoding).toBe(positionalEncoding);
    expect(engine.encodePositions).toBe(encodePositions);
    expect(engine.encodedWidth).toBe(encodedWidth);
  });
});
