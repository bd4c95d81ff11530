import { describe, expect, test } from 'vitest';
import { shortSolvedSentence, solvedSentence } from '../../../../site/lesson/exercise/progress-counts.ts';

describe('solved counts', () => {
  test('a chapter says how many of its exercises are solved', () => {
    expect(solvedSentence(3, 5)).toBe('3 of 5 exercises solved');
    expect(solvedSentence(0, 1)).toBe('0 of 1 exercise solved');
  });

  test('a section of the contents says it in few words, with a check mark once all are solved', () => {
    expect(shortSolvedSentence(1, 2)).toBe('1 of 2 solved');
    expect(shortSolvedSentence(2, 2)).toBe('✓ 2 of 2 solved');
  });
});
