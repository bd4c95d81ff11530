// The claims lesson 4 makes about losses and output units, checked against the module that computes them and
// against the engine directly.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { binaryCrossEntropyWithLogits, crossEntropy, logistic, mseLoss, sigmoid, softmax, tensor } from '../../engine/index.ts';
import { lineChart } from '../../lessons/examples/line-chart.ts';
import { agreement, bernoulli, categorical, gaussian, gradientTable, overflow, saturation, show, showGap } from '../../lessons/examples/losses.ts';

const lesson = readFileSync(new URL('../../lessons/04-losses.mdx', import.meta.url), 'utf8');

/** Reads a number the module formatted (true minus sign) back. */
const number = (text: string): number => Number(text.replace('\u2212', '-'));

describe('lesson 4: the three likelihoods', () => {
  test('the Gaussian negative log-likelihood is half the squared error plus ½ log 2π in every row', () => {
    expect(gaussian.rows.length).toBeGreaterThanOrEqual(3);
    for (const row of gaussian.rows) expect(row.difference).toBe(gaussian.constant);
    expect(number(gaussian.constant)).toBeCloseTo(0.5 * Math.log(2 * Math.PI), 4);
  });

  test('the variance of the Gaussian scales the gradient by 1/s²', () => {
    const s = number(gaussian.variance.s);
    expect(number(gaussian.variance.gradient)).toBeCloseTo(number(gaussian.variance.plain) / (s * s), 10);
  });

  test('the Bernoulli negative log-likelihood is the binary cross-entropy on every row, with both labels', () => {
    for (const row of bernoulli.rows) expect(row.nll).toBe(row.bce);
    expect(new Set(bernoulli.rows.map((r) => r.y))).toEqual(new Set(['0', '1']));
    // Rounding only, for the softplus form −log σ((2y − 1) z).
    expect(bernoulli.signedGap === '0' || /10⁻¹[⁵⁶⁷]$/.test(bernoulli.signedGap)).toBe(true);
  });

  test('the categorical loss is −log of the target probability, and the engine agrees', () => {
    expect(number(categorical.loss)).toBeCloseTo(-Math.log(number(categorical.probability)), 3);
    expect(number(categorical.loss)).toBeCloseTo(number(categorical.logSumExp) - number(categorical.zt), 4);
    expect(crossEntropy(tensor([[2, -1, 0.5]]), [categorical.t]).item()).toBeCloseTo(number(categorical.loss), 4);
  });

  test('a two-class softmax is the sigmoid of the difference of the logits', () => {
    expect(number(categorical.twoClass.probability)).toBeCloseTo(logistic(number(categorical.twoClass.difference)), 4);
  });
});

describe('lesson 4: overflow and log-sum-exp', () => {
  test('the naive softmax of large or very negative logits is NaN; the stable one is the softmax of the shifted logits', () => {
    expect(overflow.naive).toBe('(NaN, NaN, NaN)');
    expect(overflow.naiveNegative).toBe('(NaN, NaN, NaN)');
    const reference = Array.from(softmax(tensor([0, 1, 2])).data, (v) => show(v));
    expect(overflow.stable).toBe(`(${reference.join(', ')})`);
  });

  test('e^z overflows past ln(max double) and underflows to 0 below the threshold the lesson states', () => {
    expect(Math.exp(number(overflow.overflowAt) + 0.1)).toBe(Infinity);
    expect(Math.exp(number(overflow.overflowAt) - 0.1)).toBeLessThan(Infinity);
    expect(Math.exp(number(overflow.underflowAt) - 0.1)).toBe(0);
    expect(Math.exp(number(overflow.underflowAt) + 0.1)).toBeGreaterThan(0);
  });

  test('log of an underflowed probability is −∞ while log-softmax and cross-entropy stay finite', () => {
    expect(overflow.logOfProbability).toBe('−∞');
    expect(overflow.logSoftmaxOfFirst).toBe('−800');
    expect(overflow.loss).toBe('800');
  });
});

describe('lesson 4: the table of gradients', () => {
  test('autograd equals the closed form in every row', () => {
    for (const row of [gradientTable.linear, gradientTable.binary, gradientTable.categorical, gradientTable.sigmoidSquared]) {
      expect(row.autograd).toBe(row.closedForm);
      expect(row.worst).toBeLessThan(1e-12);
    }
  });

  test('every matched pair has the gradient ŷ − y at its sample point', () => {
    expect(number(gradientTable.linear.autograd)).toBeCloseTo(0.8 - 2, 4);
    expect(number(gradientTable.binary.autograd)).toBeCloseTo(logistic(-1.5) - 1, 4);
    const p = Array.from(softmax(tensor([2, -1, 0.5])).data);
    expect(gradientTable.categorical.autograd).toBe(`(${p.map((v, j) => show(v - (j === 2 ? 1 : 0), 4)).join(', ')})`);
  });

  test('the third entry of the categorical gradient is the target class and the only negative one, as the prose says', () => {
    expect(categorical.classNumber).toBe(3);
    const entries = gradientTable.categorical.autograd.slice(1, -1).split(', ').map(number);
    expect(entries.map((e) => e < 0)).toEqual([false, false, true]);
  });

  test('squared error on a sigmoid is smaller by 1/(ŷ(1 − ŷ)) than cross-entropy at the same point', () => {
    const s = logistic(-1.5);
    expect(number(gradientTable.shrink)).toBeCloseTo(1 / (s * (1 - s)), 1);
  });
});

describe('lesson 4: saturation', () => {
  test('confidently wrong, cross-entropy pushes hundreds of times harder than squared error', () => {
    expect(number(saturation.wrong.crossEntropy)).toBeLessThan(-0.99);
    expect(Math.abs(number(saturation.wrong.squared))).toBeLessThan(0.003);
    expect(number(saturation.wrong.ratio)).toBeGreaterThan(100);
  });

  test('the squared-error gradient peaks at 4/27 where σ(z) = 1/3', () => {
    expect(number(saturation.peak)).toBeCloseTo(4 / 27, 4);
    expect(number(saturation.peakZ)).toBeCloseTo(-Math.log(2), 3);
    const z = tensor(-Math.log(2), { requiresGrad: true });
    mseLoss(sigmoid(z), tensor(1)).mul(0.5).backward();
    expect(Math.abs(z.grad!.item())).toBeCloseTo(4 / 27, 12);
  });

  test('the engine computes the binary cross-entropy from logits without overflow', () => {
    expect(Number.isFinite(binaryCrossEntropyWithLogits(tensor([-1000, 1000]), tensor([1, 0])).item())).toBe(true);
  });

  test('the charts are one labelled image each, with a curve per loss', () => {
    for (const chart of [saturation.lossChart, saturation.gradientChart]) {
      expect(chart).toMatch(/^<svg [^>]*role="img"/);
      expect(chart).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
      expect(chart.match(/<path /g)).toHaveLength(2);
      expect(chart).not.toContain('NaN');
    }
  });
});

describe('lesson 4: the chart helper', () => {
  test('escapes text and draws every series inside the domain', () => {
    const svg = lineChart({
      id: 't', title: 'a < b & c', description: 'd',
      series: [{ label: 'x', points: [[0, 0], [1, 1], [2, 5]], color: 'accent' }],
      x: { label: 'x', domain: [0, 1], ticks: [0, 1] },
      y: { label: 'y', domain: [0, 1], ticks: [0, 1] },
    });
    expect(svg).toContain('a &lt; b &amp; c');
    // The point at x = 2 lies outside the domain and is left out.
    expect(svg.match(/<path d="([^"]+)"/)![1].match(/[ML]/g)).toHaveLength(2);
  });

  test('agreement reads "to the last bit" for no difference and names any other', () => {
    expect(agreement(0)).toBe('agree to the last bit');
    expect(agreement(2.2e-16)).toBe('differ by at most 2.2 × 10⁻¹⁶');
    expect(gradientTable.agreement).toMatch(/^(agree to the last bit|differ by at most \d\.\d × 10⁻¹[²³⁴⁵⁶⁷])$/);
  });

  test('showGap writes powers of ten with superscripts', () => {
    expect(showGap(1.1e-16)).toBe('1.1 × 10⁻¹⁶');
    expect(showGap(0)).toBe('0');
  });
});

describe('lesson 4: the page', () => {
  test('places the three exercises this chapter teaches', () => {
    for (const id of ['mse-gradient', 'logistic-loss-gradient', 'softmax-cross-entropy-backward']) {
      expect(lesson).toContain(`<Exercise id="${id}" />`);
    }
  });

  test('has a cell for the overflow and one for the saturation plot, before the summary', () => {
    const summary = lesson.indexOf('## What to remember');
    for (const id of ['softmax-overflow', 'saturation-gradients']) {
      const at = lesson.indexOf(`<Cell id="${id}"`);
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThan(summary);
    }
  });
});
