// The optimizer registry is the one list of optimizers, and the base's prologue (maximize, weight
// decay) is the same for every optimizer, so an optimizer file writes only its own rule.

import { describe, expect, test } from 'vitest';
import { Adam, AdamW, OPTIMIZERS, Random, SGD, createOptimizer, optimizerEntry, optimizerHyperparameters, tensor, type Tensor } from '../../engine/index.ts';
import { OPTIMIZERS as CONFORMANCE_OPTIMIZERS, runCase, torchName } from '../../conformance/runner.ts';
import { CHOICES } from '../../site/lesson/playground/choices.ts';
import { DEFAULT_STATE, OPTIMIZERS as PLAYGROUND_OPTIMIZERS } from '../../site/lesson/playground/state.ts';
import { makeModel, makeOptimizer } from '../../site/lesson/playground/trainer.ts';
import { COMMON_HYPERPARAMETERS, Optimizer, learningRate, type HyperParameters } from '../../engine/optim/optimizer.ts';

const names = OPTIMIZERS.map((entry) => entry.name);
const classes = OPTIMIZERS.filter((entry) => !('preset' in entry));

/** One step of `make`'s optimizer on θ = [0.5, -1, 2] with gradient `grad`; returns θ after the step. */
function stepOnce(make: (params: Tensor[]) => Optimizer, grad: number[], theta = [0.5, -1, 2], steps = 3): number[] {
  const w = tensor(theta, { requiresGrad: true });
  const optimizer = make([w]);
  for (let s = 0; s < steps; s++) {
    optimizer.zeroGrad();
    w.grad = tensor(grad.map((g, i) => g * (s + 1) + w.data[i] * 0.25));
    optimizer.step();
  }
  return Array.from(w.data);
}

describe('the optimizer registry', () => {
  test('the registry, the conformance runner and the playground list the same optimizers', () => {
    expect(new Set(names).size).toBe(names.length);
    // The conformance runner knows every torch.optim class of the registry, and nothing else.
    expect(Object.keys(CONFORMANCE_OPTIMIZERS)).toEqual(classes.map((entry) => entry.name));
    // The playground offers every registered optimizer, labelled as the registry labels it.
    expect([...PLAYGROUND_OPTIMIZERS]).toEqual(names);
    expect(CHOICES.optimizer).toEqual(OPTIMIZERS.map((entry) => ({ value: entry.name, label: entry.label })));
    // ...and builds each of them as the registry does.
    for (const entry of OPTIMIZERS) {
      const model = makeModel({ ...DEFAULT_STATE, optimizer: entry.name }, new Random(1));
      const built = makeOptimizer(entry.name, model, 0.01, 0.001);
      expect(built).toBeInstanceOf(entry.optimizer);
      expect([built.lr, built.weightDecay]).toEqual([0.01, 0.001]);
      for (const [option, value] of Object.entries('preset' in entry ? entry.preset : {})) expect((built as unknown as Record<string, unknown>)[option]).toBe(value);
    }
  });

  test('every entry has a label, a one-line description and a class whose hyper-parameters include the shared ones', () => {
    for (const entry of OPTIMIZERS) {
      expect(entry.name).toMatch(/^[a-z]+$/);
      expect(entry.label.trim()).not.toBe('');
      expect(entry.description).toMatch(/^[A-Z].*\.$/);
      expect(entry.description).not.toContain('\n');
      const table = entry.optimizer.hyperparameters;
      expect(Object.keys(table)).toEqual(expect.arrayContaining(['lr', 'weightDecay', 'maximize']));
      for (const [option, spec] of Object.entries(table)) expect(spec.description, `${entry.name}.${option}`).toMatch(/^\S.*\.$/);
    }
  });

  test('an optimizer created without options has its table’s defaults, and a preset’s values are its defaults', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    for (const entry of OPTIMIZERS) {
      const optimizer = createOptimizer(entry.name, [w]) as unknown as Record<string, unknown>;
      for (const [option, spec] of Object.entries(optimizerHyperparameters(entry.name))) {
        expect(optimizer[option], `${entry.name}.${option}`).toEqual(spec.default);
      }
    }
    expect(optimizerHyperparameters('momentum').momentum.default).toBe(0.9);
    expect(optimizerHyperparameters('adamw').weightDecay.default).toBe(1e-2);
  });

  test('an unknown name, an unknown option or a value out of range is refused with its name', () => {
    const w = tensor([1], { requiresGrad: true });
    expect(() => optimizerEntry('lion')).toThrow(/unknown optimizer 'lion'; known: sgd, momentum/);
    expect(() => new SGD([w], { momentun: 0.9 } as never)).toThrow(/SGD: unknown option 'momentun'/);
    expect(() => new Adam([w], { betas: [0.9, 1] })).toThrow(/Adam: betas must be a pair of numbers >= 0 and < 1, got \[0.9, 1\]/);
    expect(() => new SGD([w], { lr: -1 })).toThrow(/SGD: lr must be a number >= 0, got -1/);
    expect(() => new SGD([w], { weightDecay: Number.NaN })).toThrow(/weightDecay/);
    expect(() => new SGD([w], { maximize: 1 as never })).toThrow(/maximize must be true or false/);
  });

  test('the conformance runner reads PyTorch’s spelling of every registered hyper-parameter', () => {
    expect(torchName('weightDecay')).toBe('weight_decay');
    expect(torchName('initialAccumulatorValue')).toBe('initial_accumulator_value');
    expect(CONFORMANCE_OPTIMIZERS.adagrad.hyper.lr_decay).toBe('lrDecay');
    const result = runCase({
      name: 'adamw with every hyper-parameter spelt as torch',
      optimizer: 'AdamW',
      hyper: { lr: 0.1, betas: [0.8, 0.9], eps: 1e-6, weight_decay: 0.1, amsgrad: true, maximize: false, foreach: null },
      params: { w: { shape: [1], data: [1] } },
      program: [{ out: 'loss', op: 'sum', args: ['w'] }],
      steps: 1,
      expected: {},
    });
    expect(result).toMatchObject({ ok: true });
    expect(runCase({ name: 'a preset is not a torch class', optimizer: 'momentum', params: { w: { shape: [1], data: [1] } }, program: [{ out: 'l', op: 'sum', args: ['w'] }], steps: 1, expected: {} })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/unknown optimizer 'momentum'/),
    });
  });
});

describe('the optimizer prologue', () => {
  const g = [0.3, -0.2, 0.7];
  for (const entry of classes) {
    test(`${entry.label}: maximizing a gradient steps as minimizing its negation`, () => {
      const up = stepOnce((p) => createOptimizer(entry.name, p, { lr: 0.05, maximize: true, weightDecay: 0 }), g);
      // With maximize, the prologue negates the whole gradient the step function sets (g·(s+1) + θ/4).
      const w = tensor([0.5, -1, 2], { requiresGrad: true });
      const down = createOptimizer(entry.name, [w], { lr: 0.05, weightDecay: 0 });
      for (let s = 0; s < 3; s++) {
        down.zeroGrad();
        w.grad = tensor(g.map((gi, i) => -(gi * (s + 1) + w.data[i] * 0.25)));
        down.step();
      }
      expect(up).toEqual(Array.from(w.data));
    });
  }

  for (const entry of classes.filter((e) => e.optimizer !== AdamW)) {
    test(`${entry.label}: weight decay λ adds λ θ to the gradient`, () => {
      const decayed = stepOnce((p) => createOptimizer(entry.name, p, { lr: 0.05, weightDecay: 0.1 }), g);
      const w = tensor([0.5, -1, 2], { requiresGrad: true });
      const plain = createOptimizer(entry.name, [w], { lr: 0.05, weightDecay: 0 });
      for (let s = 0; s < 3; s++) {
        plain.zeroGrad();
        w.grad = tensor(g.map((gi, i) => gi * (s + 1) + w.data[i] * 0.25 + 0.1 * w.data[i]));
        plain.step();
      }
      for (const [i, v] of decayed.entries()) expect(v).toBeCloseTo(w.data[i], 14);
    });
  }

  test('AdamW: decoupled decay shrinks θ ← θ (1 - η λ) before Adam’s step, and never enters the gradient', () => {
    const decoupled = stepOnce((p) => new AdamW(p, { lr: 0.05, weightDecay: 0.1 }), g, [0.5, -1, 2], 1);
    const shrunk = [0.5, -1, 2].map((v) => v * (1 - 0.05 * 0.1));
    const w = tensor(shrunk, { requiresGrad: true });
    const adam = new Adam([w], { lr: 0.05 });
    w.grad = tensor(g.map((gi, i) => gi + [0.5, -1, 2][i] * 0.25));
    adam.step();
    expect(decoupled).toEqual(Array.from(w.data));
  });
});

describe('a new optimizer', () => {
  /** signSGD, θ ← θ - η sign(g): a whole optimizer is its table and its rule. */
  class SignSGD extends Optimizer {
    static readonly hyperparameters: HyperParameters = { lr: learningRate(0.01), ...COMMON_HYPERPARAMETERS };
    protected override update(theta: Float64Array, grad: Float64Array): void {
      for (let i = 0; i < theta.length; i++) theta[i] -= this.lr * Math.sign(grad[i]);
    }
  }

  test('writes only its rule: defaults, checks, maximize and weight decay come from the base', () => {
    const w = tensor([1, -2], { requiresGrad: true });
    const plain = new SignSGD([w]);
    expect([plain.lr, plain.weightDecay, plain.maximize]).toEqual([0.01, 0, false]);
    expect(() => new SignSGD([w], { lr: -1 })).toThrow(/SignSGD: lr must be a number >= 0/);
    // ∇ = [0.5, 0.5]; with weight decay 1 the prologue's g = ∇ + θ = [1.5, -1.5], whose sign moves θ by ∓η.
    w.grad = tensor([0.5, 0.5]);
    new SignSGD([w], { lr: 0.1, weightDecay: 1 }).step();
    expect(Array.from(w.data)).toEqual([0.9, -1.9]);
    w.grad = tensor([0.5, 0.5]);
    new SignSGD([w], { lr: 0.1, maximize: true }).step();
    expect(Array.from(w.data).map((v) => +v.toFixed(12))).toEqual([1, -1.8]);
  });

  test('an optimizer class without a hyper-parameter table is refused with a pointer to an example', () => {
    class Bare extends Optimizer {
      protected override update(): void {}
    }
    expect(() => new Bare([tensor([1], { requiresGrad: true })])).toThrow(/Bare: an optimizer class needs a static `hyperparameters` table/);
  });
});

describe("the registry's map to torch.optim (the conformance runner's and the PyTorch export's)", () => {
  test('every entry maps to its torch.optim class, presets to their class with the preset in torch names', async () => {
    const { TORCH_OPTIMIZERS, torchOptimizer } = await import('../../engine/index.ts');
    expect(CONFORMANCE_OPTIMIZERS).toBe(TORCH_OPTIMIZERS);
    expect(Object.fromEntries(Object.entries(TORCH_OPTIMIZERS).map(([name, spec]) => [name, spec.torch]))).toEqual({
      sgd: 'SGD', adagrad: 'Adagrad', rmsprop: 'RMSprop', adam: 'Adam', adamw: 'AdamW',
    });
    expect(torchOptimizer('nesterov', { lr: 0.1, weightDecay: 0.01 })).toEqual({
      torch: 'SGD', options: { momentum: 0.9, nesterov: true, lr: 0.1, weight_decay: 0.01 },
    });
    expect(torchOptimizer('momentum', { lr: 0.1 })).toEqual({ torch: 'SGD', options: { momentum: 0.9, lr: 0.1 } });
    expect(torchOptimizer('adam', { lr: 0.01, weightDecay: 0 })).toEqual({ torch: 'Adam', options: { lr: 0.01, weight_decay: 0 } });
    for (const name of names) expect(() => torchOptimizer(name, { lr: 0.1 })).not.toThrow();
    expect(() => torchOptimizer('adam', { dampening: 0.5 })).toThrow(/not one of its options/);
    expect(() => torchOptimizer('lbfgs')).toThrow(/unknown optimizer/);
  });
});
