// The one way a widget keeps its settings in the page's address: a parameter per widget, only what differs from the
// start, and a link's values accepted only when a control offers them.
import { describe, expect, test } from 'vitest';
import { acceptedValue, decodeFields, encodeFields, withParameter } from '../../../../site/lesson/shared/url-state.ts';

describe('a widget parameter in the address', () => {
  test('is set, replaced or removed at the start, and every other parameter is kept', () => {
    expect(withParameter('', 'explorer', 'range_4')).toBe('?explorer=range_4');
    expect(withParameter('?race-ravine=40&explorer=range_4', 'explorer', 'range_2')).toBe('?race-ravine=40&explorer=range_2');
    expect(withParameter('?race-ravine=40&explorer=range_4', 'explorer', '')).toBe('?race-ravine=40');
    expect(withParameter('?lab-overfit=120', 'lab-overfit', '0', '0')).toBe('');
  });

  test('holds only the settings that differ from the start, in their order', () => {
    expect(encodeFields({ activation: 'tanh', range: '6', threshold: '0.1' }, { activation: 'sigmoid', range: '6', threshold: '0.05' })).toBe('activation_tanh*threshold_0.1');
    expect(encodeFields({ range: '6' }, { range: '6' })).toBe('');
  });

  test('reads back what it wrote, skipping unknown names, empty values, repeats and malformed parts', () => {
    const names = ['activation', 'range', 'learning-rate'];
    expect([...decodeFields('activation_tanh*range_4', names)]).toEqual([['activation', 'tanh'], ['range', '4']]);
    expect([...decodeFields('bogus_1*range_*_4*range*activation_relu*activation_tanh*learning-rate_0.5', names)]).toEqual([
      ['activation', 'relu'],
      ['learning-rate', '0.5'],
    ]);
    expect(decodeFields(null, names).size).toBe(0);
    expect(decodeFields('%%%', names).size).toBe(0);
  });
});

describe('a value from a link', () => {
  test('must be one of a select’s options', () => {
    const options = { kind: 'option', options: ['sigmoid', 'tanh'] } as const;
    expect(acceptedValue(options, 'tanh')).toBe('tanh');
    expect(acceptedValue(options, '<script>')).toBeNull();
  });

  test('is clamped to a number field’s range and rounded to a whole step; text that is no number is ignored', () => {
    const units = { kind: 'number', min: 1, max: 64, step: 1 } as const;
    expect(acceptedValue(units, '16')).toBe('16');
    expect(acceptedValue(units, '1000')).toBe('64');
    expect(acceptedValue(units, '-5')).toBe('1');
    expect(acceptedValue(units, '7.6')).toBe('8');
    for (const bad of ['', 'NaN', 'Infinity', '1e999', '0x10', '12abc']) expect(acceptedValue(units, bad), bad).toBeNull();
    const rate = { kind: 'number', min: 0.01, max: Number.POSITIVE_INFINITY, step: 0.1 } as const;
    expect(acceptedValue(rate, '0.5')).toBe('0.5');
    expect(acceptedValue(rate, '0')).toBe('0.01');
  });

  test('is 0 or 1 for a checkbox', () => {
    expect(acceptedValue({ kind: 'flag' }, '1')).toBe('1');
    expect(acceptedValue({ kind: 'flag' }, 'true')).toBeNull();
  });
});
