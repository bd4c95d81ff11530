import { describe, expect, test } from 'vitest';
import { decodeView, encodeView, parameterName, startView, withView } from '../../../../site/lesson/position-to-colour/url-state.ts';

describe('a position-to-colour widget in the URL', () => {
  const start = startView({ encoding: false, compare: false });

  test('the start is written as nothing and reads back as the start', () => {
    expect(start).toEqual({ encoding: false, frequencies: 6, compare: false, seed: 1 });
    expect(encodeView(start, start)).toBe('');
    expect(decodeView(start, null)).toEqual(start);
    expect(decodeView(start, '')).toEqual(start);
  });

  test('every field round-trips, and only what differs from the start is written', () => {
    const view = { encoding: true, frequencies: 3, compare: true, seed: 42 };
    const text = encodeView(start, view);
    expect(text).toBe('e_1*L_3*c_1*s_42');
    expect(decodeView(start, text)).toEqual(view);
    const encodedStart = startView({ encoding: true, compare: false });
    expect(encodeView(encodedStart, { ...encodedStart, encoding: false })).toBe('e_0');
    expect(decodeView(encodedStart, 'e_0').encoding).toBe(false);
  });

  test('a hostile or truncated value is ignored part by part', () => {
    expect(decodeView(start, 'e_2*L_9*c_x*s_-4*zz_1*L_')).toEqual(start);
    expect(decodeView(start, 'e_1*L_99')).toEqual({ ...start, encoding: true });
    expect(decodeView(start, `s_${2 ** 31}`)).toEqual(start);
  });

  test('the parameter is set or removed, and the other parameters are kept', () => {
    expect(parameterName('plain')).toBe('colour-plain');
    expect(withView('?a=1', 'plain', 'e_1')).toBe('?a=1&colour-plain=e_1');
    expect(withView('?colour-plain=e_1&a=1', 'plain', '')).toBe('?a=1');
    expect(withView('?colour-plain=e_1', 'plain', '')).toBe('');
  });
});
