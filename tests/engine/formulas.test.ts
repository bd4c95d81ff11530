// The registry of activations and losses (engine/formulas/): every entry's derivative agrees with central
// differences of its own formula, and every reader of the registry (nn, the conformance table, the fast kernel)
// sees every entry. A new entry is covered here without a new line.

import { describe, expect, test } from 'vitest';
import { Random } from '../../engine/random.ts';
import {
  ACTIVATION_FUNCTIONS,
  TRAINABLE_ELEMENTWISE,
  activationFunction,
  isLearnable,
  parameterValues,
  type ActivationFunction,
  type ElementwiseActivation,
  type ParameterValues,
} from '../../engine/formulas/activations.ts';
import { LOSS_FUNCTIONS, lossFunction, type LossFunction, type PairLoss } from '../../engine/formulas/losses.ts';
import { activations } from '../../engine/nn/activation.ts';
import { OPS } from '../../conformance/runner.ts';

const ENTRIES = Object.values(ACTIVATION_FUNCTIONS) as ActivationFunction[];
const ELEMENTWISE = ENTRIES.filter((entry): entry is ElementwiseActivation => entry.kind === 'elementwise');
const LOSSES = Object.values(LOSS_FUNCTIONS) as LossFunction[];

/** The central difference (f(x + h) - f(x - h)) / 2h. */
const centralDifference = (f: (x: number) => number, x: number, h = 1e-6): number => (f(x + h) - f(x - h)) / (2 * h);

/** Seeded points in [-4, 4] kept 1e-3 away from the kinks, where a one-sided formula and the difference disagree. */
function points(seed: number, kinks: number[]): number[] {
  const rng = new Random(seed);
  const out: number[] = [];
  while (out.length < 40) {
    const x = rng.uniform(-4, 4);
    if (kinks.every((k) => Math.abs(x - k) > 1e-3)) out.push(x);
  }
  return out;
}

/** Parameter values to try: the defaults, and seeded draws from each range worth exploring. */
function parameterSets(entry: ElementwiseActivation, seed: number): ParameterValues[] {
  const rng = new Random(seed);
  const sets = [parameterValues(entry)];
  for (let i = 0; i < 3; i++) {
    const given: Record<string, number> = {};
    for (const p of entry.parameters) if (p.range) given[p.name] = rng.uniform(p.range.min, p.range.max);
    sets.push(parameterValues(entry, given));
  }
  return sets;
}

describe('the registry of activations', () => {
  for (const entry of ELEMENTWISE.filter((e) => e.differentiable)) {
    test(`${entry.name}: f′ agrees with central differences of f, at its defaults and at parameters drawn from its ranges`, () => {
      for (const p of parameterSets(entry, 1)) {
        const kinks = [0, ...entry.parameters.filter((q) => q.name === 'min' || q.name === 'max').map((q) => p[q.name])];
        for (const x of points(2, kinks)) {
          const y = entry.f(x, p);
          const numeric = centralDifference((v) => entry.f(v, p), x);
          expect(Math.abs(entry.df(x, y, p) - numeric), `${entry.name}'(${x})`).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
        }
      }
    });
  }

  test('the learned parameter of PReLU has ∂y/∂a agreeing with central differences', () => {
    for (const entry of ELEMENTWISE.filter(isLearnable)) {
      const learned = entry.parameters.find((p) => p.learnable)!;
      for (const x of points(3, [0])) {
        const a = 0.3;
        const numeric = centralDifference((v) => entry.f(x, { [learned.name]: v }), a);
        expect(Math.abs(entry.dParameter![learned.name]!(x, entry.f(x, { [learned.name]: a }), { [learned.name]: a }) - numeric)).toBeLessThan(1e-6);
      }
    }
  });

  test('line entries (softmax, log-softmax) give a backward rule that agrees with central differences of their forward pass', () => {
    const xs = Float64Array.of(0.3, -1.2, 2.0, 0.7);
    const g = Float64Array.of(0.5, -1, 0.25, 2);
    for (const entry of ENTRIES.filter((e) => e.kind === 'line')) {
      if (entry.kind !== 'line') continue;
      const weighted = (v: Float64Array) => {
        const y = new Float64Array(v.length);
        entry.forward(v, y, 0, v.length, 1);
        return y.reduce((sum, yi, i) => sum + g[i] * yi, 0);
      };
      const ys = new Float64Array(xs.length);
      entry.forward(xs, ys, 0, xs.length, 1);
      const gx = new Float64Array(xs.length);
      entry.backward(g, xs, ys, gx, 0, xs.length, 1);
      for (let i = 0; i < xs.length; i++) {
        const numeric = centralDifference((v) => weighted(Float64Array.from(xs, (x, j) => (j === i ? v : x))), xs[i]);
        expect(Math.abs(gx[i] - numeric), `${entry.name} element ${i}`).toBeLessThan(1e-7);
      }
    }
  });

  test('every entry has its own name, a title, formulas, and parameters with defaults inside their ranges', () => {
    const names = ENTRIES.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(ACTIVATION_FUNCTIONS)).toEqual(names);
    for (const entry of ENTRIES) {
      expect(entry.title.length * entry.formula.length * entry.derivativeFormula.length, entry.name).toBeGreaterThan(0);
      for (const p of entry.parameters) {
        expect(p.torch.length, `${entry.name}.${p.name}`).toBeGreaterThan(0);
        if (p.range) expect(p.default >= p.range.min && p.default <= p.range.max, `${entry.name}.${p.name}`).toBe(true);
      }
    }
    // Entries may share a PyTorch name only when string attributes tell them apart (GELU's approximate).
    const byTorch = new Map<string, ActivationFunction[]>();
    for (const e of ENTRIES) byTorch.set(e.torch, [...(byTorch.get(e.torch) ?? []), e]);
    for (const [torch, shared] of byTorch) {
      if (shared.length > 1) expect(new Set(shared.map((e) => JSON.stringify(e.torchAttributes))).size, torch).toBe(shared.length);
    }
  });

  test('nn, the conformance table and the fast kernel see every entry', () => {
    for (const entry of ENTRIES) {
      expect(Object.prototype.hasOwnProperty.call(OPS, entry.torch), entry.torch).toBe(true);
      if (!isLearnable(entry)) expect(Object.keys(activations), entry.name).toContain(entry.name);
    }
    expect([...TRAINABLE_ELEMENTWISE]).toEqual(ELEMENTWISE.filter((e) => e.differentiable && !isLearnable(e)).map((e) => e.name));
    expect(() => activationFunction('swishy')).toThrow(/unknown activation 'swishy'; known: identity, step/);
  });
});

describe('the registry of losses', () => {
  for (const entry of LOSSES.filter((e): e is PairLoss => e.kind === 'pair')) {
    test(`${entry.name}: ∂ℓ/∂p and ∂ℓ/∂t agree with central differences of ℓ`, () => {
      const p = parameterValues(entry);
      const rng = new Random(5);
      for (let i = 0; i < 40; i++) {
        // Probabilities for binary cross-entropy on probabilities, any real otherwise; targets away from the hinge's kink.
        const prediction = entry.name === 'binaryCrossEntropy' ? rng.uniform(0.05, 0.95) : rng.uniform(-3, 3);
        const target = entry.name === 'hingeLoss' ? (rng.int(2) === 0 ? -1 : 1) : rng.uniform(0, 1);
        if (entry.name === 'hingeLoss' && Math.abs(p.margin - target * prediction) < 1e-3) continue;
        const dp = centralDifference((v) => entry.loss(v, target, p), prediction);
        const dt = centralDifference((v) => entry.loss(prediction, v, p), target);
        expect(Math.abs(entry.dp(prediction, target, p) - dp)).toBeLessThan(1e-6 * Math.max(1, Math.abs(dp)));
        expect(Math.abs(entry.dt(prediction, target, p) - dt)).toBeLessThan(1e-6 * Math.max(1, Math.abs(dt)));
      }
    });
  }

  for (const entry of LOSSES.filter((e) => e.kind === 'class')) {
    test(`${entry.name}: ∂ℓ/∂scoreⱼ agrees with central differences of ℓ`, () => {
      if (entry.kind !== 'class') return;
      const scores = Float64Array.of(0.4, -1.1, 2.3, 0.2);
      const lossAt = (s: Float64Array, t: number) => entry.loss(s, new Float64Array(s.length), 0, s.length, t);
      for (let t = 0; t < scores.length; t++) {
        const work = new Float64Array(scores.length);
        entry.loss(scores, work, 0, scores.length, t);
        for (let j = 0; j < scores.length; j++) {
          const numeric = centralDifference((v) => lossAt(Float64Array.from(scores, (s, k) => (k === j ? v : s)), t), scores[j]);
          expect(Math.abs(entry.dscore(scores, work, j, j === t) - numeric), `${entry.name} t=${t} j=${j}`).toBeLessThan(1e-7);
        }
      }
    });
  }

  test('the conformance table runs every loss under its PyTorch name, and an unknown loss is a readable error', () => {
    for (const entry of LOSSES) expect(Object.prototype.hasOwnProperty.call(OPS, entry.torch), entry.torch).toBe(true);
    expect(() => lossFunction('huber')).toThrow(/unknown loss 'huber'; known: mseLoss/);
  });
});
