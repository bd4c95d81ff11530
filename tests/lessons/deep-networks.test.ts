// The claims lesson 8 makes about deep networks, recomputed here from scratch with the engine (never from the numbers
// the examples module printed; those are only read back and compared).

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  MLP,
  Random,
  SGD,
  binaryCrossEntropyWithLogits,
  gaussian,
  heNormal,
  heUniform,
  layerHealth,
  moons,
  mseLoss,
  noGrad,
  sigmoid,
  tensor,
  xavierNormal,
  type Tensor,
} from '../../engine/index.ts';
import { deadUnits, gradientFlow, initialisation, mnist, slopes, tdGammon, SMALL_STD } from '../../lessons/examples/deep-networks.ts';

const lesson = readFileSync(new URL('../../lessons/08-deep-networks.mdx', import.meta.url), 'utf8');

/** Reads a number the module formatted (true minus sign, thousands separators, "a × 10ⁿ", a percentage) back. */
const number = (text: string): number => {
  const scientific = /^(?:(−?[\d.]+) × )?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (scientific) {
    const exponent = Number(scientific[2].replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => '-0123456789'['⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)]));
    return Number((scientific[1] ?? '1').replace('\u2212', '-')) * 10 ** exponent;
  }
  return Number(text.replace('\u2212', '-').replace(/,/g, '').replace(/%$/, ''));
};

/** A seeded standard-normal batch. */
function batch(n: number, d: number, seed: number): Tensor {
  const rng = new Random(seed);
  return tensor(Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal())));
}

/** The gradient norms of a 20-layer network of the lesson's shape, by an ordinary forward and backward pass. */
function norms(activation: 'sigmoid' | 'tanh' | 'relu', init: ReturnType<typeof gaussian>): number[] {
  const model = new MLP([10, ...Array<number>(19).fill(32), 1], { activation, init, seed: 3 });
  const x = batch(64, 10, 1);
  const y = tensor(Array.from({ length: 64 }, (_, i) => [i % 2]));
  model.zeroGrad();
  mseLoss(model.forward(x), y).backward();
  return model.linearLayers().map((layer) => Math.hypot(...layer.weight.grad!.data));
}

describe('lesson 8: the slopes and the bound', () => {
  test('σ′ peaks at 1/4 and the (1/4)ⁿ bounds are its powers', () => {
    const z = tensor([0, 2, 5], { requiresGrad: true });
    sigmoid(z).sum().backward();
    expect(slopes.sigmoidPeak).toBe('0.25');
    expect(number(slopes.sigmoidAtTwo)).toBeCloseTo(z.grad!.data[1], 3);
    expect(number(slopes.sigmoidAtFive)).toBeCloseTo(z.grad!.data[2], 4);
    for (const b of slopes.bounds) expect(number(b.bound) / 0.25 ** Number(b.n)).toBeCloseTo(1, 1);
    // The first depth at which 4^−n < 10^−6.
    expect(0.25 ** Number(slopes.millionth)).toBeLessThan(1e-6);
    expect(0.25 ** (Number(slopes.millionth) - 1)).toBeGreaterThanOrEqual(1e-6);
  });
});

describe('lesson 8: gradient flow through 20 layers', () => {
  test('sigmoid with small Gaussian weights vanishes; ReLU with He and tanh with Xavier stay within 10×', () => {
    const sig = norms('sigmoid', gaussian(SMALL_STD));
    expect(sig[19] / sig[0]).toBeGreaterThan(1e20);
    expect(number(gradientFlow.sigmoidShrink) / (sig[0] / sig[19])).toBeCloseTo(1, 1);
    for (const [activation, init] of [['relu', heNormal()], ['tanh', xavierNormal()]] as const) {
      const n = norms(activation, init);
      expect(n[19] / n[0]).toBeLessThan(10);
      expect(n[19] / n[0]).toBeGreaterThan(0.1);
    }
  });

  test('tanh with N(0, 1) weights explodes towards the input', () => {
    const n = norms('tanh', gaussian(1));
    expect(n[0] / n[19]).toBeGreaterThan(100);
    expect(number(gradientFlow.tanhLargeRatio) / (n[0] / n[19])).toBeCloseTo(1, 1);
  });

  test('the measured shrinking per sigmoid layer is near √n·s/4', () => {
    expect(number(gradientFlow.predictedFactor)).toBeCloseTo(1 / (Math.sqrt(32) * SMALL_STD * 0.25), 1);
    expect(Math.abs(number(gradientFlow.sigmoidFactor) / number(gradientFlow.predictedFactor) - 1)).toBeLessThan(0.25);
  });

  test('the figure is a labelled log-scale chart with one curve per setting', () => {
    expect(gradientFlow.chart).toMatch(/^<svg class="line-chart"[^>]*role="img"/);
    expect(gradientFlow.chart).toContain('log₁₀ ‖∂L/∂W‖');
    // The legend sits in the empty lower right, off the curves (the chart is 300 high: its middle is 150).
    expect(Number(/<rect x="[\d.]+" y="([\d.]+)"/.exec(gradientFlow.chart)?.[1])).toBeGreaterThan(150);
    expect(gradientFlow.rows.map((r) => r.label)).toEqual([`sigmoid, N(0, ${SMALL_STD}²)`, 'tanh, N(0, 1)', 'tanh, Xavier', 'ReLU, He']);
  });
});

describe('lesson 8: initialisation', () => {
  test('the table’s σ are the initialisers’ own: Xavier √(2/(n+n)), He √(2/n)', () => {
    const n = Number(initialisation.width);
    const [g, x, h] = initialisation.table;
    expect(number(g.std)).toBe(SMALL_STD);
    expect(number(x.std)).toBeCloseTo(Math.sqrt(2 / (2 * n)), 4);
    expect(number(h.std)).toBeCloseTo(Math.sqrt(2 / n), 4);
    expect(number(h.relu)).toBe(1);
    expect(number(x.relu)).toBe(0.5);
    expect(number(initialisation.heUniformBound)).toBeCloseTo(Math.sqrt(6 / n), 4);
    expect(heUniform().scale!(n, n)).toEqual({ kind: 'uniform', bound: Math.sqrt(6 / n) });
    expect(number(initialisation.gaussianTanhWidth)).toBe(Math.round(1 / SMALL_STD ** 2));
  });

  test('ReLU with He keeps E[h²]; with Xavier it halves per layer', () => {
    const n = Number(initialisation.width);
    const x = batch(64, n, 9);
    const moment = (init: ReturnType<typeof gaussian>) => {
      const model = new MLP(Array<number>(11).fill(n), { activation: 'relu', outputActivation: 'relu', init, seed: 10 });
      return noGrad(() => {
        const h = model.forward(x);
        return h.data.reduce((s, v) => s + v * v, 0) / h.size;
      });
    };
    const start = noGrad(() => x.data.reduce((s, v) => s + v * v, 0) / x.size);
    // Eleven layers of a finite width: He's product of per-layer factors of about 1 wanders, Xavier's of ½ falls.
    const he = moment(heNormal()) / start;
    const xavier = moment(xavierNormal()) / start;
    expect(he).toBeGreaterThan(0.2);
    expect(he).toBeLessThan(5);
    expect(xavier / 0.5 ** 11).toBeGreaterThan(0.25);
    expect(xavier / 0.5 ** 11).toBeLessThan(4);
    expect(number(initialisation.measured.reluXavier)).toBeCloseTo(0.5, 1);
    expect(number(initialisation.measured.reluHe)).toBeCloseTo(1, 1);
    expect(initialisation.chart).toContain('log₁₀ E[h²]');
  });
});

describe('lesson 8: dead ReLUs', () => {
  test('too large a learning rate kills the last hidden layer and leaves the loss at ln 2', () => {
    const data = moons({ n: 200, noise: 0.1, seed: 1 });
    const x = tensor(data.x);
    const y = tensor(data.y.map((v) => [v]));
    const loss = (out: Tensor) => binaryCrossEntropyWithLogits(out, y);
    const model = new MLP([2, 32, 32, 32, 1], { activation: 'relu', init: heNormal(), seed: 3 });
    const optimizer = new SGD(model.parameters(), { lr: number(deadUnits.bad.lr) });
    for (let step = 0; step < Number(deadUnits.steps); step++) {
      optimizer.zeroGrad();
      loss(model.forward(x)).backward();
      optimizer.step();
    }
    const health = layerHealth(model, x, loss);
    expect(health[2].dead).toBe(1);
    expect(health.slice(0, -1).map((h) => `${Math.round(100 * h.dead!)}%`)).toEqual(deadUnits.bad.after);
    expect(number(deadUnits.bad.loss)).toBeCloseTo(Math.log(2), 4);
    expect(deadUnits.good.after.every((d) => number(d) < 50)).toBe(true);
  });
});

describe('lesson 8: MNIST and TD-Gammon', () => {
  test('the 784-256-10 network has 784·256 + 256 + 256·10 + 10 parameters', () => {
    expect(number(mnist.total)).toBe(784 * 256 + 256 + 256 * 10 + 10);
    expect(mnist.tensors.map((t) => number(t.size))).toEqual([784 * 256, 256, 256 * 10, 10]);
    expect(number(mnist.heStd)).toBeCloseTo(Math.sqrt(2 / 784), 4);
    // The MLP's own draw (the lab's too) is PyTorch's default, uniform in ±1/√784, not He's.
    expect(number(mnist.defaultBound)).toBeCloseTo(1 / 28, 4);
    expect(number(mnist.defaultStd)).toBeCloseTo(1 / (28 * Math.sqrt(3)), 4);
    expect(tdGammon.inputs).toBe('198');
  });
});

describe('lesson 8: the page', () => {
  test('places its two exercises and its widgets, imported from the barrel, and types no computed number', () => {
    expect(lesson).toContain('<Exercise id="sigmoid-shrinkage" />');
    expect(lesson).toContain('<Exercise id="he-init-variance" />');
    expect(lesson).toContain("import { Aside, Cell, Exercise, GradientFlow, MnistLab, PositionToColour, Term } from '../site/lesson/index.ts';");
    for (const placement of [
      '<GradientFlow preset="vanishing-sigmoid" />',
      '<GradientFlow preset="exploding" />',
      '<GradientFlow preset="relu-he" />',
      '<GradientFlow preset="tanh-xavier" />',
      '<GradientFlow preset="dead-relu" />',
      '<MnistLab />',
      '<PositionToColour id="position-plain" encoding={false} />',
      '<PositionToColour id="position-encoded" encoding={true} compare={true} />',
    ]) {
      expect(lesson).toContain(placement);
    }
    expect(lesson).not.toContain('PLACE');
    expect(lesson).not.toContain('203,530');
    expect(lesson).not.toContain('203530');
  });
});
