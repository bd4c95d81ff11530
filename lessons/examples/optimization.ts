// Worked examples for lesson 6, optimization, computed by the engine when the site is built.
//
// Every number the chapter shows comes from here, already formatted, and so do its figures: the spread of
// mini-batch gradients against the batch size, loss curves for four learning rates, trajectories on the contours of
// an ill-conditioned quadratic, step sizes of momentum and of the adaptive optimizers, Adam's first steps with and
// without bias correction, learning-rate schedules, and the fraction of random critical points that are minima.
// Trajectories come from the engine's optimizers (torch.optim's update rules); the lecture notes' forms of the same
// rules are computed beside them where the prose compares the two, and every claim the prose makes is checked, so a
// false claim throws and the page is never built with it.

import {
  Adam,
  MLP,
  Random,
  SGD,
  LRScheduler,
  batchIndices,
  constantSchedule,
  cosineSchedule,
  createOptimizer,
  createSurface,
  linear,
  mseLoss,
  noisyGradient,
  optimizerHyperparameters,
  optimizerPath,
  regression,
  stepSchedule,
  symmetricEigenvalues2,
  tensor,
  warmupSchedule,
  type Surface,
} from '../../engine/index.ts';
import { symmetricInertia } from '../../engine/linalg.ts';
import { contourLines, panel, type DataPoint, type FigureColor, type FigurePanel } from './figures.ts';
import { lineChart } from './line-chart.ts';
import { agreement, show, showGap } from './losses.ts';

/** Throws with the lesson's name when a claim of the prose is false. */
function claim(condition: boolean, message: string): void {
  if (!condition) throw new Error(`optimization example: ${message}`);
}

/** A number in scientific notation for prose: "3.2 × 10⁻⁵", "10⁻⁸" (or plain when it is between 0.01 and 100). */
export function showScientific(value: number, digits = 2): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 0.01 && size < 100) return show(value, digits + 1);
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const superscript = exponent.replace('+', '').replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)]);
  // A power of ten is written as one: 10⁻⁸, not 1.0 × 10⁻⁸.
  if (Number(mantissa) === 1) return `10${superscript}`;
  return `${mantissa.replace('-', '\u2212')} × 10${superscript}`;
}

/** A whole number with thin thousands separators, as the lessons print counts: 203,530. */
export function showCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** The eigenvalues (ascending) of a surface's Hessian at a point. */
function curvatures(surface: Surface, x = 0, y = 0): [number, number] {
  return symmetricEigenvalues2(surface.hessian(x, y));
}

/** log₁₀ of a positive number, floored so that a zero plots at the floor. */
const log10 = (v: number, floor = 1e-300) => Math.log10(Math.max(v, floor));

/** A contour panel of a surface with trajectories drawn over it, for the trajectory figures. */
function contourPanel(options: {
  surface: Surface;
  label: string;
  title: string;
  levels: number[];
  paths: { points: readonly (readonly [number, number])[]; color: FigureColor; name: string; dash?: boolean }[];
  xDomain: [number, number];
  yDomain: [number, number];
  width?: number;
  height?: number;
}): FigurePanel {
  const { surface, xDomain, yDomain } = options;
  const f = (x: number, y: number) => surface.value(x, y);
  const contours = options.levels.flatMap((level) => contourLines(f, xDomain, yDomain, level, 70).map((points) => ({ points, color: 'border' as FigureColor, width: 1.2 })));
  const inside = (p: readonly [number, number]) => p[0] >= xDomain[0] && p[0] <= xDomain[1] && p[1] >= yDomain[0] && p[1] <= yDomain[1];
  const trajectories = options.paths.map((path) => ({
    points: path.points.filter(inside).map(([x, y]): DataPoint => ({ x, y })),
    color: path.color,
    width: 2,
    dash: path.dash,
  }));
  const ticks = (d: [number, number]) => Array.from({ length: Math.floor(d[1]) - Math.ceil(d[0]) + 1 }, (_, i) => Math.ceil(d[0]) + i);
  return panel({
    label: options.label,
    x: { domain: xDomain, ticks: ticks(xDomain), label: options.title },
    y: { domain: yDomain, ticks: ticks(yDomain), label: '' },
    width: options.width ?? 340,
    height: options.height ?? 250,
    lines: [...contours, ...trajectories],
    dots: [
      ...options.paths.map((path) => ({ at: { x: path.points[0][0], y: path.points[0][1] }, shape: 'square' as const, color: path.color, title: `${path.name}: start` })),
      ...surface.minima.map(([x, y]) => ({ at: { x, y }, shape: 'circle' as const, color: 'good' as FigureColor, title: `minimum at (${show(x)}, ${show(y)})`, size: 9 })),
    ],
  });
}

// --- PyTorch's defaults, as the engine's hyper-parameter tables hold them ----------------------------------

/** A default from the engine's table of an optimizer's hyper-parameters (the same as torch.optim's). */
function defaultOf(optimizer: string, name: string): number | number[] {
  const value = optimizerHyperparameters(optimizer)[name].default;
  claim(typeof value === 'number' || Array.isArray(value), `${optimizer}'s ${name} has a numeric default`);
  return value as number | number[];
}

/** The defaults the prose quotes: AdaGrad's ε, RMSProp's α and ε, Adam's η, β₁, β₂ and ε. */
export const defaults = (() => {
  const [beta1, beta2] = defaultOf('adam', 'betas') as number[];
  const alpha = defaultOf('rmsprop', 'alpha') as number;
  return {
    adagradEps: showScientific(defaultOf('adagrad', 'eps') as number),
    rmspropAlpha: show(alpha, 3),
    rmspropEps: showScientific(defaultOf('rmsprop', 'eps') as number),
    rmspropFirstStep: show(1 / Math.sqrt(1 - alpha), 2),
    adamLr: showScientific(defaultOf('adam', 'lr') as number),
    adamBeta1: show(beta1, 3),
    adamBeta2: show(beta2, 4),
    adamEps: showScientific(defaultOf('adam', 'eps') as number),
    adamOneMinusBeta1: show(1 - beta1, 3),
    adamOneMinusBeta2: show(1 - beta2, 4),
    adamSpeedRatio: show((1 - beta1) / (1 - beta2), 0),
    adamStepBound: show((1 - beta1) / Math.sqrt(1 - beta2), 2),
    adamLargestStep: show(adamStepAfterQuiet(), 2),
  };
})();

/**
 * The engine's Adam with its defaults and η = 1: the step it takes when a gradient of 1 arrives after 10,000 steps of
 * gradient 0, the worst case for Adam's step size: m̂ jumps at once, v̂ barely moves. It comes out at the bound
 * (1 − β₁)/√(1 − β₂) of Kingma and Ba.
 */
function adamStepAfterQuiet(): number {
  const [beta1, beta2] = defaultOf('adam', 'betas') as number[];
  const w = tensor([0], { requiresGrad: true });
  const adam = new Adam([w], { lr: 1 });
  const quiet = 10_000;
  for (let t = 0; t <= quiet; t++) {
    adam.zeroGrad();
    w.mul(t === quiet ? 1 : 0).sum().backward();
    const before = w.data[0];
    adam.step();
    if (t === quiet) {
      const step = Math.abs(w.data[0] - before);
      claim(Math.abs(step - (1 - beta1) / Math.sqrt(1 - beta2)) < 0.01, "Adam's step after a quiet stretch should be (1 − β₁)/√(1 − β₂) η");
      return step;
    }
  }
  throw new Error('unreachable');
}

// --- Mini-batch gradients: noisy estimates whose spread shrinks like 1/√B ----------------------------------

/**
 * A synthetic regression y = 3x − 1 + noise with 1,024 examples, the model ŷ = w x + b at its starting point
 * w = b = 0, and the mean-squared-error gradient (∂L/∂w, ∂L/∂b) by autograd: over the whole set, and over
 * many mini-batches of each size B, drawn as the engine's shuffled epochs. The spread of a mini-batch gradient (its
 * root-mean-square distance from the full gradient) falls like 1/√B.
 */
export const minibatch = (() => {
  const n = 1024;
  const data = regression('polynomial', { n, noise: 0.5, sampling: 'uniform', range: [-2, 2], coefficients: [-1, 3], seed: 11 });
  const gradient = (rows: readonly number[]): [number, number] => {
    const w = tensor([[0]], { requiresGrad: true });
    const b = tensor([0], { requiresGrad: true });
    const x = tensor(rows.map((i) => data.x[i]));
    const y = tensor(rows.map((i) => [data.y[i]]));
    mseLoss(linear(x, w, b), y).backward();
    return [w.grad!.item(), b.grad!.item()];
  };
  const full = gradient(Array.from({ length: n }, (_, i) => i));
  const sizes = [1, 2, 4, 8, 16, 32, 64];
  const draws = 400;
  const rng = new Random(12);
  const rows = sizes.map((size) => {
    const gradients: [number, number][] = [];
    while (gradients.length < draws) {
      for (const batch of batchIndices(n, size, rng)) {
        if (batch.length === size && gradients.length < draws) gradients.push(gradient(batch));
      }
    }
    const spread = Math.sqrt(gradients.reduce((s, [gw, gb]) => s + (gw - full[0]) ** 2 + (gb - full[1]) ** 2, 0) / draws);
    const mean = gradients.reduce((s, [gw, gb]) => [s[0] + gw / draws, s[1] + gb / draws], [0, 0]);
    return { size, spread, mean, gradients };
  });
  const one = rows[0].spread;
  // Each quadrupling of B should halve the spread; allow the sampling error of 400 draws.
  for (const row of rows) {
    const predicted = one / Math.sqrt(row.size);
    claim(Math.abs(row.spread / predicted - 1) < 0.15, `the spread at B = ${row.size} is ${row.spread}, not near σ₁/√B = ${predicted}`);
    const bias = Math.hypot(row.mean[0] - full[0], row.mean[1] - full[1]);
    claim(bias < (3 * row.spread) / Math.sqrt(draws), `the mean of the B = ${row.size} gradients is near the full gradient`);
  }
  const fullNorm = Math.hypot(...full);
  claim(one > 0.5 * fullNorm, 'one example’s gradient is a rough estimate: its spread is comparable to the gradient');

  const chart = lineChart({
    id: 'minibatch-spread',
    title: 'The spread of mini-batch gradients against the batch size',
    description:
      `For a linear model on ${n} examples, ${draws} mini-batch gradients were drawn at each batch size B from 1 to 64. Their ` +
      `root-mean-square distance from the full-batch gradient falls from ${show(one, 2)} at B = 1 to ${show(rows[2].spread, 2)} at B = 4, ` +
      `${show(rows[4].spread, 2)} at B = 16 and ${show(rows[6].spread, 2)} at B = 64, following the dashed curve σ₁/√B. The full gradient has length ${show(fullNorm, 2)}.`,
    series: [
      { label: 'measured spread', points: rows.map((r) => [r.size, r.spread] as const), color: 'accent' },
      { label: 'σ₁ / √B', points: Array.from({ length: 64 }, (_, i) => [i + 1, one / Math.sqrt(i + 1)] as const), color: 'text-muted', dashed: true },
    ],
    x: { label: 'batch size B', domain: [0, 64], ticks: [1, 4, 16, 32, 64] },
    y: { label: 'spread of the gradient', domain: [0, Math.ceil(one)], ticks: Array.from({ length: Math.ceil(one) + 1 }, (_, i) => i) },
  });

  // The clouds of the first 150 mini-batch gradients at B = 1, 4 and 64 around the full gradient.
  const cloud = (row: (typeof rows)[number], color: FigureColor) =>
    row.gradients.slice(0, 150).map(([gw, gb]) => ({ at: { x: gw, y: gb }, shape: 'circle' as const, color, title: `B = ${row.size}`, size: 4 }));
  const extent = (values: number[]) => [Math.floor(Math.min(...values)), Math.ceil(Math.max(...values))] as [number, number];
  const xs = rows[0].gradients.slice(0, 150).map((g) => g[0]);
  const ys = rows[0].gradients.slice(0, 150).map((g) => g[1]);
  const integers = ([a, b]: [number, number], step: number) => Array.from({ length: Math.floor((b - a) / step) + 1 }, (_, i) => a + i * step);
  const xDomain = extent(xs);
  const yDomain = extent(ys);
  // About four labelled ticks per 230-pixel panel, so the labels never run into each other.
  const tickStep = ([a, b]: [number, number]) => (b - a > 16 ? 8 : b - a > 8 ? 4 : 2);
  const cloudsPanel = (row: (typeof rows)[number], color: FigureColor) =>
    panel({
      label: `The first 150 mini-batch gradients with B = ${row.size}, around the full-batch gradient`,
      x: { domain: xDomain, ticks: integers(xDomain, tickStep(xDomain)), label: `∂L/∂w, B = ${row.size}` },
      y: { domain: yDomain, ticks: integers(yDomain, tickStep(yDomain)), label: '' },
      width: 230,
      height: 230,
      dots: [...cloud(row, color), { at: { x: full[0], y: full[1] }, shape: 'square', color: 'text', title: 'the full-batch gradient', size: 10 }],
    });
  const clouds = [cloudsPanel(rows[0], 'bad'), cloudsPanel(rows[2], 'accent'), cloudsPanel(rows[6], 'good')];

  return {
    n: showCount(n),
    draws: String(draws),
    full: `(${show(full[0], 2)}, ${show(full[1], 2)})`,
    fullNorm: show(fullNorm, 2),
    spreads: rows.map((r) => ({ size: String(r.size), spread: show(r.spread, 3), scaled: show(r.spread * Math.sqrt(r.size), 3) })),
    spreadOne: show(one, 2),
    spreadSixtyFour: show(rows[6].spread, 3),
    ratio: show(one / rows[6].spread, 1),
    chart,
    clouds,
  };
})();

// --- The learning rate on a quadratic: GD is a linear map ---------------------------------------------------

/** The quadratic of the learning-rate section: curvatures 1 and 10 along tilted axes. */
const bowl = createSurface('quadratic', { condition: 10 });
const [bowlMin, bowlMax] = curvatures(bowl);

/**
 * Plain gradient descent on the quadratic L = ½ pᵀ H p: p ← p − η H p = (I − η H) p. Along each eigenvector of H
 * the error is multiplied by 1 − ηλᵢ per step, so GD converges exactly when |1 − ηλᵢ| < 1 for every i, that is
 * 0 < η < 2/λmax. The engine's SGD is run at four rates around that value, and checked against the matrix power.
 */
export const learningRate = (() => {
  const critical = 2 / bowlMax;
  const best = 2 / (bowlMin + bowlMax);
  const steps = 60;
  const H = bowl.hessian(0, 0);
  const rates = [
    { name: 'too small', lr: 0.02, color: 'text-muted' as const, dashed: true },
    { name: 'about right', lr: best, color: 'good' as const, dashed: false },
    { name: 'too large', lr: 0.195, color: 'accent' as const, dashed: false },
    { name: 'divergent', lr: 0.205, color: 'bad' as const, dashed: true },
  ];
  claim(rates[2].lr < critical && rates[3].lr > critical, 'the too-large rate is just below 2/λmax and the divergent one just above');
  const runs = rates.map((rate) => {
    const path = optimizerPath(bowl, 'sgd', { lr: rate.lr }, bowl.start, steps);
    // (I − ηH)ᵗ p₀, step by step, beside the engine's path.
    let p = [bowl.start[0], bowl.start[1]];
    let gap = 0;
    for (let t = 1; t < path.points.length; t++) {
      p = [p[0] - rate.lr * (H[0][0] * p[0] + H[0][1] * p[1]), p[1] - rate.lr * (H[1][0] * p[0] + H[1][1] * p[1])];
      gap = Math.max(gap, Math.hypot(p[0] - path.points[t][0], p[1] - path.points[t][1]) / Math.max(1, Math.hypot(p[0], p[1])));
    }
    const factors = [1 - rate.lr * bowlMin, 1 - rate.lr * bowlMax];
    return { ...rate, path, gap, factors, worst: Math.max(...factors.map(Math.abs)) };
  });
  const gap = Math.max(...runs.map((r) => r.gap));
  claim(gap < 1e-12, 'the engine’s GD is the linear map (I − ηH) applied t times');
  const [small, right, large, divergent] = runs;
  const first = small.path.losses[0];
  const final = (r: (typeof runs)[number]) => r.path.losses[r.path.losses.length - 1];
  claim(divergent.path.divergedAt === null && final(divergent) > 10 * first, 'the divergent run’s loss grows');
  claim(final(right) < final(large) && final(large) < final(small) && final(small) < first, 'right < too large < too small < start after 60 steps');
  // The too-large rate's steep component flips sign every step: its points alternate sides of the valley floor.
  const steepComponent = (p: readonly [number, number]) => {
    const angle = Math.PI / 6;
    return -Math.sin(angle) * p[0] + Math.cos(angle) * p[1];
  };
  const signs = large.path.points.slice(0, 8).map((p) => Math.sign(steepComponent(p)));
  claim(signs.every((s, i) => i === 0 || s === -signs[i - 1]), 'the too-large rate zig-zags across the steep axis');

  const chart = lineChart({
    id: 'learning-rate-curves',
    title: 'The loss against the step for four learning rates on the quadratic with curvatures 1 and 10',
    description:
      `Plain gradient descent from the same start, loss on a log scale. η = ${show(small.lr)} (too small) creeps down to ${showScientific(final(small))} ` +
      `after ${steps} steps; η = ${show(right.lr, 3)} (2/(λmin + λmax)) falls fastest, to ${showScientific(final(right))}; ` +
      `η = ${show(large.lr)}, just below 2/λmax = ${show(critical)}, falls at first and then slowly, to ${showScientific(final(large))}; ` +
      `η = ${show(divergent.lr)}, just above it, climbs to ${showScientific(final(divergent))}.`,
    series: runs.map((r) => ({ label: `η = ${show(r.lr, 3)} (${r.name})`, points: r.path.losses.map((l, t) => [t, log10(l)] as const), color: r.color, dashed: r.dashed })),
    x: { label: 'step', domain: [0, steps], ticks: [0, 10, 20, 30, 40, 50, 60] },
    y: { label: 'log₁₀ loss', domain: [-10, 12], ticks: [-8, -4, 0, 4, 8] },
  });

  return {
    lambdaMin: show(bowlMin),
    lambdaMax: show(bowlMax),
    critical: show(critical),
    steps: String(steps),
    start: `(${show(bowl.start[0])}, ${show(bowl.start[1])})`,
    startLoss: show(first, 2),
    rows: runs.map((r) => ({
      name: r.name,
      lr: show(r.lr, 3),
      slow: show(r.factors[0], 3),
      fast: show(r.factors[1], 3),
      worst: show(r.worst, 3),
      final: showScientific(final(r)),
    })),
    agreement: agreement(gap),
    chart,
  };
})();

// --- The condition number: zig-zags, the best fixed rate, and the rate of convergence -----------------------

/**
 * The best fixed rate balances the two ends of the spectrum: max(|1 − ηλmin|, |1 − ηλmax|) is smallest when
 * 1 − ηλmin = ηλmax − 1, at η = 2/(λmin + λmax), where it equals (κ − 1)/(κ + 1). Checked by scanning η, and on
 * the engine's run: the distance to the minimum shrinks by at most that factor per step.
 */
export const conditioning = (() => {
  const kappa = bowlMax / bowlMin;
  const best = 2 / (bowlMin + bowlMax);
  const rate = (kappa - 1) / (kappa + 1);
  // Scan η over (0, 2/λmax) for the smallest worst-case factor.
  let scanBest = 0;
  let scanFactor = Infinity;
  for (let k = 1; k < 20000; k++) {
    const eta = (k / 20000) * (2 / bowlMax);
    const factor = Math.max(Math.abs(1 - eta * bowlMin), Math.abs(1 - eta * bowlMax));
    if (factor < scanFactor) [scanBest, scanFactor] = [eta, factor];
  }
  claim(Math.abs(scanBest - best) < 1e-3 && Math.abs(scanFactor - rate) < 1e-3, 'the scan finds η = 2/(λmin + λmax) with factor (κ − 1)/(κ + 1)');
  const steps = 40;
  const path = optimizerPath(bowl, 'sgd', { lr: best }, bowl.start, steps);
  const norm = (p: readonly [number, number]) => Math.hypot(p[0], p[1]);
  path.points.forEach((p, t) => claim(norm(p) <= rate ** t * norm(path.points[0]) * (1 + 1e-9), `step ${t}: the distance shrinks at least by (κ − 1)/(κ + 1) per step`));
  const measured = (norm(path.points[steps]) / norm(path.points[steps - 10])) ** (1 / 10);
  claim(Math.abs(measured - rate) < 0.01, 'the measured rate over the last ten steps is (κ − 1)/(κ + 1)');
  // Steps to shrink the error a millionfold at the best rate, for growing condition numbers.
  const table = [10, 100, 1000, 10000].map((k) => {
    const r = (k - 1) / (k + 1);
    return { kappa: showCount(k), rate: show(r, 5), steps: showCount(Math.ceil(Math.log(1e-6) / Math.log(r))) };
  });

  // The zig-zag: κ = 20, η at 90 % of the critical rate, 30 steps on the contours.
  const ravine = createSurface('quadratic', { condition: 20 });
  const [, ravineMax] = curvatures(ravine);
  const zigzagLr = 1.8 / ravineMax;
  const zigzag = optimizerPath(ravine, 'sgd', { lr: zigzagLr }, ravine.start, 30);
  const levels = [0.05, 0.3, 1, 3, 8, 16, 30, 50];
  const figure = contourPanel({
    surface: ravine,
    label:
      `Gradient descent on the contours of a quadratic with condition number 20, tilted by 30 degrees, η = ${show(zigzagLr, 3)}. ` +
      `From the start at (${show(ravine.start[0])}, ${show(ravine.start[1])}) each step crosses the narrow valley and back, a zig-zag, ` +
      `while it creeps along the valley towards the minimum at the origin; after 30 steps the loss is ${showScientific(zigzag.losses[30])}.`,
    title: 'x (plain GD, κ = 20)',
    levels,
    paths: [{ points: zigzag.points, color: 'bad', name: 'gradient descent' }],
    xDomain: [-3, 3],
    yDomain: [-2, 2],
    width: 460,
    height: 320,
  });
  return {
    kappa: show(kappa),
    best: show(best, 4),
    rate: show(rate, 4),
    measured: show(measured, 4),
    steps: String(steps),
    table,
    zigzagLr: show(zigzagLr, 3),
    zigzagLoss: showScientific(zigzag.losses[30]),
    figure,
  };
})();

// --- Newton's method: one step solves a quadratic -----------------------------------------------------------

/**
 * Newton's step p ← p − H⁻¹∇L, with ∇L by autograd and H from the surface. On a quadratic the model it minimises
 * is the function itself, so one step lands on the minimum. The cost of H for the 784-256-10 network is counted.
 */
export const newton = (() => {
  const p = tensor([bowl.start[0], bowl.start[1]], { requiresGrad: true });
  bowl.loss(p).backward();
  const g = Array.from(p.grad!.data) as [number, number];
  const [[a, b], [, c]] = bowl.hessian(bowl.start[0], bowl.start[1]);
  // Solve H s = g for the 2×2 Hessian by Cramer's rule.
  const det = a * c - b * b;
  const s = [(c * g[0] - b * g[1]) / det, (a * g[1] - b * g[0]) / det];
  const next: [number, number] = [bowl.start[0] - s[0], bowl.start[1] - s[1]];
  const distance = Math.hypot(...next);
  claim(distance < 1e-14, 'one Newton step lands on the quadratic’s minimum');
  const gdSteps = Math.ceil(Math.log(distance / Math.hypot(...bowl.start)) / Math.log(conditioningRate()));
  // The picture: the Newton step beside 15 steps of gradient descent at the best fixed rate.
  const shownSteps = 15;
  const gdPath = optimizerPath(bowl, 'sgd', { lr: 2 / (bowlMin + bowlMax) }, bowl.start, shownSteps);
  const figure = contourPanel({
    surface: bowl,
    label:
      `The bowl with curvatures 1 and 10 in contours. From (${show(bowl.start[0])}, ${show(bowl.start[1])}) one Newton step goes in a straight line to ` +
      `the minimum at the origin; gradient descent at its best fixed rate takes ${shownSteps} zig-zagging steps and ends at loss ${showScientific(gdPath.losses[shownSteps])}.`,
    title: 'x (Newton: one step; GD: 15)',
    levels: [0.1, 0.5, 1.5, 4, 9, 16, 27],
    paths: [
      { points: gdPath.points, color: 'bad', name: 'gradient descent' },
      { points: [bowl.start, next], color: 'accent', name: 'Newton' },
    ],
    xDomain: [-3, 3],
    yDomain: [-2, 2],
    width: 460,
    height: 320,
  });

  // On the saddle surface Newton's steps head for the saddle point, since they only look for ∇L = 0.
  const saddle = createSurface('saddle');
  const from: [number, number] = [0.5, 0.3];
  const newtonSteps = 5;
  let point: [number, number] = from;
  for (let k = 0; k < newtonSteps; k++) {
    const q = tensor([...point], { requiresGrad: true });
    saddle.loss(q).backward();
    const [[sa, sb], [, sc]] = saddle.hessian(...point);
    const [gx, gy] = Array.from(q.grad!.data);
    const sdet = sa * sc - sb * sb;
    point = [point[0] - (sc * gx - sb * gy) / sdet, point[1] - (sa * gy - sb * gx) / sdet];
  }
  claim(Math.hypot(...point) < 1e-9, 'Newton’s steps converge to the saddle point');
  const gdRun = optimizerPath(saddle, 'sgd', { lr: 0.1 }, from, 100);
  const gdEnd = gdRun.points[100];
  claim(Math.hypot(gdEnd[0], gdEnd[1] - 1) < 1e-3, 'gradient descent from the same start reaches the minimum (0, 1)');

  // The 784-256-10 network of lesson 3: its parameter count, and what its Hessian would cost.
  const parameters = new MLP([784, 256, 10], { seed: 0 }).parameterCount();
  claim(parameters === 784 * 256 + 256 + 256 * 10 + 10, 'the parameter count of 784-256-10');
  const entries = parameters ** 2;
  const bytes = entries * 8;
  // Gaussian elimination: for each of the n pivots k, (n − k)² multiply-adds, about n³/3 in all.
  const solveOps = parameters ** 3 / 3;
  const million = 1e6;
  return {
    start: `(${show(bowl.start[0])}, ${show(bowl.start[1])})`,
    gradient: `(${show(g[0], 3)}, ${show(g[1], 3)})`,
    hessianRows: [`(${show(a, 3)}, ${show(b, 3)})`, `(${show(b, 3)}, ${show(c, 3)})`],
    next: `(${showScientific(next[0])}, ${showScientific(next[1])})`,
    distance: showScientific(distance),
    gdSteps: String(gdSteps),
    figure,
    saddleFrom: `(${show(from[0])}, ${show(from[1])})`,
    newtonSteps: String(newtonSteps),
    saddleNewton: `(${showScientific(point[0])}, ${showScientific(point[1])})`,
    saddleNewtonLoss: showScientific(saddle.value(...point)),
    saddleGd: `(${show(gdEnd[0], 3)}, ${show(gdEnd[1], 3)})`,
    saddleGdLoss: show(saddle.value(...gdEnd), 3),
    parameters: showCount(parameters),
    entries: showScientific(entries, 3),
    gigabytes: showCount(bytes / 1e9),
    solveOps: showScientific(solveOps, 2),
    ratio: showScientific(solveOps / parameters, 2),
    millionTerabytes: show((million ** 2 * 8) / 1e12),
  };
})();

/** (κ − 1)/(κ + 1) for the learning-rate section's quadratic. */
function conditioningRate(): number {
  return (bowlMax / bowlMin - 1) / (bowlMax / bowlMin + 1);
}

// --- Momentum: a heavy ball ---------------------------------------------------------------------------------

/**
 * PyTorch's momentum keeps a buffer b ← μ b + g and steps θ ← θ − η b. On a constant slope g the buffer after t
 * steps is g (1 + μ + … + μᵗ⁻¹) = g (1 − μᵗ)/(1 − μ), so the step grows to η g/(1 − μ): ten times plain GD's for
 * μ = 0.9. Checked with the engine's SGD on a linear loss; then the ravine, plain GD against momentum.
 */
export const momentum = (() => {
  const lr = 0.1;
  const slope = 1;
  const steps = 50;
  const mus = [0, 0.5, 0.9];
  const runs = mus.map((mu) => {
    const w = tensor([0], { requiresGrad: true });
    const optimizer = new SGD([w], { lr, momentum: mu });
    const sizes: number[] = [];
    for (let t = 1; t <= steps; t++) {
      optimizer.zeroGrad();
      w.mul(slope).sum().backward();
      const before = w.data[0];
      optimizer.step();
      sizes.push((before - w.data[0]) / (lr * slope));
    }
    sizes.forEach((size, i) => claim(Math.abs(size - (1 - mu ** (i + 1)) / (1 - mu)) < 1e-12, `μ = ${mu}: step ${i + 1} is η g (1 − μᵗ)/(1 − μ)`));
    return { mu, sizes };
  });
  const chart = lineChart({
    id: 'momentum-steps',
    title: 'Momentum’s step on a constant slope, in units of plain gradient descent’s step',
    description:
      `On a loss with a constant gradient, plain gradient descent (μ = 0) steps η g every time. With μ = 0.5 the step grows to twice ` +
      `that within a few steps; with μ = 0.9 it grows to ${show(runs[2].sizes[steps - 1], 2)} times after ${steps} steps, approaching 1/(1 − μ) = 10.`,
    series: runs.map((r, i) => ({
      label: `μ = ${show(r.mu)}`,
      points: [[0, 0] as const, ...r.sizes.map((s, t) => [t + 1, s] as const)],
      color: (['text-muted', 'accent', 'bad'] as const)[i],
      dashed: i === 0,
    })),
    x: { label: 'step', domain: [0, steps], ticks: [0, 10, 20, 30, 40, 50] },
    y: { label: 'step size / (η g)', domain: [0, 14], ticks: [0, 1, 2, 5, 10] },
    rules: [1, 2, 10],
  });

  // The ravine: κ = 50, plain GD at its best fixed rate against momentum at the same rate.
  const ravine = createSurface('quadratic', { condition: 50 });
  const [rMin, rMax] = curvatures(ravine);
  const eta = 2 / (rMin + rMax);
  const ravineSteps = 40;
  const gd = optimizerPath(ravine, 'sgd', { lr: eta }, ravine.start, ravineSteps);
  const heavy = optimizerPath(ravine, 'sgd', { lr: eta, momentum: 0.7 }, ravine.start, ravineSteps);
  const spiral = optimizerPath(ravine, 'sgd', { lr: eta, momentum: 0.95 }, ravine.start, ravineSteps);
  const last = (p: { losses: number[] }) => p.losses[p.losses.length - 1];
  claim(last(heavy) < last(gd) / 1000, 'momentum 0.7 ends far below plain GD in the ravine');
  claim(last(spiral) > last(heavy), 'too much momentum overshoots and ends above μ = 0.7');
  const levels = [0.05, 0.5, 2, 6, 15, 40, 80, 130];
  const box: { xDomain: [number, number]; yDomain: [number, number] } = { xDomain: [-3, 3], yDomain: [-2, 2] };
  const ravinePanels = [
    { path: gd, name: 'plain gradient descent', short: 'plain GD', color: 'bad' as const },
    { path: heavy, name: 'momentum μ = 0.7', short: 'μ = 0.7', color: 'accent' as const },
    { path: spiral, name: 'momentum μ = 0.95', short: 'μ = 0.95', color: 'text' as const },
  ].map((run) =>
    contourPanel({
      surface: ravine,
      label: `${run.name} on the quadratic with condition number 50, η = ${show(eta, 4)}, ${ravineSteps} steps from (${show(ravine.start[0])}, ${show(ravine.start[1])}): the loss ends at ${showScientific(last(run.path))}.`,
      title: `x (${run.short})`,
      levels,
      paths: [{ points: run.path.points, color: run.color, name: run.name }],
      ...box,
      width: 300,
      height: 220,
    }),
  );

  // Nesterov: PyTorch's form runs the classic look-ahead form's look-ahead points.
  const mu = 0.7;
  const nesterovLr = 0.02;
  const pytorch = optimizerPath(ravine, 'sgd', { lr: nesterovLr, momentum: mu, nesterov: true }, ravine.start, 60);
  let theta = [ravine.start[0], ravine.start[1]];
  let v = [0, 0];
  let nesterovGap = 0;
  for (let t = 1; t <= 60; t++) {
    // v ← μ v − η ∇L(θ + μ v); θ ← θ + v
    const [gx, gy] = ravine.gradient(theta[0] + mu * v[0], theta[1] + mu * v[1]);
    v = [mu * v[0] - nesterovLr * gx, mu * v[1] - nesterovLr * gy];
    theta = [theta[0] + v[0], theta[1] + v[1]];
    const ahead = [theta[0] + mu * v[0], theta[1] + mu * v[1]];
    nesterovGap = Math.max(nesterovGap, Math.hypot(ahead[0] - pytorch.points[t][0], ahead[1] - pytorch.points[t][1]));
  }
  claim(nesterovGap < 1e-12, 'PyTorch’s Nesterov points are the classic form’s look-ahead points θ + μv');
  const nesterovPlain = optimizerPath(ravine, 'sgd', { lr: nesterovLr, momentum: mu }, ravine.start, 60);

  return {
    lr: show(lr),
    steps: String(steps),
    ninetyAfter: show(runs[2].sizes[steps - 1], 2),
    ninetyAtTen: show(runs[2].sizes[9], 2),
    halfLife: show(Math.log(0.5) / Math.log(0.9), 1),
    chart,
    eta: show(eta, 4),
    ravineSteps: String(ravineSteps),
    gdLoss: showScientific(last(gd)),
    heavyLoss: showScientific(last(heavy)),
    spiralLoss: showScientific(last(spiral)),
    ravinePanels,
    nesterovMu: show(mu),
    nesterovLr: show(nesterovLr),
    nesterovAgreement: agreement(nesterovGap),
    nesterovLoss: showScientific(pytorch.losses[60]),
    nesterovPlainLoss: showScientific(nesterovPlain.losses[60]),
  };
})();

// --- Two forms of momentum: the notes' velocity and PyTorch's buffer ---------------------------------------

/**
 * The notes: v ← α v + η ∇E, w ← w − v. PyTorch: b ← μ b + g, w ← w − η b. While η is constant v = η b, so the
 * weights agree to rounding; when a schedule changes η, the notes' v still carries steps taken at the old η, while
 * PyTorch applies the new η to the whole buffer at once, and the two part.
 */
export const momentumForms = (() => {
  const surface = createSurface('quadratic', { condition: 10 });
  const mu = 0.9;
  const run = (schedule: (t: number) => number, steps: number) => {
    const p = tensor([surface.start[0], surface.start[1]], { requiresGrad: true });
    const optimizer = new SGD([p], { lr: schedule(0), momentum: mu });
    const scheduler = new LRScheduler(optimizer, schedule);
    let w = [surface.start[0], surface.start[1]];
    let v = [0, 0];
    const gaps: number[] = [];
    for (let t = 0; t < steps; t++) {
      const eta = scheduler.lr;
      // The notes' form, by hand, with the gradient at its own weights.
      const [gx, gy] = surface.gradient(w[0], w[1]);
      v = [mu * v[0] + eta * gx, mu * v[1] + eta * gy];
      w = [w[0] - v[0], w[1] - v[1]];
      // PyTorch's form: the engine's SGD.
      p.grad = tensor(surface.gradient(p.data[0], p.data[1]));
      optimizer.step();
      scheduler.step();
      gaps.push(Math.hypot(w[0] - p.data[0], w[1] - p.data[1]));
    }
    return gaps;
  };
  const steps = 40;
  const change = 20;
  const constant = run(constantSchedule(0.05), steps);
  const scheduled = run(stepSchedule(0.05, change, 0.1), steps);
  const constantGap = Math.max(...constant);
  claim(constantGap < 1e-14, 'with a constant η the two momentum forms agree to rounding');
  const beforeChange = Math.max(...scheduled.slice(0, change));
  const afterChange = Math.max(...scheduled.slice(change));
  claim(beforeChange < 1e-14 && afterChange > 1e-3, 'they part once the schedule changes η');
  const chart = lineChart({
    id: 'momentum-forms',
    title: 'The distance between the weights of the two momentum forms, step by step',
    description:
      `Momentum 0.9 on the quadratic with curvatures 1 and 10, once with η = 0.05 throughout and once with η cut to a tenth at step ${change}. ` +
      `With a constant η the notes' velocity form and PyTorch's buffer form stay within ${showGap(constantGap)} of each other (rounding); with the ` +
      `cut, they agree until step ${change} and then part by up to ${show(afterChange, 3)}.`,
    series: [
      { label: 'η constant', points: constant.map((g, t) => [t + 1, log10(g, 1e-18)] as const), color: 'accent' },
      { label: `η ÷ 10 at step ${change}`, points: scheduled.map((g, t) => [t + 1, log10(g, 1e-18)] as const), color: 'bad', dashed: true },
    ],
    x: { label: 'step', domain: [0, steps], ticks: [0, 10, 20, 30, 40] },
    y: { label: 'log₁₀ distance', domain: [-18, 8], ticks: [-18, -12, -6, 0, 6] },
  });
  return { constantGap: showGap(constantGap), afterChange: show(afterChange, 3), change: String(change), chart };
})();

// --- Adaptive step sizes: AdaGrad, RMSProp, Adam ------------------------------------------------------------

/**
 * The first step of each optimizer on an axis-aligned quadratic whose two gradients differ tenfold: SGD's step is
 * proportional to each gradient, the adaptive optimizers' first steps have the same size in every coordinate.
 * Then each optimizer's step on a steady slope over the first 100 steps: AdaGrad's shrinks as η/√t, RMSProp's
 * starts at η/√(1 − α) and settles to η, Adam's (bias-corrected) is η from the first step.
 */
export const adaptive = (() => {
  const surface = createSurface('quadratic', { condition: 10, angle: 0 });
  const start: [number, number] = [1, 1];
  const g = surface.gradient(...start);
  const lr = 0.01;
  const firstSteps = (['sgd', 'adagrad', 'rmsprop', 'adam'] as const).map((name) => {
    const path = optimizerPath(surface, name, { lr }, start, 1);
    const step = [start[0] - path.points[1][0], start[1] - path.points[1][1]];
    return { name, step, ratio: step[1] / step[0] };
  });
  const [sgd, adagrad, rmsprop, adam] = firstSteps;
  claim(Math.abs(sgd.ratio - g[1] / g[0]) < 1e-12, 'SGD’s first step is proportional to the gradient');
  for (const r of [adagrad, adam]) claim(Math.abs(r.step[0] - lr) < 1e-8 && Math.abs(r.step[1] - lr) < 1e-8, `${r.name}’s first step is η in each coordinate`);
  claim(Math.abs(rmsprop.step[0] - 10 * lr) < 1e-6 && Math.abs(rmsprop.step[1] - 10 * lr) < 1e-6, 'RMSProp’s first step is η/√(1 − α) = 10η in each coordinate');

  // On a steady slope: the step in units of η, over 100 steps.
  const steps = 100;
  const stepSizes = (name: string, options: Record<string, unknown>) => {
    const w = tensor([0], { requiresGrad: true });
    const optimizer = createOptimizer(name, [w], { lr, ...options });
    const sizes: number[] = [];
    for (let t = 0; t < steps; t++) {
      optimizer.zeroGrad();
      w.mul(3).sum().backward();
      const before = w.data[0];
      optimizer.step();
      sizes.push((before - w.data[0]) / lr);
    }
    return sizes;
  };
  const series = {
    adagrad: stepSizes('adagrad', {}),
    rmsprop: stepSizes('rmsprop', {}),
    adam: stepSizes('adam', {}),
  };
  series.adagrad.forEach((s, t) => claim(Math.abs(s - 1 / Math.sqrt(t + 1)) < 1e-8, 'AdaGrad’s step on a steady slope is η/√t'));
  series.rmsprop.forEach((s, t) => claim(Math.abs(s - 1 / Math.sqrt(1 - 0.99 ** (t + 1))) < 1e-6, 'RMSProp’s step is η/√(1 − αᵗ)'));
  series.adam.forEach((s) => claim(Math.abs(s - 1) < 1e-6, 'Adam’s corrected step on a steady slope is η'));
  const chart = lineChart({
    id: 'adaptive-steps',
    title: 'The step of AdaGrad, RMSProp and Adam on a steady slope, in units of η',
    description:
      `On a loss whose gradient is the same at every step, AdaGrad's step shrinks as η/√t, to ${show(series.adagrad[steps - 1], 2)} η at step ${steps}. ` +
      `RMSProp's starts at ${show(series.rmsprop[0], 2)} η (its average of squared gradients starts at zero) and settles towards η, ` +
      `${show(series.rmsprop[steps - 1], 2)} η at step ${steps}. Adam's, bias-corrected, is η from the first step.`,
    series: [
      { label: 'AdaGrad', points: series.adagrad.map((s, t) => [t + 1, s] as const), color: 'accent' },
      { label: 'RMSProp', points: series.rmsprop.map((s, t) => [t + 1, s] as const), color: 'bad', dashed: true },
      { label: 'Adam', points: series.adam.map((s, t) => [t + 1, s] as const), color: 'good' },
    ],
    x: { label: 'step t', domain: [0, steps], ticks: [1, 20, 40, 60, 80, 100] },
    y: { label: 'step / η', domain: [0, 10.5], ticks: [0, 1, 2, 4, 6, 8, 10] },
    rules: [1],
  });
  return {
    lr: show(lr),
    start: `(${show(start[0])}, ${show(start[1])})`,
    gradient: `(${show(g[0])}, ${show(g[1])})`,
    firstSteps: firstSteps.map((r) => ({ name: { sgd: 'SGD', adagrad: 'AdaGrad', rmsprop: 'RMSProp', adam: 'Adam' }[r.name], x: show(r.step[0] / lr, 3), y: show(r.step[1] / lr, 3), ratio: show(r.ratio, 3) })),
    adagradAtHundred: show(series.adagrad[steps - 1], 2),
    rmspropFirst: show(series.rmsprop[0], 2),
    rmspropAtHundred: show(series.rmsprop[steps - 1], 2),
    chart,
  };
})();

// --- Adam's bias correction ---------------------------------------------------------------------------------

/**
 * Adam's m and v start at zero, so over the first steps they are biased towards zero: with a steady gradient g,
 * mₜ = (1 − β₁ᵗ) g and vₜ = (1 − β₂ᵗ) g². Dividing by 1 − β₁ᵗ and 1 − β₂ᵗ removes the bias. Without the division
 * the step is η (1 − β₁ᵗ)/√(1 − β₂ᵗ): about 3.2 η at the first step and 6.6 η around step 12, with the default
 * betas, because v's bias (β₂ = 0.999) is far larger than m's. The engine's Adam is run both ways; m and v are
 * read from its state.
 */
export const biasCorrection = (() => {
  const g = 0.5;
  const lr = 0.01;
  const steps = 200;
  const run = (corrected: boolean) => {
    const w = tensor([0], { requiresGrad: true });
    const optimizer = new Adam([w], { lr, biasCorrection: corrected });
    const rows: { m: number; v: number; step: number }[] = [];
    for (let t = 0; t < steps; t++) {
      optimizer.zeroGrad();
      w.mul(g).sum().backward();
      const before = w.data[0];
      optimizer.step();
      const state = optimizer.stateDict().buffers[0];
      rows.push({ m: state.expAverage[0], v: state.expAverageSquare[0], step: (before - w.data[0]) / lr });
    }
    return rows;
  };
  const corrected = run(true);
  const uncorrected = run(false);
  const [beta1, beta2] = [0.9, 0.999];
  corrected.forEach((r, i) => {
    const t = i + 1;
    claim(Math.abs(r.m - (1 - beta1 ** t) * g) < 1e-12 && Math.abs(r.v - (1 - beta2 ** t) * g * g) < 1e-12, 'm and v are the biased averages');
    claim(Math.abs(r.step - 1) < 1e-6, 'the corrected step on a steady slope is η');
    claim(Math.abs(uncorrected[i].step / ((1 - beta1 ** t) / Math.sqrt(1 - beta2 ** t)) - 1) < 1e-5, 'the uncorrected step is η (1 − β₁ᵗ)/√(1 − β₂ᵗ)');
  });
  const peak = uncorrected.reduce((best, r, i) => (r.step > uncorrected[best].step ? i : best), 0);
  claim(uncorrected[0].step > 3 && uncorrected[peak].step > 6, 'uncorrected steps are too large: above 3η at once and above 6η at the peak');
  const shown = 30;
  const momentsChart = lineChart({
    id: 'adam-moments',
    title: 'Adam’s running averages over the first 30 steps, with and without bias correction, for a steady gradient',
    description:
      `The gradient is ${show(g)} at every step. The running mean m starts at zero and reaches ${show(corrected[0].m, 3)} after one step and ` +
      `${show(corrected[9].m, 3)} after ten: it is (1 − β₁ᵗ) g. Divided by 1 − β₁ᵗ it is m̂ = ${show(g)} from the first step. The root of the running ` +
      `square, √v, is slower still: ${show(Math.sqrt(corrected[0].v), 4)} after one step and ${show(Math.sqrt(corrected[shown - 1].v), 3)} after ${shown}, ` +
      `while √v̂ is ${show(g)} throughout.`,
    series: [
      { label: 'm (raw)', points: corrected.slice(0, shown).map((r, i) => [i + 1, r.m] as const), color: 'accent', dashed: true },
      { label: 'm̂ = m / (1 − β₁ᵗ)', points: corrected.slice(0, shown).map((r, i) => [i + 1, r.m / (1 - beta1 ** (i + 1))] as const), color: 'accent' },
      { label: '√v (raw)', points: corrected.slice(0, shown).map((r, i) => [i + 1, Math.sqrt(r.v)] as const), color: 'bad', dashed: true },
    ],
    x: { label: 'step t', domain: [0, shown], ticks: [1, 5, 10, 15, 20, 25, 30] },
    y: { label: 'value', domain: [0, 0.8], ticks: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
  });
  const stepsChart = lineChart({
    id: 'adam-bias-steps',
    title: 'Adam’s step in units of η, with and without bias correction, for a steady gradient',
    description:
      `With bias correction every step is η. Without it the first step is ${show(uncorrected[0].step, 2)} η, the steps grow to ${show(uncorrected[peak].step, 2)} η ` +
      `at step ${peak + 1}, and after ${steps} steps they are still ${show(uncorrected[steps - 1].step, 2)} η.`,
    series: [
      { label: 'without correction', points: uncorrected.map((r, i) => [i + 1, r.step] as const), color: 'bad', dashed: true },
      { label: 'with correction', points: corrected.map((r, i) => [i + 1, r.step] as const), color: 'good' },
    ],
    x: { label: 'step t', domain: [0, steps], ticks: [1, 50, 100, 150, 200] },
    y: { label: 'step / η', domain: [0, 7], ticks: [0, 1, 2, 3, 4, 5, 6, 7] },
    rules: [1],
  });
  return {
    g: show(g),
    m1: show(corrected[0].m, 3),
    m10: show(corrected[9].m, 3),
    sqrtV1: show(Math.sqrt(corrected[0].v), 4),
    firstUncorrected: show(uncorrected[0].step, 2),
    peakUncorrected: show(uncorrected[peak].step, 2),
    peakStep: String(peak + 1),
    atTenUncorrected: show(uncorrected[9].step, 2),
    lastUncorrected: show(uncorrected[steps - 1].step, 2),
    steps: String(steps),
    momentsChart,
    stepsChart,
  };
})();

// --- ε inside or outside the root, and v as a second moment -------------------------------------------------

/**
 * PyTorch adds ε outside the root, √v + ε; some texts write √(v + ε). Both keep the denominator away from zero; they
 * differ only once √v is near √ε or ε. The first RMSProp step for a tiny gradient, both ways. And v is the
 * uncentred second moment: for a steady gradient the variance is zero but v̂ = g².
 */
export const epsilon = (() => {
  const eps = 1e-8;
  const lr = 0.01;
  const rows = [1, 1e-3, 1e-5].map((g) => {
    const w = tensor([0], { requiresGrad: true });
    const optimizer = createOptimizer('rmsprop', [w], { lr, eps });
    w.mul(g).sum().backward();
    optimizer.step();
    const outside = -w.data[0] / lr;
    const v = 0.01 * g * g;
    const inside = g / Math.sqrt(v + eps);
    claim(Math.abs(outside - g / (Math.sqrt(v) + eps)) < 1e-9 * Math.max(1, outside), 'the engine puts ε outside the root');
    return { g: showScientific(g), outside: show(outside, 3), inside: show(inside, 3) };
  });
  // v is a second moment: a steady gradient has no variance, yet Adam's v̂ is g².
  const g = 0.5;
  const w = tensor([0], { requiresGrad: true });
  const adam = new Adam([w], { lr });
  for (let t = 0; t < 5; t++) {
    adam.zeroGrad();
    w.mul(g).sum().backward();
    adam.step();
  }
  const vHat = adam.stateDict().buffers[0].expAverageSquare[0] / (1 - 0.999 ** 5);
  claim(Math.abs(vHat - g * g) < 1e-12, 'for a steady gradient v̂ = g², though the variance is zero');
  return { eps: showScientific(eps), sqrtEps: showScientific(Math.sqrt(eps)), lr: show(lr), rows, g: show(g), vHat: show(vHat, 4) };
})();

// --- Learning-rate schedules --------------------------------------------------------------------------------

/**
 * Step, cosine and warm-up-then-cosine schedules from the engine over 100 epochs, and what a decaying schedule does
 * to noisy SGD on the quadratic: with a constant η the loss stalls at a noise floor; decaying η lowers it.
 */
export const schedules = (() => {
  const lr0 = 0.1;
  const epochs = 100;
  const named = [
    { label: 'step (÷10 every 30)', schedule: stepSchedule(lr0, 30, 0.1), color: 'text-muted' as const, dashed: true },
    { label: 'cosine', schedule: cosineSchedule(lr0, epochs), color: 'accent' as const, dashed: false },
    { label: 'warm-up 10, then cosine', schedule: warmupSchedule(cosineSchedule(lr0, epochs - 10), 10), color: 'bad' as const, dashed: true },
  ];
  const chart = lineChart({
    id: 'schedules',
    title: 'Three learning-rate schedules over 100 epochs',
    description:
      `Starting from η₀ = ${show(lr0)}: the step schedule divides η by 10 at epochs 30, 60 and 90; the cosine schedule glides from η₀ to 0 along half a ` +
      `cosine; the warm-up schedule climbs in a straight line from η₀/10 over the first 10 epochs, then follows a cosine over the remaining 90.`,
    series: named.map((s) => ({ label: s.label, points: Array.from({ length: epochs + 1 }, (_, t) => [t, s.schedule(t)] as const), color: s.color, dashed: s.dashed })),
    x: { label: 'epoch', domain: [0, epochs], ticks: [0, 10, 30, 60, 90, 100] },
    y: { label: 'learning rate η', domain: [0, 0.15], ticks: [0, 0.025, 0.05, 0.075, 0.1] },
  });

  // Noisy SGD on the quadratic, constant against cosine, averaged over seeds.
  const surface = createSurface('quadratic', { condition: 10 });
  const steps = 300;
  const seeds = 20;
  const noise = 2;
  const finalLoss = (schedule: (t: number) => number) => {
    let total = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const rng = new Random(seed);
      const p = tensor([surface.start[0], surface.start[1]], { requiresGrad: true });
      const optimizer = new SGD([p], { lr: schedule(0) });
      const scheduler = new LRScheduler(optimizer, schedule);
      for (let t = 0; t < steps; t++) {
        p.grad = tensor(noisyGradient(surface, p.data[0], p.data[1], noise, rng));
        optimizer.step();
        scheduler.step();
      }
      total += surface.value(p.data[0], p.data[1]) / seeds;
    }
    return total;
  };
  const noisyLr = 0.1;
  const constantLoss = finalLoss(constantSchedule(noisyLr));
  const cosineLoss = finalLoss(cosineSchedule(noisyLr, steps));
  claim(cosineLoss < constantLoss / 5, 'a cosine schedule ends far below the constant rate’s noise floor');
  return {
    lr0: show(lr0),
    noisyLr: show(noisyLr),
    noise: show(noise),
    steps: String(steps),
    seeds: String(seeds),
    constantLoss: showScientific(constantLoss),
    cosineLoss: showScientific(cosineLoss),
    chart,
  };
})();

// --- Saddle points in high dimensions -----------------------------------------------------------------------

/**
 * Model the Hessian at a critical point as a random symmetric matrix (Gaussian entries, the diagonal with twice the
 * variance: the Gaussian orthogonal ensemble). The point is a minimum only if every eigenvalue is positive; count
 * how often, by the matrices' inertia, for growing dimension.
 */
export const saddles = (() => {
  const samples = 100_000;
  const dimensions = [1, 2, 3, 4, 5, 6];
  const rows = dimensions.map((n) => {
    const rng = new Random(100 + n);
    let minima = 0;
    let negativeShare = 0;
    for (let k = 0; k < samples; k++) {
      const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) {
          const value = i === j ? rng.normal(0, Math.SQRT2) : rng.normal();
          a[i][j] = value;
          a[j][i] = value;
        }
      }
      const inertia = symmetricInertia(a);
      if (inertia.negative === 0) minima++;
      negativeShare += inertia.negative / n / samples;
    }
    return { n, fraction: minima / samples, minima, negativeShare };
  });
  claim(Math.abs(rows[0].fraction - 0.5) < 0.01, 'in one dimension half the critical points are minima');
  rows.slice(1).forEach((r, i) => claim(r.fraction < rows[i].fraction / 2 || r.minima === 0, `the fraction falls faster than halving at n = ${r.n}`));
  rows.forEach((r) => claim(Math.abs(r.negativeShare - 0.5) < 0.01, 'on average half the eigenvalues are negative'));
  claim(rows.every((r) => r.minima > 0), 'every dimension shown has at least one minimum, so its fraction can be drawn on a log scale');
  const chart = lineChart({
    id: 'saddle-fraction',
    title: 'The fraction of random critical points that are minima, against the dimension',
    description:
      `For ${showCount(samples)} random symmetric matrices of each size, the share whose eigenvalues are all positive, on a log scale: ` +
      rows.map((r) => `${showScientific(r.fraction)} at n = ${r.n} (${showCount(r.minima)} matrices)`).join(', ') +
      `. The dashed line is 2⁻ⁿ, what independent coin flips for the signs would give: the true fraction falls much faster.`,
    series: [
      { label: 'all eigenvalues positive', points: rows.map((r) => [r.n, Math.log10(r.fraction)] as const), color: 'accent' },
      { label: '2⁻ⁿ (independent signs)', points: dimensions.map((n) => [n, -n * Math.log10(2)] as const), color: 'text-muted', dashed: true },
    ],
    x: { label: 'dimension n', domain: [1, 6], ticks: [1, 2, 3, 4, 5, 6] },
    y: { label: 'log₁₀ fraction', domain: [-6, 2], ticks: [-6, -5, -4, -3, -2, -1, 0] },
  });
  return {
    samples: showCount(samples),
    rows: rows.map((r) => ({ n: String(r.n), fraction: showScientific(r.fraction), count: `${showCount(r.minima)} of ${showCount(samples)}`, coin: showScientific(2 ** -r.n), negative: show(r.negativeShare, 3) })),
    largest: String(rows[rows.length - 1].n),
    largestCount: showCount(rows[rows.length - 1].minima),
    chart,
  };
})();

// --- Two valleys: where an optimizer ends depends on how it moves ---------------------------------------------

/**
 * The two-minima surface from high on the right valley's outer wall: plain SGD settles in the right, shallower valley;
 * with momentum 0.9 the speed gathered on the way down carries it over the saddle into the deeper left valley.
 */
export const valleys = (() => {
  const surface = createSurface('two-minima');
  const start: [number, number] = [1.8, 0];
  const lr = 0.02;
  const steps = 800;
  const end = (options: Record<string, unknown>) => {
    const { points } = optimizerPath(surface, 'sgd', options, start, steps);
    return points[points.length - 1];
  };
  const plain = end({ lr });
  const heavy = end({ lr, momentum: 0.9 });
  const [left, right] = surface.minima;
  const near = (p: readonly [number, number], q: readonly [number, number]) => Math.hypot(p[0] - q[0], p[1] - q[1]) < 1e-3;
  claim(near(plain, right) && near(heavy, left), 'plain SGD ends in the right valley and momentum in the left one');
  claim(surface.value(...left) < surface.value(...right), 'the left valley is the deeper one');
  const point = (p: readonly [number, number]) => `(${show(p[0], 2)}, ${show(p[1], 2)})`;
  return {
    start: point(start),
    lr: show(lr),
    plainEnd: point(plain),
    heavyEnd: point(heavy),
    plainLoss: show(surface.value(...plain), 3),
    heavyLoss: show(surface.value(...heavy), 3),
  };
})();
