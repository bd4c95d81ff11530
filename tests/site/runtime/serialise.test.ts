import { describe, expect, test } from 'vitest';
import { serialise, VALUE_LIMITS } from '../../../site/runtime/serialise.ts';
import { tensor } from '../../../engine/index.ts';

describe('serialise', () => {
  test('a million-element array keeps its first items and counts the rest', () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    const started = performance.now();
    const shown = serialise(big);
    expect(performance.now() - started).toBeLessThan(50);
    expect(shown).toMatchObject({ kind: 'list', name: 'Array', length: 1_000_000, omitted: 1_000_000 - VALUE_LIMITS.items });
    expect(JSON.stringify(shown).length).toBeLessThan(5_000);
  });

  test('a long string is cut with the number of characters left out', () => {
    expect(serialise('x'.repeat(VALUE_LIMITS.stringLength + 5))).toMatchObject({ kind: 'string', omitted: 5 });
  });

  test('a circular object shows the cycle instead of looping', () => {
    const node: Record<string, unknown> = { name: 'a' };
    node.self = node;
    expect(serialise(node)).toEqual({
      kind: 'record',
      name: 'Object',
      entries: [['name', { kind: 'string', value: 'a', omitted: 0 }], ['self', { kind: 'cut', text: '[circular]' }]],
      omitted: 0,
    });
  });

  test('deep nesting stops at the depth limit', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(JSON.stringify(serialise(deep))).toContain('[… 1 items]');
  });

  test('the node budget bounds a wide and deep value', () => {
    const wide = Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => ({ a: 1, b: [1, 2, 3] })));
    const text = JSON.stringify(serialise(wide));
    expect(text.length).toBeLessThan(400_000);
    expect(text).toContain('"kind":"cut","text":"…"');
  });

  test('a tensor becomes a table with its shape and gradient flag', () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(serialise(t)).toMatchObject({ kind: 'tensor', shape: [2, 3], rows: [[1, 2, 3], [4, 5, 6]], rowsOmitted: 0, columnsOmitted: 0 });
  });

  test('a large tensor keeps only a corner of its values', () => {
    const data = Array.from({ length: 1000 }, (_, row) => Array.from({ length: 100 }, (_, column) => row + column));
    const shown = serialise(tensor(data));
    expect(shown).toMatchObject({ kind: 'tensor', shape: [1000, 100], rowsOmitted: 1000 - VALUE_LIMITS.tensorRows, columnsOmitted: 100 - VALUE_LIMITS.tensorColumns });
  });

  test('a getter that throws is shown, not rethrown', () => {
    const tricky = { get bad() { throw new Error('nope'); } };
    expect(serialise(tricky)).toMatchObject({ kind: 'record', entries: [['bad', { kind: 'cut', text: '(cannot be shown: nope)' }]] });
  });

  test('special values are written out', () => {
    expect(serialise(undefined)).toEqual({ kind: 'literal', text: 'undefined' });
    expect(serialise(10n)).toEqual({ kind: 'literal', text: '10n' });
    expect(serialise(new Map([['a', 1]]))).toMatchObject({ kind: 'record', name: 'Map(1)' });
    expect(serialise(new Float64Array(3))).toMatchObject({ kind: 'list', name: 'Float64Array', length: 3 });
    expect(serialise(new TypeError('bad'))).toEqual({ kind: 'error', name: 'TypeError', message: 'bad' });
  });
});
