import { describe, expect, test } from 'vitest';
import { keyIntent, offsetAt, pendingChange } from '../../../../site/lesson/cell/edit-intent.ts';

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

  test('Tab, arrows, shortcuts and a composition in progress are left to the browser', () => {
    for (const event of [key('Tab'), key('ArrowLeft'), key('Shift', { shiftKey: true }), key('c', { ctrlKey: true }), key('v', { metaKey: true }), key('a', { isComposing: true })]) {
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

  test('typing and pasting insert at the caret; nothing is a change of nothing', () => {
    expect(pendingChange(code, 2, [])).toEqual({ caret: 2, typed: '', deleteBefore: 0, deleteAfter: 0 });
    expect(pendingChange(code, 2, [{ insert: 'x' }, { insert: 'yz' }])).toEqual({ caret: 2, typed: 'xyz', deleteBefore: 0, deleteAfter: 0 });
  });

  test('Backspace takes back what was typed first, then deletes before the caret, never past the start', () => {
    expect(pendingChange(code, 2, [{ insert: 'xy' }, { delete: 'backward' }])).toEqual({ caret: 2, typed: 'x', deleteBefore: 0, deleteAfter: 0 });
    expect(pendingChange(code, 2, [{ insert: 'x' }, { delete: 'backward' }, { delete: 'backward' }])).toEqual({ caret: 2, typed: '', deleteBefore: 1, deleteAfter: 0 });
    const many = Array.from({ length: 5 }, () => ({ delete: 'backward' as const }));
    expect(pendingChange(code, 2, many)).toEqual({ caret: 2, typed: '', deleteBefore: 2, deleteAfter: 0 });
    // A character outside the basic plane is taken back whole.
    expect(pendingChange(code, 0, [{ insert: 'a😀' }, { delete: 'backward' }]).typed).toBe('a');
  });

  test('Delete deletes after the caret, never past the end, and typing after it still goes at the caret', () => {
    expect(pendingChange(code, 4, [{ delete: 'forward' }, { insert: 'Q' }])).toEqual({ caret: 4, typed: 'Q', deleteBefore: 0, deleteAfter: 1 });
    const many = Array.from({ length: 9 }, () => ({ delete: 'forward' as const }));
    expect(pendingChange(code, 4, many).deleteAfter).toBe(2);
  });

  test('a caret past the code is clamped to its end', () => {
    expect(pendingChange(code, 99, [{ delete: 'backward' }])).toEqual({ caret: 6, typed: '', deleteBefore: 1, deleteAfter: 0 });
  });
});
