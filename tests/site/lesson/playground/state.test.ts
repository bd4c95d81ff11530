// The Playground's state: the classes and inputs fields, their URL form, and the loss and widths they imply.

import { describe, expect, test } from 'vitest';
import {
  DEFAULT_STATE,
  classCount,
  decodeState,
  effectiveLoss,
  encodeState,
  inputCount,
  isRegression,
  normalizeState,
  needsRestart,
  outputCount,
} from '../../../../site/lesson/playground/state.ts';

describe('the playground state', () => {
  test('inputs and classes travel in the URL and come back', () => {
    const state = normalizeState({ data: 'spiral', classes: 4, inputs: ['x1', 'x2', 'sinx1', 'x1x2'], layers: [8] });
    const text = encodeState(state);
    expect(text).toContain('classes:4');
    // Inputs are kept in the canonical order, whatever order they were given in.
    expect(text).toContain('in:x1-x2-x1x2-sinx1');
    expect(decodeState(text)).toEqual(state);
  });

  test('the defaults leave both out of the URL', () => {
    expect(encodeState(normalizeState({}))).toBe('');
    expect(DEFAULT_STATE.inputs).toEqual(['x1', 'x2']);
    expect(DEFAULT_STATE.classes).toBe(2);
  });

  test('hostile values fall back: unknown inputs, no inputs, classes out of range', () => {
    expect(decodeState('in:x9-x1sq').inputs).toEqual(['x1sq']);
    expect(decodeState('in:').inputs).toEqual(['x1', 'x2']);
    expect(decodeState('in:zzz').inputs).toEqual(['x1', 'x2']);
    expect(decodeState('classes:99').classes).toBe(5);
    expect(decodeState('classes:1').classes).toBe(2);
    expect(decodeState('classes:abc').classes).toBe(2);
  });

  test('classes count only for spiral and gaussian; more than two force softmax cross-entropy', () => {
    expect(classCount(normalizeState({ data: 'spiral', classes: 3 }))).toBe(3);
    expect(classCount(normalizeState({ data: 'circles', classes: 3 }))).toBe(2);
    expect(classCount(normalizeState({ data: 'regression', classes: 3 }))).toBe(1);
    const three = normalizeState({ data: 'gaussian', classes: 3, loss: 'bce' });
    expect(effectiveLoss(three)).toBe('cross-entropy');
    expect(outputCount(three)).toBe(3);
    expect(outputCount(normalizeState({ data: 'gaussian', loss: 'bce' }))).toBe(1);
    expect(outputCount(normalizeState({ data: 'gaussian', loss: 'cross-entropy' }))).toBe(2);
  });

  test('the network reads one column per chosen input, or the one coordinate of regression', () => {
    expect(inputCount(normalizeState({ inputs: ['x1sq', 'x2sq', 'x1x2'] }))).toBe(3);
    expect(inputCount(normalizeState({ data: 'regression', inputs: ['x1sq', 'x2sq', 'x1x2'] }))).toBe(1);
  });

  test('the L1 penalty travels in the URL, is clamped, and changes live without a restart', () => {
    const state = normalizeState({ l1: 0.003 });
    expect(encodeState(state)).toBe('l1:0.003');
    expect(decodeState('l1:0.003')).toEqual(state);
    expect(decodeState('l1:7').l1).toBe(1);
    expect(decodeState('l1:-1').l1).toBe(0);
    expect(needsRestart(normalizeState({}), state)).toBe(false);
  });

  test('the regressions over the plane: one output, squared error, the chosen features as inputs', () => {
    for (const data of ['plane', 'bumps'] as const) {
      const state = normalizeState({ data, loss: 'bce', inputs: ['x1', 'x2', 'x1x2'] });
      expect(isRegression(state)).toBe(true);
      expect(classCount(state)).toBe(1);
      expect(effectiveLoss(state)).toBe('mse');
      expect(outputCount(state)).toBe(1);
      expect(inputCount(state)).toBe(3);
    }
    expect(isRegression(normalizeState({ data: 'regression' }))).toBe(true);
    expect(isRegression(normalizeState({ data: 'circles' }))).toBe(false);
  });
});
