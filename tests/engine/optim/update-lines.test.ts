import { describe, expect, test } from 'vitest';
import { tensor } from '../../../engine/tensor.ts';
import { createOptimizer, OPTIMIZERS } from '../../../engine/optim/registry.ts';
import { raceStep, updateLines } from '../../../engine/optim/update-lines.ts';
import { evaluate } from '../../../engine/formula.ts';
import { createSurface, optimizerPath } from '../../../engine/surfaces.ts';
import { Random } from '../../../engine/random.ts';

/** Option sets worth proving per optimizer: the registry's defaults and every branch of its rule and prologue. */
const VARIANTS: Record<string, Record<string, unknown>[]> = {
  sgd: [{ lr: 0.01 }, { lr: 0.01, weightDecay: 0.1 }, { lr: 0.01, maximize: true }, { lr: 0.01, maximize: true, weightDecay: 0.2 }],
  momentum: [{ lr: 0.01 }, { lr: 0.01, dampening: 0.3 }, { lr: 0.002, momentum: 0.5, weightDecay: 0.05 }],
  nesterov: [{ lr: 0.01 }, { lr: 0.005, momentum: 0.7, maximize: true }],
  adagrad: [{ lr: 0.3 }, { lr: 0.3, lrDecay: 0.1 }, { lr: 0.3, initialAccumulatorValue: 0.5, eps: 1e-3, weightDecay: 0.1 }],
  rmsprop: [{ lr: 0.01 }, { lr: 0.01, centered: true }, { lr: 0.01, momentum: 0.8 }, { lr: 0.01, centered: true, momentum: 0.5, alpha: 0.9, weightDecay: 0.1 }],
  adam: [{ lr: 0.05 }, { lr: 0.05, biasCorrection: false }, { lr: 0.05, amsgrad: true }, { lr: 0.05, betas: [0.5, 0.9], eps: 1e-3, weightDecay: 0.1, maximize: true }],
  adamw: [{ lr: 0.05 }, { lr: 0.05, weightDecay: 0.3, amsgrad: true }, { lr: 0.05, biasCorrection: false, maximize: true }],
};

describe('update lines reproduce the engine step to the last bit', () => {
  test('every optimizer of the registry has variants here', () => {
    expect(Object.keys(VARIANTS).sort()).toEqual(OPTIMIZERS.map((o) => o.name).sort());
  });

  for (const [name, variants] of Object.entries(VARIANTS)) {
    for (const options of variants) {
      test(`${name} ${JSON.stringify(options)}: each line re-evaluated equals the engine's buffers and θ, steps 1 to 6`, () => {
        const surface = createSurface('rosenbrock');
        const rng = new Random(7);
        const p = tensor([-1.2, 1.4], { requiresGrad: true });
        const optimizer = createOptimizer(name, [p], options);
        for (let t = 1; t <= 6; t++) {
          const theta = [p.data[0], p.data[1]];
          const exact = surface.gradient(theta[0], theta[1]);
          const noise = [rng.normal(0, 0.5), rng.normal(0, 0.5)];
          const gradient = [exact[0] + noise[0], exact[1] + noise[1]];
          const before = optimizer.stateDict().buffers[0];
          p.grad = tensor(gradient);
          optimizer.step();
          const after = optimizer.stateDict().buffers[0];
          // Odd steps give the stochastic gradient as one vector, even steps as ∇L + ξ: both must reproduce the step.
          const lines = updateLines(name, options, t % 2 === 1 ? { t, theta, gradient, before } : { t, theta, gradient: exact, noise, before });
          for (const line of lines) expect(evaluate(line.numeric, [2])).toEqual(line.value);
          const last = lines[lines.length - 1];
          expect(last.target).toBe('θ');
          expect(last.writes).toBe('param');
          expect(last.value).toEqual([p.data[0], p.data[1]]);
          const written = lines.filter((line) => line.writes !== null && line.writes !== 'param');
          expect(written.map((line) => line.writes).sort()).toEqual(Object.keys(after).sort());
          for (const line of written) expect(line.value).toEqual(after[line.writes!]);
        }
      });
    }
  }

  test('momentum writes PyTorch-named lines: b ← μ b + g after the first step, then θ ← θ − η b', () => {
    const lines = updateLines('momentum', { lr: 0.1 }, { t: 2, theta: [1, 2], gradient: [1.2, 0.4], before: { momentum: [0.31, -0.2] } });
    expect(lines.map((line) => line.target)).toEqual(['g', 'b', 'θ']);
    expect(lines[1].value).toEqual([0.9 * 0.31 + 1.2, 0.9 * -0.2 + 0.4]);
    expect(lines[1].assigns).toBe(true);
  });

  test('raceStep replays optimizerPath, noise included: its point after step t is the path’s point t', () => {
    const surface = createSurface('quadratic', { condition: 20 });
    for (const name of OPTIMIZERS.map((o) => o.name)) {
      const options = { lr: 0.05 };
      const path = optimizerPath(surface, name, options, surface.start, 12, { sigma: 0.3, seed: 11 });
      for (const t of [1, 2, 7, 12]) {
        const step = raceStep(surface, name, options, surface.start, t, { sigma: 0.3, seed: 11 })!;
        expect(step.theta).toEqual(path.points[t - 1]);
        expect(step.next).toEqual(path.points[t]);
        expect(step.lines[step.lines.length - 1].value).toEqual(path.points[t]);
      }
    }
  });

  test('with noise, the first line shows the gradient as ∇L + ξ', () => {
    const surface = createSurface('quadratic');
    const step = raceStep(surface, 'sgd', { lr: 0.1 }, surface.start, 3, { sigma: 1, seed: 4 })!;
    expect(step.lines[0].symbolic).toEqual({ kind: 'sum', terms: [{ kind: 'symbol', name: '∇L', node: -1, bar: false }, { kind: 'symbol', name: 'ξ', node: -1, bar: false }] });
    expect(step.lines[0].value).toEqual(step.gradient);
  });

  test('raceStep is null past a divergence', () => {
    const surface = createSurface('quadratic', { condition: 10 });
    const path = optimizerPath(surface, 'sgd', { lr: 5 }, surface.start, 2000);
    expect(path.divergedAt).not.toBeNull();
    expect(raceStep(surface, 'sgd', { lr: 5 }, surface.start, path.divergedAt!)).toBeNull();
  });
});
