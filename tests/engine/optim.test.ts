import { describe, expect, test } from 'vitest';
import { Adagrad, Adam, AdamW, RMSprop, SGD, tensor, type Optimizer, type Tensor } from '../../engine/index.ts';

/** f(w) = Σ (w - target)², with its minimum at target. */
const target = [1.5, -0.5, 2];
function quadratic(w: Tensor): Tensor {
  return w.sub(tensor(target)).pow(2).sum();
}

/** Runs `steps` optimizer steps on the quadratic and returns the final loss. */
function train(make: (params: Tensor[]) => Optimizer, steps: number): { w: Tensor; loss: number } {
  const w = tensor([0, 0, 0], { requiresGrad: true });
  const optimizer = make([w]);
  let loss = Infinity;
  for (let i = 0; i < steps; i++) {
    optimizer.zeroGrad();
    const l = quadratic(w);
    loss = l.item();
    l.backward();
    optimizer.step();
  }
  return { w, loss };
}

describe('optimizers', () => {
  const makers: [string, (p: Tensor[]) => Optimizer][] = [
    ['SGD', (p) => new SGD(p, { lr: 0.1 })],
    ['SGD with Nesterov momentum', (p) => new SGD(p, { lr: 0.05, momentum: 0.9, nesterov: true })],
    ['Adagrad', (p) => new Adagrad(p, { lr: 0.5 })],
    ['RMSprop centered with momentum', (p) => new RMSprop(p, { lr: 0.01, momentum: 0.5, centered: true })],
    ['Adam', (p) => new Adam(p, { lr: 0.1 })],
    ['Adam with AMSGrad', (p) => new Adam(p, { lr: 0.1, amsgrad: true })],
    ['AdamW', (p) => new AdamW(p, { lr: 0.1, weightDecay: 0 })],
  ];
  for (const [name, make] of makers) {
    test(`${name} minimises a quadratic`, () => {
      const { w, loss } = train(make, 400);
      expect(loss).toBeLessThan(1e-4);
      (w.toArray() as number[]).forEach((v, i) => expect(v).toBeCloseTo(target[i], 2));
    });
  }

  test('defaults follow torch.optim', () => {
    const p = [tensor([1], { requiresGrad: true })];
    expect(new SGD(p).lr).toBe(1e-3);
    const adagrad = new Adagrad(p);
    expect([adagrad.lr, adagrad.lrDecay, adagrad.eps, adagrad.initialAccumulatorValue]).toEqual([0.01, 0, 1e-10, 0]);
    const rms = new RMSprop(p);
    expect([rms.lr, rms.alpha, rms.eps, rms.momentum, rms.centered]).toEqual([0.01, 0.99, 1e-8, 0, false]);
    const adam = new Adam(p);
    expect([adam.lr, adam.betas, adam.eps, adam.weightDecay, adam.amsgrad]).toEqual([1e-3, [0.9, 0.999], 1e-8, 0, false]);
    expect(new AdamW(p).weightDecay).toBe(1e-2);
  });

  test('plain SGD takes θ ← θ - η ∇f', () => {
    const w = tensor([0.5, -1], { requiresGrad: true });
    const before = Array.from(w.data);
    const sgd = new SGD([w], { lr: 0.1 });
    quadratic2(w).backward();
    const grad = Array.from(w.grad!.data);
    sgd.step();
    (w.toArray() as number[]).forEach((v, i) => expect(v).toBe(before[i] - 0.1 * grad[i]));
  });

  test('maximize climbs instead of descending', () => {
    const w = tensor([0.5], { requiresGrad: true });
    const sgd = new SGD([w], { lr: 0.1, maximize: true });
    w.mul(w).sum().backward();
    sgd.step();
    expect(w.item()).toBe(0.5 + 0.1 * 2 * 0.5);
  });

  test('a schedule can change the learning rate between steps', () => {
    const w = tensor([1], { requiresGrad: true });
    const sgd = new SGD([w], { lr: 0.1 });
    sgd.lr = 0;
    w.mul(w).sum().backward();
    sgd.step();
    expect(w.item()).toBe(1);
  });

  test('AdamW shrinks the weights by (1 - ηλ) where Adam adds λθ to the gradient', () => {
    // With a zero gradient, AdamW's step is pure decay, while Adam's L2 term becomes a normalised step.
    const a = tensor([2], { requiresGrad: true });
    const b = tensor([2], { requiresGrad: true });
    a.grad = tensor([0]);
    b.grad = tensor([0]);
    new AdamW([a], { lr: 0.1, weightDecay: 0.5 }).step();
    new Adam([b], { lr: 0.1, weightDecay: 0.5 }).step();
    expect(a.item()).toBe(2 * (1 - 0.1 * 0.5));
    // Adam's first step moves by about η whatever the gradient's size: m̂/√v̂ = ±1.
    expect(b.item()).toBeCloseTo(2 - 0.1, 6);
  });

  test('parameters without a gradient are left alone', () => {
    const w = tensor([1], { requiresGrad: true });
    new Adam([w], { lr: 0.1 }).step();
    expect(w.item()).toBe(1);
  });

  test('Nesterov momentum without momentum is refused', () => {
    expect(() => new SGD([tensor([1], { requiresGrad: true })], { nesterov: true })).toThrow(
      'SGD: Nesterov momentum requires a momentum > 0 and zero dampening',
    );
  });

  test('a restored state continues exactly where the saved optimizer was', () => {
    const w1 = tensor([0, 0, 0], { requiresGrad: true });
    const opt1 = new Adam([w1], { lr: 0.05 });
    const run = (w: Tensor, opt: Optimizer) => {
      opt.zeroGrad();
      quadratic(w).backward();
      opt.step();
    };
    for (let i = 0; i < 3; i++) run(w1, opt1);
    const w2 = tensor(Array.from(w1.data), { requiresGrad: true });
    const opt2 = new Adam([w2], { lr: 0.05 });
    opt2.loadStateDict(JSON.parse(JSON.stringify(opt1.stateDict())));
    for (let i = 0; i < 3; i++) {
      run(w1, opt1);
      run(w2, opt2);
    }
    expect(Array.from(w2.data)).toEqual(Array.from(w1.data));
  });
});

/** f(w) = Σ w⁴ / 4 + w, a non-quadratic test function. */
function quadratic2(w: Tensor): Tensor {
  return w.pow(4).div(4).add(w).sum();
}
