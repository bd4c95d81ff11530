// The claims lesson 6 makes about optimization, recomputed here from scratch with the engine's optimizers and
// surfaces, never from the numbers the examples module printed (those are only read back and compared).

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Adam, RMSprop, SGD, createSurface, optimizerPath, symmetricEigenvalues2, tensor } from '../../engine/index.ts';
import {
  adaptive,
  biasCorrection,
  conditioning,
  defaults,
  epsilon,
  learningRate,
  minibatch,
  momentum,
  momentumForms,
  newton,
  saddles,
  schedules,
  showCount,
  showScientific,
  valleys,
} from '../../lessons/examples/optimization.ts';

const lesson = readFileSync(new URL('../../lessons/06-optimization.mdx', import.meta.url), 'utf8');

/** Reads a number the module formatted (true minus sign, thousands separators, "a × 10ⁿ") back. */
const number = (text: string): number => {
  const scientific = /^(?:(−?[\d.]+) × )?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (scientific) {
    const exponent = Number(scientific[2].replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => '-0123456789'['⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)]));
    return Number((scientific[1] ?? '1').replace('\u2212', '-')) * 10 ** exponent;
  }
  return Number(text.replace('\u2212', '-').replace(/,/g, ''));
};

describe('lesson 6: formatting', () => {
  test('scientific notation and counts read as the lessons print them', () => {
    expect(showScientific(3.2e-5)).toBe('3.2 × 10⁻⁵');
    expect(showScientific(-4.4e-16)).toBe('−4.4 × 10⁻¹⁶');
    expect(showScientific(0.25)).toBe('0.25');
    expect(showScientific(1e-8)).toBe('10⁻⁸');
    expect(showScientific(9142.5)).toBe('9.1 × 10³');
    expect(showCount(203530)).toBe('203,530');
    expect(number('1.8 × 10⁻¹⁵')).toBeCloseTo(1.8e-15, 20);
    expect(number('10⁻⁸')).toBe(1e-8);
  });
});

describe('lesson 6: mini-batch gradients', () => {
  test('the spread falls as 1/√B: spread × √B stays within 15% of the spread at B = 1', () => {
    const one = number(minibatch.spreads[0].spread);
    for (const row of minibatch.spreads) expect(Math.abs(number(row.scaled) / one - 1)).toBeLessThan(0.15);
    expect(minibatch.spreads.map((r) => r.size)).toEqual(['1', '2', '4', '8', '16', '32', '64']);
    expect(number(minibatch.ratio)).toBeGreaterThan(6.5);
    expect(number(minibatch.ratio)).toBeLessThan(9.5);
  });

  test('the figures are a labelled chart and three labelled panels of gradients', () => {
    expect(minibatch.chart).toMatch(/^<svg class="line-chart"[^>]*role="img"/);
    expect(minibatch.clouds).toHaveLength(3);
    for (const cloud of minibatch.clouds) {
      expect(cloud.label).toMatch(/mini-batch gradients with B = \d+/);
      expect(cloud.dots.length).toBe(151);
    }
  });
});

describe('lesson 6: the learning rate on a quadratic', () => {
  const bowl = createSurface('quadratic', { condition: 10 });
  const [low, high] = symmetricEigenvalues2(bowl.hessian(0, 0));

  test('the bowl’s curvatures are 1 and 10, so the critical rate is 0.2', () => {
    expect(low).toBeCloseTo(1, 12);
    expect(high).toBeCloseTo(10, 12);
    expect(number(learningRate.critical)).toBeCloseTo(2 / high, 12);
  });

  test('just below 2/λmax gradient descent converges, just above it diverges', () => {
    const below = optimizerPath(bowl, 'sgd', { lr: 0.99 * (2 / high) }, bowl.start, 400);
    const above = optimizerPath(bowl, 'sgd', { lr: 1.01 * (2 / high) }, bowl.start, 400);
    expect(below.losses[400]).toBeLessThan(below.losses[0] * 1e-3);
    expect(above.losses[above.losses.length - 1]).toBeGreaterThan(above.losses[0] * 1e3);
  });

  test('the table’s factors are 1 − ηλ and its final losses are the engine’s', () => {
    for (const row of learningRate.rows) {
      const lr = number(row.lr);
      expect(number(row.slow)).toBeCloseTo(1 - lr * low, 2);
      expect(number(row.fast)).toBeCloseTo(1 - lr * high, 2);
    }
    const divergent = learningRate.rows[3];
    const run = optimizerPath(bowl, 'sgd', { lr: 0.205 }, bowl.start, 60);
    expect(number(divergent.final) / run.losses[60]).toBeCloseTo(1, 1);
    expect(learningRate.agreement).toMatch(/agree to the last bit|differ by at most/);
  });

  test('the best fixed rate 2/(λmin + λmax) shrinks the error by (κ − 1)/(κ + 1) per step', () => {
    const best = 2 / (low + high);
    expect(number(conditioning.best)).toBeCloseTo(best, 4);
    const run = optimizerPath(bowl, 'sgd', { lr: best }, bowl.start, 50);
    const distance = (p: readonly [number, number]) => Math.hypot(p[0], p[1]);
    const rate = (distance(run.points[50]) / distance(run.points[40])) ** (1 / 10);
    expect(rate).toBeCloseTo(9 / 11, 3);
    // A slightly different rate is slower.
    for (const other of [0.9 * best, 1.1 * best]) {
      const slower = optimizerPath(bowl, 'sgd', { lr: other }, bowl.start, 50);
      expect(distance(slower.points[50])).toBeGreaterThan(distance(run.points[50]));
    }
    expect(conditioning.table.map((r) => r.steps)).toEqual(['69', '691', '6,908', '69,078']);
  });

  test('the zig-zag panel draws contours and a path', () => {
    expect(conditioning.figure.label).toMatch(/condition number 20/);
    expect(conditioning.figure.paths.length).toBeGreaterThan(10);
  });
});

describe('lesson 6: Newton’s method', () => {
  test('one Newton step from the start lands on the minimum', () => {
    expect(number(newton.distance)).toBeLessThan(1e-14);
    expect(newton.figure.label).toMatch(/one Newton step goes in a straight line to the minimum/);
  });

  test('solving the Newton system by elimination: about n³/3 multiply-adds, counted pivot by pivot', () => {
    const n = 203_530;
    expect(number(newton.solveOps) / (n ** 3 / 3)).toBeCloseTo(1, 1);
    // Elimination on n = 200: pivot k updates the (n − k − 1)² entries below and right of it, and its column.
    const small = 200;
    let count = 0;
    for (let k = 0; k < small; k++) count += (small - k - 1) * (small - k);
    expect(count / (small ** 3 / 3)).toBeCloseTo(1, 1);
    expect(lesson).toContain('takes about $\\tfrac13 n^3 \\approx$ {newton.solveOps}');
  });

  test('the 784-256-10 network’s Hessian is counted from its parameter count', () => {
    const n = 784 * 256 + 256 + 256 * 10 + 10;
    expect(newton.parameters).toBe(showCount(n));
    expect(number(newton.gigabytes)).toBe(Math.round((n * n * 8) / 1e9));
    expect(number(newton.entries) / (n * n)).toBeCloseTo(1, 2);
  });

  test('on the saddle surface Newton’s steps go to the saddle and gradient descent to a minimum', () => {
    expect(newton.saddleNewton).toBe('(0, 0)');
    expect(newton.saddleGd).toBe('(0, 1)');
  });
});

describe('lesson 6: momentum and Nesterov', () => {
  test('on a constant slope the step grows as (1 − μᵗ)/(1 − μ) towards 1/(1 − μ)', () => {
    const w = tensor([0], { requiresGrad: true });
    const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
    let before = 0;
    for (let t = 1; t <= 10; t++) {
      optimizer.zeroGrad();
      w.sum().backward();
      before = w.data[0];
      optimizer.step();
    }
    expect((before - w.data[0]) / 0.1).toBeCloseTo((1 - 0.9 ** 10) / 0.1, 12);
    expect(momentum.ninetyAtTen).toBe(((1 - 0.9 ** 10) / 0.1).toFixed(2));
  });

  test('in the ravine momentum 0.7 beats plain gradient descent, and 0.95 overshoots', () => {
    const ravine = createSurface('quadratic', { condition: 50 });
    const lr = 2 / 51;
    const gd = optimizerPath(ravine, 'sgd', { lr }, ravine.start, 40).losses[40];
    const heavy = optimizerPath(ravine, 'sgd', { lr, momentum: 0.7 }, ravine.start, 40).losses[40];
    const spiral = optimizerPath(ravine, 'sgd', { lr, momentum: 0.95 }, ravine.start, 40).losses[40];
    expect(heavy).toBeLessThan(gd / 1000);
    expect(spiral).toBeGreaterThan(heavy);
    expect(momentum.ravinePanels).toHaveLength(3);
  });

  test('PyTorch’s Nesterov parameters are the classic form’s look-ahead points', () => {
    const ravine = createSurface('quadratic', { condition: 50 });
    const [mu, lr] = [0.7, 0.02];
    const engine = optimizerPath(ravine, 'sgd', { lr, momentum: mu, nesterov: true }, ravine.start, 30);
    let w = [...ravine.start];
    let v = [0, 0];
    for (let t = 1; t <= 30; t++) {
      const g = ravine.gradient(w[0] + mu * v[0], w[1] + mu * v[1]);
      v = [mu * v[0] - lr * g[0], mu * v[1] - lr * g[1]];
      w = [w[0] + v[0], w[1] + v[1]];
      expect(Math.hypot(w[0] + mu * v[0] - engine.points[t][0], w[1] + mu * v[1] - engine.points[t][1])).toBeLessThan(1e-13);
    }
    expect(momentum.nesterovAgreement).toMatch(/agree to the last bit|differ by at most \d\.\d × 10⁻¹[⁴⁵⁶⁷]/);
  });

  test('the notes’ and PyTorch’s momentum agree while η is constant and part when it changes', () => {
    expect(number(momentumForms.constantGap)).toBeLessThan(1e-14);
    expect(number(momentumForms.afterChange)).toBeGreaterThan(1e-3);
  });
});

describe('lesson 6: adaptive step sizes', () => {
  test('the first steps: SGD in proportion to the gradient, the adaptive optimizers the same in each coordinate', () => {
    const [sgd, adagrad, rmsprop, adam] = adaptive.firstSteps;
    expect(sgd.ratio).toBe('10');
    expect([adagrad.x, adagrad.y, adam.x, adam.y]).toEqual(['1', '1', '1', '1']);
    expect([rmsprop.x, rmsprop.y]).toEqual(['10', '10']);
  });

  test('RMSProp’s first step is η/√(1 − α) in PyTorch’s form', () => {
    const w = tensor([0], { requiresGrad: true });
    const optimizer = new RMSprop([w], { lr: 0.01 });
    w.mul(0.3).sum().backward();
    optimizer.step();
    expect(-w.data[0]).toBeCloseTo(0.01 / Math.sqrt(0.01), 6);
  });

  test('uncorrected Adam’s first step is (1 − β₁)/√(1 − β₂) ≈ 3.16 η and its steps peak above 6 η', () => {
    const w = tensor([0], { requiresGrad: true });
    const optimizer = new Adam([w], { lr: 1e-3, biasCorrection: false });
    w.mul(2).sum().backward();
    optimizer.step();
    expect(-w.data[0] / 1e-3).toBeCloseTo(0.1 / Math.sqrt(0.001), 4);
    expect(number(biasCorrection.firstUncorrected)).toBeCloseTo(3.16, 2);
    expect(number(biasCorrection.peakUncorrected)).toBeGreaterThan(6);
    expect(biasCorrection.peakStep).toBe('12');
  });

  test('a gradient after a long quiet stretch gets Adam’s largest step, (1 − β₁)/√(1 − β₂) ≈ 3.16 η, as PyTorch’s does', () => {
    const w = tensor([0], { requiresGrad: true });
    const adam = new Adam([w], { lr: 1 });
    for (let t = 0; t < 10_000; t++) {
      adam.zeroGrad();
      w.mul(0).sum().backward();
      adam.step();
    }
    adam.zeroGrad();
    w.mul(1).sum().backward();
    adam.step();
    // torch.optim.Adam(lr=1), 10,000 steps of gradient 0 then one of 1: the step is 3.1622 (measured with PyTorch 1.13, float32).
    expect(Math.abs(w.data[0])).toBeCloseTo(3.1623, 3);
    expect(number(defaults.adamLargestStep)).toBeCloseTo(3.16, 2);
    expect(number(defaults.adamStepBound)).toBeCloseTo(0.1 / Math.sqrt(0.001), 2);
  });

  test('ε outside the root floors the denominator at ε, inside at √ε', () => {
    const [large, , tiny] = epsilon.rows;
    expect(large.outside).toBe(large.inside);
    expect(number(tiny.outside)).toBeGreaterThan(9);
    expect(number(tiny.inside)).toBeLessThan(1);
    expect(epsilon.vHat).toBe('0.25');
  });
});

describe('lesson 6: schedules and saddles', () => {
  test('a cosine schedule ends noisy SGD below the constant rate’s noise floor', () => {
    expect(number(schedules.cosineLoss)).toBeLessThan(number(schedules.constantLoss) / 5);
    expect(schedules.chart).toContain('warm-up 10, then cosine');
  });

  test('the fraction of minima halves at least as fast as 2⁻ⁿ, and about half the eigenvalues are negative', () => {
    const fractions = saddles.rows.map((r) => number(r.fraction));
    expect(fractions[0]).toBeCloseTo(0.5, 1);
    // The Gaussian orthogonal ensemble's exact value for n = 2 is (2 − √2)/4.
    expect(fractions[1]).toBeCloseTo((2 - Math.SQRT2) / 4, 2);
    fractions.slice(1).forEach((f, i) => expect(f).toBeLessThan(fractions[i] / 2));
    for (const row of saddles.rows) expect(number(row.negative)).toBeCloseTo(0.5, 1);
  });
});

describe('lesson 6: the chapter', () => {
  test('places every optimizer race preset and exercise of the chapter', () => {
    for (const preset of ['noisy', 'lr-too-large', 'ravine-momentum', 'adam-bias-correction', 'saddle-escape', 'two-minima', 'race']) {
      expect(lesson).toMatch(new RegExp(`^<OptimizerRace preset="${preset}" />$`, 'm'));
    }
    for (const id of ['critical-learning-rate', 'momentum-step', 'nesterov-step', 'adagrad-step', 'rmsprop-step', 'adam-step']) {
      expect(lesson).toMatch(new RegExp(`^<Exercise id="${id}" />$`, 'm'));
    }
  });

  test('has at least five figures and three cells', () => {
    expect((lesson.match(/<figure/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect((lesson.match(/<Cell id=/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });
});

describe('lesson 6: two valleys', () => {
  test('from high on the right wall plain SGD stays right and momentum crosses into the deeper left valley', () => {
    const surface = createSurface('two-minima');
    const end = (options: Record<string, unknown>) => {
      const { points } = optimizerPath(surface, 'sgd', options, [1.8, 0], 800);
      return points[points.length - 1];
    };
    expect(end({ lr: 0.02 })[0]).toBeGreaterThan(0.5);
    expect(end({ lr: 0.02, momentum: 0.9 })[0]).toBeLessThan(-0.5);
    expect(number(valleys.heavyLoss)).toBeLessThan(number(valleys.plainLoss));
  });
});
