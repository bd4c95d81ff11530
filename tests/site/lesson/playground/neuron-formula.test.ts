// The network diagram's words (site/lesson/playground/neuron-formula.ts): neuron names, the formula with the current
// weights plugged in and the activation's registry name, and the check of a weight typed by hand.

import { describe, expect, test } from 'vitest';
import { Trainer } from '../../../../site/lesson/playground/trainer.ts';
import { normalizeState } from '../../../../site/lesson/playground/state.ts';
import { WEIGHT_LIMIT, formatWeight, formulaText, layerMark, neuronFormula, neuronName, parseWeight, subscript } from '../../../../site/lesson/playground/neuron-formula.ts';
import type { NetworkSnapshot } from '../../../../site/lesson/playground/protocol.ts';

const snapshot = (over: Partial<NetworkSnapshot>): NetworkSnapshot => ({
  sizes: [2, 2, 1],
  inputNames: ['x1', 'x2'],
  activation: 'tanh',
  loss: 'bce',
  weights: [Float64Array.of(0.53, -1.2, 2, 0.004), Float64Array.of(-0.5, 1.25)],
  biases: [Float64Array.of(0.1, -0.3), Float64Array.of(-0.001)],
  side: 24,
  curve: false,
  maps: [],
  ...over,
});

describe("the network diagram's formulas", () => {
  test('writes sub- and superscripts', () => {
    expect(subscript(12)).toBe('₁₂');
    expect(layerMark(3)).toBe('⁽³⁾');
  });

  test('names inputs by their feature, hidden neurons hⱼ⁽ˡ⁾ and outputs by what they are', () => {
    const s = snapshot({ sizes: [3, 4, 2, 1], inputNames: ['x1', 'x1sq', 'sinx2'] });
    expect([0, 1, 2].map((i) => neuronName(s, 0, i))).toEqual(['x₁', 'x₁²', 'sin x₂']);
    expect(neuronName(s, 1, 1)).toBe('h₂⁽¹⁾');
    expect(neuronName(s, 2, 0)).toBe('h₁⁽²⁾');
    expect(neuronName(s, 3, 0)).toBe('z');
    expect(neuronName(snapshot({ sizes: [2, 3], loss: 'cross-entropy' }), 1, 2)).toBe('z₂');
    expect(neuronName(snapshot({ sizes: [1, 1], inputNames: ['x'], loss: 'mse' }), 1, 0)).toBe('ŷ');
    expect(neuronName(snapshot({ sizes: [1, 1], inputNames: ['x'], loss: 'mse' }), 0, 0)).toBe('x');
  });

  test('plugs the current weights into the formula, with the registry name of the activation', () => {
    const s = snapshot({});
    expect(formulaText(neuronFormula(s, 1, 0))).toBe('h₁⁽¹⁾ = tanh(0.53·x₁ − 1.20·x₂ + 0.10)');
    expect(formulaText(neuronFormula(s, 1, 1))).toBe('h₂⁽¹⁾ = tanh(2.00·x₁ + 0.00·x₂ − 0.30)');
    expect(formulaText(neuronFormula(s, 2, 0))).toBe('z = −0.50·h₁⁽¹⁾ + 1.25·h₂⁽¹⁾ + 0.00; the logit: P(class 1) = σ(z)');
    expect(formulaText(neuronFormula(snapshot({ activation: 'leakyRelu' }), 1, 0))).toMatch(/^h₁⁽¹⁾ = leakyRelu\(/);
    expect(formulaText(neuronFormula(s, 0, 1))).toBe('x₂: an input: the feature x₂ of each point');
    const terms = neuronFormula(s, 1, 0).terms;
    expect(terms.map((t) => t.from)).toEqual([0, 1, null]);
    expect(terms[1].value).toBe(-1.2);
  });

  test("formats the trainer's own network", () => {
    const trainer = new Trainer(normalizeState({ data: 'circles', layers: [3], activation: 'relu', loss: 'cross-entropy', seed: 2 }));
    const s = trainer.networkSnapshot();
    const w = trainer.model.blocks[0].linear.weight.data;
    const b = trainer.model.blocks[0].linear.bias!.data;
    const text = formulaText(neuronFormula(s, 1, 2));
    expect(text.startsWith('h₃⁽¹⁾ = relu(')).toBe(true);
    expect(text).toContain(`${formatWeight(Math.abs(w[5]))}·x₂`);
    expect(text).toContain(`${formatWeight(Math.abs(b[2]))})`);
    expect(formulaText(neuronFormula(s, 2, 1))).toMatch(/^z₁ = .*; a logit: P\(class 1\) = softmax\(z\)₁$/);
  });

  test('formats weights with two decimals and a true minus sign', () => {
    expect(formatWeight(-1.204)).toBe('−1.20');
    expect(formatWeight(-0.001)).toBe('0.00');
    expect(formatWeight(12345)).toBe('1.23e+4');
  });

  test('reads a typed weight, and refuses empty, non-numeric and huge input with a clear message', () => {
    expect(parseWeight(' 0.5 ')).toEqual({ ok: true, value: 0.5 });
    expect(parseWeight('−1.25')).toEqual({ ok: true, value: -1.25 });
    expect(parseWeight('-2')).toEqual({ ok: true, value: -2 });
    expect(parseWeight('1,5')).toEqual({ ok: true, value: 1.5 });
    expect(parseWeight('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseWeight('1e2')).toEqual({ ok: true, value: 100 });
    expect(parseWeight('-0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['', '   ', 'abc', 'NaN', 'Infinity', '1/2', '0x10', '1..2', '--1']) {
      const reading = parseWeight(bad);
      expect(reading.ok, bad).toBe(false);
      if (!reading.ok) expect(reading.message).toMatch(/unchanged/);
    }
    const huge = parseWeight('1e9');
    expect(huge).toEqual({ ok: false, message: `1e9 is too large: a weight must be from −${WEIGHT_LIMIT} to ${WEIGHT_LIMIT}. The weight is unchanged.` });
    expect(parseWeight('abc')).toEqual({ ok: false, message: '“abc” is not a number; type one such as 0.5 or −1.2. The weight is unchanged.' });
  });
});
