import { describe, expect, test } from 'vitest';
import { Adam, Random, SURFACES, createOptimizer, createSurface, noisyGradient, optimizerPath, symmetricEigenvalues2, tensor, type Surface } from '../../engine/index.ts';

/** Points spread over a surface's window (a seeded grid, jittered so no point sits on a symmetry line). */
function samplePoints(surface: Surface, count = 25): [number, number][] {
  const rng = new Random(7);
  const [x0, x1] = surface.domain.x;
  const [y0, y1] = surface.domain.y;
  return Array.from({ length: count }, () => [rng.uniform(x0, x1), rng.uniform(y0, y1)] as [number, number]);
}

/** Autograd's loss and gradient of surface.loss at (x, y). */
function autograd(surface: Surface, x: number, y: number): { loss: number; grad: [number, number] } {
  const p = tensor([x, y], { requiresGrad: true });
  const loss = surface.loss(p);
  loss.backward();
  const g = p.grad?.data ?? new Float64Array(2);
  return { loss: loss.item(), grad: [g[0], g[1]] };
}

const ALL: Surface[] = [
  ...SURFACES.map((s) => createSurface(s.name)),
  createSurface('quadratic', { condition: 50, angle: 0.3 }),
  createSurface('quadratic', { condition: 1, angle: 0 }),
];

describe('loss surfaces', () => {
  test.each(ALL.map((s) => [s.label, s] as const))('%s: the fast value and gradient equal the ops and their autograd gradient', (_label, surface) => {
    for (const [x, y] of samplePoints(surface)) {
      const { loss, grad } = autograd(surface, x, y);
      const scale = Math.max(1, Math.abs(loss));
      expect(Math.abs(surface.value(x, y) - loss) / scale).toBeLessThan(1e-12);
      const [gx, gy] = surface.gradient(x, y);
      const gScale = Math.max(1, Math.abs(grad[0]), Math.abs(grad[1]));
      expect(Math.abs(gx - grad[0]) / gScale).toBeLessThan(1e-12);
      expect(Math.abs(gy - grad[1]) / gScale).toBeLessThan(1e-12);
    }
  });

  test.each(ALL.map((s) => [s.label, s] as const))('%s: the Hessian is the central difference of the gradient, and symmetric', (_label, surface) => {
    const h = 1e-5;
    for (const [x, y] of samplePoints(surface, 10)) {
      const H = surface.hessian(x, y);
      expect(H[0][1]).toBe(H[1][0]);
      const [gxp, gyp] = surface.gradient(x + h, y);
      const [gxm, gym] = surface.gradient(x - h, y);
      const [gxq, gyq] = surface.gradient(x, y + h);
      const [gxn, gyn] = surface.gradient(x, y - h);
      const numeric = [
        [(gxp - gxm) / (2 * h), (gyp - gym) / (2 * h)],
        [(gxq - gxn) / (2 * h), (gyq - gyn) / (2 * h)],
      ];
      const scale = Math.max(1, ...H.flat().map(Math.abs));
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(Math.abs(H[i][j] - numeric[i][j]) / scale).toBeLessThan(1e-6);
    }
  });

  test.each(ALL.map((s) => [s.label, s] as const))('%s: the gradient vanishes at every critical point, whose kind the Hessian confirms', (_label, surface) => {
    expect(surface.critical.length).toBeGreaterThan(0);
    for (const { point, kind } of surface.critical) {
      const [gx, gy] = surface.gradient(point[0], point[1]);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-12);
      const H = surface.hessian(point[0], point[1]);
      const [low, high] = symmetricEigenvalues2(H);
      if (kind === 'minimum') expect(low).toBeGreaterThan(0);
      if (kind === 'saddle') expect(low * high).toBeLessThan(0);
      if (kind === 'maximum') expect(high).toBeLessThan(0);
    }
    const minima = surface.critical.filter((c) => c.kind === 'minimum').map((c) => c.point);
    expect(minima).toEqual(surface.minima);
  });

  test('every surface starts inside its window, away from a critical point', () => {
    for (const surface of ALL) {
      const [x, y] = surface.start;
      expect(x).toBeGreaterThanOrEqual(surface.domain.x[0]);
      expect(x).toBeLessThanOrEqual(surface.domain.x[1]);
      expect(y).toBeGreaterThanOrEqual(surface.domain.y[0]);
      expect(y).toBeLessThanOrEqual(surface.domain.y[1]);
      expect(Math.hypot(...surface.gradient(x, y))).toBeGreaterThan(1e-3);
    }
  });

  test('the quadratic’s Hessian has eigenvalues 1 and its condition number, whatever the angle', () => {
    for (const [condition, angle] of [[10, Math.PI / 6], [50, 0.3], [1, 0], [3.5, -1]] as const) {
      const [low, high] = symmetricEigenvalues2(createSurface('quadratic', { condition, angle }).hessian(0, 0));
      expect(low).toBeCloseTo(1, 12);
      expect(high).toBeCloseTo(condition, 12);
    }
  });

  test('symmetric 2×2 eigenvalues: ascending, summing to the trace, multiplying to the determinant', () => {
    const rng = new Random(3);
    for (let i = 0; i < 50; i++) {
      const a = rng.uniform(-5, 5);
      const b = rng.uniform(-5, 5);
      const c = rng.uniform(-5, 5);
      const [l1, l2] = symmetricEigenvalues2([[a, b], [b, c]]);
      expect(l1).toBeLessThanOrEqual(l2);
      expect(l1 + l2).toBeCloseTo(a + c, 10);
      expect(l1 * l2).toBeCloseTo(a * c - b * b, 10);
    }
    expect(symmetricEigenvalues2([[2, 0], [0, 5]])).toEqual([2, 5]);
    expect(() => symmetricEigenvalues2([[1, 2], [3, 4]])).toThrow(/not symmetric/);
  });

  test('bad options and names are refused with a clear message', () => {
    expect(() => createSurface('quadratic', { condition: 0.5 })).toThrow(/condition number must be a finite number ≥ 1/);
    expect(() => createSurface('quadratic', { condition: Number.NaN })).toThrow(/condition number/);
    expect(() => createSurface('quadratic', { angle: Infinity })).toThrow(/angle/);
    expect(() => createSurface('cliff' as never)).toThrow(/unknown surface 'cliff'; known: quadratic/);
    expect(() => createSurface('beale').loss(tensor([1, 2, 3]))).toThrow(/must hold 2 numbers/);
  });
});

describe('optimizerPath', () => {
  test('each step is the registry optimizer’s step on autograd’s gradient of the surface', () => {
    for (const name of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw']) {
      const surface = createSurface('rosenbrock');
      const path = optimizerPath(surface, name, { lr: 1e-3 }, surface.start, 10);
      const p = tensor([...surface.start], { requiresGrad: true });
      const optimizer = createOptimizer(name, [p], { lr: 1e-3 });
      const expected: number[][] = [[...surface.start]];
      for (let i = 0; i < 10; i++) {
        optimizer.zeroGrad();
        surface.loss(p).backward();
        optimizer.step();
        expected.push([p.data[0], p.data[1]]);
      }
      expect(path.points.length).toBe(11);
      expect(path.divergedAt).toBeNull();
      for (let i = 0; i <= 10; i++) {
        expect(path.points[i][0]).toBeCloseTo(expected[i][0], 12);
        expect(path.points[i][1]).toBeCloseTo(expected[i][1], 12);
        expect(path.losses[i]).toBe(surface.value(path.points[i][0], path.points[i][1]));
      }
    }
  });

  test('plain gradient descent on the quadratic converges just below η = 2/λmax and diverges just above', () => {
    const surface = createSurface('quadratic', { condition: 10 });
    const critical = 2 / symmetricEigenvalues2(surface.hessian(0, 0))[1];
    const below = optimizerPath(surface, 'sgd', { lr: critical * 0.95 }, surface.start, 400);
    const above = optimizerPath(surface, 'sgd', { lr: critical * 1.05 }, surface.start, 400);
    expect(below.losses[below.losses.length - 1]).toBeLessThan(1e-6);
    expect(above.losses[above.losses.length - 1]).toBeGreaterThan(1e6);
  });

  test('a run that overflows stops at the step it stopped being finite', () => {
    const surface = createSurface('quadratic', { condition: 10 });
    const path = optimizerPath(surface, 'sgd', { lr: 5 }, surface.start, 2000);
    expect(path.divergedAt).not.toBeNull();
    expect(path.points.length).toBe(path.divergedAt as number);
    expect(path.points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
  });

  test('noise is seeded: the same seed gives the same run, another seed another, and σ = 0 is the exact run', () => {
    const surface = createSurface('saddle');
    const a = optimizerPath(surface, 'sgd', { lr: 0.05 }, surface.start, 50, { sigma: 0.3, seed: 1 });
    const b = optimizerPath(surface, 'sgd', { lr: 0.05 }, surface.start, 50, { sigma: 0.3, seed: 1 });
    const c = optimizerPath(surface, 'sgd', { lr: 0.05 }, surface.start, 50, { sigma: 0.3, seed: 2 });
    const exact = optimizerPath(surface, 'sgd', { lr: 0.05 }, surface.start, 50);
    const zero = optimizerPath(surface, 'sgd', { lr: 0.05 }, surface.start, 50, { sigma: 0, seed: 1 });
    expect(a.points).toEqual(b.points);
    expect(a.points).not.toEqual(c.points);
    expect(zero.points).toEqual(exact.points);
    const rng = new Random(4);
    const samples = Array.from({ length: 4000 }, () => noisyGradient(surface, 1, 0.5, 0.2, rng)[0] - 1);
    const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
    const sd = Math.sqrt(samples.reduce((s, v) => s + (v - mean) ** 2, 0) / samples.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(sd).toBeCloseTo(0.2, 1);
  });

  test('on the saddle, exact gradient descent started on the ridge stays on it; noise escapes to a minimum', () => {
    const surface = createSurface('saddle');
    const exact = optimizerPath(surface, 'sgd', { lr: 0.1 }, [-1.5, 0], 300);
    const [x, y] = exact.points[exact.points.length - 1];
    expect(Math.abs(x)).toBeLessThan(1e-6);
    expect(y).toBe(0);
    const noisy = optimizerPath(surface, 'sgd', { lr: 0.1 }, [-1.5, 0], 300, { sigma: 0.05, seed: 3 });
    const end = noisy.points[noisy.points.length - 1];
    expect(Math.abs(Math.abs(end[1]) - 1)).toBeLessThan(0.1);
  });

  test('refuses a bad step count', () => {
    const surface = createSurface('beale');
    expect(() => optimizerPath(surface, 'sgd', {}, surface.start, -1)).toThrow(/steps must be a whole number/);
    expect(() => optimizerPath(surface, 'sgd', {}, surface.start, 1.5)).toThrow(/steps must be a whole number/);
    expect(() => optimizerPath(surface, 'lbfgs', {}, surface.start, 1)).toThrow(/unknown optimizer 'lbfgs'/);
  });
});

describe('Adam without bias correction', () => {
  test('is Adam with m and v left uncorrected: θ ← θ − η m/(√v + ε)', () => {
    const grads = [[0.5, -1], [0.2, 0.3], [-0.4, 0.1]];
    const p = tensor([1, 2], { requiresGrad: true });
    const adam = new Adam([p], { lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, biasCorrection: false });
    const m = [0, 0];
    const v = [0, 0];
    const theta = [1, 2];
    for (const g of grads) {
      p.grad = tensor(g);
      adam.step();
      for (let i = 0; i < 2; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        theta[i] -= (0.1 * m[i]) / (Math.sqrt(v[i]) + 1e-8);
        expect(p.data[i]).toBeCloseTo(theta[i], 14);
      }
    }
  });

  test('its first step is (1 − β₁)/√(1 − β₂) ≈ 3.16 times η, in the gradient’s direction; corrected Adam’s is η', () => {
    for (const biasCorrection of [true, false]) {
      const p = tensor([0], { requiresGrad: true });
      const adam = new Adam([p], { lr: 0.01, biasCorrection });
      p.grad = tensor([2.5]);
      adam.step();
      const expected = biasCorrection ? -0.01 : (-0.01 * 0.1) / Math.sqrt(0.001);
      expect(p.data[0]).toBeCloseTo(expected, 6);
    }
    expect(new Adam([tensor([0], { requiresGrad: true })]).biasCorrection).toBe(true);
  });
});

describe('why the bias correction matters', () => {
  test('with the default betas, uncorrected steps are larger than corrected ones for many steps; with β₂ = β₁ they are smaller', () => {
    const run = (biasCorrection: boolean, betas: [number, number]) => {
      const p = tensor([0], { requiresGrad: true });
      const adam = new Adam([p], { lr: 1, betas, eps: 0, biasCorrection });
      const steps: number[] = [];
      let last = 0;
      for (let t = 0; t < 20; t++) {
        p.grad = tensor([1]);
        adam.step();
        steps.push(Math.abs(p.data[0] - last));
        last = p.data[0];
      }
      return steps;
    };
    const corrected = run(true, [0.9, 0.999]);
    const raw = run(false, [0.9, 0.999]);
    for (let t = 0; t < 20; t++) {
      expect(corrected[t]).toBeCloseTo(1, 6);
      expect(raw[t]).toBeGreaterThan(3);
    }
    expect(raw[9]).toBeCloseTo((1 - 0.9 ** 10) / Math.sqrt(1 - 0.999 ** 10), 6);
    const equal = run(false, [0.9, 0.9]);
    for (let t = 0; t < 20; t++) expect(equal[t]).toBeLessThan(1);
    // β₂ above β₁ is not enough for a large first step: it is (1 − β₁)/√(1 − β₂), here 0.05/0.1.
    expect(run(false, [0.95, 0.99])[0]).toBeCloseTo(0.5, 12);
  });
});
