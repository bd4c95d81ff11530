// The claims lesson 5 makes about backpropagation, recomputed here from scratch: with the engine's autograd and with
// central differences, never from the numbers the examples module printed.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { gradcheck, relu, sigmoid, tanh, tensor, type Tensor } from '../../engine/index.ts';
import { cost, gradientCheck, neuron, paths, tanhNetwork, twoTwoOne, vectorised } from '../../lessons/examples/backprop.ts';

const lesson = readFileSync(new URL('../../lessons/05-backprop.mdx', import.meta.url), 'utf8');

/** Reads a number the module formatted (true minus sign) back. */
const number = (text: string): number => Number(text.replace('\u2212', '-'));

/** A formatted tuple "(a, b, c)" back as numbers. */
const tuple = (text: string): number[] => text.slice(1, -1).split(', ').map(number);

/** The central difference of f at x with step h. */
const central = (f: (x: number) => number, x: number, h = 1e-6): number => (f(x + h) - f(x - h)) / (2 * h);

describe('lesson 5: the chain rule', () => {
  test('df/dt is the sum of the two path products, and equals autograd and a central difference', () => {
    const f = (t: number) => 2 * t + 1 + Math.exp(t * t * (2 * t + 1));
    expect(number(paths.viaX) + number(paths.viaY)).toBeCloseTo(number(paths.total), 2);
    expect(number(paths.autograd)).toBeCloseTo(central(f, 0.5), 6);
    const t = tensor(0.5, { requiresGrad: true });
    const x = t.pow(2);
    const y = t.mul(2).add(1);
    y.add(x.mul(y).exp()).backward();
    expect(number(paths.autograd)).toBeCloseTo(t.grad!.item(), 6);
  });

  test('the paths figure is a labelled image naming both path products', () => {
    expect(paths.figure).toMatch(/^<svg class="diagram"[^>]*role="img"/);
    expect(paths.figure).toContain(`df/dt = ${paths.viaX} + ${paths.viaY} = ${paths.total}`);
  });
});

describe('lesson 5: one neuron, forward and backward', () => {
  test('every error signal the lesson shows equals autograd and finite differences', () => {
    const [x, w, b, y] = [1.2, 0.8, -0.4, 1];
    const loss = (wv: number, bv: number, xv: number) => 0.5 * (1 / (1 + Math.exp(-(wv * xv + bv))) - y) ** 2;
    const W = tensor(w, { requiresGrad: true });
    const B = tensor(b, { requiresGrad: true });
    const X = tensor(x, { requiresGrad: true });
    sigmoid(W.mul(X).add(B)).sub(y).pow(2).mul(0.5).backward();
    expect(number(neuron.wBar)).toBeCloseTo(W.grad!.item(), 4);
    expect(number(neuron.bBar)).toBeCloseTo(B.grad!.item(), 4);
    expect(number(neuron.xBar)).toBeCloseTo(X.grad!.item(), 4);
    expect(number(neuron.wBar)).toBeCloseTo(central((v) => loss(v, b, x), w), 4);
    expect(number(neuron.bBar)).toBeCloseTo(central((v) => loss(w, v, x), b), 4);
    expect(number(neuron.loss)).toBeCloseTo(loss(w, b, x), 4);
    expect(number(neuron.zBar)).toBeCloseTo(number(neuron.yHatBar) * number(neuron.sigmoidSlope), 3);
    expect(neuron.agreement).toBe('agree to the last bit');
  });

  test('the computation graph shows each node’s value and bar', () => {
    expect(neuron.graph).toContain(`value ${neuron.yHat}`);
    expect(neuron.graph).toContain(`bar ${neuron.zBar}`);
    expect(neuron.graph).toContain(`bar ${neuron.wBar}`);
  });
});

describe('lesson 5: the 2-2-1 network of seed 000', () => {
  const weights = { w13: 0.5, w23: -1, w14: -0.3, w24: 0.8, w35: 1.2, w45: -0.7 };
  const [x1, x2, y] = [1, 2, 1];
  type Name = keyof typeof weights;
  const error = (ws: Record<Name, number>, activation: (v: number) => number) => {
    const h3 = activation(ws.w13 * x1 + ws.w23 * x2);
    const h4 = activation(ws.w14 * x1 + ws.w24 * x2);
    return (ws.w35 * h3 + ws.w45 * h4 - y) ** 2;
  };

  test('every gradient of the table equals a central difference and the engine’s autograd', () => {
    const leaves = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, tensor(v, { requiresGrad: true })])) as Record<Name, Tensor>;
    const h3 = leaves.w13.mul(x1).add(leaves.w23.mul(x2));
    const h4 = leaves.w14.mul(x1).add(leaves.w24.mul(x2));
    leaves.w35.mul(h3).add(leaves.w45.mul(h4)).sub(y).pow(2).backward();
    expect(twoTwoOne.rows).toHaveLength(6);
    (Object.keys(weights) as Name[]).forEach((name, i) => {
      const row = twoTwoOne.rows[i];
      expect(row.formula).toBe(row.autograd);
      expect(number(row.formula)).toBeCloseTo(leaves[name].grad!.item(), 3);
      const numeric = central((v) => error({ ...weights, [name]: v }, (t) => t), weights[name]);
      expect(number(row.formula)).toBeCloseTo(numeric, 3);
    });
    expect(number(twoTwoOne.error)).toBeCloseTo(error(weights, (t) => t), 4);
  });

  test('with ReLU units the gate is on the pre-activation: w13 gets no gradient although x1 > 0', () => {
    const numeric = central((v) => error({ ...weights, w13: v }, (t) => Math.max(t, 0)), weights.w13);
    expect(numeric).toBe(0);
    expect(number(twoTwoOne.relu.autogradW13)).toBe(0);
    expect(number(twoTwoOne.relu.notesW13)).not.toBe(0);
    const numeric14 = central((v) => error({ ...weights, w14: v }, (t) => Math.max(t, 0)), weights.w14);
    expect(number(twoTwoOne.relu.autogradW14)).toBeCloseTo(numeric14, 3);
    // And through the engine's relu op.
    const w13 = tensor(weights.w13, { requiresGrad: true });
    const w14 = tensor(weights.w14, { requiresGrad: true });
    const out = relu(w13.mul(x1).add(weights.w23 * x2)).mul(weights.w35).add(relu(w14.mul(x1).add(weights.w24 * x2)).mul(weights.w45));
    out.sub(y).pow(2).backward();
    expect(w13.grad!.item()).toBe(0);
  });
});

describe('lesson 5: the tanh network of seed 004, corrected', () => {
  const x = [1, 0.5, -1];
  const w1 = [
    [0.1, -0.2],
    [0.8, 0.3],
    [-0.5, 0.9],
  ];
  const w2 = [0.05, 1.1, -0.7];
  const y = 0.5;
  const lossOfA = (a: number[]) => 0.5 * (w2[0] + w2[1] * Math.tanh(a[0]) + w2[2] * Math.tanh(a[1]) - y) ** 2;
  const a = [0, 1].map((j) => x.reduce((s, xi, i) => s + w1[i][j] * xi, 0));

  test('the corrected δⱼ equal ∂L/∂aⱼ by autograd and by central differences; the notes’ do not', () => {
    const A = tensor(a, { requiresGrad: true });
    tanh(A).mul(tensor(w2.slice(1))).sum().add(w2[0]).sub(y).pow(2).mul(0.5).backward();
    [0, 1].forEach((j) => {
      const numeric = central((v) => lossOfA(j === 0 ? [v, a[1]] : [a[0], v]), a[j]);
      expect(number(tanhNetwork.deltas[j])).toBeCloseTo(numeric, 4);
      expect(number(tanhNetwork.deltas[j])).toBeCloseTo(A.grad!.data[j], 4);
      expect(tanhNetwork.autogradDeltas[j]).toBe(tanhNetwork.deltas[j]);
      expect(Math.abs(number(tanhNetwork.notesDeltas[j]) - numeric)).toBeGreaterThan(0.1);
    });
  });

  test('the output δ is ŷ − y, and the weight gradients pass the engine’s gradcheck', () => {
    expect(number(tanhNetwork.delta)).toBeCloseTo(number(tanhNetwork.yHat) - y, 3);
    expect(number(tanhNetwork.notesDelta)).toBeCloseTo(-number(tanhNetwork.delta), 4);
    const W1 = tensor(w1, { requiresGrad: true });
    const f = (W: Tensor) => tanh(tensor([x]).matmul(W)).matmul(tensor([[1.1], [-0.7]])).add(0.05).sub(y).pow(2).mul(0.5).sum();
    expect(gradcheck(f, [W1]).ok).toBe(true);
    f(W1).backward();
    const z = [1, ...a.map(Math.tanh)];
    const yHat = w2.reduce((s, w, j) => s + w * z[j], 0);
    tuple(tanhNetwork.outputGradient).forEach((g, j) => expect(g).toBeCloseTo((yHat - y) * z[j], 4));
    tanhNetwork.gradW1.forEach((row, i) => row.forEach((g, j) => expect(number(g)).toBeCloseTo(W1.grad!.data[2 * i + j], 4)));
  });

  test('a step with the corrected gradients lowers the loss; with the notes’ it rises', () => {
    expect(number(tanhNetwork.lossAfter)).toBeLessThan(number(tanhNetwork.loss));
    expect(number(tanhNetwork.lossAfterNotes)).toBeGreaterThan(number(tanhNetwork.loss));
    expect(number(tanhNetwork.lossAfterSignOnly)).toBeGreaterThan(number(tanhNetwork.loss));
  });
});

describe('lesson 5: vectorised backward, cost and gradient checking', () => {
  test('the matrix formulas agree with autograd, and the shape figure draws every product', () => {
    expect(vectorised.agreement).toBe('agree to the last bit');
    for (const name of ['W̄₁', 'Z̄₁ᵀ', 'X̄', 'W₁', 'b̄₁']) expect(vectorised.figure).toContain(`>${name}</text>`);
    expect(vectorised.figure).toContain('H × D');
  });

  test('the backward pass counts about one forward pass of multiply-adds, and the measured ratio is a small constant', () => {
    const forward = 64 * (784 * 256 + 256 * 10);
    const backward = 64 * (784 * 256 + 2 * 256 * 10);
    expect(cost.forwardCount).toBe(forward.toLocaleString('en'));
    expect(cost.backwardCount).toBe(backward.toLocaleString('en'));
    expect(cost.parameters).toBe((256 * 785 + 10 * 257).toLocaleString('en'));
    expect(number(cost.ratio)).toBeGreaterThan(1);
    expect(number(cost.ratio)).toBeLessThan(6);
  });

  test('the central difference’s error shrinks as h² and then grows with round-off; the notes’ gradient fails the check', () => {
    expect(number(gradientCheck.centralSlope)).toBeCloseTo(2, 1);
    expect(number(gradientCheck.forwardSlope)).toBeCloseTo(1, 1);
    const best = number(gradientCheck.bestExponent);
    expect(best).toBeGreaterThanOrEqual(-7);
    expect(best).toBeLessThanOrEqual(-4);
    expect(number(gradientCheck.exact)).toBeCloseTo(number(tanhNetwork.gradW1[1][0]), 4);
    expect(number(gradientCheck.notesGradient)).not.toBeCloseTo(number(gradientCheck.numeric), 2);
    expect(number(gradientCheck.badRelative)).toBeGreaterThan(0.1);
    expect(gradientCheck.chart).toContain('role="img"');
  });
});

describe('lesson 5: the page', () => {
  test('places every backprop exercise and all four stepper presets, none left as a comment', () => {
    const ids = ['sigmoid-backward', 'small-network-gradient', 'mlp-backward', 'one-hidden-layer-quiz', 'tanh-network-backward', 'two-two-one-by-hand', 'value-backward', 'gradient-check'];
    for (const id of ids) expect(lesson).toContain(`<Exercise id="${id}" />`);
    for (const preset of ['neuron', 'seed000-221', 'logistic-least-squares', 'mlp-softmax']) expect(lesson).toContain(`<BackpropStepper preset="${preset}" />`);
    expect(lesson).not.toContain('PLACE:');
  });

  test('the Value class in the cells has the fixed API', () => {
    for (const member of ['data: number;', 'grad = 0;', "constructor(data: number, children: Value[] = [], op = '')", 'add(other: Value | number): Value', 'mul(other: Value | number): Value', 'tanh(): Value', 'backward(): void']) {
      expect(lesson).toContain(member);
    }
  });
});
