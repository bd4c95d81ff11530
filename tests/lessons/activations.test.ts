// The claims lesson 2 makes about its worked examples, checked against the module that computes them.

import { describe, expect, test } from 'vitest';
import { Random, Tensor, linear, sigmoid, tanh, tensor } from '../../engine/index.ts';
import {
  activationRows,
  chainRows,
  collapse,
  dead,
  deepGradients,
  maxout,
  mishGate,
  negativeDips,
  rbfUnit,
  sigmoidSaturation,
  preluSlopeGradient,
  samplePoints,
  show,
  showSci,
  sigmoidSlopeMax,
  sigmoidSlopes,
  tanhIdentity,
} from '../../lessons/examples/activations.ts';

const parse = (text: string): number => {
  const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const plain = text.replace(/\u2212/g, '-').replace('\u207b', '-');
  const match = /^(-?[\d.]+)\s×\s10(-?)(.*)$/.exec(plain);
  if (!match) return Number(plain);
  const exponent = Number([...match[3]].map((c) => superscripts.indexOf(c)).join(''));
  return Number(match[1]) * 10 ** (match[2] === '-' ? -exponent : exponent);
};

describe('lesson 2 formatting', () => {
  test('show drops trailing zeros and uses a true minus sign', () => {
    expect(show(-0.5)).toBe('\u22120.5');
    expect(show(2)).toBe('2');
    expect(show(-0.0001)).toBe('0');
  });

  test('showSci writes small numbers with a power of ten and round-trips', () => {
    expect(showSci(4.54e-5, 3)).toBe('4.54\u00a0×\u00a010\u207b\u2075');
    expect(showSci(0.25)).toBe('0.25');
    expect(parse(showSci(2.78e-7, 3))).toBeCloseTo(2.78e-7, 12);
  });
});

describe('lesson 2: a stack of linear layers', () => {
  test('three linear layers equal the single layer W3 W2 W1 to rounding', () => {
    expect(parse(collapse.gap)).toBeLessThan(1e-12);
    expect(collapse.example.stacked).toBe(collapse.example.single);
    expect(collapse.collapsedShape).toBe('2 × 3');
  });

  test('a ReLU between the layers breaks the collapse', () => {
    expect(Number(collapse.gapWithRelu)).toBeGreaterThan(0.1);
  });

  test('the collapse holds for any seeded layers, not just the lesson\'s', () => {
    const rng = new Random(99);
    const matrix = (r: number, c: number) => Tensor.fromData(Float64Array.from({ length: r * c }, () => rng.normal()), [r, c]);
    const [W1, W2, W3] = [matrix(5, 3), matrix(2, 5), matrix(4, 2)];
    const X = matrix(7, 3);
    const stacked = linear(linear(linear(X, W1, null), W2, null), W3, null);
    const single = linear(X, W3.matmul(W2).matmul(W1), null);
    for (let i = 0; i < stacked.size; i++) expect(stacked.data[i]).toBeCloseTo(single.data[i], 12);
  });
});

describe('lesson 2: the activations', () => {
  test('tanh equals 2σ(2x) − 1 in value and in gradient', () => {
    expect(parse(tanhIdentity.gap)).toBeLessThan(1e-14);
    expect(parse(tanhIdentity.gradientGap)).toBeLessThan(1e-14);
    for (const row of tanhIdentity.rows) expect(row.tanh).toBe(row.rescaled);
    const x = tensor([-1.3, 0.2, 2.7]);
    const direct = tanh(x);
    const rescaled = sigmoid(x.mul(2)).mul(2).sub(1);
    for (let i = 0; i < 3; i++) expect(direct.data[i]).toBeCloseTo(rescaled.data[i], 14);
  });

  test('every activation\'s autograd derivative matches the lesson\'s formula', () => {
    expect(activationRows).toHaveLength(13);
    for (const row of activationRows) {
      expect(parse(row.formulaGap)).toBeLessThan(1e-12);
      expect(parse(row.finiteDifferenceGap)).toBeLessThan(1e-7);
      expect(row.values).toHaveLength(samplePoints.length);
    }
  });

  test('the tables show the values the formulas give at a few points', () => {
    const row = (name: string) => activationRows.find((r) => r.name.startsWith(name))!;
    expect(row('sigmoid').derivatives[2]).toBe('0.25');
    expect(row('tanh').derivatives[2]).toBe('1');
    expect(row('ReLU').derivatives).toEqual(['0', '0', '0', '1', '1']);
    expect(row('softplus').values[2]).toBe(show(Math.log(2)));
    expect(row('mish').derivatives[2]).toBe('0.6');
    // The Gaussian bump exp(−x²): 1 with slope 0 at 0, even values and odd slopes, slope 2e⁻¹ at x = −0.5 · √2…
    const rbf = row('RBF');
    expect(rbf.values[2]).toBe('1');
    expect(rbf.derivatives[2]).toBe('0');
    expect(rbf.values[0]).toBe(rbf.values[4]);
    expect(rbf.derivatives[0]).toBe(show(-Number(rbf.derivatives[4].replace('\u2212', '-'))));
    expect(rbf.values[1]).toBe(show(Math.exp(-0.25)));
    expect(row('softplus').derivatives).toEqual(row('sigmoid').values);
  });

  test('PReLU\'s slope gradient is the input on the negative side', () => {
    expect(preluSlopeGradient.dyda).toBe(preluSlopeGradient.x);
  });

  test('GELU, SiLU and mish dip below zero for negative inputs', () => {
    for (const dip of negativeDips) expect(parse(dip.value)).toBeLessThan(0);
  });

  test('maxout with two pieces gives ReLU, |x| and leaky ReLU', () => {
    expect(maxout.rows.map((r) => r.name)).toEqual(['ReLU', '|x|', 'leaky ReLU']);
    expect(maxout.rows[1].outputs).toEqual(['2', '0.5', '0.5', '2']);
  });
});

describe('lesson 2: saturation', () => {
  test('σ′ peaks at 1/4', () => {
    expect(sigmoidSlopeMax).toBe('0.25');
  });

  test('the gradient through ten sigmoid units is below (1/4)^10 and below a millionth', () => {
    const ten = chainRows.find((r) => r.depth === 10)!;
    expect(parse(ten.sigmoid)).toBeLessThan(0.25 ** 10);
    expect(parse(ten.sigmoid)).toBeLessThan(1e-6);
    expect(ten.relu).toBe('1');
    for (const r of chainRows) expect(parse(r.sigmoid)).toBeLessThanOrEqual(parse(r.bound));
  });

  test('the deep sigmoid network starves its first layer far more than tanh or ReLU', () => {
    expect(parse(deepGradients.ratio.sigmoid)).toBeLessThan(1e-3);
    expect(parse(deepGradients.ratio.sigmoid)).toBeLessThan(parse(deepGradients.ratio.tanh));
    expect(parse(deepGradients.ratio.sigmoid)).toBeLessThan(parse(deepGradients.ratio.relu));
    expect(deepGradients.rows).toHaveLength(10);
  });

  test('like with like: across the hidden layers tanh and ReLU keep the gradient within a small factor, the sigmoid does not', () => {
    expect(deepGradients.hiddenLayers).toBe(deepGradients.rows.length - 1);
    expect(parse(deepGradients.hiddenRatio.sigmoid)).toBeLessThan(1e-4);
    expect(parse(deepGradients.hiddenRatio.tanh)).toBeGreaterThan(0.05);
    expect(parse(deepGradients.hiddenRatio.relu)).toBeGreaterThan(0.05);
    // The ratio to the first hidden layer's own row and the last hidden row, as printed.
    const first = deepGradients.rows[0];
    const lastHidden = deepGradients.rows[deepGradients.hiddenLayers - 1];
    for (const name of ['sigmoid', 'tanh', 'relu'] as const) {
      expect(parse(deepGradients.hiddenRatio[name]) / (parse(first[name]) / parse(lastHidden[name]))).toBeCloseTo(1, 0);
    }
  });

  test('the saturation figure shades where σ′ < 0.01, from |x| ≈ 4.6 (σ′(4.6) < 0.01 < σ′(4.55))', () => {
    const s = (x: number) => 1 / (1 + Math.exp(-x));
    const edge = Number(sigmoidSaturation.from);
    expect(s(edge) * (1 - s(edge))).toBeLessThan(0.01);
    expect(s(edge - 0.05) * (1 - s(edge - 0.05))).toBeGreaterThan(0.01);
    expect(sigmoidSaturation.figure.paths.length).toBeGreaterThan(4);
    // The dots on σ′ are the points of the slope table, with the same values.
    expect(sigmoidSaturation.figure.dots.map((d) => d.title)).toEqual(sigmoidSlopes.map((s) => `σ′(${s.x}) = ${s.slope}`));
    expect(sigmoidSaturation.figure.dots[0].title).toBe('σ′(0) = 0.25');
  });

  test('a dead ReLU unit gets exactly zero gradient and a leaky one does not', () => {
    expect(parse(dead.largestScore)).toBeLessThan(0);
    expect(dead.reluGradient).toBe('0');
    expect(parse(dead.leakyGradient)).toBeGreaterThan(0);
    expect(parse(dead.leakyBiasGradient)).toBeLessThan(0);
  });
});

describe('lesson 2: mish and the radial basis unit', () => {
  test("mish's gate tanh(softplus(x)) is 3/5 at 0 and above SiLU's σ(x)", () => {
    expect(mishGate.atZero).toBe('0.6');
    expect(mishGate.siluAtZero).toBe('0.5');
    expect(Number(mishGate.atOne)).toBeCloseTo(Math.tanh(Math.log(1 + Math.E)), 3);
    expect(Number(mishGate.atOne)).toBeGreaterThan(Number(mishGate.siluAtOne));
  });

  test('the RBF unit answers 1 at its centre, e⁻¹ at distance σ, and its slope there is −(2/σ) e⁻¹', () => {
    expect(rbfUnit.rows.map((r) => r.value)).toEqual(['1', show(Math.exp(-1), 4), show(Math.exp(-4), 4), show(Math.exp(-1.25 / 0.25), 4)]);
    expect(rbfUnit.slopeAtSigma).toBe(show(-4 * Math.exp(-1), 3));
  });
});
