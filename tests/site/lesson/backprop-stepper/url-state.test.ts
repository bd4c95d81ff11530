import { describe, expect, test } from 'vitest';
import { presetById } from '../../../../site/lesson/backprop-stepper/presets.ts';
import { decodeState, encodeState, parameterName, withState } from '../../../../site/lesson/backprop-stepper/url-state.ts';

const neuron = presetById('neuron');
const mlp = presetById('mlp-softmax');

describe('a stepper’s state in the URL', () => {
  test('the step and only the values that differ from the preset’s, in characters a query keeps', () => {
    const encoded = encodeState(neuron, { step: 7, values: { x: 2, w: 0.7, b: -0.25, y: 1 } });
    expect(encoded).toBe('7*w*0.7*b*-0.25');
    expect(new URLSearchParams({ [parameterName('neuron')]: encoded }).toString()).toBe('stepper-neuron=7*w*0.7*b*-0.25');
  });

  test('decoding gives back the state, starting from the preset’s values', () => {
    expect(decodeState(neuron, '7*w*0.7*b*-0.25')).toEqual({ step: 7, values: { x: 2, w: 0.7, b: -0.25, y: 1 } });
    expect(decodeState(neuron, null)).toEqual({ step: 0, values: { x: 2, w: 0.5, b: -0.5, y: 1 } });
  });

  test('an edited link still opens: unknown keys, bad numbers and classes out of range are ignored', () => {
    expect(decodeState(neuron, 'x*w*abc*q*1*b*')).toEqual({ step: 0, values: { x: 2, w: 0.5, b: -0.5, y: 1 } });
    expect(decodeState(mlp, '3*t*5').values.t).toBe(2);
    expect(decodeState(mlp, '3*t*1*W1_0_1*0.25').values).toMatchObject({ t: 1, W1_0_1: 0.25 });
  });

  test('two steppers keep their own parameters, and other parameters are left alone', () => {
    let search = '?lang=en';
    search = withState(search, 'neuron', '3');
    search = withState(search, 'mlp-softmax', '5*t*0');
    expect(search).toBe('?lang=en&stepper-neuron=3&stepper-mlp-softmax=5*t*0');
    search = withState(search, 'neuron', '0');
    expect(search).toBe('?lang=en&stepper-mlp-softmax=5*t*0');
    expect(withState('', 'neuron', '0')).toBe('');
  });
});
