import { describe, expect, test } from 'vitest';
import { keyIntent, offsetAt } from '../../../../site/lesson/cell/edit-intent.ts';

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
