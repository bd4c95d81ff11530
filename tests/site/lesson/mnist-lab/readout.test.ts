import { describe, expect, test } from 'vitest';
import { describeProbabilities, formatBytes, formatPercent, formatSeconds } from '../../../../site/lesson/mnist-lab/readout.ts';

describe('the MNIST lab’s readouts', () => {
  test('percentages, seconds and sizes', () => {
    expect(formatPercent(0.9134)).toBe('91.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatSeconds(4186)).toBe('4.2 s');
    expect(formatSeconds(420)).toBe('0.42 s');
    expect(formatBytes(721941)).toBe('0.72 MB');
    expect(formatBytes(20480)).toBe('20 kB');
  });

  test('the three likeliest digits, in words', () => {
    const p = [0.01, 0, 0.02, 0, 0, 0, 0, 0.9, 0, 0.07];
    expect(describeProbabilities(p)).toBe('7: 90.0%, 9: 7.0%, 2: 2.0%');
  });
});
