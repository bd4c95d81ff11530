import { describe, expect, test } from 'vitest';
import { DEFAULT_FREQUENCIES, FREQUENCY_CHOICES, HIDDEN_LAYERS, inputWidth, layerSizes, networkName, networkSummary } from '../../../../site/lesson/position-to-colour/network.ts';
import { encodePositions } from '../../../../engine/data/positional-encoding.ts';
import { pixelPositions } from '../../../../site/lesson/position-to-colour/picture.ts';

describe('the position-to-colour networks', () => {
  test('take 2 inputs without the encoding and 2 · (1 + 2L) with it, through three hidden layers of 64 to 3 outputs', () => {
    expect(inputWidth({ encoding: false, frequencies: 6 })).toBe(2);
    expect(inputWidth({ encoding: true, frequencies: 6 })).toBe(26);
    expect(inputWidth({ encoding: true, frequencies: 1 })).toBe(6);
    expect(layerSizes({ encoding: true, frequencies: 6 })).toEqual([26, 64, 64, 64, 3]);
    expect(HIDDEN_LAYERS).toEqual([64, 64, 64]);
    expect(FREQUENCY_CHOICES).toContain(DEFAULT_FREQUENCIES);
  });

  test('the summary names the input width and the layers', () => {
    expect(networkSummary({ encoding: false, frequencies: 6 })).toBe('(x, y): 2 inputs → 64 → 64 → 64 ReLU → 3 sigmoid (R, G, B)');
    expect(networkSummary({ encoding: true, frequencies: 6 })).toBe(
      'γ(x), γ(y): 26 inputs (x and y, and the sine and cosine of each at 6 octaves) → 64 → 64 → 64 ReLU → 3 sigmoid (R, G, B)',
    );
    expect(networkName({ encoding: true, frequencies: 4 })).toBe('with encoding (L = 4)');
    expect(networkName({ encoding: false, frequencies: 4 })).toBe('without encoding');
  });

  test('on the 64-pixel grid, the sixth octave alternates ±1 and the seventh and eighth are constant, as network.ts says', () => {
    const positions = pixelPositions(64);
    const encoded = encodePositions(positions, 2, { frequencies: 8, includeInput: false });
    const width = 2 * 8 * 2;
    // Row 0's pixels: x = (i + ½)/64 for i = 0 … 63; γ(x)'s k-th pair sits at 2k, 2k + 1.
    const pair = (k: number) => Array.from({ length: 64 }, (_, i) => [encoded[i * width + 2 * k], encoded[i * width + 2 * k + 1]]);
    pair(5).forEach(([s, c], i) => {
      expect(s).toBeCloseTo(i % 2 === 0 ? 1 : -1, 12);
      expect(c).toBeCloseTo(0, 12);
    });
    for (const [s, c] of pair(6)) expect([s, c].map((v) => Number(v.toFixed(9)) + 0)).toEqual([0, -1]);
    for (const [s, c] of pair(7)) expect([s, c].map((v) => Number(v.toFixed(9)) + 0)).toEqual([0, 1]);
  });
});
