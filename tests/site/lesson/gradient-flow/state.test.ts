import { describe, expect, test } from 'vitest';
import {
  ACTIVATIONS,
  INITIALIZERS,
  decodeState,
  encodeState,
  layerSizes,
  parameterName,
  validValue,
  withState,
  type GradientFlowState,
} from '../../../../site/lesson/gradient-flow/state.ts';
import { TRAINABLE_ELEMENTWISE } from '../../../../engine/formulas/activations.ts';

const base: GradientFlowState = { depth: 20, width: 16, activation: 'sigmoid', init: 'gaussian', lr: 0.1, seed: 1 };

describe('a gradient-flow state in the URL', () => {
  test('only what differs from the preset is written, and reads back the same', () => {
    expect(encodeState(base, base)).toBe('');
    const changed: GradientFlowState = { depth: 12, width: 32, activation: 'tanh', init: 'he', lr: 0.03, seed: 7 };
    const text = encodeState(base, changed);
    expect(text).toBe('d_12*w_32*a_tanh*i_he*lr_0.03*s_7');
    expect(decodeState(base, text)).toEqual(changed);
    expect(/^[A-Za-z0-9._*-]*$/.test(text)).toBe(true);
  });

  test('a hostile or truncated link falls back to the preset field by field', () => {
    expect(decodeState(base, 'd_99*w_7*a_<b>*i_zeros*lr_-1*s_1.5*zz_3*d')).toEqual(base);
    expect(decodeState(base, 'd_5*w_')).toEqual({ ...base, depth: 5 });
    expect(decodeState(base, null)).toEqual(base);
    expect(decodeState(base, 'a_constructor*i___proto__')).toEqual(base);
  });

  test('the parameter is the widget’s own and leaves the others alone', () => {
    expect(parameterName('relu-he')).toBe('gf-relu-he');
    expect(withState('?x=1', 'relu-he', 'd_5')).toBe('?x=1&gf-relu-he=d_5');
    expect(withState('?x=1&gf-relu-he=d_5', 'relu-he', '')).toBe('?x=1');
    expect(withState('?gf-relu-he=d_5', 'relu-he', '')).toBe('');
  });

  test('the choices come from the engine: every trainable activation but the identity; four initialisers', () => {
    expect(ACTIVATIONS).toEqual(TRAINABLE_ELEMENTWISE.filter((name) => name !== 'identity'));
    expect(ACTIVATIONS).toEqual(expect.arrayContaining(['sigmoid', 'tanh', 'relu']));
    expect(INITIALIZERS).toEqual(['gaussian', 'default', 'xavier', 'he']);
    expect(validValue('depth', 1)).toBe(false);
    expect(validValue('depth', 20)).toBe(true);
    expect(validValue('depth', 21)).toBe(false);
  });

  test('depth counts Linear layers: depth − 1 hidden layers of the width, then one output', () => {
    expect(layerSizes({ ...base, depth: 4, width: 8 }, 2)).toEqual([2, 8, 8, 8, 1]);
    expect(layerSizes({ ...base, depth: 2 }, 2)).toEqual([2, 16, 1]);
  });
});
