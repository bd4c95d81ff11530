import { describe, expect, test } from 'vitest';
import { keyIntent, offsetAt, pendingChange, type RowMoves } from '../../../../site/lesson/cell/edit-intent.ts';

const key = (name: string, modifiers: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing: boolean }> = {}) => ({
  key: name,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('a key pressed in the static code, before the editor is in', () => {
  test('Shift+Enter, Ctrl+Enter and Cmd+Enter run the code', () => {
    expect(keyIntent(key('Enter', { shiftKey: true }))).toEqual({ kind: 'run' });
    expect(keyIntent(key('Enter', { ctrlKey: true }))).toEqual({ kind: 'run' });
    expect(keyIntent(key('Enter', { metaKey: true }))).toEqual({ kind: 'run' });
  });

  test('a character, a space or Enter is typed, to be inserted once the editor is in', () => {
    expect(keyIntent(key('a'))).toEqual({ kind: 'type', text: 'a' });
    expect(keyIntent(key('A', { shiftKey: true }))).toEqual({ kind: 'type', text: 'A' });
    expect(keyIntent(key(' '))).toEqual({ kind: 'type', text: ' ' });
    expect(keyIntent(key('é'))).toEqual({ kind: 'type', text: 'é' });
    expect(keyIntent(key('Enter'))).toEqual({ kind: 'type', text: '\n' });
  });

  test('Backspace and Delete delete a character; with Ctrl or Alt (a word) they are left to the browser', () => {
    expect(keyIntent(key('Backspace'))).toEqual({ kind: 'delete', forward: false });
    expect(keyIntent(key('Delete'))).toEqual({ kind: 'delete', forward: true });
    expect(keyIntent(key('Backspace', { ctrlKey: true }))).toEqual({ kind: 'other' });
    expect(keyIntent(key('Delete', { altKey: true }))).toEqual({ kind: 'other' });
  });

  test('the arrow keys move the caret; with Shift (a selection) they are left to the browser', () => {
    expect(keyIntent(key('ArrowLeft'))).toEqual({ kind: 'move', move: 'left' });
    expect(keyIntent(key('ArrowRight'))).toEqual({ kind: 'move', move: 'right' });
    expect(keyIntent(key('ArrowUp'))).toEqual({ kind: 'move', move: 'up' });
    expect(keyIntent(key('ArrowDown'))).toEqual({ kind: 'move', move: 'down' });
    expect(keyIntent(key('ArrowDown', { shiftKey: true }))).toEqual({ kind: 'other' });
    expect(keyIntent(key('ArrowLeft', { altKey: true }))).toEqual({ kind: 'other' });
  });

  test('Tab, Home, shortcuts and a composition in progress are left to the browser', () => {
    for (const event of [key('Tab'), key('Home'), key('Shift', { shiftKey: true }), key('c', { ctrlKey: true }), key('v', { metaKey: true }), key('a', { isComposing: true })]) {
      expect(keyIntent(event)).toEqual({ kind: 'other' });
    }
  });
});

describe('the offset of a line and column in the code', () => {
  const code = 'ab\ncde\n\nf';

  test('counts the line breaks before the line', () => {
    expect(offsetAt(code, 0, 0)).toBe(0);
    expect(offsetAt(code, 1, 2)).toBe(5);
    expect(offsetAt(code, 2, 0)).toBe(7);
    expect(offsetAt(code, 3, 1)).toBe(9);
  });

  test('clamps a column past the line to its end, and a line past the code to the code\'s end', () => {
    expect(offsetAt(code, 0, 10)).toBe(2);
    expect(offsetAt(code, 9, 0)).toBe(code.length);
    expect(offsetAt(code, -1, 3)).toBe(0);
  });
});

describe('the change made by edits before the editor was in', () => {
  const code = 'abcdef';
  /** The code after a request's change. */
  const apply = (source: string, change: { from: number; to: number; insert: string }) => source.slice(0, change.from) + change.insert + source.slice(change.to);

  test('typing and pasting insert at the caret; nothing is a change of nothing', () => {
    expect(pendingChange(code, 2, [])).toEqual({ from: 2, to: 2, insert: '', caret: 2 });
    expect(pendingChange(code, 2, [{ insert: 'x' }, { insert: 'yz' }])).toEqual({ from: 2, to: 2, insert: 'xyz', caret: 5 });
  });

  test('Backspace takes back what was typed first, then deletes before the caret, never past the start', () => {
    expect(pendingChange(code, 2, [{ insert: 'xy' }, { delete: 'backward' }])).toEqual({ from: 2, to: 2, insert: 'x', caret: 3 });
    expect(pendingChange(code, 2, [{ insert: 'x' }, { delete: 'backward' }, { delete: 'backward' }])).toEqual({ from: 1, to: 2, insert: '', caret: 1 });
    const many = Array.from({ length: 5 }, () => ({ delete: 'backward' as const }));
    expect(pendingChange(code, 2, many)).toEqual({ from: 0, to: 2, insert: '', caret: 0 });
    // A character outside the basic plane is taken back whole, typed or in the code.
    expect(apply(code, pendingChange(code, 0, [{ insert: 'a😀' }, { delete: 'backward' }]))).toBe('aabcdef');
    expect(apply('x😀y', pendingChange('x😀y', 3, [{ delete: 'backward' }]))).toBe('xy');
  });

  test('Delete deletes after the caret, never past the end, and typing after it still goes at the caret', () => {
    expect(pendingChange(code, 4, [{ delete: 'forward' }, { insert: 'Q' }])).toEqual({ from: 4, to: 5, insert: 'Q', caret: 5 });
    const many = Array.from({ length: 9 }, () => ({ delete: 'forward' as const }));
    expect(pendingChange(code, 4, many)).toEqual({ from: 4, to: 6, insert: '', caret: 4 });
  });

  test('a caret past the code is clamped to its end', () => {
    expect(pendingChange(code, 99, [{ delete: 'backward' }])).toEqual({ from: 5, to: 6, insert: '', caret: 5 });
  });

  test('← and → move by a character (a character outside the basic plane whole), stopping at the ends', () => {
    expect(pendingChange(code, 2, [{ move: 'right' }, { move: 'right' }, { insert: 'X' }])).toEqual({ from: 4, to: 4, insert: 'X', caret: 5 });
    expect(pendingChange(code, 1, [{ move: 'left' }, { move: 'left' }, { insert: 'X' }])).toEqual({ from: 0, to: 0, insert: 'X', caret: 1 });
    expect(apply('a😀b', pendingChange('a😀b', 1, [{ move: 'right' }, { insert: '|' }]))).toBe('a😀|b');
    // Moving alone changes nothing and leaves the caret where it went.
    expect(pendingChange(code, 0, [{ move: 'right' }, { move: 'right' }, { move: 'right' }])).toEqual({ from: 3, to: 3, insert: '', caret: 3 });
  });

  test('↑ and ↓ keep the column, across a line too short for it, and go to the ends from the first and last lines', () => {
    const lines = 'abcd\nx\nefgh';
    // From column 3 of line 1, down twice: column 1 of "x" (its end), then column 3 of the last line.
    expect(pendingChange(lines, 3, [{ move: 'down' }])).toMatchObject({ caret: 6 });
    expect(pendingChange(lines, 3, [{ move: 'down' }, { move: 'down' }])).toMatchObject({ caret: 10 });
    expect(pendingChange(lines, 10, [{ move: 'up' }, { move: 'up' }])).toMatchObject({ caret: 3 });
    expect(pendingChange(lines, 2, [{ move: 'up' }])).toMatchObject({ caret: 0 });
    expect(pendingChange(lines, 8, [{ move: 'down' }])).toMatchObject({ caret: lines.length });
    // A horizontal move sets a new column.
    expect(pendingChange(lines, 3, [{ move: 'down' }, { move: 'left' }, { move: 'down' }])).toMatchObject({ caret: 7 });
  });

  test('where the code wraps, ↑ and ↓ move by the rows on the screen while the code is as shown, keeping the aimed x', () => {
    // "abcdefgh" shown wrapped after 4 characters (10 px each): rows abcd | efgh, then the line "ij".
    const wrapped = 'abcdefgh\nij';
    const rowOf = (at: number) => (at <= 3 ? 0 : at <= 8 ? 1 : 2);
    const rowStarts = [0, 4, 9];
    const rowEnds = [4, 8, 11];
    const seen: (number | null)[] = [];
    const rows: RowMoves = (at, move, x) => {
      seen.push(x);
      const aimed = x ?? (at - rowStarts[rowOf(at)]) * 10;
      const row = rowOf(at) + (move === 'up' ? -1 : 1);
      if (row < 0) return { at: 0, x: aimed };
      if (row > 2) return { at: wrapped.length, x: aimed };
      return { at: Math.min(rowStarts[row] + Math.round(aimed / 10), rowEnds[row]), x: aimed };
    };
    // Down from "b": "f", on the first line's second row (by lines it would be "j").
    expect(pendingChange(wrapped, 1, [{ move: 'down' }, { insert: 'X' }], rows)).toEqual({ from: 5, to: 5, insert: 'X', caret: 6 });
    expect(pendingChange(wrapped, 1, [{ move: 'down' }, { insert: 'X' }])).toMatchObject({ from: 10 });
    // Down twice from "d" (x 30): "h", then the end of "ij" (too short), the first move's x kept for the second.
    seen.length = 0;
    expect(pendingChange(wrapped, 3, [{ move: 'down' }, { move: 'down' }], rows)).toMatchObject({ caret: 11 });
    expect(seen).toEqual([null, 30]);
    // After an edit the rows shown are no longer the code's: the moves are by lines.
    seen.length = 0;
    expect(pendingChange(wrapped, 1, [{ insert: 'X' }, { move: 'down' }], rows)).toMatchObject({ caret: 12 });
    expect(seen).toEqual([]);
    // Where the layout cannot tell, by lines.
    expect(pendingChange(wrapped, 1, [{ move: 'down' }], () => undefined)).toMatchObject({ caret: 10 });
  });

  test('edits in two places become one change spanning both, with the caret after the last', () => {
    const lines = 'one\ntwo\nthree';
    const request = pendingChange(lines, 0, [{ insert: '1' }, { move: 'down' }, { move: 'down' }, { insert: '3' }]);
    expect(apply(lines, request)).toBe('1one\ntwo\nt3hree');
    expect(request).toEqual({ from: 0, to: 9, insert: '1one\ntwo\nt3', caret: 11 });
  });
});
