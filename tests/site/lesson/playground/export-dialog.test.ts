import { describe, expect, test } from 'vitest';
import { SCRIPT_FILE, nextFocus, scriptSummary } from '../../../../site/lesson/playground/export-dialog.ts';

describe('the export dialog', () => {
  test('Tab and Shift+Tab cycle through the dialog and wrap around, so focus never leaves it', () => {
    expect([0, 1, 2, 3].map((i) => nextFocus(i, 4, false))).toEqual([1, 2, 3, 0]);
    expect([0, 1, 2, 3].map((i) => nextFocus(i, 4, true))).toEqual([3, 0, 1, 2]);
    // From outside the dialog's elements: the first forwards, the last backwards.
    expect(nextFocus(-1, 4, false)).toBe(0);
    expect(nextFocus(-1, 4, true)).toBe(3);
    expect(nextFocus(0, 0, false)).toBe(-1);
  });

  test('the summary says how many epochs, lines and kilobytes the script holds', () => {
    expect(scriptSummary(1, 'a\nb\nc')).toBe('The run so far, 1 epoch: 3 lines of Python (1 KB).');
    expect(scriptSummary(12, 'x'.repeat(30_000))).toBe('The run so far, 12 epochs: 1 line of Python (29 KB).');
  });

  test('the file is the one the dialog tells the reader to run', () => {
    expect(SCRIPT_FILE).toBe('playground-run.py');
  });
});
